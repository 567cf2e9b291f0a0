// Principal presets: the kinds of caller a person usually asks about, each as an example ARN in the
// repository's account (or another one), and recognising which kind a typed principal is.

/** A kind of caller. */
export interface PrincipalPreset {
  id: string;
  label: string;
  /** An example principal for a repository in `account`. */
  make(account: string): string;
  /** Whether `principal` is of this kind. */
  matches(principal: string, account: string): boolean;
}

const OTHER_ACCOUNT = "444455556666";
const FALLBACK_ACCOUNT = "111122223333";

/** An account that is not `account`. */
function otherAccount(account: string): string {
  return account === OTHER_ACCOUNT ? FALLBACK_ACCOUNT : OTHER_ACCOUNT;
}

const accountOf = (principal: string) => /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1] ?? (/^\d{12}$/.test(principal) ? principal : null);
const sameAccount = (principal: string, account: string) => accountOf(principal) === account;

/** The presets, in the order the menu shows them. */
export const PRESETS: PrincipalPreset[] = [
  {
    id: "user",
    label: "IAM user",
    make: (account) => `arn:aws:iam::${account}:user/alice`,
    matches: (principal, account) => /:iam::\d{12}:user\//.test(principal) && sameAccount(principal, account),
  },
  {
    id: "role",
    label: "IAM role",
    make: (account) => `arn:aws:iam::${account}:role/app-role`,
    matches: (principal, account) => /:iam::\d{12}:role\//.test(principal) && sameAccount(principal, account),
  },
  {
    id: "session",
    label: "Role session",
    make: (account) => `arn:aws:sts::${account}:assumed-role/app-role/session-1`,
    matches: (principal, account) => /:sts::\d{12}:(assumed-role|federated-user)\//.test(principal) && sameAccount(principal, account),
  },
  {
    id: "root",
    label: "Account root",
    make: (account) => `arn:aws:iam::${account}:root`,
    matches: (principal, account) => (/:iam::\d{12}:root$/.test(principal) || /^\d{12}$/.test(principal)) && sameAccount(principal, account),
  },
  {
    id: "other",
    label: "Another account",
    make: (account) => `arn:aws:iam::${otherAccount(account)}:user/bob`,
    matches: (principal, account) => accountOf(principal) !== null && !sameAccount(principal, account),
  },
  {
    id: "service",
    label: "Service principal",
    make: () => "codebuild.amazonaws.com",
    matches: (principal) => /\.amazonaws\.com(\.cn)?$/.test(principal.trim()),
  },
  {
    id: "anonymous",
    label: "Anonymous",
    make: () => "anonymous",
    matches: (principal) => principal.trim() === "anonymous",
  },
];

/** The repository's account from its ARN, or a default account. */
export function repositoryAccount(resource: string): string {
  return /^arn:aws[\w-]*:ecr(?:-public)?:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? FALLBACK_ACCOUNT;
}

/** The preset the principal is an instance of, or `custom`. */
export function presetOf(principal: string, resource: string): string {
  const account = repositoryAccount(resource);
  return PRESETS.find((preset) => preset.matches(principal.trim(), account))?.id ?? "custom";
}
