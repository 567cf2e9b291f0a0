// Typing in the Compare view, in headless Chromium: how long the page's main thread is kept busy while
// the access diff of two 20-statement repository policies (cases.mjs, the diff case's versions) runs
// after each pause in typing. The page opens the scenario from a share link with Compare open on the
// repository policy; the typist types into the new version's first Sid in a rhythm of key, 170 ms, key,
// 170 ms, key, 400 ms: the page compares 150 ms after the last edit, so the second and third keys of each
// group arrive while a comparison runs, and the 400 ms pause lets one finish and show. The probe
// (page-probes.mjs) notes each key's input delay (the keydown handler's start after the event's
// timestamp), every long task (the Long Tasks API: 50 ms or more) and every comparison shown; a
// Chromium trace of the same typing gives the main thread's longest task, long or not. Medians of RUNS
// fresh pages.

import { clickAtEndOf, freshPage } from "./browser.mjs";
import { compareScenario } from "./cases.mjs";
import { compareTypingProbe } from "./page-probes.mjs";
import { median, medians } from "./stats.mjs";
import { longestTask, recordTrace } from "./trace.mjs";

/** Fresh pages typed in. */
const RUNS = 5;
/** The typist's waits after each key, in turn. */
const RHYTHM_MS = [170, 170, 400];
/** Groups of keys typed (each one RHYTHM_MS long). */
const GROUPS = 8;
const SETTLED = '#compare-result[aria-busy="false"] #compare-headline';
const SID = "Statement0";

/** Clicks right after the new version's first Sid, inside its quotes. */
function placeCursor(page) {
  return clickAtEndOf(page, "#compare-editor .cm-line", SID, `the new version's ${SID}`);
}

/**
 * One run in a fresh page, traced: the main thread's longest task between the first key and the
 * comparison after the last, the long tasks the page reported, the keys' input delays (median and worst)
 * and how many comparisons were shown.
 */
async function typeInCompare(env, share) {
  const { context, page, problems } = await freshPage(env.browser);
  try {
    await page.addInitScript(compareTypingProbe);
    await page.goto(`${env.url}#s=${share}`);
    await page.waitForSelector(SETTLED, { timeout: 30_000 });
    await placeCursor(page);
    const trace = await recordTrace(env.browser, page, async () => {
      await page.evaluate(() => {
        window.__bench.typingFrom = performance.mark("bench:typing").startTime;
      });
      for (let key = 0; key < GROUPS * RHYTHM_MS.length; key += 1) {
        await page.keyboard.press(String.fromCharCode(97 + (key % 26)));
        await page.waitForTimeout(RHYTHM_MS[key % RHYTHM_MS.length]);
      }
      await page.waitForSelector(SETTLED, { timeout: 30_000 });
      await page.evaluate(() => performance.mark("bench:typed"));
    });
    if (problems.length > 0) throw new Error(`the page failed: ${problems.join("; ")}`);
    const probe = await page.evaluate(() => window.__bench);
    const delays = probe.keys.map((key) => key.handledAt - key.at);
    const longTasks = probe.longTasks.filter((task) => task.startTime >= probe.typingFrom).map((task) => task.duration);
    const longest = longestTask(trace, "bench:typing", "bench:typed");
    return {
      keys: probe.keys.length,
      longestTask: longest?.wall ?? null,
      longestTaskThread: longest?.thread ?? null,
      longTasks: longTasks.length,
      inputDelay: median(delays),
      worstInputDelay: Math.max(...delays),
      comparisons: probe.comparisons,
    };
  } finally {
    await context.close();
  }
}

/** Runs the Compare typing benchmark RUNS times: the median of each figure, and every run's longest task. `wasm` encodes the share link. */
export async function runCompareTyping(env, wasm) {
  const share = wasm.encodeShare(JSON.stringify(compareScenario()));
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) runs.push(await typeInCompare(env, share));
  return {
    runs: runs.length,
    keys: runs[0]?.keys ?? 0,
    ...medians(runs, ["longestTask", "longestTaskThread", "longTasks", "inputDelay", "worstInputDelay", "comparisons"]),
    all: runs.map((run) => run.longestTask),
    allThread: runs.map((run) => run.longestTaskThread),
  };
}
