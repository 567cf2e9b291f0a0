// Scenarios arriving from outside the page: the text of a share link or of an opened file. That text is
// untrusted: it is parsed here, each scenario goes through `documentToState`, and every failure becomes
// a sentence for the person, never an exception.

import type { Engine } from "./engine";
import type { AppState } from "./state";
import { documentToState } from "./url-state";

/** One readable scenario: the page state it gives, a name to show, the engine version that wrote it. */
export interface IncomingScenario {
  state: AppState;
  title: string;
  engineVersion: string | null;
}

/** Every scenario of a text, in order, or why the text holds none. */
export type Incoming = { ok: true; scenarios: IncomingScenario[] } | { ok: false; message: string };

/** A scenario opened from a link: its state and what the person should know about it. */
export type Opened = { ok: true; state: AppState; notes: string[] } | { ok: false; message: string };

/**
 * Reads the scenarios of a text that holds one scenario, an array of them or `{"scenarios": [...]}`
 * (the files the CLI reads). `source` names where the text came from: "The link", "The file “x.json”".
 */
export function readScenarios(text: string, source: string): Incoming {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `${source} does not hold a scenario: its text is not JSON (${messageOf(error)}).` };
  }
  const list = scenarioList(value);
  if (list.length === 0) {
    return { ok: false, message: `${source} holds no scenario.` };
  }
  const scenarios: IncomingScenario[] = [];
  for (const [index, item] of list.entries()) {
    const which = list.length === 1 ? "it" : `scenario ${index + 1}`;
    let state: AppState | null;
    try {
      state = documentToState(item);
    } catch (error) {
      return { ok: false, message: `${source} could not be read: ${messageOf(error)}.` };
    }
    if (state === null) {
      return { ok: false, message: `${source} does not hold a scenario: ${which} is not an object with a "request" object.` };
    }
    const engineVersion = isObject(item) && typeof item.engineVersion === "string" ? item.engineVersion : null;
    scenarios.push({ state, title: state.name || `scenario ${index + 1}`, engineVersion });
  }
  return { ok: true, scenarios };
}

/** Opens the share link in `fragmentOrUrl`: the first scenario it holds, with notes, or why it cannot. */
export function openLink(engine: Engine, fragmentOrUrl: string): Opened {
  const decoded = engine.decodeShare(fragmentOrUrl);
  if (!decoded.ok) {
    return { ok: false, message: `This link cannot be opened: ${decoded.message}.` };
  }
  const read = readScenarios(decoded.value, "The link");
  if (!read.ok) return read;
  const [first, ...rest] = read.scenarios;
  if (!first) return { ok: false, message: "The link holds no scenario." };
  const notes = rest.length > 0 ? [`The link holds ${rest.length + 1} scenarios; this is the first, “${first.title}”.`] : [];
  const note = versionNote(first.engineVersion, engine.version());
  return { ok: true, state: first.state, notes: note ? [...notes, note] : notes };
}

/** A note when a scenario was written by another engine version than the page runs, else null. */
export function versionNote(written: string | null, running: string): string | null {
  if (written === null || written === running) return null;
  return `It was made with engine ${written}; this page runs engine ${running}, so its decision may differ.`;
}

/** The scenarios of a parsed file or link: the array, the `scenarios` member, or the value itself. */
function scenarioList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isObject(value) && Array.isArray(value.scenarios) && !("request" in value)) return value.scenarios;
  return [value];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  if (error instanceof RangeError) return "its JSON is nested too deeply";
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, "");
}
