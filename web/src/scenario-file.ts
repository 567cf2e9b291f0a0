// Scenario files, the way to share a state too big for a link: "Download scenario" saves the scenario
// document as JSON (the file `ecr-policy eval` reads), "Open scenario file" reads one back, letting the
// person pick when the file holds several scenarios.

import { chooseDialog } from "./dialogs";
import type { Engine } from "./engine";
import { type IncomingScenario, readScenarios } from "./incoming";
import type { ScenarioDocument } from "./types";

/** The largest file the page reads; the corpus's biggest files are a fraction of it. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Saves `document` as `<name>.json` through the browser's download. */
export function downloadScenario(document: ScenarioDocument): void {
  const blob = new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement("a");
  link.href = url;
  link.download = fileName(document.name ?? "");
  link.hidden = true;
  window.document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a scenario's name: lower-case words joined by dashes, or `scenario.json`. */
export function fileName(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${stem || "scenario"}.json`;
}

/** What opening a file gave: a scenario, nothing (cancelled), or why the file cannot be used. */
export type OpenedFile = { ok: true; scenario: IncomingScenario; note: string | null } | { ok: false; message: string } | null;

/** Reads the file chosen in `input` and, when it holds several scenarios, asks which one to open. */
export async function readScenarioFile(engine: Engine, input: HTMLInputElement): Promise<OpenedFile> {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return null;
  const source = `The file “${file.name}”`;
  if (file.size > MAX_FILE_BYTES) {
    return { ok: false, message: `${source} is ${file.size} bytes; the page opens scenario files up to ${MAX_FILE_BYTES} bytes.` };
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return { ok: false, message: `${source} could not be read: ${String(error)}` };
  }
  const read = readScenarios(engine, text, source);
  if (!read.ok) return read;
  const { scenarios } = read;
  const index =
    scenarios.length === 1
      ? 0
      : await chooseDialog(
          "Open which scenario?",
          `${source} holds ${scenarios.length} scenarios.`,
          scenarios.map((scenario) => ({ label: scenario.title, detail: scenario.state.description })),
        );
  const scenario = index === null ? undefined : scenarios[index];
  if (!scenario) return null;
  const note = scenarios.length > 1 ? `Scenario ${(index ?? 0) + 1} of ${scenarios.length} in ${file.name}.` : null;
  return { ok: true, scenario, note };
}
