// Byte counts: the WebAssembly module raw and gzipped, and the page's transfer size, gzipped: the sum of
// the gzip sizes of every file the page requested on its first visit (the loopback server does not
// compress, so each file goes through `gzip -9`, as scripts/build-wasm measures the module).

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import { DIST_DIR, PKG_DIR } from "./paths.mjs";

function gzipSize(bytes) {
  return execFileSync("gzip", ["-9", "-c"], { input: bytes, maxBuffer: 64 * 1024 * 1024 }).length;
}

/** The package's .wasm, raw and gzipped. */
export function wasmSize() {
  const bytes = readFileSync(join(PKG_DIR, "ecr_policy_wasm_bg.wasm"));
  return { raw: bytes.length, gzip: gzipSize(bytes) };
}

/** The file of web/dist that a URL of the page's origin names. */
function distFile(url) {
  let path = decodeURIComponent(new URL(url).pathname);
  if (path.endsWith("/")) path += "index.html";
  const file = normalize(join(DIST_DIR, path));
  if (!file.startsWith(DIST_DIR + sep)) throw new Error(`request outside web/dist: ${url}`);
  return file;
}

/** Every file `urls` (the page's request log) names, with its sizes, and the totals. */
export function pageSize(urls) {
  const files = [...new Set(urls.filter((url) => !url.startsWith("data:")))].map((url) => {
    const bytes = readFileSync(distFile(url));
    return { path: new URL(url).pathname, raw: bytes.length, gzip: gzipSize(bytes) };
  });
  files.sort((a, b) => b.gzip - a.gzip);
  const total = (field) => files.reduce((sum, file) => sum + file[field], 0);
  return { files, raw: total("raw"), gzip: total("gzip") };
}
