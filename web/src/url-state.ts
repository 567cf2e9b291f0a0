// The page's state <-> the scenario document (crates/ARCHITECTURE.md), in one place. Autosave, the examples gallery
// and share links all go through these two functions, so a document saved, shared or loaded restores
// exactly what the page showed: every policy's text as typed, tab names, the request (or a suite's
// requests, with their names and expected decisions), the view.
//
// `documentToState` takes a document the engine has read (`readScenarios`, incoming.ts): the engine is the
// one reader of scenario documents. The state keeps that document as its `base`, and `stateToDocument`
// writes the page's edits over it, so every field the page does not edit travels on unchanged.

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
import type { ContextInput, Decision, JsonValue, PolicyKind, RequestDocument, ScenarioDocument } from "./types";

/** A document built from the state, and which editor each of its policies comes from. */
export interface BuiltDocument {
  document: ScenarioDocument;
  /**
   * The editor key of each policy of the document, in the document's order (repository, registry,
   * identity policies, boundary, session, SCPs and RCPs level by level): the order of the engine's reports.
   */
  editors: string[];
}

/** The fields of a scenario document the page writes from its state; every other field comes from `base`. */
const EDITED_FIELDS: ReadonlySet<string> = new Set([
  "name",
  "description",
  "repositoryPolicy",
  "registryPolicy",
  "registryPolicyScope",
  "identityPolicies",
  "permissionsBoundary",
  "sessionPolicy",
  "scps",
  "rcps",
  "request",
  "requests",
  "expect",
  "engineVersion",
  "view",
]);

/**
 * The scenario document for the state: its `base` document with the page's edits written over it.
 * Policies whose text is blank are left out (a blank editor means "no such policy"), so that a saved,
 * shared or downloaded document decides with the CLI as the page decides; a blank tab is therefore not
 * restored. For evaluation (`forEvaluation`) the view is not sent.
 */
export function stateToDocument(state: AppState, forEvaluation: boolean): BuiltDocument {
  const kept = (policy: PolicyDoc | null) => (policy && written(policy) ? policy : null);
  const document: ScenarioDocument = {};
  if (state.name) document.name = state.name;
  if (state.description) document.description = state.description;
  const repository = kept(state.repository);
  const registry = kept(state.registry);
  const identities = state.identities.filter(written);
  const boundary = kept(state.boundary);
  const session = kept(state.session);
  const scps = keptLevels(state.scps);
  const rcps = keptLevels(state.rcps);
  if (repository) document.repositoryPolicy = repository.text;
  if (registry) document.registryPolicy = registry.text;
  if (state.registryScope !== "V2" || state.base.registryPolicyScope !== undefined) document.registryPolicyScope = state.registryScope;
  if (identities.length > 0) document.identityPolicies = identities.map((policy) => ({ name: policy.name, policy: policy.text }));
  if (boundary) document.permissionsBoundary = boundary.text;
  if (session) document.sessionPolicy = session.text;
  if (scps.length > 0) document.scps = scps.map((level) => level.map((policy) => policy.text));
  if (rcps.length > 0) document.rcps = rcps.map((level) => level.map((policy) => policy.text));
  const request = requestDocument(state.request);
  if (isSuite(state)) {
    document.requests = allRequests(state).map(suiteRequestDocument);
  } else {
    document.request = request;
    if (state.request.expect) document.expect = state.request.expect;
  }
  for (const [field, value] of Object.entries(state.base)) {
    if (!EDITED_FIELDS.has(field)) Object.assign(document, { [field]: value });
  }
  if (!forEvaluation) {
    document.view = viewDocument(state, request);
  }
  const policies = [repository, registry, ...identities, boundary, session, ...scps.flat(), ...rcps.flat()];
  return { document, editors: policies.flatMap((policy) => (policy ? [policy.key] : [])) };
}

/** Whether a policy is written into documents: its text is not blank. */
function written(policy: PolicyDoc): boolean {
  return policy.text.trim() !== "";
}

/**
 * The SCP or RCP levels with the written policies of each; a level whose policies are all blank goes. A
 * level the document gave with no policy at all stays: it allows nothing (SCPEVAL).
 */
function keptLevels(levels: PolicyDoc[][]): PolicyDoc[][] {
  return levels.map((level) => level.filter(written)).filter((level, index) => level.length > 0 || levels[index]?.length === 0);
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

/**
 * A request: the page's principal, action (or operation) and resource and context over the request as it
 * was read, whose other fields are kept. The action field holds an action or an operation's name; the
 * document names an operation as such. A context whose rows are those the read context gives is written as
 * it was read.
 */
function requestDocument(state: RequestState): RequestDocument {
  const { principal, action, resource, context: rows } = state;
  const read: Partial<RequestDocument> = state.read ?? {};
  const {
    name: _name,
    expect: _expect,
    principal: _principal,
    action: _action,
    operation: _operation,
    resource: _resource,
    context: readContext,
    ...rest
  } = read;
  const operation = operationNamed(action);
  const request: RequestDocument = { principal, ...(operation ? { operation } : { action }), resource, ...rest };
  const context = readContext && sameRows(contextRows(readContext), rows) ? readContext : contextDocument(rows);
  if (context && Object.keys(context).length > 0) {
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
 * the Compare view (its policy by position, and the new version's text), and the selected request's context table rows as typed when the request's context alone would not give them back (a row without a
 * key, a number that does not parse, a list with blank lines, two rows with one key, rows out of the key
 * order the engine's reader gives a context in...).
 */
function viewDocument(state: AppState, request: RequestDocument): Record<string, JsonValue> {
  const tab = positionIds(state).find(([, key]) => key === state.view.tab)?.[0] ?? "repository";
  const view: Record<string, JsonValue> = { tab, panel: state.view.panel };
  const compared = positionIds(state).find(([, key]) => key === state.view.compare?.tab)?.[0];
  if (compared !== undefined && state.view.compare) view.compare = { tab: compared, text: state.view.compare.text };
  if (selectedRequestIndex(state) > 0) view.request = selectedRequestIndex(state);
  if (!sameRows(contextRows(inKeyOrder(request.context)), state.request.context)) {
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
 * Every written policy's position id (`repository`, `identity:1`, `scp:0:1`...) with its editor key: how a
 * document's view names the selected tab. They are the ids the engine gives the policies of the
 * document, and survive a round trip through it where editor keys do not.
 */
function positionIds(state: AppState): [string, string][] {
  const ids: [string, string][] = [["repository", state.repository.key]];
  if (state.registry && written(state.registry)) ids.push(["registry", state.registry.key]);
  for (const [index, policy] of state.identities.filter(written).entries()) ids.push([`identity:${index}`, policy.key]);
  if (state.boundary && written(state.boundary)) ids.push(["boundary", state.boundary.key]);
  if (state.session && written(state.session)) ids.push(["session", state.session.key]);
  for (const [prefix, levels] of [
    ["scp", state.scps],
    ["rcp", state.rcps],
  ] as const) {
    for (const [level, policies] of keptLevels(levels).entries()) {
      for (const [index, policy] of policies.entries()) ids.push([`${prefix}:${level}:${index}`, policy.key]);
    }
  }
  return ids;
}

/** The page's state for a scenario document the engine has read; the document is kept as its `base`. */
export function documentToState(document: ScenarioDocument): AppState {
  const requests = document.request ? [document.request] : (document.requests ?? []);
  const selected = selectedFrom(document.view, requests.length);
  const request = requests[selected];
  const state: AppState = {
    base: document,
    name: document.name ?? "",
    description: document.description ?? "",
    repository: newPolicy("repository", "Repository policy", sourceText(document.repositoryPolicy) ?? ""),
    registry: optionalPolicy("registry", "Registry policy", document.registryPolicy),
    registryScope: document.registryPolicyScope ?? "V2",
    identities: (document.identityPolicies ?? []).flatMap((entry, index) => identityFrom(entry, index)),
    boundary: optionalPolicy("boundary", "Permissions boundary", document.permissionsBoundary),
    session: optionalPolicy("session", "Session policy", document.sessionPolicy),
    scps: levelsFrom("scp", document.scps),
    rcps: levelsFrom("rcp", document.rcps),
    request: { ...requestFrom(request, document.expect), context: typedRows(document.view, request?.context) ?? contextRows(request?.context) },
    otherRequests: {
      before: requests.slice(0, selected).map((other) => requestFrom(other, undefined)),
      after: requests.slice(selected + 1).map((other) => requestFrom(other, undefined)),
    },
    view: { tab: "repository", panel: "explain" },
  };
  state.view = viewFrom(state, document.view);
  return state;
}

/** A request of the document; `documentExpect` is the document's own `expect`, which a one-request document's request takes. */
function requestFrom(request: RequestDocument | undefined, documentExpect: Decision | undefined): RequestState {
  const expect = request?.expect ?? documentExpect;
  return {
    name: request?.name ?? "",
    principal: request?.principal ?? "",
    action: request?.operation ?? request?.action ?? "",
    resource: request?.resource ?? "",
    context: contextRows(request?.context),
    expect: expect ?? null,
    ...(request ? { read: request } : {}),
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
function typedRows(view: unknown, context: Record<string, ContextInput> | undefined): ContextRow[] | null {
  if (!isObject(view) || !Array.isArray(view.context)) return null;
  const rows: ContextRow[] = [];
  for (const row of view.context) {
    if (!isObject(row) || typeof row.key !== "string" || typeof row.value !== "string" || typeof row.type !== "string" || !CONTEXT_TYPES.includes(row.type)) {
      return null;
    }
    rows.push({ key: row.key, type: row.type as ContextType, value: row.value });
  }
  return JSON.stringify(inKeyOrder(contextDocument(rows))) === JSON.stringify(inKeyOrder(context)) ? rows : null;
}

/** A context with its keys in the order the engine's reader gives them back (sorted). */
function inKeyOrder(context: Record<string, ContextInput> | undefined): Record<string, ContextInput> {
  return Object.fromEntries(Object.entries(context ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function viewFrom(state: AppState, input: unknown): AppState["view"] {
  const view: AppState["view"] = { tab: state.repository.key, panel: "explain" };
  if (!isObject(input)) return view;
  if (input.panel === "matrix") view.panel = "matrix";
  if (typeof input.tab === "string") {
    view.tab = positionIds(state).find(([id]) => id === input.tab)?.[1] ?? view.tab;
  }
  const compare = input.compare;
  if (isObject(compare) && typeof compare.tab === "string" && typeof compare.text === "string") {
    const key = positionIds(state).find(([id]) => id === compare.tab)?.[1];
    if (key !== undefined) view.compare = { tab: key, text: compare.text };
  }
  return view;
}
