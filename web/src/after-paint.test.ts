import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AfterPaint } from "./after-paint";

/** The browser's frame and idle callbacks, run when the test says. */
let frames: (() => void)[] = [];
let idle: (() => void)[] = [];

function nextFrame(): void {
  const due = frames;
  frames = [];
  for (const callback of due) callback();
}

function idleNow(): void {
  const due = idle;
  idle = [];
  for (const callback of due) callback();
}

beforeEach(() => {
  frames = [];
  idle = [];
  vi.stubGlobal("window", {
    requestAnimationFrame: (callback: () => void) => frames.push(callback),
    requestIdleCallback: (callback: () => void) => idle.push(callback),
    setTimeout: (callback: () => void) => idle.push(callback),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("AfterPaint", () => {
  it("runs a later job only after the next frame, once the browser is idle", () => {
    const after = new AfterPaint();
    const ran: string[] = [];
    after.run(() => ran.push("job"), true);
    expect(ran).toEqual([]);
    idleNow();
    expect(ran).toEqual([]);
    nextFrame();
    expect(ran).toEqual([]);
    idleNow();
    expect(ran).toEqual(["job"]);
  });

  it("runs only the latest of the jobs handed over before the frame", () => {
    const after = new AfterPaint();
    const ran: string[] = [];
    after.run(() => ran.push("first"), true);
    after.run(() => ran.push("second"), true);
    nextFrame();
    idleNow();
    expect(ran).toEqual(["second"]);
  });

  it("runs a job at once in place of the one waiting", () => {
    const after = new AfterPaint();
    const ran: string[] = [];
    after.run(() => ran.push("later"), true);
    after.run(() => ran.push("now"), false);
    expect(ran).toEqual(["now"]);
    nextFrame();
    idleNow();
    expect(ran).toEqual(["now"]);
  });

  it("runs the waiting job when flushed, and not again after the frame", () => {
    const after = new AfterPaint();
    const ran: string[] = [];
    after.flush();
    after.run(() => ran.push("job"), true);
    after.flush();
    expect(ran).toEqual(["job"]);
    nextFrame();
    idleNow();
    expect(ran).toEqual(["job"]);
  });

  it("waits for a task after the frame where the browser has no idle callbacks", () => {
    vi.stubGlobal("window", {
      requestAnimationFrame: (callback: () => void) => frames.push(callback),
      setTimeout: (callback: () => void) => idle.push(callback),
    });
    const after = new AfterPaint();
    const ran: string[] = [];
    after.run(() => ran.push("job"), true);
    nextFrame();
    expect(ran).toEqual([]);
    idleNow();
    expect(ran).toEqual(["job"]);
  });
});
