// Builds the page into web/dist as static files. `base: "./"` keeps every URL relative, so the page
// works from any path (and from a copy on disk) and requests nothing from another origin.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  base: "./",
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
