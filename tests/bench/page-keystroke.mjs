// Keystroke to tints in headless Chromium, side by side with the same keystroke in the editor alone.
// The page opens the 100-statement scenario (cases.mjs) from a share link; the baseline page
// (editor-only/: the page's policy editor, stylesheet and first tints, with nothing listening to its
// edits) shows the same policy in a box of the page's editor's size. Each round types one keystroke in
// each, in alternating order: select the last digit of the account id in statement KEYSTROKE_STATEMENT
// and type another digit, which in the page flips that statement between allow-match and no-match. The
// probe (page-probes.mjs) gives, per keystroke: the keydown, the start of the page's evaluation, the
// tint change in the DOM, and the end of the frame that paints it; in the baseline, the end of the frame
// that paints the new text.

import { clickAtEndOf, freshPage } from "./browser.mjs";
import { KEYSTROKE_STATEMENT, keystrokeAccount, keystrokeScenario } from "./cases.mjs";
import { keystrokeProbe } from "./page-probes.mjs";
import { median, medians } from "./stats.mjs";
import { medianBreakdown, recordTrace, traceThreadTimes, traceWindows } from "./trace.mjs";

const ROUNDS = 15;
/** Keystrokes of the traced pass that follows the measured one. */
const TRACED_ROUNDS = 15;
/** Quiet time around each keystroke, so that no earlier timer (the 300 ms autosave) runs inside the next one. */
const SETTLE_MS = 500;
const LINE = `.editor-panel:not([hidden]) .cm-line[data-statement="${KEYSTROKE_STATEMENT}"][data-outcome="allow-match"]`;

/** Clicks right after the last digit of the account id of the keystroke statement. */
function placeCursor(page) {
  return clickAtEndOf(
    page,
    `.editor-panel:not([hidden]) .cm-line[data-statement="${KEYSTROKE_STATEMENT}"]`,
    keystrokeAccount(KEYSTROKE_STATEMENT),
    `statement ${KEYSTROKE_STATEMENT}'s line or account id`,
  );
}

/**
 * One keystroke: select the last digit, type `digit`, wait until the frame that paints the tint
 * `expected` has ended (the baseline, with `expected` null: the frame that paints the new text); returns
 * its timings in ms.
 */
async function keystroke(page, digit, expected) {
  await page.keyboard.press("Shift+ArrowLeft");
  await page.waitForTimeout(SETTLE_MS);
  const before = await page.evaluate(() => ({ keys: window.__bench.keys.length, evaluations: window.__bench.evaluations.length, tints: window.__bench.tints.length, texts: window.__bench.texts.length }));
  await page.keyboard.press(digit);
  await page.waitForFunction(
    ({ tints, texts, expected }) =>
      expected === null
        ? window.__bench.texts.slice(texts).some((entry) => entry.framedAt !== null)
        : window.__bench.tints.slice(tints).some((entry) => entry.outcome === expected && entry.framedAt !== null),
    { ...before, expected },
    { timeout: 10_000 },
  );
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(({ keys, evaluations, tints, texts, expected }) => {
    const bench = window.__bench;
    const key = bench.keys[keys];
    const text = bench.texts[texts];
    if (expected === null) return { toText: text.at - key, toFrame: text.framedAt - key };
    const tint = bench.tints.slice(tints).find((entry) => entry.outcome === expected);
    const evaluatedAt = bench.evaluations.slice(evaluations).filter((time) => time <= tint.at).at(-1);
    return {
      toText: text.at - key,
      toTints: tint.at - key,
      toFrame: tint.framedAt - key,
      keyToEvaluation: evaluatedAt - key,
      evaluationToTint: tint.at - evaluatedAt,
      tintToFrame: tint.framedAt - tint.at,
    };
  }, { ...before, expected });
}

/** The page with the scenario open, its cursor after the keystroke statement's account id. */
async function openPage(env, share) {
  const opened = await freshPage(env.browser);
  await opened.page.addInitScript(keystrokeProbe, { statement: KEYSTROKE_STATEMENT });
  await opened.page.goto(`${env.url}#s=${share}`);
  await opened.page.waitForSelector(LINE, { timeout: 30_000 });
  await placeCursor(opened.page);
  return opened;
}

/** The baseline page with the scenario in an editor of `box`'s size, its cursor placed as in the page. */
async function openBaseline(env, box) {
  const opened = await freshPage(env.browser);
  await opened.page.addInitScript(keystrokeProbe, { statement: KEYSTROKE_STATEMENT });
  await opened.page.goto(env.editorOnlyUrl);
  await opened.page.evaluate(({ scenario, box }) => window.showEditor(scenario, box.width, box.height), { scenario: keystrokeScenario(), box });
  await opened.page.waitForSelector(LINE, { timeout: 30_000 });
  await placeCursor(opened.page);
  return opened;
}

/**
 * Runs the keystroke benchmark: ROUNDS keystrokes in the page and in the baseline, interleaved (the
 * first of each, a warm-up, left out), medians and their ratio; then TRACED_ROUNDS more in the page
 * under a Chromium trace for the split of the engine + render time, and as many in the baseline, for
 * the main thread's CPU time per keystroke in each (keydown to the end of the painted frame) and its split by kind of work, which the
 * machine's load hardly moves. `env.editorOnlyUrl` serves the baseline page.
 */
export async function runKeystroke(env, wasm) {
  const share = wasm.encodeShare(JSON.stringify(keystrokeScenario()));
  const withEngine = await openPage(env, share);
  const box = await withEngine.page.locator("#editor-host").boundingBox();
  const alone = await openBaseline(env, box);
  try {
    const last = keystrokeAccount(KEYSTROKE_STATEMENT).at(-1);
    const other = last === "8" ? "9" : "8";
    const type = (page, round, tinted) => {
      const away = round % 2 === 0;
      return keystroke(page, away ? other : last, tinted ? (away ? "no-match" : "allow-match") : null);
    };
    const rounds = [];
    const baseline = [];
    for (let round = 0; round <= ROUNDS; round += 1) {
      if (round % 2 === 0) {
        rounds.push(await type(withEngine.page, round, true));
        baseline.push(await type(alone.page, round, false));
      } else {
        baseline.push(await type(alone.page, round, false));
        rounds.push(await type(withEngine.page, round, true));
      }
    }
    const trace = await recordTrace(env.browser, withEngine.page, async () => {
      for (let round = 0; round < TRACED_ROUNDS; round += 1) await type(withEngine.page, round + ROUNDS + 1, true);
    });
    const aloneTrace = await recordTrace(env.browser, alone.page, async () => {
      for (let round = 0; round < TRACED_ROUNDS; round += 1) await type(alone.page, round + ROUNDS + 1, false);
    });
    const cpu = median(traceThreadTimes(trace, "bench:keydown", "bench:framed"));
    const cpuAlone = median(traceThreadTimes(aloneTrace, "bench:keydown", "bench:text-framed"));
    const problems = [...withEngine.problems, ...alone.problems];
    if (problems.length > 0) throw new Error(`the page failed: ${problems.join("; ")}`);
    const measured = rounds.slice(1);
    const figures = medians(measured, ["toTints", "toFrame", "keyToEvaluation", "evaluationToTint", "tintToFrame"]);
    const editorAlone = median(baseline.slice(1).map((one) => one.toFrame));
    return {
      traced: medianBreakdown(traceWindows(trace, "bench:keydown", "bench:framed")),
      tracedAlone: medianBreakdown(traceWindows(aloneTrace, "bench:keydown", "bench:text-framed")),
      tracedRounds: TRACED_ROUNDS,
      statement: KEYSTROKE_STATEMENT,
      rounds: measured.length,
      ...figures,
      editorAlone,
      ratio: figures.toFrame / editorAlone,
      cpu,
      cpuAlone,
      cpuRatio: cpu / cpuAlone,
      all: measured.map((round) => round.toFrame),
      allAlone: baseline.slice(1).map((round) => round.toFrame),
    };
  } finally {
    await withEngine.context.close();
    await alone.context.close();
  }
}
