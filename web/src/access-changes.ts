// The access diff's result in the page's words: new access, lost access or no change at a glance, the
// changes grouped by principal (as `ecr-policy diff` prints them), and every error of a side that could
// not be compared, with its line and column. Pure, so the unit tests run it without a browser.

import { spanLineColumn } from "./offsets";
import type { AccessChange, AccessDiff, EngineDiagnostic } from "./types";

/** How a request's decision changed: denied to allowed, allowed to denied, or one denial for another. */
export type ChangeKind = "new-access" | "lost-access" | "other-denial";

/** What the Compare view's headline says: both kinds of change can happen at once. */
export type Headline = "new-access" | "lost-access" | "new-and-lost-access" | "no-change";

/** The changes of one principal, in the engine's order (by action). */
export interface PrincipalChanges {
  principal: string;
  changes: AccessChange[];
}

/** The headline of a valid diff. */
export function headline(diff: Pick<AccessDiff, "newAccess" | "lostAccess">): Headline {
  if (diff.newAccess && diff.lostAccess) return "new-and-lost-access";
  if (diff.newAccess) return "new-access";
  if (diff.lostAccess) return "lost-access";
  return "no-change";
}

/** The headline in words. */
export const HEADLINE_WORDS: Record<Headline, string> = {
  "new-access": "New access",
  "lost-access": "Lost access",
  "new-and-lost-access": "New access and lost access",
  "no-change": "No change in access",
};

/** How one change changed the decision. */
export function changeKind(change: Pick<AccessChange, "before" | "after">): ChangeKind {
  if (change.before !== "allowed" && change.after === "allowed") return "new-access";
  if (change.before === "allowed" && change.after !== "allowed") return "lost-access";
  return "other-denial";
}

/** The changes grouped by principal, the principals in the order they first come (the engine sorts them). */
export function byPrincipal(changes: readonly AccessChange[]): PrincipalChanges[] {
  const groups = new Map<string, AccessChange[]>();
  for (const change of changes) {
    const group = groups.get(change.principal);
    if (group) {
      group.push(change);
    } else {
      groups.set(change.principal, [change]);
    }
  }
  return [...groups].map(([principal, grouped]) => ({ principal, changes: grouped }));
}

/** A request's condition keys as `key = value` pairs; none when it supplies none (every key tested is absent). */
export function contextWords(context: Readonly<Record<string, string>>): string[] {
  return Object.entries(context).map(([key, value]) => `${key} = ${value}`);
}

/**
 * What the representative requests cover and cannot prove, in one sentence (README, "Comparing two
 * versions of a policy", says it in full).
 */
export function coverage(requests: number): string {
  return (
    `Decided for ${requests} representative request${requests === 1 ? "" : "s"}: every principal either version names ` +
    "(an account as its root, a user and a role session of it), the same for the repository's account and an account neither names, " +
    "anonymous and each service principal named, " +
    "with every action either version can match and, for each condition, a value on each side of it; a request outside them can still change."
  );
}

/** One error of a side that could not be compared: which side, and what, with its line and column when it has one. */
export interface SideError {
  side: "current" | "new" | "scenario";
  text: string;
}

/** Every error of an invalid diff: the current version's, the new version's, then the rest of the scenario's.
 * `texts` are the two versions compared, which the errors' spans are of. */
export function sideErrors(diff: Pick<AccessDiff, "oldErrors" | "newErrors" | "baseErrors">, texts: { old: string; new: string }): SideError[] {
  const located = (side: SideError["side"], label: string, text: string) => (error: EngineDiagnostic) => {
    const { line, column } = spanLineColumn(error.span, text);
    return { side, text: `${label}, line ${line}, column ${column}: ${error.message}` };
  };
  return [
    ...diff.oldErrors.map(located("current", "Current version", texts.old)),
    ...diff.newErrors.map(located("new", "New version", texts.new)),
    ...diff.baseErrors.map((message) => ({ side: "scenario" as const, text: `The rest of the scenario: ${message}` })),
  ];
}
