// Where the main thread's time goes between two moments of a Chromium trace: self time of the trace
// events on the page's renderer main thread, grouped into scripting, WebAssembly compile, garbage
// collection, navigation and loading, style, layout, paint, other work, and idle (no task running).

import { median } from "./stats.mjs";

/** Trace categories that give the groups below and the probes' `performance.mark`s. */
export const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "v8.execute", "v8.wasm", "toplevel", "loading"];

/** Groups, in report order, by event name. */
const GROUPS = [
  ["WebAssembly compile", /wasm/i],
  ["garbage collection", /GC|Scavenge|MarkCompact|Sweep/],
  ["navigation and loading", /^(ParseHTML|CommitLoad|Receive mojo|DocumentLoader::|HTMLDocumentParser::|DecodedDataDocumentParser::|Resource)/],
  ["style", /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation|InvalidateLayout)$/],
  ["layout", /^(Layout|HitTest|IntersectionObserverController::computeIntersections|ResizeObserver.*)$/],
  ["paint and commit", /^(PrePaint|Paint|PaintImage|Layerize|Commit|UpdateLayer|UpdateLayerTree|CompositeLayers|Decode.*)$/],
  ["scripting", /^(FunctionCall|TimerFire|EventDispatch|RunMicrotasks|FireAnimationFrame|FireIdleCallback|EvaluateScript|CompileScript|CompileCode|CompileModule|v8\.|V8\.|BlinkScheduler_PerformMicrotaskCheckpoint|ScriptEvaluation)/],
];
const TOP_LEVEL = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);

/** The group of an event name ("other" when none fits). */
function groupOf(name) {
  return GROUPS.find(([, pattern]) => pattern.test(name))?.[0] ?? "other";
}

/** Group names in report order, with "other" and "idle" last. */
export const GROUP_NAMES = [...GROUPS.map(([name]) => name), "other", "idle"];

/** Self time of each complete event on one thread, clipped to [start, end]: `{group: µs}`, with idle. */
function breakdown(events, start, end) {
  const inside = events.filter((event) => event.ts < end && event.ts + event.dur > start).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = Object.fromEntries(GROUP_NAMES.map((name) => [name, 0]));
  const stack = [];
  const clip = (event) => Math.max(0, Math.min(event.ts + event.dur, end) - Math.max(event.ts, start));
  const close = (event) => {
    const own = clip(event) - event.childTime;
    if (!TOP_LEVEL.has(event.name)) totals[groupOf(event.name)] += own;
    else totals.other += own;
  };
  for (const raw of inside) {
    const event = { ...raw, childTime: 0 };
    while (stack.length > 0 && stack.at(-1).ts + stack.at(-1).dur <= event.ts) close(stack.pop());
    const parent = stack.at(-1);
    if (parent) parent.childTime += clip(event);
    stack.push(event);
  }
  while (stack.length > 0) close(stack.pop());
  const busy = Object.values(totals).reduce((sum, value) => sum + value, 0);
  totals.idle = Math.max(0, end - start - busy);
  return totals;
}

/**
 * Breakdowns of the windows that end at each `endMark` and start at the last `startMark` before it (both
 * `performance.mark` names set by the page probes; null `startMark`: the navigation start), in ms.
 */
export function traceWindows(buffer, startMark, endMark) {
  const events = JSON.parse(buffer.toString("utf8")).traceEvents ?? [];
  const ends = events.filter((event) => event.name === endMark).sort((a, b) => a.ts - b.ts);
  if (ends.length === 0) return [];
  const { pid, tid } = ends[0];
  const thread = events.filter((event) => event.pid === pid && event.tid === tid && event.ph === "X" && typeof event.dur === "number");
  const starts = events.filter((event) => event.pid === pid && event.name === startMark).sort((a, b) => a.ts - b.ts);
  // A mark's `startTime` is its `performance.now()`, so the navigation start is that long before it.
  const navigationStart = (mark) => mark.ts - (mark.args?.data?.startTime ?? 0) * 1000;
  const windows = [];
  let previousEnd = -Infinity;
  for (const finish of ends) {
    const begin = startMark === null ? navigationStart(finish) : starts.filter((event) => event.ts > previousEnd && event.ts <= finish.ts).at(-1)?.ts;
    previousEnd = finish.ts;
    if (begin !== undefined) windows.push(breakdown(thread, begin, finish.ts));
  }
  return windows.map((totals) => Object.fromEntries(Object.entries(totals).map(([name, value]) => [name, value / 1000])));
}

/**
 * The longest top-level task on the page's renderer main thread between the first `startMark` and the
 * last `endMark` (`performance.mark` names set by the page or the harness), long task or not, in ms:
 * `wall`, the longest by the clock, and `thread`, the longest by the thread's own running time (what the
 * page's work cost, without the time another process had the core on a busy machine).
 */
export function longestTask(buffer, startMark, endMark) {
  const events = JSON.parse(buffer.toString("utf8")).traceEvents ?? [];
  const start = events.find((event) => event.name === startMark);
  const end = events.filter((event) => event.name === endMark).at(-1);
  if (!start || !end) return null;
  const tasks = events.filter(
    (event) => event.pid === start.pid && event.tid === start.tid && event.ph === "X" && TOP_LEVEL.has(event.name) && event.ts + event.dur > start.ts && event.ts < end.ts,
  );
  const longest = (field) => Math.max(0, ...tasks.map((event) => event[field] ?? 0)) / 1000;
  return { wall: longest("dur"), thread: longest("tdur") };
}

/**
 * The renderer main thread's CPU time (its tasks' thread time, which leaves out the time the thread
 * waited for a core) between each `endMark` and the last `startMark` before it, in ms: every task that
 * runs while the window is open counts whole. Unlike wall-clock time, it hardly moves with the load of a
 * shared machine.
 */
export function traceThreadTimes(buffer, startMark, endMark) {
  const events = JSON.parse(buffer.toString("utf8")).traceEvents ?? [];
  const ends = events.filter((event) => event.name === endMark).sort((a, b) => a.ts - b.ts);
  if (ends.length === 0) return [];
  const { pid, tid } = ends[0];
  const starts = events.filter((event) => event.pid === pid && event.name === startMark).sort((a, b) => a.ts - b.ts);
  const tasks = events
    .filter((event) => event.pid === pid && event.tid === tid && event.ph === "X" && TOP_LEVEL.has(event.name) && typeof event.tdur === "number")
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Tasks nested in another task (a nested run loop) are inside its thread time already.
  const outer = [];
  for (const task of tasks) {
    const last = outer.at(-1);
    if (!last || task.ts >= last.ts + last.dur) outer.push(task);
  }
  const times = [];
  let previousEnd = -Infinity;
  for (const finish of ends) {
    const begin = starts.filter((event) => event.ts > previousEnd && event.ts <= finish.ts).at(-1)?.ts;
    previousEnd = finish.ts;
    if (begin === undefined) continue;
    const inside = outer.filter((task) => task.ts + task.dur > begin && task.ts <= finish.ts);
    times.push(inside.reduce((sum, task) => sum + task.tdur, 0) / 1000);
  }
  return times;
}

/** Runs `body` while Chromium records a trace of `page`; returns the trace. */
export async function recordTrace(browser, page, body) {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  try {
    await body();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  return browser.stopTracing();
}

/** The median of each group over several breakdowns (null when there are none). */
export function medianBreakdown(windows) {
  if (windows.length === 0) return null;
  return Object.fromEntries(GROUP_NAMES.map((name) => [name, median(windows.map((window) => window[name]))]));
}
