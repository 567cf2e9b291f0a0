import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnalysisCall, AnalysisReply, AnalysisRequest } from "./analyses-protocol";
import type { Outcome } from "./outcome";

/** A stand-in for the analyses worker: keeps what the page posts, answers when a test says so. */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  readonly posted: AnalysisRequest[] = [];
  terminated = false;

  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    FakeWorker.started.push(this);
  }

  postMessage(message: AnalysisRequest): void {
    this.posted.push(structuredClone(message));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers the request `id` with `outcome`, as the worker would. */
  reply(id: number, outcome: Outcome<unknown>): void {
    this.dispatchEvent(new MessageEvent("message", { data: { id, outcome } satisfies AnalysisReply }));
  }

  /** The calls posted so far: name and arguments. */
  calls(): [string, unknown[]][] {
    return this.posted.filter((request): request is AnalysisCall => request.kind === "call").map((call) => [call.name, call.args]);
  }
}

/** A fresh copy of the client (its worker and lanes are the module's own), over the fake worker. */
async function freshClient() {
  vi.resetModules();
  return import("./analyses-client");
}

/** The one worker started so far. */
function theWorker(): FakeWorker {
  expect(FakeWorker.started).toHaveLength(1);
  const [worker] = FakeWorker.started;
  if (!worker) throw new Error("no worker");
  return worker;
}

beforeEach(() => {
  FakeWorker.started = [];
  vi.stubGlobal("Worker", FakeWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the analyses client", () => {
  it("starts no worker until the first call, then one module worker for every call", async () => {
    const { callAnalysis } = await freshClient();
    expect(FakeWorker.started).toHaveLength(0);
    void callAnalysis("readTemplate", "a: 1");
    void callAnalysis("importIdentity", "{}", "arn:aws:iam::111122223333:role/app");
    const worker = theWorker();
    expect(worker.options.type).toBe("module");
    expect(worker.url.pathname).toMatch(/analyses-worker\.ts$/);
    expect(worker.calls()).toEqual([
      ["readTemplate", ["a: 1"]],
      ["importIdentity", ["{}", "arn:aws:iam::111122223333:role/app"]],
    ]);
  });

  it("gives each call the answer that carries its request's id, whatever the order of the answers", async () => {
    const { callAnalysis } = await freshClient();
    const first = callAnalysis("importIdentity", "{}", "arn:aws:iam::111122223333:user/first");
    const second = callAnalysis("whoCan", "{}", { request: { principal: "*", action: "ecr:BatchGetImage", resource: "*" } });
    const [one, two] = theWorker().posted;
    if (!one || !two) throw new Error("two requests expected");
    expect(one.id).not.toBe(two.id);
    theWorker().reply(two.id, { ok: false, message: "second" });
    theWorker().reply(one.id, { ok: false, message: "first" });
    expect(await first).toEqual({ ok: false, message: "first" });
    expect(await second).toEqual({ ok: false, message: "second" });
  });

  it("runs one diff at a time: a newer diff takes the place of the one waiting, which answers at once without reaching the worker", async () => {
    const { callAnalysis, SUPERSEDED } = await freshClient();
    const running = callAnalysis("diff", "a", "b", "repository");
    const replaced = callAnalysis("diff", "a", "bc", "repository");
    const latest = callAnalysis("diff", "a", "bcd", "repository");
    const worker = theWorker();
    expect(await replaced).toEqual({ ok: false, message: SUPERSEDED });
    expect(worker.calls()).toEqual([["diff", ["a", "b", "repository"]]]);

    const [first] = worker.posted;
    if (!first) throw new Error("one request expected");
    worker.reply(first.id, { ok: true, value: "diff of b" });
    expect(await running).toEqual({ ok: true, value: "diff of b" });
    await vi.waitFor(() =>
      expect(worker.calls()).toEqual([
        ["diff", ["a", "b", "repository"]],
        ["diff", ["a", "bcd", "repository"]],
      ]),
    );
    const last = worker.posted[1];
    if (!last) throw new Error("a second request expected");
    worker.reply(last.id, { ok: true, value: "diff of bcd" });
    expect(await latest).toEqual({ ok: true, value: "diff of bcd" });
  });

  it("keeps every call of an analysis whose every answer is looked at, and lanes apart for different analyses", async () => {
    const { callAnalysis } = await freshClient();
    void callAnalysis("importIdentity", "{}", "arn:aws:iam::111122223333:user/a");
    void callAnalysis("importIdentity", "{}", "arn:aws:iam::111122223333:user/b");
    void callAnalysis("importIdentity", "{}", "arn:aws:iam::111122223333:user/c");
    void callAnalysis("diff", "a", "b", "repository");
    void callAnalysis("readAccount", "{}");
    expect(
      theWorker()
        .calls()
        .map(([name]) => name),
    ).toEqual(["importIdentity", "importIdentity", "importIdentity", "diff", "readAccount"]);
  });

  it("answers every waiting call with why when the worker fails, and starts a new worker for the next call", async () => {
    const { callAnalysis } = await freshClient();
    const waiting = callAnalysis("readAccount", "{}");
    const failed = theWorker();
    failed.dispatchEvent(Object.assign(new Event("error"), { message: "NetworkError: the script could not be fetched" }));
    expect(await waiting).toEqual({ ok: false, message: "The analyses module could not be loaded: NetworkError: the script could not be fetched" });
    expect(failed.terminated).toBe(true);

    const next = callAnalysis("readAccount", "{}");
    expect(FakeWorker.started).toHaveLength(2);
    const [request] = FakeWorker.started[1]?.posted ?? [];
    if (!request) throw new Error("a request to the new worker expected");
    FakeWorker.started[1]?.reply(request.id, { ok: true, value: { ok: true, principals: [] } });
    expect(await next).toEqual({ ok: true, value: { ok: true, principals: [] } });
  });

  it("asks the worker for the compiled module for the share-link encoder", async () => {
    const { compiledAnalyses } = await freshClient();
    const answer = compiledAnalyses();
    const [request] = theWorker().posted;
    expect(request?.kind).toBe("module");
    if (!request) throw new Error("a request expected");
    theWorker().reply(request.id, { ok: false, message: "The analyses module could not be loaded: offline" });
    expect(await answer).toEqual({ ok: false, message: "The analyses module could not be loaded: offline" });
  });
});
