// The WebAssembly cases in headless Chromium: a page on loopback (tests/bench/www, staged with the
// benchmarks' package target/bench/pkg and the timing modules into target/bench/www) loads the package
// with `init()`, as the playground does, and runs the same cases as Node.js.

import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { freshPage } from "./browser.mjs";
import { wasmInputs } from "./cases.mjs";
import { BENCH_DIR, BENCH_PKG_DIR, OUT_DIR } from "./paths.mjs";

/** Copies the benchmark pages, their modules and the package into one folder to serve; returns it. */
export function stageWww() {
  const root = join(OUT_DIR, "www");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(BENCH_DIR, "www"), root, { recursive: true });
  for (const module of ["stats.mjs", "timing.mjs", "wasm-cases.mjs"]) cpSync(join(BENCH_DIR, module), join(root, module));
  cpSync(BENCH_PKG_DIR, join(root, "pkg"), { recursive: true });
  return root;
}

/** Runs every WebAssembly case in a Chromium page of `www` (the server of `stageWww()`'s folder). */
export async function runChromium(browser, www) {
  const { context, page, problems } = await freshPage(browser);
  try {
    await page.goto(www.url);
    await page.evaluate(() => window.benchReady);
    const results = await page.evaluate((inputs) => window.runBench(inputs), wasmInputs());
    if (problems.length > 0) throw new Error(`the benchmark page failed: ${problems.join("; ")}`);
    return results;
  } finally {
    await context.close();
  }
}
