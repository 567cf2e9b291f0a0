// A small static file server for the built page (web/dist), on the loopback interface only. Used by
// scripts/serve and by the browser tests. Usage: node web/static-server.mjs [root] [port]
// (port 0 picks a free one). Prints the URL once it listens.
//
// Every response carries the Content-Security-Policy of the root's index.html as a header too: a
// <meta> policy covers the page, and a header is what covers its Web Worker.

import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** The Content-Security-Policy `<meta>` of `root`/index.html, or null when it has none. */
function pagePolicy(root) {
  try {
    const html = readFileSync(join(root, "index.html"), "utf8");
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    return meta?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Serves `root` on 127.0.0.1:`port`; resolves to the listening server and its base URL. */
export function serveStatic(root, port = 0) {
  const base = resolve(root);
  const policy = pagePolicy(base);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const size = statSync(file).size;
      response.writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": size,
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        ...(policy ? { "content-security-policy": policy } : {}),
      });
      if (request.method === "HEAD") {
        response.end();
      } else {
        createReadStream(file).pipe(response);
      }
    } catch {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found");
    }
  });
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolveListen({ server, url: `http://127.0.0.1:${address.port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? join(fileURLToPath(new URL(".", import.meta.url)), "dist");
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await serveStatic(root, port);
  console.log(`ECR Policy Playground: ${url}`);
}
