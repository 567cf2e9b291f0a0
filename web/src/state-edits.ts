// Every change a person makes to the page's state, as plain functions: each takes a state and returns
// the next one, leaving its argument untouched (unchanged parts are shared). The panels' handlers call
// them through `Store.update`; the only thing they read besides their arguments is `newPolicy`'s fresh
// editor key.

import { templateFor } from "./defaults";
import { type AppState, allPolicies, type ContextRow, type ContextType, newPolicy, type PolicyDoc, type RequestState, type ViewState } from "./state";
import type { RegistryPolicyScope } from "./types";

/** The request fields that are one line of text. */
export type RequestField = "principal" | "action" | "resource";

/** Selects the policy tab of `key`. */
export function selectTab(state: AppState, key: string): AppState {
  return { ...state, view: { ...state.view, tab: key } };
}

/** Selects the tab `step` places after the selected one (before it when negative), wrapping around. */
export function cycleTab(state: AppState, step: number): AppState {
  const keys = allPolicies(state).map((policy) => policy.key);
  const index = keys.indexOf(state.view.tab);
  const next = keys[(((index + step) % keys.length) + keys.length) % keys.length];
  return next === undefined ? state : selectTab(state, next);
}

/** Shows the explanation or the all-actions matrix. */
export function setPanel(state: AppState, panel: ViewState["panel"]): AppState {
  return { ...state, view: { ...state.view, panel } };
}

/** Adds an identity policy named `policy-N` (the first N from the count up that is free) and selects it. */
export function addIdentityPolicy(state: AppState): AppState {
  const taken = new Set(state.identities.map((policy) => policy.name));
  let number = state.identities.length + 1;
  while (taken.has(`policy-${number}`)) number += 1;
  const policy = newPolicy("identity", `policy-${number}`, templateFor("identity"));
  return selectTab({ ...state, identities: [...state.identities, policy] }, policy.key);
}

/** The tab names of the policies a state holds at most one of. */
const SINGLE_NAMES = { registry: "Registry policy", boundary: "Permissions boundary", session: "Session policy" } as const;

/** Adds the registry policy, the permissions boundary or the session policy, when there is none yet, and selects it. */
export function addSinglePolicy(state: AppState, kind: keyof typeof SINGLE_NAMES): AppState {
  if (state[kind] !== null) return state;
  const policy = newPolicy(kind, SINGLE_NAMES[kind], templateFor(kind));
  return selectTab({ ...state, [kind]: policy }, policy.key);
}

/** Adds an SCP or RCP level below the existing ones, holding one new policy, and selects it. */
export function addOrgLevel(state: AppState, kind: "scp" | "rcp"): AppState {
  const policy = orgPolicy(kind);
  const levels = kind === "scp" ? "scps" : "rcps";
  return selectTab({ ...state, [levels]: [...state[levels], [policy]] }, policy.key);
}

/** Adds a new policy to the SCP or RCP level of the policy `key` and selects it. */
export function addToOrgLevel(state: AppState, key: string): AppState {
  for (const [kind, levels] of [
    ["scp", "scps"],
    ["rcp", "rcps"],
  ] as const) {
    const level = state[levels].findIndex((policies) => policies.some((policy) => policy.key === key));
    if (level >= 0) {
      const policy = orgPolicy(kind);
      const next = state[levels].map((policies, index) => (index === level ? [...policies, policy] : policies));
      return selectTab({ ...state, [levels]: next }, policy.key);
    }
  }
  return state;
}

function orgPolicy(kind: "scp" | "rcp"): PolicyDoc {
  return newPolicy(kind, kind.toUpperCase(), templateFor(kind));
}

/** Renames the identity policy `key`; a blank name changes nothing, others are trimmed. */
export function renameIdentityPolicy(state: AppState, key: string, name: string): AppState {
  const trimmed = name.trim();
  if (trimmed === "") return state;
  return { ...state, identities: state.identities.map((policy) => (policy.key === key ? { ...policy, name: trimmed } : policy)) };
}

/**
 * Removes the policy `key` (never the repository policy) and selects the repository policy. An SCP or RCP
 * level it empties goes too; a level read with no policy at all stays.
 */
export function removePolicy(state: AppState, key: string): AppState {
  const keep = (policy: PolicyDoc) => policy.key !== key;
  const levels = (all: PolicyDoc[][]) => all.map((level) => level.filter(keep)).filter((level, index) => level.length > 0 || all[index]?.length === 0);
  return selectTab(
    {
      ...state,
      registry: state.registry?.key === key ? null : state.registry,
      identities: state.identities.filter(keep),
      boundary: state.boundary?.key === key ? null : state.boundary,
      session: state.session?.key === key ? null : state.session,
      scps: levels(state.scps),
      rcps: levels(state.rcps),
    },
    state.repository.key,
  );
}

/** Sets the text of the policy `key`. */
export function setPolicyText(state: AppState, key: string, text: string): AppState {
  const edit = (policy: PolicyDoc) => (policy.key === key ? { ...policy, text } : policy);
  return {
    ...state,
    repository: edit(state.repository),
    registry: state.registry && edit(state.registry),
    identities: state.identities.map(edit),
    boundary: state.boundary && edit(state.boundary),
    session: state.session && edit(state.session),
    scps: state.scps.map((level) => level.map(edit)),
    rcps: state.rcps.map((level) => level.map(edit)),
  };
}

/** Sets the registry policy scope, which says which requests the registry policy governs. */
export function setRegistryScope(state: AppState, scope: RegistryPolicyScope): AppState {
  return { ...state, registryScope: scope };
}

/** Sets the principal, the action or the resource of the request. */
export function setRequestField(state: AppState, field: RequestField, value: string): AppState {
  return withRequest(state, { [field]: value });
}

/** Adds a row at the end of the context table. */
export function addContextRow(state: AppState, row: ContextRow): AppState {
  return withRequest(state, { context: [...state.request.context, row] });
}

/** Sets the key or the value of the context row at `index`. */
export function editContextRow(state: AppState, index: number, edit: Partial<Pick<ContextRow, "key" | "value">>): AppState {
  return withContextRow(state, index, (row) => ({ ...row, ...edit }));
}

/** Sets the type of the context row at `index`; a row that becomes a boolean is `false` unless its value is `true`. */
export function setContextType(state: AppState, index: number, type: ContextType): AppState {
  return withContextRow(state, index, (row) => ({ ...row, type, value: type === "boolean" && row.value !== "true" ? "false" : row.value }));
}

/** Removes the context row at `index`. */
export function removeContextRow(state: AppState, index: number): AppState {
  return withRequest(state, { context: state.request.context.filter((_, position) => position !== index) });
}

function withContextRow(state: AppState, index: number, edit: (row: ContextRow) => ContextRow): AppState {
  return withRequest(state, { context: state.request.context.map((row, position) => (position === index ? edit(row) : row)) });
}

function withRequest(state: AppState, change: Partial<RequestState>): AppState {
  return { ...state, request: { ...state.request, ...change } };
}
