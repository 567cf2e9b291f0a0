// Runs every WebAssembly and page benchmark, writes target/bench/web.md and prints it. Expects the
// benchmarks' package in target/bench/pkg, and the page in web/dist with its package in web/pkg:
// scripts/bench-web builds them, then runs this.
// Benchmarks, not tests: nothing here fails on a slow figure.

import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { launchChromium, serve } from "../browser.mjs";
import { runChromium, stageWww } from "./chromium-wasm.mjs";
import { buildEditorOnly } from "./editor-only.mjs";
import { loadNodeWasm, runNode } from "./node-wasm.mjs";
import { runCompareTyping } from "./page-compare.mjs";
import { runFirstDecision } from "./page-load.mjs";
import { runKeystroke } from "./page-keystroke.mjs";
import { DIST_DIR, OUT_DIR } from "./paths.mjs";
import { serveInOwnProcess } from "./server-process.mjs";
import { renderReport } from "./report.mjs";
import { pageSize, wasmSize } from "./sizes.mjs";
import { SAMPLES, SAMPLE_MS, WARMUP_MS } from "./timing.mjs";

function progress(message) {
  process.stderr.write(`bench-web: ${message}\n`);
}

progress("WebAssembly cases in Node.js");
const node = await runNode();
progress("building the keystroke baseline page (the editor alone)");
const editorOnly = await serve(await buildEditorOnly());
const browser = await launchChromium();
const www = await serve(stageWww());
const dist = await serveInOwnProcess(DIST_DIR);
let chromium;
let first;
let keystroke;
let compare;
const chromiumVersion = browser.version();
try {
  progress("WebAssembly cases in Chromium");
  chromium = await runChromium(browser, www);
  progress("page: first decision");
  first = await runFirstDecision({ browser, url: dist.url }, `${www.url}blank.html`);
  progress("page: keystroke to tints");
  keystroke = await runKeystroke({ browser, url: dist.url, editorOnlyUrl: editorOnly.url }, await loadNodeWasm());
  progress("page: typing in Compare");
  compare = await runCompareTyping({ browser, url: dist.url }, await loadNodeWasm());
} finally {
  await browser.close();
  await www.close();
  await dist.close();
  await editorOnly.close();
}
const load = loadavg()
  .map((value) => value.toFixed(2))
  .join(", ");
const conditions = {
  date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
  machine: `${cpus().length} cores, load average ${load} at the end, Node.js ${process.version}, Chromium ${chromiumVersion}`,
  samples: `${WARMUP_MS} ms warm-up, then ${SAMPLES} samples of at least ${SAMPLE_MS} ms each`,
};
const markdown = renderReport({ node, chromium, first, keystroke, compare, wasm: wasmSize(), page: pageSize(first.requests), conditions });
mkdirSync(OUT_DIR, { recursive: true });
const file = join(OUT_DIR, "web.md");
writeFileSync(file, markdown);
writeFileSync(join(OUT_DIR, "web.json"), JSON.stringify({ conditions, node, chromium, first, keystroke, compare }, null, 2));
process.stdout.write(`${markdown}\n`);
progress(`wrote ${file}`);
