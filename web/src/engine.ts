// The only door to the engine: loads the WebAssembly package built into web/pkg. Every call goes
// through here so that an exception from the engine (only misuse of its API throws) becomes a value the
// page can show, never an uncaught error.

import initWasm, {
  accessDenied,
  catalog,
  decideSuite,
  decodeShare,
  diff,
  encodeShare,
  evaluate,
  importIdentity,
  longLink,
  matrix,
  readAccount,
  readScenarios,
  readTemplate,
  suggestFixes,
  version,
  whoCan,
} from "../pkg/ecr_policy_wasm.js";
import type {
  AccessDeniedResult,
  AccessDiff,
  Catalog,
  Evaluation,
  Fix,
  ImportIdentityResult,
  Matrix,
  PolicyKind,
  ReadAccountResult,
  ReadScenariosResult,
  ReadTemplateResult,
  RequestDecision,
  ScenarioDocument,
  WhoCanResult,
} from "./types";

/** A call's answer: the value, or the message of what went wrong. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** The loaded engine. */
export interface Engine {
  /** Decides the scenario's request, now. */
  evaluate(scenario: ScenarioDocument): Outcome<Evaluation>;
  /**
   * Decides every request of the scenario (its one `request`, or each of a suite's `requests`), parsing
   * the policies once, and gives each one's decision only. A scenario that cannot be read gives its
   * errors' messages.
   */
  decideSuite(scenario: ScenarioDocument): Outcome<RequestDecision[]>;
  /** Decides every operation, every repository action and every registry-level action for the scenario's caller. */
  matrix(scenario: ScenarioDocument): Outcome<Matrix>;
  catalog(): Catalog | null;
  version(): string;
  /** The share value (`1.<payload>`, what follows `#s=`) of a scenario document's JSON text. */
  encodeShare(scenarioJson: string): Outcome<string>;
  /** The scenario document's JSON text in a link, its fragment or a bare share value. */
  decodeShare(fragmentOrUrl: string): Outcome<string>;
  /** The length above which a link risks being cut by chat tools and mail clients. */
  longLink(): number;
  /** Reads an AccessDenied message; with a scenario, whether its evaluation agrees with AWS's reason. */
  accessDenied(text: string, scenario?: ScenarioDocument): Outcome<AccessDeniedResult>;
  /** The users and roles of `aws iam get-account-authorization-details` output, or why it cannot be read. */
  readAccount(accountDetails: string): ReadAccountResult;
  /** The identity side of a user or role of the account details. */
  importIdentity(accountDetails: string, principal: string): ImportIdentityResult;
  /** Every principal of the account details, and those outside it the scenario's policies name, decided for its request. */
  whoCan(accountDetails: string, scenario: ScenarioDocument): WhoCanResult;
  /** Every scenario of a scenario document's text, read by the engine's reader, or where it cannot be read. */
  readScenarios(text: string): Outcome<ReadScenariosResult>;
  /**
   * The access diff of two versions of a policy of `kind` (texts as typed), decided in `base` (the rest of
   * the scenario). Asynchronous: the analyses may come from a module loaded when first used.
   */
  diff(old: string, next: string, kind: PolicyKind, base: ScenarioDocument): Promise<Outcome<AccessDiff>>;
  /**
   * The policies of a CloudFormation template (JSON or YAML) or a Terraform plan in JSON, or where it
   * cannot be read. Asynchronous: the template reader may live in a module loaded on first use.
   */
  readTemplate(text: string): Promise<ReadTemplateResult | { ok: false; message: string }>;
  /**
   * For a denied request, the changes that would allow it, each verified by the engine (none for an
   * allowed or invalid one). An analysis: asynchronous, so that it can come from a module loaded later.
   */
  suggestFixes(scenario: ScenarioDocument): Promise<Outcome<Fix[]>>;
}

function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

/** Loads the package. */
export async function loadEngine(): Promise<Engine> {
  await initWasm();
  return {
    evaluate: (scenario) => attempt(() => evaluate(scenario)),
    decideSuite: (scenario) =>
      attempt(() => {
        const result = decideSuite(scenario);
        throwScenarioErrors(result.scenarioErrors);
        return result.requests;
      }),
    matrix: (scenario) =>
      attempt(() => {
        const result = matrix(scenario);
        throwScenarioErrors(result.scenarioErrors);
        return { rows: result.rows, operations: result.operations };
      }),
    catalog: () => {
      const answer = attempt(catalog);
      return answer.ok ? answer.value : null;
    },
    version: () => {
      const answer = attempt(version);
      return answer.ok ? answer.value : "unknown";
    },
    encodeShare: (scenarioJson) => attempt(() => encodeShare(scenarioJson)),
    decodeShare: (fragmentOrUrl) =>
      attempt(() => {
        const result = decodeShare(fragmentOrUrl);
        if (!result.ok) throw new Error(result.message);
        return result.text;
      }),
    longLink,
    accessDenied: (text, scenario) => attempt(() => accessDenied(text, scenario)),
    readAccount: (accountDetails) => failedOr(() => readAccount(accountDetails)),
    importIdentity: (accountDetails, principal) => failedOr(() => importIdentity(accountDetails, principal)),
    whoCan: (accountDetails, scenario) => failedOr(() => whoCan(accountDetails, scenario)),
    readScenarios: (text) => attempt(() => readScenarios(text)),
    diff: async (old, next, kind, base) => attempt(() => diff(old, next, kind, base)),
    readTemplate: async (text) => failedOr(() => readTemplate(text)),
    suggestFixes: async (scenario) =>
      attempt(() => {
        const result = suggestFixes(scenario);
        if (!result.ok) throw new Error(result.message);
        return result.fixes;
      }),
  };
}

/** The answer of a call whose failures are `{ok: false, message}`, with a throw (misuse) answered the same way. */
function failedOr<T>(run: () => T): T | { ok: false; message: string } {
  const answer = attempt(run);
  return answer.ok ? answer.value : { ok: false, message: answer.message };
}

/** Throws the messages of a scenario's errors, if it has any, for `attempt` to return. */
function throwScenarioErrors(errors: readonly { message: string }[]): void {
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join("; "));
}

/** The message of anything thrown across the WebAssembly boundary. */
function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return String(error);
}
