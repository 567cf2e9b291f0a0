// The Chromium benchmark page: loads the package the way the playground does (`init()` fetches the
// .wasm), then waits for the driver to call `runBench(inputs)`.

import init, * as wasm from "./pkg/ecr_policy_wasm.js";
import { runWasmCases } from "./wasm-cases.mjs";

const ready = init();

window.runBench = async (inputs) => {
  await ready;
  return runWasmCases(wasm, inputs);
};
window.benchReady = ready.then(() => true);
