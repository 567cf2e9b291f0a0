// The benchmarks' WebAssembly package (target/bench/pkg, with `benchEngine`) in Node.js: loaded with
// `initSync` from the .wasm bytes, and the WebAssembly cases run on it.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { wasmInputs } from "./cases.mjs";
import { BENCH_PKG_DIR } from "./paths.mjs";
import { runWasmCases } from "./wasm-cases.mjs";

/** The package's module, initialized. */
export async function loadNodeWasm() {
  const wasm = await import(pathToFileURL(join(BENCH_PKG_DIR, "ecr_policy_wasm.js")).href);
  wasm.initSync({ module: readFileSync(join(BENCH_PKG_DIR, "ecr_policy_wasm_bg.wasm")) });
  return wasm;
}

/** Runs every WebAssembly case in this Node.js process. */
export async function runNode() {
  return runWasmCases(await loadNodeWasm(), wasmInputs());
}
