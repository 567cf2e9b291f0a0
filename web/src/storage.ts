// Autosave: the whole state, as a scenario document, in localStorage under a versioned key. What is read
// back is untrusted (another version of the page, or a hand edit, may have written it) and goes through
// the engine's reader as any other document.

import type { Engine } from "./engine";
import { readState } from "./incoming";
import type { AppState } from "./state";
import { stateToDocument } from "./url-state";

/** The key of format version 1. A new format gets a new key and a migration from this one. */
const KEY = "ecr-policy-playground:state:v1";

/** The work that was on the page before an example (or a link) replaced it. */
const PREVIOUS_KEY = "ecr-policy-playground:previous:v1";

/** The saved state, or null when there is none or it cannot be read. */
export function loadSaved(engine: Engine): AppState | null {
  return read(engine, KEY);
}

/** The work an example replaced, or null. */
export function loadPrevious(engine: Engine): AppState | null {
  return read(engine, PREVIOUS_KEY);
}

/** Keeps `state` as the previous work, to restore after loading something else. */
export function savePrevious(state: AppState): void {
  write(PREVIOUS_KEY, state);
}

function read(engine: Engine, key: string): AppState | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return null;
    const saved: unknown = JSON.parse(raw);
    if (typeof saved !== "object" || saved === null || !("document" in saved)) return null;
    return readState(engine, saved.document);
  } catch {
    return null;
  }
}

/** Saves the state; a full or disabled storage is ignored (the page keeps working). */
export function save(state: AppState): void {
  write(KEY, state);
}

function write(key: string, state: AppState): void {
  try {
    const { document } = stateToDocument(state, false);
    window.localStorage.setItem(key, JSON.stringify({ document, savedAt: new Date().toISOString() }));
  } catch {
    // Storage can be full or switched off; autosave is a convenience, never a reason to fail.
  }
}

/** Forgets the saved state. */
export function clearSaved(): void {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // As in `save`.
  }
}
