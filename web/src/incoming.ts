// Scenarios arriving from outside the page: the text of a share link, of an opened file or of the saved
// work. That text is untrusted: the engine's scenario reader reads it (the one reader the CLI and the
// tests use too), each scenario it gives becomes a page state, and every failure becomes a sentence for
// the person, never an exception.

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
export function readScenarios(engine: Engine, text: string, source: string): Incoming {
  const read = engine.readScenarios(text);
  if (!read.ok) {
    return { ok: false, message: `${source} could not be read: ${read.message.replace(/\.$/, "")}.` };
  }
  if (!read.value.ok) {
    const { path, message, line, column } = read.value.error;
    const at = [line !== null && column !== null ? `line ${line}, column ${column}` : "", path === "" ? "" : `\`${path}\``].filter((part) => part !== "");
    return { ok: false, message: `${source} does not hold a scenario: ${at.length > 0 ? `${at.join(", ")}: ` : ""}${message.replace(/\.$/, "")}.` };
  }
  const documents = read.value.scenarios;
  if (documents.length === 0) {
    return { ok: false, message: `${source} holds no scenario.` };
  }
  return {
    ok: true,
    scenarios: documents.map((document, index) => {
      const state = documentToState(document);
      return { state, title: state.name || `scenario ${index + 1}`, engineVersion: document.engineVersion ?? null };
    }),
  };
}

/** The state of a document that holds one scenario (the saved work, an example), read as any other; null when it cannot be read. */
export function readState(engine: Engine, document: unknown): AppState | null {
  const read = readScenarios(engine, JSON.stringify(document), "The document");
  return read.ok && read.scenarios.length === 1 ? (read.scenarios[0]?.state ?? null) : null;
}

/** Opens the share link in `fragmentOrUrl`: the first scenario it holds, with notes, or why it cannot. */
export function openLink(engine: Engine, fragmentOrUrl: string): Opened {
  const decoded = engine.decodeShare(fragmentOrUrl);
  if (!decoded.ok) {
    return { ok: false, message: `This link cannot be opened: ${decoded.message}.` };
  }
  const read = readScenarios(engine, decoded.value, "The link");
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
