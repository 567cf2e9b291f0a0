// The markdown report (target/bench/web.md): one table of case, Node.js, Chromium and target, then the
// details that say where the time and the bytes go.

import { WASM_CASES } from "./wasm-cases.mjs";
import { nativeFigure } from "./native.mjs";
import { GROUP_NAMES } from "./trace.mjs";

/** The project's targets, as README.md states them (KB = 1,024 bytes). */
const TARGETS = { firstDecisionMs: 300, keystrokeMs: 16, keystrokeRatio: 1.25, wasmGzip: 200 * 1024, pageGzip: 500 * 1024 };

function number(value, digits = 0) {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function micros(value) {
  if (value === null || value === undefined) return "—";
  return `${number(value, value < 10 ? 2 : value < 100 ? 1 : 0)} µs`;
}

function millis(value) {
  return value === null || value === undefined ? "—" : `${number(value, 1)} ms`;
}

function bytes(value) {
  return `${number(value)} B (${number(value / 1024, 1)} KiB)`;
}

function verdict(met) {
  return met ? "**met**" : "**missed**";
}

/**
 * A WebAssembly case's row: its ratio to the closest native work, and the verdict against its own target
 * when it has one (`targetMicros`; Chromium's figure, or Node.js's when Chromium did not run), or what it
 * is there to compare with (`scale`).
 */
function wasmRow(caseInfo, node, chromium) {
  const cells = [micros(node?.median), micros(chromium?.median)];
  const figure = caseInfo.native && nativeFigure(caseInfo.native);
  const worst = Math.max(node?.median ?? Infinity, chromium?.median ?? Infinity);
  let target = caseInfo.scale ? `— (${caseInfo.scale})` : "— (splits the keystroke case)";
  if (caseInfo.native && !figure) target = `native “${caseInfo.native}” not measured: run scripts/bench`;
  if (figure) target = `— (native “${caseInfo.native}” ${micros(figure.median)}: ${number(worst / figure.median, 1)}×)`;
  if (caseInfo.targetMicros) {
    const judged = chromium?.median ?? node?.median;
    target = `≤ ${micros(caseInfo.targetMicros)}: ${judged === undefined ? "not measured" : verdict(judged <= caseInfo.targetMicros)}; ${target}`;
  }
  return `| ${caseInfo.label} | ${cells[0]} | ${cells[1]} | ${target} |`;
}

function wasmDetails(node, chromium) {
  const lines = ["| Case | What the call returned | Node.js min / median / max | Chromium min / median / max | Calls per sample (Node.js, Chromium) |", "| --- | --- | --- | --- | --- |"];
  for (const { id, label } of WASM_CASES) {
    const range = (result) => (result ? `${micros(result.min)} / ${micros(result.median)} / ${micros(result.max)}` : "—");
    lines.push(`| ${label} | ${node[id]?.check ?? "—"} | ${range(node[id])} | ${range(chromium[id])} | ${node[id]?.iterations ?? "—"}, ${chromium[id]?.iterations ?? "—"} |`);
  }
  return lines;
}

/** The whole report as markdown. */
export function renderReport({ node, chromium, first, keystroke, compare, wasm, page, conditions }) {
  const lines = [];
  lines.push("# Benchmarks: WebAssembly and page", "");
  lines.push(`Made by \`scripts/bench-web\` on ${conditions.date}: ${conditions.machine}. Medians; µs per call for the WebAssembly cases (${conditions.samples}).`, "");
  lines.push("| Case | Node.js | Chromium | Target |", "| --- | --- | --- | --- |");
  for (const caseInfo of WASM_CASES) lines.push(wasmRow(caseInfo, node[caseInfo.id], chromium[caseInfo.id]));
  lines.push(`| first decision, first visit (navigation start to the banner leaving \`loading\`, read in the page; median of ${first.runs}) | — | ${millis(first.shownAt)} | ≤ ${TARGETS.firstDecisionMs} ms: ${verdict(first.shownAt <= TARGETS.firstDecisionMs)} |`);
  lines.push(`| first decision, reload in the same browser context (probed visits) | — | ${millis(first.warm.shownAt)} | ≤ ${TARGETS.firstDecisionMs} ms: ${verdict(first.warm.shownAt <= TARGETS.firstDecisionMs)} |`);
  lines.push(`| keystroke to tints (keydown to the end of the frame that paints the tint) | — | ${millis(keystroke.toFrame)} | ≤ ${TARGETS.keystrokeMs} ms: ${verdict(keystroke.toFrame <= TARGETS.keystrokeMs)} |`);
  lines.push(`| the same keystroke in the editor alone (no engine listening; keydown to the frame that paints the text), same run | — | ${millis(keystroke.editorAlone)} | |`);
  lines.push(`| keystroke to tints ÷ the editor alone | — | ${number(keystroke.ratio, 2)}× | ≤ ${TARGETS.keystrokeRatio}×: ${verdict(keystroke.ratio <= TARGETS.keystrokeRatio)} |`);
  lines.push(`| the same, in main-thread CPU time (traced keystrokes; the load hardly moves it): page ${millis(keystroke.cpu)}, editor alone ${millis(keystroke.cpuAlone)} | — | ${number(keystroke.cpuRatio, 2)}× | ≤ ${TARGETS.keystrokeRatio}×: ${verdict(keystroke.cpuRatio <= TARGETS.keystrokeRatio)} |`);
  lines.push(
    `| typing in Compare, two 20-statement versions: the main thread's longest task, its own running time (by the clock: ${millis(compare.longestTask)}) | — | ${millis(compare.longestTaskThread)} | ≤ ${TARGETS.keystrokeMs} ms (the diff within a keystroke): ${verdict(compare.longestTaskThread <= TARGETS.keystrokeMs)} |`,
  );
  lines.push(`| WebAssembly module, gzipped (raw: ${bytes(wasm.raw)}) | — | ${bytes(wasm.gzip)} | ≤ 200 KiB: ${verdict(wasm.gzip <= TARGETS.wasmGzip)} |`);
  lines.push(`| whole page transfer, gzipped (${page.files.length} files; raw: ${bytes(page.raw)}) | — | ${bytes(page.gzip)} | ≤ 500 KiB: ${verdict(page.gzip <= TARGETS.pageGzip)} |`);
  lines.push("");
  lines.push("## How to read it", "");
  lines.push("- WebAssembly cases run the package that `scripts/build-wasm --bench` writes to `target/bench/pkg` (release, `wasm-release` profile, with `benchEngine`): in Node.js through `initSync`, in Chromium in a page on loopback that loads it with `init()`. Inputs are the native benchmarks': `policy_of(2)` and `policy_of(22)` of `crates/engine/benches/engine.rs` (796 and 8,380 bytes) and `crates/engine/benches/fixtures/{typical,organization}.json`, at the same request time.");
  lines.push("- Inside cases run the native benchmark's own work inside the module (`benchEngine`: `parse_policy`, `Prepared::evaluate`, `Prepared::matrix`, `prepare` then `evaluate`), looping in WebAssembly, so they compare the engine compiled to WebAssembly with the engine compiled natively (the ratio is shown, without a target). JS calls are what the page pays for one call from JavaScript: reading the scenario object (`JSON.stringify`, then serde), the engine's work, and the result object built by serde-wasm-bindgen. `evaluate` and `matrix` keep the last scenarios' parsed and linted policies (`PolicyCache`), so a call after an edit parses only the edited policy: the typical, organization and matrix JS calls repeat one scenario (all cached), the keystroke call edits the 100-statement policy every time (parsed and linted anew). Native figures are criterion's medians in `target/criterion` from `scripts/bench`, when present.");
  lines.push(`- First decision: fresh browser context per run with the browser's default settings and nothing injected (no cache, no saved work), Chromium flags as in tests/e2e/harness.mjs, the page from a plain static server in a process of its own (web/static-server.mjs; no compression). The harness navigates, polls every animation frame until \`#decision\` leaves \`data-decision="loading"\`, then reads \`performance.now()\` in the page: that reading waits for the page's next task, so work run right after the decision counts. Probed visits alternate with those: the breakdown's \`data-decision\` time is a MutationObserver's (injected before the page's scripts), when the attribute first holds a decision, before the frame that paints it.`);
  lines.push(`- Keystroke: the page opens a 100-statement repository policy (one terse statement per line: ECR's limit is 10,240 characters, whitespace included, and the engine rejects a longer policy) from a share link; each keystroke replaces the last digit of the account id in statement ${keystroke.statement}, flipping its tint between allow-match and no-match (and the decision). Median of ${keystroke.rounds} keystrokes. The baseline is the same keystroke, in the same run and interleaved with the page's, in the page's policy editor alone (tests/bench/editor-only: the same CodeMirror set-up, stylesheet and first tints, in a box of the page's editor's size, with nothing listening to its edits): what CodeMirror costs without the engine and the page's views. The page evaluates right after an edit, before the edited text is painted, when its previous evaluation took less than 50 ms, else 150 ms after the last edit (web/src/playground.ts \`QUICK_EVALUATION_MS\`); the views other than the editor update once that frame is painted. The CPU-time row sums the thread time of the renderer main thread's tasks from the keydown to the end of the painted frame, in ${keystroke.tracedRounds} traced keystrokes of each. The frame that paints the tint ends when a message posted from the first animation frame after the tint arrives.`);
  lines.push(
    `- Typing in Compare: the page opens the diff case's two 20-statement versions from a share link with Compare open (tests/bench/page-compare.mjs), and ${compare.keys} letters are typed into the new version's first \`Sid\` in groups of three, 170 ms apart, then a 400 ms pause: the page compares 150 ms after the last edit, so two keys of each group arrive while a comparison runs, and each pause lets one finish and show. The longest task is the longest top-level task on the renderer main thread from the first key to the comparison after the last, in a Chromium trace: by the clock and by the thread's own running time, which leaves out the time other processes had the core. The comparisons run in the analyses worker (web/src/analyses-worker.ts), off the main thread. Medians of ${compare.runs} fresh pages.`,
  );
  lines.push("- Sizes are gzip level 9 of the files as built (the loopback server does not compress). KiB = 1,024 bytes.", "");
  lines.push("## First decision: where the time goes", "", "Medians, ms after navigation start.", "");
  lines.push("| Milestone | First visit | Reload |", "| --- | --- | --- |");
  const milestones = [
    ["DOMContentLoaded (index.html and its entry script)", "domContentLoaded"],
    ["first contentful paint", "fcp"],
    ["WebAssembly compile starts (`instantiateStreaming` called)", "wasmStart"],
    ["app chunk downloaded", "appChunkEnd"],
    ["wasm downloaded", "wasmFetchEnd"],
    ["WebAssembly compiled and instantiated", "wasmEnd"],
    ["first decision in the banner's \`data-decision\`", "decidedAt"],
    ["the frame after it", "framedAt"],
    ["the harness reads the decision (probed visits; the reported figure is the plain visits')", "shownAt"],
  ];
  for (const [label, field] of milestones) lines.push(`| ${label} | ${millis(first.cold[field])} | ${millis(first.warm[field])} |`);
  lines.push(`| baseline: a near-empty page's DOMContentLoaded in a fresh context (the browser's own start-up) | ${millis(first.blankDomContentLoaded)} | — |`);
  lines.push("", `First visits, each run (ms): ${first.shownAll.map((value) => number(value)).join(", ")}; probed: ${first.coldAll.map((value) => number(value)).join(", ")}.`, "");
  lines.push("## Keystroke to tints: the split", "", "Medians, ms.", "");
  lines.push("| Part | ms |", "| --- | --- |");
  lines.push(`| keydown to the start of the evaluation (the editor's handling of the key, and any wait) | ${millis(keystroke.keyToEvaluation)} |`);
  lines.push(`| start of the evaluation to the tint in the DOM (the wasm call, then the editor's findings and tints; the other views update after the frame) | ${millis(keystroke.evaluationToTint)} |`);
  lines.push(`| tint in the DOM to the end of the frame that paints it (style, layout, paint) | ${millis(keystroke.tintToFrame)} |`);
  lines.push(`| keydown to the tint in the DOM | ${millis(keystroke.toTints)} |`);
  lines.push(`| keydown to the end of the frame that paints the tint | ${millis(keystroke.toFrame)} |`);
  lines.push(`| of which the engine alone: the edited scenario through \`evaluate\` (JS call), Chromium | ${micros(chromium["keystroke-js"]?.median)} |`);
  lines.push("", `Keydown to the painted frame, each keystroke (ms): ${keystroke.all.map((value) => number(value, 1)).join(", ")}; the editor alone: ${keystroke.allAlone.map((value) => number(value, 1)).join(", ")}.`, "");
  lines.push("## Typing in Compare", "", `Medians of ${compare.runs} runs of ${compare.keys} keys each.`, "");
  lines.push("| Figure | Value |", "| --- | --- |");
  lines.push(`| the main thread's longest task, by the clock / its own running time | ${millis(compare.longestTask)} / ${millis(compare.longestTaskThread)} |`);
  lines.push(`| long tasks (50 ms or more, the Long Tasks API) while typing | ${number(compare.longTasks)} |`);
  lines.push(`| a key's input delay (its keydown handler's start after the event's timestamp), median / worst of a run | ${millis(compare.inputDelay)} / ${millis(compare.worstInputDelay)} |`);
  lines.push(`| comparisons shown while typing | ${number(compare.comparisons)} |`);
  lines.push("", `Longest task, each run (ms, by the clock): ${compare.all.map((value) => number(value, 1)).join(", ")}; its own running time: ${compare.allThread.map((value) => number(value, 1)).join(", ")}.`, "");
  lines.push("## Main thread: where the page's time goes (Chromium trace)", "");
  lines.push(`Self time of the renderer main thread's trace events, ms: one traced first visit (navigation start to the frame after the decision), the median of ${keystroke.tracedRounds} traced keystrokes (keydown to the end of the frame that paints the tint), and the median of as many in the editor alone (keydown to the end of the frame that paints the text), so that the two keystroke columns show where the page's extra time goes. Tracing slows things a little; the figures above come from untraced runs.`, "");
  lines.push("| Group | First visit | Keystroke | Keystroke, editor alone |", "| --- | --- | --- | --- |");
  for (const group of GROUP_NAMES) lines.push(`| ${group} | ${millis(first.traced?.[group])} | ${millis(keystroke.traced?.[group])} | ${millis(keystroke.tracedAlone?.[group])} |`);
  lines.push("");
  lines.push("## Page transfer: every file the first visit requested", "");
  lines.push("| File | Raw | Gzipped |", "| --- | --- | --- |");
  for (const file of page.files) lines.push(`| \`${file.path}\` | ${number(file.raw)} B | ${number(file.gzip)} B |`);
  lines.push("", "## WebAssembly cases in detail", "");
  lines.push(...wasmDetails(node, chromium));
  lines.push("");
  return lines.join("\n");
}
