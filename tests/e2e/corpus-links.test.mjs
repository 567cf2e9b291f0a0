// The whole scenario corpus through the page, both ways: for every scenario of tests/scenarios (each
// file the test kit's walker reads: every .json at any depth, in path order), the link `ecr-policy link`
// makes opens in the page with the decision `ecr-policy eval --json` gives, and the file the page's
// "Download scenario" saves decides the same with the CLI as on the page. A page that dropped a field it
// does not edit (a request's `federatedBy`, a suite's other requests, the registry policy scope...)
// would give another decision for some scenario here.
//
// One browser page opens every link the way a person pastes one into the address bar of an open page
// (the fragment changes), while the CLI makes the next links and decisions a few at a time; the CLI then
// runs once for all the downloaded files (`ecr-policy test`, each file's `expect` set to the page's
// decision).

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import { CORPUS_ROOT as CORPUS, corpusFiles } from "../corpus-files.mjs";
import { cliBatch, cliTest } from "./cli.mjs";
import { REPO_ROOT, start, waitForDecision, withPage } from "./harness.mjs";

let env;
let scratch;

before(async () => {
  env = await start();
  scratch = mkdtempSync(join(tmpdir(), "ecr-policy-corpus-"));
});

after(async () => {
  await env?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** How many scenarios a corpus file holds: an array of them, `{"scenarios": [...]}`, or one. */
function scenarioCount(file) {
  const value = JSON.parse(readFileSync(file, "utf8"));
  if (Array.isArray(value)) return value.length;
  return Array.isArray(value.scenarios) && !("request" in value) && !("requests" in value) ? value.scenarios.length : 1;
}

/** The decision `ecr-policy eval --json` printed: a suite's is its first request's, which the page decides. */
function cliDecision(result) {
  return Array.isArray(result) ? result[0]?.evaluation.decision : result.decision;
}

/** Opens `link` in the open page by changing its fragment, and returns the decision the page then shows. */
async function openInPage(page, link) {
  // The banner's decision is cleared first, so that the wait is for this link's decision.
  await page.evaluate((hash) => {
    document.querySelector("#decision")?.removeAttribute("data-decision");
    window.location.hash = hash;
  }, new URL(link).hash);
  return waitForDecision(page);
}

/**
 * Chromium starts at most 10 downloads a second from one frame and silently drops the rest (it throttles
 * download requests per frame against abuse; there is no switch for it). A person never clicks that fast;
 * this test would, on a quiet machine, so it keeps to the limit: the times of the last 10 downloads.
 */
const DOWNLOADS_PER_SECOND = 10;
const recentDownloads = [];

/** Resolves once a download now would be within Chromium's limit. */
async function downloadSlot() {
  if (recentDownloads.length === DOWNLOADS_PER_SECOND) {
    const freeAt = recentDownloads.shift() + 1_100;
    if (Date.now() < freeAt) await new Promise((resolve) => setTimeout(resolve, freeAt - Date.now()));
  }
  recentDownloads.push(Date.now());
}

/** What "Download scenario" saves, parsed. */
async function download(page) {
  await downloadSlot();
  const [file] = await Promise.all([page.waitForEvent("download"), page.click("#download-scenario")]);
  return JSON.parse(readFileSync(await file.path(), "utf8"));
}

/** `document` with `expect` on the request the page decided (a suite's first), and on no other. */
function expecting(document, decision) {
  if (!Array.isArray(document.requests)) return { ...document, expect: decision };
  const [first, ...rest] = document.requests.map(({ expect: _, ...request }) => request);
  return { ...document, requests: [{ ...first, expect: decision }, ...rest] };
}

test("every corpus scenario: ecr-policy link → page → decision of ecr-policy eval; page download → ecr-policy decides as the page", async () => {
  const scenarios = corpusFiles(CORPUS).flatMap((file) =>
    Array.from({ length: scenarioCount(file) }, (_, index) => ({ file, number: index + 1, label: `${relative(CORPUS, file)} #${index + 1}` })),
  );
  assert.ok(scenarios.length >= 500, `the corpus has ${scenarios.length} scenarios`);
  const runs = cliBatch(
    scenarios.flatMap(({ file, number }) => [
      ["link", file, "--scenario", String(number), "--base", env.url],
      ["eval", file, "--scenario", String(number), "--json"],
    ]),
  );

  const downloaded = [];
  const mismatches = [];
  await withPage(env, async (page) => {
    for (const [index, scenario] of scenarios.entries()) {
      const [link, decision] = await Promise.all([runs[2 * index], runs[2 * index + 1]]);
      assert.equal(link.status, 0, `${scenario.label}: ecr-policy link failed: ${link.stderr}`);
      const expected = cliDecision(JSON.parse(decision.stdout));
      const shown = await openInPage(page, link.stdout.trim());
      if (shown !== expected) mismatches.push(`${scenario.label}: the page shows ${shown}, ecr-policy eval gives ${expected}`);
      downloaded.push(expecting(await download(page), shown));
    }
  });
  assert.deepEqual(mismatches, [], "link → page");

  const file = join(scratch, "downloaded.json");
  writeFileSync(file, JSON.stringify({ scenarios: downloaded }));
  const run = cliTest([file]);
  assert.equal(run.status, 0, `download → ecr-policy test: the page's decision was not the CLI's for:\n${run.stdout}${run.stderr}`);
  assert.match(run.stdout, new RegExp(`^${scenarios.length} passed, 0 failed$`, "m"));
});
