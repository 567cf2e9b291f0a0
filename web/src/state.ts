// The page's state: the single source of truth. Editors, panels and views read it and report edits
// back through `Store.update` with a function of state-edits.ts; nothing else holds a copy that could
// disagree, and nothing mutates a state once made.

import type { Decision, PolicyKind, RegistryPolicyScope, RequestDocument, ScenarioDocument } from "./types";

/** One policy editor: its text exactly as typed (broken JSON included). */
export interface PolicyDoc {
  /** A stable key for this editor, unique within the page. */
  key: string;
  kind: PolicyKind;
  /** The tab's name; only identity policies can be renamed. */
  name: string;
  text: string;
}

/** The type a context value is sent as. */
export type ContextType = "string" | "number" | "boolean" | "list";

/** One row of the context-keys table. A list holds one value per line. */
export interface ContextRow {
  key: string;
  type: ContextType;
  value: string;
}

/** A request to decide. */
export interface RequestState {
  /** What the request checks (`CI can pull`), shown in the Requests list; empty when unnamed. */
  name: string;
  principal: string;
  /** The action field's text: an action, or an operation's name (`pull`), which the document writes as `operation`. */
  action: string;
  resource: string;
  context: ContextRow[];
  /** The decision a test expects of it, when one is set. */
  expect: Decision | null;
  /** The request as a document gave it, when it came from one: the fields the page does not edit are written back from it. */
  read?: RequestDocument;
}

/** A suite's requests other than the selected one, in the document's order around it. */
export interface OtherRequests {
  before: RequestState[];
  after: RequestState[];
}

/** The Compare view of one policy: the policy's editor key and the new version's text as typed. */
export interface CompareState {
  tab: string;
  text: string;
}

/** What the page shows besides the data: the selected policy tab and result panel, and the Compare view when open. */
export interface ViewState {
  /** The key of the selected policy editor. */
  tab: string;
  panel: "explain" | "matrix";
  /** The Compare view, shown while its policy's tab is selected. */
  compare?: CompareState;
}

/** Everything the page holds. */
export interface AppState {
  /**
   * The scenario document the state was read from, as the engine read it ({} for a state made on the
   * page). The fields the page does not edit (`expect`, a suite's other requests, `request.federatedBy`,
   * `request.operation`, fields a later engine adds) are written back from it unchanged.
   */
  base: ScenarioDocument;
  name: string;
  description: string;
  repository: PolicyDoc;
  /** The registry policy of the repository's registry, when it has one. */
  registry: PolicyDoc | null;
  /** The registry policy scope: which requests the registry policy governs (V2 when the document gives none). */
  registryScope: RegistryPolicyScope;
  identities: PolicyDoc[];
  boundary: PolicyDoc | null;
  session: PolicyDoc | null;
  /** SCP levels, root first; each level is a list of policies. */
  scps: PolicyDoc[][];
  /** RCP levels, root first. */
  rcps: PolicyDoc[][];
  /** The selected request: the one the request panel edits and the explanation and tints show. */
  request: RequestState;
  /** The suite's other requests; both lists are empty when the document has one request. */
  otherRequests: OtherRequests;
  view: ViewState;
}

let counter = 0;

/** A fresh editor key. */
export function newKey(kind: PolicyKind): string {
  counter += 1;
  return `${kind}-${counter}`;
}

/** A new policy document. */
export function newPolicy(kind: PolicyKind, name: string, text: string): PolicyDoc {
  return { key: kind === "repository" ? "repository" : newKey(kind), kind, name, text };
}

/** Every policy of the state, in the order the tabs show them. */
export function allPolicies(state: AppState): PolicyDoc[] {
  return [
    state.repository,
    ...(state.registry ? [state.registry] : []),
    ...state.identities,
    ...(state.boundary ? [state.boundary] : []),
    ...(state.session ? [state.session] : []),
    ...state.scps.flat(),
    ...state.rcps.flat(),
  ];
}

/** The policy with `key`, if any. */
export function findPolicy(state: AppState, key: string): PolicyDoc | undefined {
  return allPolicies(state).find((policy) => policy.key === key);
}

/** Every request of the state, in the document's order. */
export function allRequests(state: AppState): RequestState[] {
  return [...state.otherRequests.before, state.request, ...state.otherRequests.after];
}

/** The position of the selected request among `allRequests`. */
export function selectedRequestIndex(state: AppState): number {
  return state.otherRequests.before.length;
}

/** Whether the document is a suite (`requests`): it has several requests, or its one request has a name. */
export function isSuite(state: AppState): boolean {
  return state.otherRequests.before.length + state.otherRequests.after.length > 0 || state.request.name !== "";
}

/**
 * What changed in an update, so listeners can skip work that does not concern them: `request` is an edit
 * of the selected request's fields, `requests` one of the Requests list (another request selected, one
 * added or removed), after which the request panel shows the selected request again; `compare` an edit
 * of the Compare view's new version, which changes no decision.
 */
export type Change = "policies" | "text" | "request" | "requests" | "view" | "compare" | "all";

/** Holds the state and tells listeners about every change. */
export class Store {
  private current: AppState;
  private readonly listeners: ((state: AppState, change: Change) => void)[] = [];

  constructor(initial: AppState) {
    this.current = initial;
  }

  get state(): AppState {
    return this.current;
  }

  /** Replaces the state with what `edit` (one of state-edits.ts, which never mutate) makes of it, and notifies. */
  update(change: Change, edit: (state: AppState) => AppState): void {
    this.current = edit(this.current);
    for (const listener of this.listeners) {
      listener(this.current, change);
    }
  }

  /** Replaces the whole state (an example, a reset, a restored save). */
  replace(state: AppState): void {
    this.current = state;
    for (const listener of this.listeners) {
      listener(this.current, "all");
    }
  }

  subscribe(listener: (state: AppState, change: Change) => void): void {
    this.listeners.push(listener);
  }
}
