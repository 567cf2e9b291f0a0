// The page's state <-> the scenario document (crates/ARCHITECTURE.md), in one place. Autosave, the examples gallery
// and share links all go through these two functions, so a document saved, shared or loaded restores
// exactly what the page showed: every policy's text as typed, tab names, the request, the view.
//
// `documentToState` reads untrusted input: it checks every field's type and returns null when the input
// is not a scenario document at all.

import { policyText } from "./defaults";
import { type AppState, type ContextRow, type ContextType, newPolicy, type PolicyDoc } from "./state";
import type { ContextInput, JsonValue, PolicyKind, ScenarioDocument } from "./types";

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
  const request = requestDocument(state);
  const document: ScenarioDocument = { request };
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

function requestDocument(state: AppState): NonNullable<ScenarioDocument["request"]> {
  const { principal, action, resource } = state.request;
  const request: NonNullable<ScenarioDocument["request"]> = { principal, action, resource };
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
function viewDocument(state: AppState, request: NonNullable<ScenarioDocument["request"]>): Record<string, JsonValue> {
  const tab = positionIds(state).find(([, key]) => key === state.view.tab)?.[0] ?? "repository";
  const view: Record<string, JsonValue> = { tab, panel: state.view.panel };
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
    view.tab = positionIds(state).find(([id]) => id === input.tab)?.[1] ?? view.tab;
  }
  return view;
}
