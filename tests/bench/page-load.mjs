// The page's first decision in headless Chromium, in fresh browser contexts (a first visit: no cache, no
// saved work). The figure is taken the way an outside observer takes it: a fresh context with the
// browser's default settings and nothing injected, navigate (waiting only for the commit), poll every
// animation frame until the banner leaves `data-decision="loading"`, then read `performance.now()` in the
// page (0 is the navigation start). That reading waits for whatever task the page runs next, so work the
// page does right after showing the decision counts too. Visits with the probe injected, each followed
// by a reload in the same context, alternate with those and give the breakdown (the attribute change,
// the frame after it). Also records every file each load requested, for the transfer size.

import { freshPage } from "./browser.mjs";
import { firstDecisionProbe } from "./page-probes.mjs";
import { median, medians } from "./stats.mjs";
import { recordTrace, traceWindows } from "./trace.mjs";

const COLD_RUNS = 7;
const FIELDS = ["shownAt", "decidedAt", "framedAt", "fcp", "domContentLoaded", "wasmStart", "wasmEnd", "appChunkEnd", "wasmFetchEnd"];

/**
 * Polls every animation frame until the banner no longer says "loading", then reads the page's clock:
 * ms after navigation start. (The banner is in index.html, so it exists once the document is parsed.)
 */
async function decisionShown(page) {
  await page.waitForFunction(
    () => {
      const banner = document.getElementById("decision");
      return banner !== null && banner.dataset.decision !== "loading";
    },
    null,
    { polling: "raf", timeout: 30_000 },
  );
  return page.evaluate(() => performance.now());
}

/** Waits for the probe's figures, then reads them with the navigation and resource timings. */
async function collect(page) {
  await page.waitForFunction(() => window.__bench?.framedAt !== null, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const bench = window.__bench;
    const [navigation] = performance.getEntriesByType("navigation");
    const resources = performance.getEntriesByType("resource");
    const end = (pattern) => resources.find((entry) => pattern.test(entry.name))?.responseEnd ?? null;
    return {
      decision: bench.decision,
      decidedAt: bench.decidedAt,
      framedAt: bench.framedAt,
      wasmStart: bench.wasmStart,
      wasmEnd: bench.wasmEnd,
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
      domContentLoaded: navigation?.domContentLoadedEventEnd ?? null,
      appChunkEnd: end(/\/assets\/app-[^/]*\.js$/),
      wasmFetchEnd: end(/\.wasm$/),
    };
  });
}

/** One first visit as an outside observer makes it: a fresh context as the browser makes it, nothing injected. */
async function plainVisit(env) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(env.url, { waitUntil: "commit" });
    return await decisionShown(page);
  } finally {
    await context.close();
  }
}

/** One probed first visit in a fresh context, and a reload in it; with the URLs each requested. */
async function visit(env) {
  const { context, page, problems } = await freshPage(env.browser);
  const requested = [];
  page.on("requestfinished", (request) => requested.push(request.url()));
  try {
    await page.addInitScript(firstDecisionProbe);
    await page.goto(env.url, { waitUntil: "commit" });
    const cold = { shownAt: await decisionShown(page), ...(await collect(page)) };
    await page.waitForLoadState("networkidle");
    const coldRequests = [...requested];
    await page.reload({ waitUntil: "commit" });
    const warm = { shownAt: await decisionShown(page), ...(await collect(page)) };
    if (problems.length > 0) throw new Error(`the page failed: ${problems.join("; ")}`);
    return { cold, warm, requests: coldRequests };
  } finally {
    await context.close();
  }
}

/** One more first visit, traced: where the main thread's time went up to the frame after the decision. */
async function tracedVisit(env) {
  const { context, page } = await freshPage(env.browser);
  try {
    await page.addInitScript(firstDecisionProbe);
    const trace = await recordTrace(env.browser, page, async () => {
      await page.goto(env.url);
      await collect(page);
    });
    return traceWindows(trace, null, "bench:decided-framed")[0] ?? null;
  } finally {
    await context.close();
  }
}

/** How long a near-empty page (`blankUrl`) takes to its DOMContentLoaded in a fresh context: the browser's share. */
async function blankVisit(env, blankUrl) {
  const { context, page } = await freshPage(env.browser);
  try {
    await page.goto(blankUrl);
    return await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd ?? null);
  } finally {
    await context.close();
  }
}

/**
 * Runs the first-decision benchmark: the median of the plain first visits (the figure), medians of the
 * probed cold and warm loads, the first visit's requests, one traced first visit, and the same number of
 * visits to `blankUrl` as a baseline. `env.url` should be served from a process of its own
 * (server-process.mjs), as a reviewer serves the page.
 */
export async function runFirstDecision(env, blankUrl) {
  const plain = [];
  const visits = [];
  const blank = [];
  for (let run = 0; run < COLD_RUNS; run += 1) {
    plain.push(await plainVisit(env));
    visits.push(await visit(env));
    blank.push(await blankVisit(env, blankUrl));
  }
  return {
    blankDomContentLoaded: median(blank),
    traced: await tracedVisit(env),
    runs: visits.length,
    decisions: [...new Set(visits.map((one) => one.cold.decision))],
    shownAt: median(plain),
    shownAll: plain,
    cold: medians(visits.map((one) => one.cold), FIELDS),
    warm: medians(visits.map((one) => one.warm), FIELDS),
    coldAll: visits.map((one) => one.cold.shownAt),
    requests: visits[0]?.requests ?? [],
  };
}
