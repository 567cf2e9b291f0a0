// The page's state <-> the scenario document (crates/ARCHITECTURE.md), in one place. Autosave, the examples gallery
// and share links all go through these two functions, so a document saved, shared or loaded restores
// exactly what the page showed: every policy's text as typed, tab names, the request (or a suite's
// requests, with their names and expected decisions), the view.
//
// `documentToState` reads untrusted input: it checks every field's type and returns null when the input
// is not a scenario document at all.

import { policyText } from "./defaults";
import { operationNamed } from "./operations";
import {
  type AppState,
  allRequests,
  type ContextRow,
  type ContextType,
  isSuite,
  newPolicy,
  type PolicyDoc,
  type RequestState,
  selectedRequestIndex,
} from "./state";
import type { ContextInput, Decision, JsonValue, PolicyKind, ScenarioDocument } from "./types";

/** A document built from the state, and which editor each of its policies comes from. */
export interface BuiltDocument {
  document: ScenarioDocument;
  /**
   * The editor key of each policy of the document, in the document's order (repository, identity
   * policies, boundary, session, SCPs and RCPs level by level): the order of the engine's reports.
   */
  editors: string[];
}

/**
 * The scenario document for the state. For evaluation (`forEvaluation`), policies whose text is blank
 * are left out (a blank editor means "no such policy") and the view is not sent; otherwise every tab is
 * kept so that the document restores the page exactly.
 */
export function stateToDocument(state: AppState, forEvaluation: boolean): BuiltDocument {
  const keep = (policy: PolicyDoc) => !forEvaluation || policy.text.trim() !== "";
  const kept = (policy: PolicyDoc | null) => (policy && keep(policy) ? policy : null);
  const request = requestDocument(state.request);
  const document: ScenarioDocument = {};
  if (isSuite(state)) {
    document.requests = allRequests(state).map(suiteRequestDocument);
  } else {
    document.request = request;
    if (state.request.expect) document.expect = state.request.expect;
  }
  if (state.name) document.name = state.name;
  if (state.description) document.description = state.description;
  const repository = kept(state.repository);
  const identities = state.identities.filter(keep);
  const boundary = kept(state.boundary);
  const session = kept(state.session);
  const scps = keptLevels(state.scps, keep);
  const rcps = keptLevels(state.rcps, keep);
  if (repository) document.repositoryPolicy = repository.text;
  if (identities.length > 0) document.identityPolicies = identities.map((policy) => ({ name: policy.name, policy: policy.text }));
  if (boundary) document.permissionsBoundary = boundary.text;
  if (session) document.sessionPolicy = session.text;
  if (scps.length > 0) document.scps = scps.map((level) => level.map((policy) => policy.text));
  if (rcps.length > 0) document.rcps = rcps.map((level) => level.map((policy) => policy.text));
  if (!forEvaluation) {
    document.view = viewDocument(state, request);
  }
  const written = [repository, ...identities, boundary, session, ...scps.flat(), ...rcps.flat()];
  return { document, editors: written.flatMap((policy) => (policy ? [policy.key] : [])) };
}

/** The SCP or RCP levels with the kept policies of each; a level left empty goes. */
function keptLevels(levels: PolicyDoc[][], keep: (policy: PolicyDoc) => boolean): PolicyDoc[][] {
  return levels.map((level) => level.filter(keep)).filter((level) => level.length > 0);
}

/** Engine policy id -> editor key, for an evaluation of a document built with `editors`. */
export function editorsById(reports: readonly { id: string }[], editors: readonly string[]): Map<string, string> {
  if (reports.length !== editors.length) return new Map();
  return new Map(
    reports.flatMap((report, index) => {
      const key = editors[index];
      return key === undefined ? [] : [[report.id, key] as [string, string]];
    }),
  );
}

type RequestDocument = NonNullable<ScenarioDocument["request"]>;

function requestDocument(state: RequestState): RequestDocument {
  const { principal, action, resource } = state;
  // The action field holds an action or an operation's name; the document names an operation as such.
  const operation = operationNamed(action);
  const request: RequestDocument = operation ? { principal, operation, resource } : { principal, action, resource };
  const context = contextDocument(state.context);
  if (context) {
    request.context = context;
  }
  return request;
}

/** A request of a suite's `requests`: with its own name and expected decision. */
function suiteRequestDocument(state: RequestState): RequestDocument {
  const request: RequestDocument = state.name ? { name: state.name, ...requestDocument(state) } : requestDocument(state);
  if (state.expect) request.expect = state.expect;
  return request;
}

/** The request's context for the engine: one entry per keyed row (a later row wins), or nothing. */
function contextDocument(rows: ContextRow[]): Record<string, ContextInput> | undefined {
  const entries = rows.filter((row) => row.key.trim() !== "").map((row): [string, ContextInput] => [row.key.trim(), contextValue(row)]);
  // fromEntries defines own properties, so even a key named `__proto__` stays a key.
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The view the document records: the selected tab (by position), result panel and request of a suite,
 * and the selected request's context table rows as typed when its context alone would not give them back
 * (a row without a key, a number that does not parse, a list with blank lines, two rows with one key...).
 */
function viewDocument(state: AppState, request: RequestDocument): Record<string, JsonValue> {
  const tab = positionIds(state).find(([, key]) => key === state.view.tab)?.[0] ?? "repository";
  const view: Record<string, JsonValue> = { tab, panel: state.view.panel };
  if (selectedRequestIndex(state) > 0) view.request = selectedRequestIndex(state);
  if (!sameRows(contextRows(request.context), state.request.context)) {
    view.context = state.request.context.map((row) => ({ key: row.key, type: row.type, value: row.value }));
  }
  return view;
}

function sameRows(a: ContextRow[], b: ContextRow[]): boolean {
  return a.length === b.length && a.every((row, index) => row.key === b[index]?.key && row.type === b[index]?.type && row.value === b[index]?.value);
}

/** A context row's value as the scenario document carries it. A number that does not parse stays text. */
export function contextValue(row: ContextRow): ContextInput {
  switch (row.type) {
    case "number": {
      const number = Number(row.value.trim());
      return row.value.trim() !== "" && Number.isFinite(number) ? number : row.value;
    }
    case "boolean":
      return row.value.trim() === "true";
    case "list":
      return row.value
        .split("\n")
        .map((value) => value.trim())
        .filter((value) => value !== "");
    case "string":
      return row.value;
  }
}

/**
 * Every tab's position id (`repository`, `identity:1`, `scp:0:1`...) with its editor key: how a
 * document's view names the selected tab. They are the ids the engine gives the policies of a document
 * that keeps every tab, and survive a round trip through a document where editor keys do not.
 */
function positionIds(state: AppState): [string, string][] {
  const ids: [string, string][] = [["repository", state.repository.key]];
  for (const [index, policy] of state.identities.entries()) ids.push([`identity:${index}`, policy.key]);
  if (state.boundary) ids.push(["boundary", state.boundary.key]);
  if (state.session) ids.push(["session", state.session.key]);
  for (const [prefix, levels] of [
    ["scp", state.scps],
    ["rcp", state.rcps],
  ] as const) {
    for (const [level, policies] of keptLevels(levels, () => true).entries()) {
      for (const [index, policy] of policies.entries()) ids.push([`${prefix}:${level}:${index}`, policy.key]);
    }
  }
  return ids;
}

/** Reads a scenario document from untrusted input; null when it is not one. */
export function documentToState(input: unknown): AppState | null {
  if (!isObject(input)) return null;
  const requests = isObject(input.request) ? [input.request] : Array.isArray(input.requests) ? input.requests.filter(isObject) : [];
  const selected = selectedFrom(input.view, requests.length);
  const request = requests[selected];
  if (!request) return null;
  const identities = Array.isArray(input.identityPolicies) ? input.identityPolicies.flatMap((entry, index) => identityFrom(entry, index)) : [];
  const state: AppState = {
    name: typeof input.name === "string" ? input.name : "",
    description: typeof input.description === "string" ? input.description : "",
    repository: newPolicy("repository", "Repository policy", sourceText(input.repositoryPolicy) ?? ""),
    identities,
    boundary: optionalPolicy("boundary", "Permissions boundary", input.permissionsBoundary),
    session: optionalPolicy("session", "Session policy", input.sessionPolicy),
    scps: levelsFrom("scp", input.scps),
    rcps: levelsFrom("rcp", input.rcps),
    request: { ...requestFrom(request, input.expect), context: typedRows(input.view, request.context) ?? contextRows(request.context) },
    otherRequests: {
      before: requests.slice(0, selected).map((other) => requestFrom(other, undefined)),
      after: requests.slice(selected + 1).map((other) => requestFrom(other, undefined)),
    },
    view: { tab: "repository", panel: "explain" },
  };
  state.view = viewFrom(state, input.view);
  return state;
}

const DECISIONS: readonly string[] = ["allowed", "explicitDeny", "implicitDeny", "invalid"];

/** A request of the document; `documentExpect` is the document's own `expect`, which a one-request document's request takes. */
function requestFrom(request: Record<string, unknown>, documentExpect: unknown): RequestState {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const expect = request.expect ?? documentExpect;
  return {
    name: text(request.name),
    principal: text(request.principal),
    action: typeof request.operation === "string" ? request.operation : text(request.action),
    resource: text(request.resource),
    context: contextRows(request.context),
    expect: typeof expect === "string" && DECISIONS.includes(expect) ? (expect as Decision) : null,
  };
}

/** The suite's selected request as the view recorded it, when it is one of the `count` requests; else the first. */
function selectedFrom(view: unknown, count: number): number {
  const index = isObject(view) ? view.request : undefined;
  return typeof index === "number" && Number.isInteger(index) && index >= 0 && index < count ? index : 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A policy source's text: the string as typed, or a JSON value pretty-printed. */
function sourceText(source: unknown): string | null {
  if (typeof source === "string") return source;
  if (source === undefined || source === null) return null;
  return policyText(source);
}

function optionalPolicy(kind: PolicyKind, name: string, source: unknown): PolicyDoc | null {
  const text = sourceText(source);
  return text === null ? null : newPolicy(kind, name, text);
}

function identityFrom(entry: unknown, index: number): PolicyDoc[] {
  const named = isObject(entry) && ("name" in entry || "policy" in entry);
  const name = named && typeof entry.name === "string" && entry.name.trim() !== "" ? entry.name : `identity policy ${index + 1}`;
  const text = sourceText(named ? entry.policy : entry);
  return text === null ? [] : [newPolicy("identity", name, text)];
}

function levelsFrom(kind: "scp" | "rcp", input: unknown): PolicyDoc[][] {
  if (!Array.isArray(input)) return [];
  const label = kind.toUpperCase();
  return input.filter(Array.isArray).map((level: unknown[], levelIndex) =>
    level.flatMap((source, index) => {
      const text = sourceText(source);
      return text === null ? [] : [newPolicy(kind, `${label} ${levelIndex + 1}.${index + 1}`, text)];
    }),
  );
}

function contextRows(input: unknown): ContextRow[] {
  if (!isObject(input)) return [];
  return Object.entries(input).flatMap(([key, value]): ContextRow[] => {
    if (Array.isArray(value)) {
      return [{ key, type: "list", value: value.map((item) => String(item)).join("\n") }];
    }
    const type: ContextType | null =
      typeof value === "string" ? "string" : typeof value === "number" ? "number" : typeof value === "boolean" ? "boolean" : null;
    return type === null ? [] : [{ key, type, value: String(value) }];
  });
}

const CONTEXT_TYPES: readonly string[] = ["string", "number", "boolean", "list"];

/**
 * The context rows the view recorded, when they are well-formed and still give the request's context
 * (a hand-edited file may have changed one and not the other: the request then wins).
 */
function typedRows(view: unknown, context: unknown): ContextRow[] | null {
  if (!isObject(view) || !Array.isArray(view.context)) return null;
  const rows: ContextRow[] = [];
  for (const row of view.context) {
    if (!isObject(row) || typeof row.key !== "string" || typeof row.value !== "string" || typeof row.type !== "string" || !CONTEXT_TYPES.includes(row.type)) {
      return null;
    }
    rows.push({ key: row.key, type: row.type as ContextType, value: row.value });
  }
  return JSON.stringify(contextDocument(rows) ?? {}) === JSON.stringify(isObject(context) ? context : {}) ? rows : null;
}

function viewFrom(state: AppState, input: unknown): AppState["view"] {
  const view: AppState["view"] = { tab: state.repository.key, panel: "explain" };
  if (!isObject(input)) return view;
  if (input.panel === "matrix") view.panel = "matrix";
  if (typeof input.tab === "string") {
    view.tab = positionIds(state).find(([id]) => id === input.tab)?.[1] ?? view.tab;
  }
  return view;
}
