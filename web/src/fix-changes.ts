// What a fix changes, as the page shows and applies it: a line-by-line comparison of a policy's text
// before and after (the Preview), the editor each change goes to, and the state with the policies a fix
// adds. Pure functions: no DOM, no engine.

import { type AppState, newPolicy, type PolicyDoc } from "./state";
import { selectTab } from "./state-edits";
import type { FixSide, PolicyChange } from "./types";

/** One line of a comparison: kept, added by the fix, or removed by it. */
export interface ChangedLine {
  kind: "same" | "added" | "removed";
  text: string;
}

/** The lines of `after` against those of `before` (a longest-common-subsequence comparison; policies are short). */
export function changedLines(before: string, after: string): ChangedLine[] {
  const old = before === "" ? [] : before.split("\n");
  const next = after.split("\n");
  // common[i][j]: the longest common subsequence of old[i..] and next[j..].
  const common = Array.from({ length: old.length + 1 }, () => new Array<number>(next.length + 1).fill(0));
  for (let i = old.length - 1; i >= 0; i -= 1) {
    for (let j = next.length - 1; j >= 0; j -= 1) {
      const row = common[i] as number[];
      row[j] = old[i] === next[j] ? (common[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(common[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const lines: ChangedLine[] = [];
  let i = 0;
  let j = 0;
  while (i < old.length || j < next.length) {
    if (i < old.length && j < next.length && old[i] === next[j]) {
      lines.push({ kind: "same", text: next[j] ?? "" });
      i += 1;
      j += 1;
    } else if (i < old.length && (j >= next.length || (common[i + 1]?.[j] ?? 0) >= (common[i]?.[j + 1] ?? 0))) {
      lines.push({ kind: "removed", text: old[i] ?? "" });
      i += 1;
    } else {
      lines.push({ kind: "added", text: next[j] ?? "" });
      j += 1;
    }
  }
  return lines;
}

/** How the page names a fix's side. */
export const SIDE_LABEL: Record<FixSide, string> = {
  identity: "Caller's side",
  resource: "Repository's side",
  both: "Both sides",
  organization: "Organization",
};

/** The editor key of a change: the editor the evaluation's policy id maps to, the repository editor
 * (always on the page, empty when there is no policy), or none for a policy the fix adds. */
export function editorFor(change: PolicyChange, editorOf: ReadonlyMap<string, string>): string | null {
  return editorOf.get(change.policy) ?? (change.policy === "repository" ? "repository" : null);
}

/** `state` with the policy a change adds (one the page has no editor for), selected. */
export function withAddedPolicy(state: AppState, change: PolicyChange): AppState {
  const level = (id: string) => Number(id.split(":")[1] ?? 0);
  switch (change.kind) {
    case "identity": {
      const policy = newPolicy("identity", change.name, change.after);
      return selectTab({ ...state, identities: [...state.identities, policy] }, policy.key);
    }
    case "registry":
    case "boundary":
    case "session": {
      const names = { registry: "Registry policy", boundary: "Permissions boundary", session: "Session policy" };
      const policy = newPolicy(change.kind, names[change.kind], change.after);
      return selectTab({ ...state, [change.kind]: policy }, policy.key);
    }
    case "scp":
    case "rcp": {
      const field = change.kind === "scp" ? "scps" : "rcps";
      const policy = newPolicy(change.kind, change.name, change.after);
      const levels: PolicyDoc[][] = state[field].map((policies, index) => (index === level(change.policy) ? [...policies, policy] : policies));
      while (levels.length <= level(change.policy)) levels.push(levels.length === level(change.policy) ? [policy] : []);
      return selectTab({ ...state, [field]: levels }, policy.key);
    }
    case "repository": {
      const policy = { ...state.repository, text: change.after };
      return selectTab({ ...state, repository: policy }, policy.key);
    }
  }
}
