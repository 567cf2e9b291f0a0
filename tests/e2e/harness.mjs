// What every browser test needs: the built page served on loopback and Chromium (the harness of
// ../browser.mjs, shared with the benchmarks), and a recorder that fails a test on any request to
// another origin, any CSP violation, any console error or uncaught exception.

import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { launchChromium, REPO_ROOT, serve } from "../browser.mjs";

export { REPO_ROOT };
export const SCREENSHOTS = join(REPO_ROOT, "target", "screenshots");
/** The localStorage key the page autosaves its work under (web/src/storage.ts). */
export const SAVED_KEY = "ecr-policy-playground:state:v1";

/** Serves web/dist and launches Chromium; `close` stops both. */
export async function start() {
  const server = await serve(join(REPO_ROOT, "web", "dist"));
  const browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A fresh context (so its own localStorage) and page with the recorder attached to the context, so it
 * also hears the iframes and the pages the page opens. `problems` lists every request to another
 * origin, WebSocket, CSP violation, console error and uncaught exception seen so far.
 */
export async function newSession(env, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: "light", ...options });
  const origin = new URL(env.url).origin;
  const problems = [];
  const requests = [];
  context.on("request", (request) => {
    const url = request.url();
    requests.push(url);
    if (!url.startsWith("data:") && new URL(url).origin !== origin) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  context.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  context.on("weberror", (error) => problems.push(`page error: ${error.error().message}`));
  context.on("page", (opened) => opened.on("websocket", (socket) => problems.push(`WebSocket: ${socket.url()}`)));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  return { page, context, problems, requests };
}

/** A fresh session on the page (at `path`, relative to the page, when given) with its decision shown. */
export async function openPage(env, options = {}) {
  const { path = "", ...contextOptions } = options;
  const session = await newSession(env, contextOptions);
  await session.page.goto(env.url + path);
  await waitForDecision(session.page);
  return session;
}

/** Runs `body` in a fresh session (`open: false` leaves the page blank), then checks the recorder found nothing. */
export async function withPage(env, body, options = {}) {
  const { open = true, ...rest } = options;
  const session = open ? await openPage(env, rest) : await newSession(env, rest);
  try {
    await body(session.page, session);
    assert.deepEqual(session.problems, [], "requests to other origins, CSP violations, console or page errors");
  } finally {
    await session.context.close();
  }
}

/** Waits until the banner (of the playground or of the embed view) shows a decision, optionally a given one, and returns it. */
export async function waitForDecision(page, decision) {
  const banner = ':is(#result-panel:not([aria-busy="true"]), #embed-root) #decision';
  const selector = decision ? `${banner}[data-decision="${decision}"]` : `${banner}:is([data-decision=allowed],[data-decision=explicitDeny],[data-decision=implicitDeny],[data-decision=invalid])`;
  await page.waitForSelector(selector, { timeout: 10_000 });
  // The playground shows its first decision before it builds the editors and panels, the tabs last:
  // a test acts on the built page.
  if ((await page.locator("#policy-tabs").count()) > 0) {
    await page.locator("#policy-tabs [role=tab]").first().waitFor({ timeout: 10_000 });
  }
  return page.getAttribute("#decision", "data-decision");
}

/** Opens the gallery and loads the example stored in tests/scenarios/examples/`id`.json. */
export async function loadExample(page, id) {
  // On a narrow screen the button waits behind the top bar's menu.
  if (!(await page.locator("#open-gallery").isVisible())) await page.click("#menu-toggle");
  await page.click("#open-gallery");
  await page.click(`[data-example="${id}"] button`);
  await page.waitForSelector('dialog[data-dialog="gallery"]', { state: "detached" });
}

/** The example scenario files, parsed. */
export function example(id) {
  return JSON.parse(readFileSync(join(REPO_ROOT, "tests", "scenarios", "examples", `${id}.json`), "utf8"));
}

/** Replaces the text of the visible policy editor, as a person pasting would. */
export async function setEditorText(page, text) {
  const content = page.locator(".editor-panel:not([hidden]) .cm-content");
  await content.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/** The text of the visible policy editor (without the placeholder an empty editor shows). */
export async function editorText(page) {
  return page.locator(".editor-panel:not([hidden]) .cm-content").evaluate((node) =>
    Array.from(node.querySelectorAll(".cm-line"), (line) =>
      Array.from(line.childNodes, (child) => (child.classList?.contains("cm-placeholder") ? "" : child.textContent)).join(""),
    ).join("\n"),
  );
}

/** Selects a policy tab by its visible name. */
export async function selectTab(page, name) {
  await page.click(`[role=tab][data-policy-key]:has(.tab-name:text-is("${name}"))`);
}

/** Runs axe-core on the page (injected from node_modules through the debugging protocol, so the CSP stays strict). */
export async function axe(page) {
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5) }));
  });
}

/** Runs `body` in a fresh session (with the context `options`) on the page opened with `document` as its saved work. */
export async function withSavedDocument(env, document, body, options = {}) {
  await withPage(
    env,
    async (page, session) => {
      // The work is saved from the rule book's page (same origin, no script): a playground opened first
      // would save its own work over it when it goes away.
      await page.goto(`${env.url}rules.html`);
      await page.evaluate(([key, saved]) => window.localStorage.setItem(key, JSON.stringify({ document: saved, savedAt: new Date().toISOString() })), [SAVED_KEY, document]);
      await page.goto(env.url);
      await waitForDecision(page);
      await body(page, session);
    },
    { open: false, ...options },
  );
}
