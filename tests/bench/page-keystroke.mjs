// Keystroke to tints in headless Chromium: the page opens the 100-statement scenario (cases.mjs) from a
// share link; each round selects the last digit of the account id in statement KEYSTROKE_STATEMENT and
// types another digit, which flips that statement between allow-match and no-match. The probe
// (page-probes.mjs) gives, per keystroke: the keydown, the start of the page's evaluation, the tint
// change in the DOM, and the end of the frame that paints it.

import { freshPage } from "./browser.mjs";
import { KEYSTROKE_STATEMENT, keystrokeAccount, keystrokeScenario } from "./cases.mjs";
import { keystrokeProbe } from "./page-probes.mjs";
import { medians } from "./stats.mjs";
import { medianBreakdown, recordTrace, traceWindows } from "./trace.mjs";

const ROUNDS = 11;
/** Keystrokes of the traced pass that follows the measured one. */
const TRACED_ROUNDS = 6;
/** Quiet time around each keystroke, so that no earlier timer (the 300 ms autosave) runs inside the next one. */
const SETTLE_MS = 500;

/** Clicks right after the last digit of the account id of the keystroke statement. */
async function placeCursor(page) {
  const account = keystrokeAccount(KEYSTROKE_STATEMENT);
  const point = await page.evaluate(
    ({ statement, account }) => {
      const line = document.querySelector(`.editor-panel:not([hidden]) .cm-line[data-statement="${statement}"]`);
      if (!line) return null;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(account);
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at + account.length - 1);
          range.setEnd(node, at + account.length);
          const box = range.getBoundingClientRect();
          return { x: box.right - 0.5, y: box.top + box.height / 2 };
        }
      }
      return null;
    },
    { statement: KEYSTROKE_STATEMENT, account },
  );
  if (!point) throw new Error(`statement ${KEYSTROKE_STATEMENT}'s line or account id is not on screen`);
  await page.mouse.click(point.x, point.y);
}

/** One keystroke: select the last digit, type `digit`, wait for the tint; returns its timings in ms. */
async function keystroke(page, digit, expected) {
  await page.keyboard.press("Shift+ArrowLeft");
  await page.waitForTimeout(SETTLE_MS);
  const before = await page.evaluate(() => ({ keys: window.__bench.keys.length, evaluations: window.__bench.evaluations.length, tints: window.__bench.tints.length }));
  await page.keyboard.press(digit);
  await page.waitForFunction(
    ({ tints, expected }) => window.__bench.tints.slice(tints).some((entry) => entry.outcome === expected && entry.framedAt !== null),
    { tints: before.tints, expected },
    { timeout: 10_000 },
  );
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(({ keys, evaluations, tints, expected }) => {
    const bench = window.__bench;
    const key = bench.keys[keys];
    const tint = bench.tints.slice(tints).find((entry) => entry.outcome === expected);
    const evaluatedAt = bench.evaluations.slice(evaluations).filter((time) => time <= tint.at).at(-1);
    return {
      toTints: tint.at - key,
      toFrame: tint.framedAt - key,
      keyToEvaluation: evaluatedAt - key,
      evaluationToTint: tint.at - evaluatedAt,
      tintToFrame: tint.framedAt - tint.at,
    };
  }, { ...before, expected });
}

/**
 * Runs the keystroke benchmark: medians over ROUNDS keystrokes (the first, a warm-up, left out), then
 * TRACED_ROUNDS more under a Chromium trace for the split of the engine + render time.
 */
export async function runKeystroke(env, wasm) {
  const { context, page, problems } = await freshPage(env.browser);
  try {
    await page.addInitScript(keystrokeProbe, { statement: KEYSTROKE_STATEMENT });
    const share = wasm.encodeShare(JSON.stringify(keystrokeScenario()));
    await page.goto(`${env.url}#s=${share}`);
    await page.waitForSelector(`.editor-panel:not([hidden]) .cm-line[data-statement="${KEYSTROKE_STATEMENT}"][data-outcome="allow-match"]`, { timeout: 30_000 });
    await placeCursor(page);
    const last = keystrokeAccount(KEYSTROKE_STATEMENT).at(-1);
    const other = last === "8" ? "9" : "8";
    const type = async (round) => {
      const away = round % 2 === 0;
      return keystroke(page, away ? other : last, away ? "no-match" : "allow-match");
    };
    const rounds = [];
    for (let round = 0; round <= ROUNDS; round += 1) rounds.push(await type(round));
    const trace = await recordTrace(env.browser, page, async () => {
      for (let round = 0; round < TRACED_ROUNDS; round += 1) await type(round + ROUNDS + 1);
    });
    if (problems.length > 0) throw new Error(`the page failed: ${problems.join("; ")}`);
    const measured = rounds.slice(1);
    return {
      traced: medianBreakdown(traceWindows(trace, "bench:keydown", "bench:framed")),
      tracedRounds: TRACED_ROUNDS,
      statement: KEYSTROKE_STATEMENT,
      rounds: measured.length,
      ...medians(measured, ["toTints", "toFrame", "keyToEvaluation", "evaluationToTint", "tintToFrame"]),
      all: measured.map((round) => round.toFrame),
    };
  } finally {
    await context.close();
  }
}
