// Timing loops shared by Node.js and the Chromium page (plain JavaScript, no Node imports): warm up,
// pick a batch size that makes one sample last long enough for the clock, take several samples, keep
// the median.

import { median } from "./stats.mjs";

/** How long one sample lasts at least, in milliseconds (well above the browser's coarsened clock). */
export const SAMPLE_MS = 40;
/** Samples per case. */
export const SAMPLES = 15;
/** Warm-up time per case, in milliseconds (lets the JIT tiers settle). */
export const WARMUP_MS = 250;

/** Summary of per-call samples in microseconds. */
function summary(samples, iterations) {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples: samples.length, iterations };
}

/** Times `run()` called from JavaScript: microseconds per call. */
export function timeCalls(run) {
  let calls = 0;
  const warmStart = performance.now();
  while (calls < 3 || performance.now() - warmStart < WARMUP_MS) {
    run();
    calls += 1;
  }
  const perCallMs = (performance.now() - warmStart) / calls;
  const iterations = Math.max(1, Math.ceil(SAMPLE_MS / perCallMs));
  const samples = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const start = performance.now();
    for (let call = 0; call < iterations; call += 1) run();
    samples.push(((performance.now() - start) * 1000) / iterations);
  }
  return summary(samples, iterations);
}

/**
 * Times a function that runs `iterations` calls itself and returns microseconds per call (`benchEngine`).
 * The batch grows until one batch lasts at least MIN_BATCH_MS: the browser's clock is coarse (100 µs
 * steps in Chromium), so a batch of a few 10 µs calls could read as 0 µs, and a batch size computed from
 * that would run for minutes.
 */
export function timeInside(bench) {
  let probe = 10;
  let batch = timedBatch(bench, probe);
  while (batch.elapsedMs < MIN_BATCH_MS) {
    probe *= 4;
    batch = timedBatch(bench, probe);
  }
  const warmStart = performance.now();
  while (performance.now() - warmStart < WARMUP_MS) batch = timedBatch(bench, probe);
  const iterations = Math.max(probe, Math.ceil((SAMPLE_MS * 1000) / Math.max(batch.micros, 0.001)));
  const samples = [];
  for (let sample = 0; sample < SAMPLES; sample += 1) samples.push(bench(iterations));
  return summary(samples, iterations);
}

/** How long one probing batch lasts at least, in milliseconds (many steps of a coarse clock). */
const MIN_BATCH_MS = 5;

/** One batch of `count` calls: the per-call time it reports, and how long it took on this side's clock. */
function timedBatch(bench, count) {
  const start = performance.now();
  const micros = bench(count);
  return { micros, elapsedMs: performance.now() - start };
}
