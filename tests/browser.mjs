// The one Chromium harness of the browser tests (e2e/) and the benchmarks (bench/): Debian's Chromium,
// headless, driven by playwright-core (never a downloaded browser), and the page's loopback server
// (web/static-server.mjs). Their npm packages are this folder's package.json.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "../web/static-server.mjs";

/** The repository root. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

/** Launches Chromium. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Serves the folder `root` on loopback: `{url, close}`. */
export async function serve(root) {
  const { server, url } = await serveStatic(root, 0);
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}
