// Waiting for the browser between the steps of the page's start, so that no step holds up what the
// browser has waiting meanwhile (painting the decision, input, messages): each step runs in a task of
// its own, after the frame that shows the step before it.

/** The longest wait for an idle moment, ms: a page that is never idle still starts. */
const IDLE_TIMEOUT_MS = 500;

/**
 * Calls `callback` in a task of its own once the browser is idle, at the latest after `timeoutMs`; where
 * there is no `requestIdleCallback` (Safari), after the tasks already waiting.
 */
export function onIdle(callback: () => void, timeoutMs: number): void {
  if (typeof window.requestIdleCallback === "function") {
    window.requestIdleCallback(() => callback(), { timeout: timeoutMs });
  } else {
    window.setTimeout(callback, 0);
  }
}

/** Resolves in a task of its own once the browser is idle (at the latest after IDLE_TIMEOUT_MS). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => onIdle(resolve, IDLE_TIMEOUT_MS));
}

/** Resolves in the first task after the next frame has been painted. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => window.requestAnimationFrame(() => window.setTimeout(resolve, 0)));
}
