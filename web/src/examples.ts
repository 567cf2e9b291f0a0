// The examples gallery's cases: the scenario files of tests/scenarios/examples, read at build time so
// the page needs no request to show them. The engine's tests run the same files against their `expect`.

import type { ScenarioDocument } from "./types";

/** One example: its file name and its scenario document. */
export interface Example {
  id: string;
  document: ScenarioDocument;
}

const files = import.meta.glob<unknown>("../../tests/scenarios/examples/*.json", { eager: true, import: "default" });

/** Every example, in file-name order. */
export const EXAMPLES: Example[] = Object.entries(files)
  // Code-unit order (the names are ASCII): `localeCompare` would set up ICU's collator, tens of ms at start-up.
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([path, document]) => ({ id: path.replace(/^.*\//, "").replace(/\.json$/, ""), document: document as ScenarioDocument }));
