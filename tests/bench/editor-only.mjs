// Builds the keystroke benchmark's baseline page (editor-only/: the page's policy editor with nothing
// listening to its edits) with the page's Vite into target/bench/editor-only, to serve on loopback.

import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BENCH_DIR, OUT_DIR, REPO_ROOT } from "./paths.mjs";

/** The folder the baseline page is built into. */
export const EDITOR_ONLY_DIR = join(OUT_DIR, "editor-only");

/** Builds the baseline page (the page's npm packages must be installed: scripts/build does it). */
export async function buildEditorOnly() {
  const require = createRequire(join(REPO_ROOT, "web", "package.json"));
  const vitePackage = require.resolve("vite/package.json");
  const { build } = await import(pathToFileURL(join(vitePackage, "..", require(vitePackage).exports["."])).href);
  await build({
    configFile: false,
    logLevel: "warn",
    root: join(BENCH_DIR, "editor-only"),
    base: "./",
    build: { outDir: EDITOR_ONLY_DIR, emptyOutDir: true, target: "es2022", modulePreload: { polyfill: false } },
  });
  return EDITOR_ONLY_DIR;
}
