// The WebAssembly cases, run the same way in Node.js and in the Chromium page: `wasm` is the package's
// module (initialized), `inputs` what cases.mjs `wasmInputs()` returns. Plain JavaScript, no Node imports.

import { timeCalls, timeInside } from "./timing.mjs";

/**
 * The cases, in report order: id, label, and the native criterion benchmarks (scripts/bench) it is
 * compared with, closest work first (the first one that has run is used).
 */
export const WASM_CASES = [
  { id: "parse-1kb", label: "parse 1 KB policy (`lint`, JS call)", native: ["parse 1 KB policy"] },
  { id: "parse-10kb", label: "parse 10 KB policy (`lint`, JS call)", native: ["parse 10 KB policy"] },
  { id: "typical-js", label: "evaluate typical scenario (`evaluate`, JS call)", native: ["prepare and evaluate typical scenario", "evaluate typical scenario"] },
  { id: "typical-inside", label: "evaluate typical scenario (`benchEvaluate`, inside wasm)", native: ["prepare and evaluate typical scenario", "evaluate typical scenario"] },
  { id: "organization-js", label: "evaluate with boundary, session, SCPs and RCPs (JS call)", native: ["evaluate with boundary, session, SCPs and RCPs"] },
  { id: "organization-inside", label: "evaluate with boundary, session, SCPs and RCPs (`benchEvaluate`)", native: ["evaluate with boundary, session, SCPs and RCPs"] },
  { id: "matrix-js", label: "all-actions matrix (`matrix`, JS call)", native: ["all-actions matrix"] },
  { id: "keystroke-js", label: "evaluate the keystroke case's 100-statement scenario (JS call)", native: [] },
];

/** What each case's call returns, to check it did the work it claims (a benchmark of an error is no benchmark). */
function checks(wasm, inputs) {
  const decision = (scenario) => wasm.evaluate(scenario, inputs.at).decision;
  const errors = (text) => wasm.lint(text, "repository").filter((finding) => finding.severity === "error").length;
  return {
    "parse-1kb": `${errors(inputs.small)} errors`,
    "parse-10kb": `${errors(inputs.large)} errors`,
    "typical-js": decision(inputs.typical),
    "typical-inside": decision(inputs.typical),
    "organization-js": decision(inputs.organization),
    "organization-inside": decision(inputs.organization),
    "matrix-js": `${wasm.matrix(inputs.typical, inputs.at).rows.length} rows`,
    "keystroke-js": decision(inputs.keystroke),
  };
}

/** Runs every case; returns `{[id]: {median, min, max, samples, iterations, check}}` in microseconds. */
export function runWasmCases(wasm, inputs) {
  const { at } = inputs;
  const timers = {
    "parse-1kb": () => timeCalls(() => wasm.lint(inputs.small, "repository")),
    "parse-10kb": () => timeCalls(() => wasm.lint(inputs.large, "repository")),
    "typical-js": () => timeCalls(() => wasm.evaluate(inputs.typical, at)),
    "typical-inside": () => timeInside((count) => wasm.benchEvaluate(inputs.typical, count)),
    "organization-js": () => timeCalls(() => wasm.evaluate(inputs.organization, at)),
    "organization-inside": () => timeInside((count) => wasm.benchEvaluate(inputs.organization, count)),
    "matrix-js": () => timeCalls(() => wasm.matrix(inputs.typical, at)),
    "keystroke-js": () => timeCalls(() => wasm.evaluate(inputs.keystroke)),
  };
  const check = checks(wasm, inputs);
  const results = {};
  for (const { id } of WASM_CASES) {
    results[id] = { ...timers[id](), check: check[id] };
  }
  return results;
}
