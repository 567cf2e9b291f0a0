// Work that may wait until the browser has painted what an input changed: the latest job handed over
// runs once, after the next frame, when the browser is idle (at the latest after LATEST_MS), or at once
// when asked. A job handed over while another waits replaces it, so a burst of edits renders once.

import { onIdle } from "./idle";

/** The longest wait after the frame for an idle moment, ms: a page that is never idle still renders. */
const LATEST_MS = 100;

/** One job at a time, run after the next paint or at once. */
export class AfterPaint {
  private waiting: (() => void) | null = null;
  /** Bumped by every hand-over, so that a wait started for a replaced job does nothing. */
  private generation = 0;

  /** Runs `job` after the next paint (`later`), or now; either way in place of any job still waiting. */
  run(job: () => void, later: boolean): void {
    this.generation += 1;
    if (!later) {
      this.waiting = null;
      job();
      return;
    }
    this.waiting = job;
    const generation = this.generation;
    window.requestAnimationFrame(() => {
      if (generation !== this.generation) return;
      onIdle(() => {
        if (generation === this.generation) this.flush();
      }, LATEST_MS);
    });
  }

  /** Runs the waiting job now, if there is one. */
  flush(): void {
    const job = this.waiting;
    this.waiting = null;
    job?.();
  }
}
