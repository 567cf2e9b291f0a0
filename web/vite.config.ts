// Builds the page into web/dist as static files. `base: "./"` keeps every URL relative, so the page
// works from any path (and from a copy on disk) and requests nothing from another origin.
import { fileURLToPath } from "node:url";
import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";
import { ruleBook } from "./rule-book";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * Adds to index.html `<link rel="preload" as="fetch">` for the engine's first-load WebAssembly module and
 * `<link rel="modulepreload">` for the playground's first chunk (src/app.ts, which shows the first
 * decision) and its imports, so that the browser fetches them alongside the entry script instead of
 * after the entry has run. The editors' chunk (src/playground.ts, with CodeMirror) is not preloaded:
 * compiling it alongside would hold up the first decision, and it is only needed after it. Nor is the
 * analyses module (web/pkg-analyses), which the analyses worker (src/analyses-worker.ts) fetches when the
 * page first calls an analysis.
 */
function preloadEngineAndApp(): Plugin {
  return {
    name: "preload-engine-and-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const files = Object.values(context.bundle ?? {});
        const wasm = files.find((file) => file.type === "asset" && /ecr_policy_wasm_bg-[^/]*\.wasm$/.test(file.fileName));
        // The module's chunk also holds the small modules only it imports, so it has no facade module id.
        const app = files.find((file) => file.type === "chunk" && file.moduleIds.some((id) => id.endsWith("/src/app.ts")));
        const tags: HtmlTagDescriptor[] = [];
        if (wasm) {
          tags.push({
            tag: "link",
            attrs: { rel: "preload", as: "fetch", type: "application/wasm", crossorigin: true, href: `./${wasm.fileName}` },
            injectTo: "head",
          });
        }
        if (app?.type === "chunk") {
          // The entry script is already in the page.
          const entries = new Set(files.flatMap((file) => (file.type === "chunk" && file.isEntry ? [file.fileName] : [])));
          for (const fileName of [app.fileName, ...app.imports].filter((name) => !entries.has(name))) {
            tags.push({ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `./${fileName}` }, injectTo: "head" });
          }
        }
        return tags;
      },
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [preloadEngineAndApp(), ruleBook(repoRoot)],
  // The analyses worker is a module worker (src/analyses-client.ts starts it with `type: "module"`), built
  // into its own file under assets/: same origin, so the page's CSP (`worker-src 'self'`) allows it.
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // The examples gallery reads tests/scenarios/examples at build time.
    fs: { allow: [repoRoot] },
  },
});
