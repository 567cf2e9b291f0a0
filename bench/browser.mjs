// Debian's Chromium, headless, driven by playwright-core (never a downloaded browser), with the flags of
// the browser tests (tests/e2e/harness.mjs); and the page's loopback server (web/static-server.mjs).

import { chromium } from "playwright-core";
import { serveStatic } from "../web/static-server.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];

/** Launches Chromium. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Serves `root` on loopback: `{url, close}`. */
export async function serve(root) {
  const { server, url } = await serveStatic(root, 0);
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A fresh context (own cache and storage) and page; page errors and console errors go to `problems`. */
export async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "light" });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}
