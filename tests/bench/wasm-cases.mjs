// The WebAssembly cases, run the same way in Node.js and in the Chromium page: `wasm` is the package's
// module (initialized), `inputs` what cases.mjs `wasmInputs()` returns. Plain JavaScript, no Node imports.
//
// Two kinds of case. "Inside" cases run a native benchmark's own work inside the module (`benchEngine`),
// so they compare the engine as WebAssembly with the engine native (the ratio is reported, with no
// target). "JS call" cases time what the page pays for one call of the package from
// JavaScript: reading the scenario object, the engine's work, and building the result object. They are
// shown next to the closest native work for scale; some have a target of their own (`targetMicros`).
// Two reference cases call no module at all: `JSON.parse` of a result's JSON text, what JavaScript's own
// parser takes to build the same objects as a JS call returns, to show how much of a call that alone is.

import { timeCalls, timeInside } from "./timing.mjs";

/**
 * The cases, in report order: id, label, whether it is an inside case (judged against the target), the
 * native criterion benchmark (scripts/bench) it is compared with, and for a reference case what it is
 * there to compare with (`scale`).
 */
export const WASM_CASES = [
  { id: "parse-1kb", label: "parse 1 KB policy (inside wasm)", inside: true, native: "parse 1 KB policy" },
  { id: "parse-10kb", label: "parse 10 KB policy (inside wasm)", inside: true, native: "parse 10 KB policy" },
  { id: "typical", label: "evaluate typical scenario, policies parsed (inside wasm)", inside: true, native: "evaluate typical scenario" },
  { id: "organization", label: "evaluate with boundary, session, SCPs and RCPs, policies parsed (inside wasm)", inside: true, native: "evaluate with boundary, session, SCPs and RCPs" },
  { id: "matrix", label: "all-actions matrix (inside wasm)", inside: true, native: "all-actions matrix" },
  { id: "prepare", label: "prepare and evaluate typical scenario (inside wasm)", inside: true, native: "prepare and evaluate typical scenario" },
  { id: "lint-js", label: "`lint` of the 1 KB policy (JS call: parse, lint, findings to JS)", inside: false, native: "parse 1 KB policy" },
  { id: "small-js", label: "`evaluate` small scenario, about 500 characters, two policies (JS call; the same scenario as the previous call)", inside: false, native: "small scenario text to result JSON", targetMicros: 20 },
  { id: "typical-js", label: "`evaluate` typical scenario (JS call; the same scenario as the previous call, which read it)", inside: false, native: "evaluate typical scenario", targetMicros: 60 },
  { id: "request-edit-js", label: "`evaluate` typical scenario after an edit of its request (JS call; read again, its policies cached)", inside: false, native: "evaluate typical scenario", targetMicros: 60 },
  { id: "organization-js", label: "`evaluate` with boundary, session, SCPs and RCPs (JS call; cached policies)", inside: false, native: "evaluate with boundary, session, SCPs and RCPs" },
  { id: "matrix-js", label: "`matrix` (JS call; cached policies)", inside: false, native: "all-actions matrix" },
  { id: "keystroke-js", label: "`evaluate` after an edit of the keystroke case's 100-statement policy (JS call)", inside: false, native: null, targetMicros: 500 },
  { id: "typical-parse", label: "`JSON.parse` of the typical scenario's result as JSON text (no call into the module)", inside: false, native: null, scale: "for scale: the typical JS calls build these same objects" },
  { id: "keystroke-parse", label: "`JSON.parse` of the keystroke case's result as JSON text (no call into the module)", inside: false, native: null, scale: "for scale: the keystroke JS call builds these same objects" },
  { id: "diff-js", label: "`diff` of two 20-statement repository policies (JS call; what the Compare view's analyses worker pays after each pause in typing)", inside: false, native: "diff of two 20-statement policies", targetMicros: 16000 },
  { id: "suite-js", label: "`evaluateSuite` of 20 requests after an edit of its repository policy (JS call)", inside: false, native: "suite of 20 requests", targetMicros: 16000 },
];

/** `evaluate`'s result for `scenario` as JSON text. */
function resultJson(wasm, scenario, at) {
  return JSON.stringify(wasm.evaluate(scenario, at));
}

/** What each case's work gives, to check it did the work it claims (a benchmark of an error is no benchmark). */
function checks(wasm, inputs) {
  const decision = (scenario) => wasm.evaluate(scenario, inputs.at).decision;
  const errors = (text) => wasm.lint(text, "repository").diagnostics.filter((finding) => finding.severity === "error").length;
  const rows = `${wasm.matrix(inputs.typical, inputs.at).rows.length} rows`;
  return {
    "parse-1kb": `${errors(inputs.small)} errors`,
    "parse-10kb": `${errors(inputs.large)} errors`,
    typical: decision(inputs.typical),
    organization: decision(inputs.organization),
    matrix: rows,
    prepare: decision(inputs.typical),
    "lint-js": `${errors(inputs.small)} errors`,
    "small-js": decision(inputs.smallScenario),
    "typical-js": decision(inputs.typical),
    "request-edit-js": inputs.requestEdits.map(decision).join(", "),
    "organization-js": decision(inputs.organization),
    "matrix-js": rows,
    "keystroke-js": `${inputs.keystrokeEdits.map(decision).join(", ")}; result ${JSON.stringify(wasm.evaluate(inputs.keystrokeEdits[0], inputs.at)).length} characters of JSON (target at most 30 KB)`,
    "typical-parse": `${JSON.parse(resultJson(wasm, inputs.typical, inputs.at)).decision}; ${resultJson(wasm, inputs.typical, inputs.at).length} characters`,
    "keystroke-parse": `${JSON.parse(resultJson(wasm, inputs.keystrokeEdits[0], inputs.at)).decision}; ${resultJson(wasm, inputs.keystrokeEdits[0], inputs.at).length} characters`,
    "diff-js": (() => {
      const diff = wasm.diff(inputs.diffVersions.old, inputs.diffVersions.new, "repository", undefined, inputs.at);
      return `${diff.changes.length} changes among ${diff.requests} representative requests`;
    })(),
    "suite-js": `${wasm.evaluateSuite(inputs.suiteEdits[0], inputs.at).requests.length} requests`,
  };
}

/** Runs every case; returns `{[id]: {median, min, max, samples, iterations, check}}` in microseconds. */
export function runWasmCases(wasm, inputs) {
  const { at } = inputs;
  const inside = (benchCase, input) => timeInside((count) => wasm.benchEngine(benchCase, input, count, at));
  const edited = inputs.keystrokeEdits;
  const typicalJson = resultJson(wasm, inputs.typical, at);
  const keystrokeJson = resultJson(wasm, edited[0], at);
  let next = 0;
  let nextSuite = 0;
  let nextRequest = 0;
  const timers = {
    "parse-1kb": () => inside("parse", inputs.small),
    "parse-10kb": () => inside("parse", inputs.large),
    typical: () => inside("evaluate", inputs.typical),
    organization: () => inside("evaluate", inputs.organization),
    matrix: () => inside("matrix", inputs.typical),
    prepare: () => inside("prepareEvaluate", inputs.typical),
    "lint-js": () => timeCalls(() => wasm.lint(inputs.small, "repository")),
    "small-js": () => timeCalls(() => wasm.evaluate(inputs.smallScenario, at)),
    "typical-js": () => timeCalls(() => wasm.evaluate(inputs.typical, at)),
    "request-edit-js": () =>
      timeCalls(() => {
        nextRequest = (nextRequest + 1) % inputs.requestEdits.length;
        return wasm.evaluate(inputs.requestEdits[nextRequest], at);
      }),
    "organization-js": () => timeCalls(() => wasm.evaluate(inputs.organization, at)),
    "matrix-js": () => timeCalls(() => wasm.matrix(inputs.typical, at)),
    "keystroke-js": () =>
      timeCalls(() => {
        next = (next + 1) % edited.length;
        return wasm.evaluate(edited[next], at);
      }),
    "typical-parse": () => timeCalls(() => JSON.parse(typicalJson)),
    "keystroke-parse": () => timeCalls(() => JSON.parse(keystrokeJson)),
    "diff-js": () => timeCalls(() => wasm.diff(inputs.diffVersions.old, inputs.diffVersions.new, "repository", undefined, at)),
    "suite-js": () =>
      timeCalls(() => {
        nextSuite = (nextSuite + 1) % inputs.suiteEdits.length;
        return wasm.evaluateSuite(inputs.suiteEdits[nextSuite], at);
      }),
  };
  const check = checks(wasm, inputs);
  const results = {};
  for (const { id } of WASM_CASES) {
    results[id] = { ...timers[id](), check: check[id] };
  }
  return results;
}
