// The scenario corpus's files, walked one way for every JavaScript test that reads the whole corpus: the
// browser tests (tests/e2e), the page's explanation parity test (web/test) and the wasm package's type
// check (crates/wasm/ts-check). The same walk as crates/test-kit's corpus: every .json file at any depth,
// in path order.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The corpus folder, tests/scenarios. */
export const CORPUS_ROOT = fileURLToPath(new URL("scenarios", import.meta.url));

/**
 * Every .json file under `folder` (the corpus by default), at any depth, sorted by path.
 * @param {string} [folder]
 * @returns {string[]}
 */
export function corpusFiles(folder = CORPUS_ROOT) {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? corpusFiles(path) : entry.name.endsWith(".json") ? [path] : [];
    })
    .sort();
}
