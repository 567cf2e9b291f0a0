// Where things are: the repository root, the built package and page, and the report folder.

import { join } from "node:path";
import { REPO_ROOT } from "../browser.mjs";

export { REPO_ROOT };
/** This folder. */
export const BENCH_DIR = join(REPO_ROOT, "tests", "bench");
/** The WebAssembly package that scripts/build-wasm writes for the page. */
export const PKG_DIR = join(REPO_ROOT, "web", "pkg");
/** The built page that scripts/build writes. */
export const DIST_DIR = join(REPO_ROOT, "web", "dist");
/** Where the report and the scratch files go (`target/` is git-ignored). */
export const OUT_DIR = join(process.env.CARGO_TARGET_DIR ?? join(REPO_ROOT, "target"), "bench");
/** The benchmarks' WebAssembly package, with `benchEngine`, that `scripts/build-wasm --bench` writes. */
export const BENCH_PKG_DIR = join(OUT_DIR, "pkg");
