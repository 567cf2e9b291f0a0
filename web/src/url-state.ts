// The page's state <-> the scenario document (crates/ARCHITECTURE.md), in one place. Autosave, the examples gallery
// and share links all go through these two functions, so a document saved, shared or loaded restores
// exactly what the page showed: every policy's text as typed, tab names, the request, the view.
//
// `documentToState` reads untrusted input: it checks every field's type and returns null when the input
// is not a scenario document at all.

import { policyText } from "./defaults";
import { type AppState, type ContextRow, type ContextType, newPolicy, type PolicyDoc } from "./state";
import type { ContextInput, JsonValue, PolicyKind, ScenarioDocument } from "./types";

/** A document built from the state, and which editor each engine policy id belongs to. */
export interface BuiltDocument {
  document: ScenarioDocument;
  /** Engine policy id (`repository`, `identity:0`, `scp:1:0`...) -> editor key. */
  editorOf: Map<string, string>;
}

/**
 * The scenario document for the state. For evaluation (`forEvaluation`), policies whose text is blank
 * are left out (a blank editor means "no such policy") and the view is not sent; otherwise every tab is
 * kept so that the document restores the page exactly.
 */
export function stateToDocument(state: AppState, forEvaluation: boolean): BuiltDocument {
  const editorOf = new Map<string, string>();
  const keep = (policy: PolicyDoc) => !forEvaluation || policy.text.trim() !== "";
  const document: ScenarioDocument = { request: requestDocument(state) };
  if (state.name) document.name = state.name;
  if (state.description) document.description = state.description;
  if (keep(state.repository)) {
    document.repositoryPolicy = state.repository.text;
    editorOf.set("repository", state.repository.key);
  }
  const identities = state.identities.filter(keep);
  if (identities.length > 0) {
    document.identityPolicies = identities.map((policy, index) => {
      editorOf.set(`identity:${index}`, policy.key);
      return { name: policy.name, policy: policy.text };
    });
  }
  if (state.boundary && keep(state.boundary)) {
    document.permissionsBoundary = state.boundary.text;
    editorOf.set("boundary", state.boundary.key);
  }
  if (state.session && keep(state.session)) {
    document.sessionPolicy = state.session.text;
    editorOf.set("session", state.session.key);
  }
  const scps = orgLevels("scp", state.scps, keep, editorOf);
  if (scps.length > 0) document.scps = scps;
  const rcps = orgLevels("rcp", state.rcps, keep, editorOf);
  if (rcps.length > 0) document.rcps = rcps;
  if (!forEvaluation) {
    document.view = viewDocument(state, document.request);
  }
  return { document, editorOf };
}

function orgLevels(prefix: "scp" | "rcp", levels: PolicyDoc[][], keep: (policy: PolicyDoc) => boolean, editorOf: Map<string, string>): string[][] {
  const written: string[][] = [];
  for (const level of levels) {
    const policies = level.filter(keep);
    if (policies.length === 0) {
      continue;
    }
    for (const [index, policy] of policies.entries()) editorOf.set(`${prefix}:${written.length}:${index}`, policy.key);
    written.push(policies.map((policy) => policy.text));
  }
  return written;
}

function requestDocument(state: AppState): ScenarioDocument["request"] {
  const { principal, action, resource } = state.request;
  const request: ScenarioDocument["request"] = { principal, action, resource };
  const context = contextDocument(state.request.context);
  if (context) {
    request.context = context;
  }
  return request;
}

/** The request's context for the engine: one entry per keyed row (a later row wins), or nothing. */
function contextDocument(rows: ContextRow[]): Record<string, ContextInput> | undefined {
  const entries = rows.filter((row) => row.key.trim() !== "").map((row): [string, ContextInput] => [row.key.trim(), contextValue(row)]);
  // fromEntries defines own properties, so even a key named `__proto__` stays a key.
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The view the document records: the selected tab (by position) and result panel, and the context
 * table's rows as typed when the request's context alone would not give them back (a row without a
 * key, a number that does not parse, a list with blank lines, two rows with one key...).
 */
function viewDocument(state: AppState, request: ScenarioDocument["request"]): Record<string, JsonValue> {
  const view: Record<string, JsonValue> = { tab: positionId(state, state.view.tab), panel: state.view.panel };
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

/** The position-based id of an editor (`identity:1`), which survives a round trip through a document. */
function positionId(state: AppState, key: string): string {
  if (state.repository.key === key) return "repository";
  const identity = state.identities.findIndex((policy) => policy.key === key);
  if (identity >= 0) return `identity:${identity}`;
  if (state.boundary?.key === key) return "boundary";
  if (state.session?.key === key) return "session";
  for (const [prefix, levels] of [
    ["scp", state.scps],
    ["rcp", state.rcps],
  ] as const) {
    for (const [level, policies] of levels.entries()) {
      const index = policies.findIndex((policy) => policy.key === key);
      if (index >= 0) return `${prefix}:${level}:${index}`;
    }
  }
  return "repository";
}

/** Reads a scenario document from untrusted input; null when it is not one. */
export function documentToState(input: unknown): AppState | null {
  if (!isObject(input) || !isObject(input.request)) {
    return null;
  }
  const request = input.request;
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
    request: {
      principal: typeof request.principal === "string" ? request.principal : "",
      action: typeof request.action === "string" ? request.action : "",
      resource: typeof request.resource === "string" ? request.resource : "",
      context: typedRows(input.view, request.context) ?? contextRows(request.context),
    },
    view: { tab: "repository", panel: "explain" },
  };
  state.view = viewFrom(state, input.view);
  return state;
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
    view.tab = keyAtPosition(state, input.tab) ?? view.tab;
  }
  return view;
}

/** The editor key at a position-based id, if the state has that editor. */
function keyAtPosition(state: AppState, id: string): string | null {
  const [prefix, first, second] = id.split(":");
  const a = Number(first);
  const b = Number(second);
  switch (prefix) {
    case "repository":
      return state.repository.key;
    case "identity":
      return state.identities[a]?.key ?? null;
    case "boundary":
      return state.boundary?.key ?? null;
    case "session":
      return state.session?.key ?? null;
    case "scp":
      return state.scps[a]?.[b]?.key ?? null;
    case "rcp":
      return state.rcps[a]?.[b]?.key ?? null;
    default:
      return null;
  }
}
