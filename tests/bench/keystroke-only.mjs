// The keystroke benchmark alone (page-keystroke.mjs), without the other cases of run.mjs: prints its
// figures as JSON. Expects what run.mjs expects (scripts/bench-web builds it); an optional argument
// serves another build of the page in place of web/dist, to compare two builds in turn.
// Usage: node tests/bench/keystroke-only.mjs [DIST_DIR]

import { loadavg } from "node:os";
import { launchChromium, serve } from "../browser.mjs";
import { buildEditorOnly } from "./editor-only.mjs";
import { loadNodeWasm } from "./node-wasm.mjs";
import { runKeystroke } from "./page-keystroke.mjs";
import { DIST_DIR } from "./paths.mjs";
import { serveInOwnProcess } from "./server-process.mjs";

const editorOnly = await serve(await buildEditorOnly());
const browser = await launchChromium();
const dist = await serveInOwnProcess(process.argv[2] ?? DIST_DIR);
try {
  const figures = await runKeystroke({ browser, url: dist.url, editorOnlyUrl: editorOnly.url }, await loadNodeWasm());
  process.stdout.write(`${JSON.stringify({ ...figures, loadAverage: loadavg() }, null, 2)}\n`);
} finally {
  await browser.close();
  await dist.close();
  await editorOnly.close();
}
