// The page's side of the analyses worker (analyses-worker.ts): starts the worker on the first analysis
// (so neither it nor the analyses module is fetched with the page), sends each call as a request of
// analyses-protocol.ts and gives each call the answer that carries its request's id. A worker that fails
// (its script cannot be loaded) answers every call waiting for it with why, and the next call starts a
// new one.
//
// The analyses the page asks again after every pause in typing or every evaluation, and whose callers look
// only at the latest answer (`LATEST_ONLY`), run one call at a time each: a call made while another call
// of the same analysis runs waits for it, and a call made while one already waits takes its place (the
// waiting one answers `SUPERSEDED` at once). So the worker never works through answers nobody will look at.

import { type AnalysesModule, type AnalysisCall, type AnalysisName, type AnalysisReply, type AnalysisRequest, notLoaded } from "./analyses-protocol";
import { errorMessage, type Outcome } from "./outcome";

/** The message of a call whose place a newer call of the same analysis took before it ran. */
export const SUPERSEDED = "Superseded by a newer request of the same analysis";

/** The analyses only whose latest call matters (see above). */
const LATEST_ONLY: ReadonlySet<AnalysisName> = new Set<AnalysisName>(["accessDenied", "diff", "readAccount", "readTemplate", "suggestFixes"]);

/** A call as the page makes it (the request without its id). */
type Call = Omit<AnalysisCall, "id">;
type Answer = (outcome: Outcome<unknown>) => void;
/** One analysis of `LATEST_ONLY`: whether one of its calls is with the worker, and the call waiting for it. */
interface Lane {
  running: boolean;
  waiting: { call: Call; answer: Answer } | null;
}

/** The worker, once started. */
let worker: Worker | null = null;
let lastId = 0;
/** The calls sent to the worker and not answered yet, by request id. */
const unanswered = new Map<number, Answer>();
const lanes = new Map<AnalysisName, Lane>();

/** The worker, started now if it is not running. */
function running(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL("./analyses-worker.ts", import.meta.url), { type: "module", name: "ecr-policy-analyses" });
  started.addEventListener("message", (event: MessageEvent<AnalysisReply>) => {
    const { id, outcome } = event.data;
    unanswered.get(id)?.(outcome);
    unanswered.delete(id);
  });
  const failed = (why: string) => {
    started.terminate();
    if (worker === started) worker = null;
    for (const answer of unanswered.values()) answer(notLoaded(why));
    unanswered.clear();
  };
  started.addEventListener("error", (event) => failed(event.message || "its worker did not start"));
  started.addEventListener("messageerror", () => failed("an answer could not be read"));
  worker = started;
  return started;
}

/** Sends one request; its answer. */
function send(request: Call | { kind: "module" }): Promise<Outcome<unknown>> {
  return new Promise((answer) => {
    lastId += 1;
    const message = { ...request, id: lastId } as AnalysisRequest;
    try {
      running().postMessage(message);
      unanswered.set(message.id, answer);
    } catch (error) {
      answer({ ok: false, message: `The request could not be sent to the analyses module: ${errorMessage(error)}` });
    }
  });
}

/** Runs `call` in its analysis's lane: now when the lane is free, else after the running call, unless a newer call takes its place. */
function latest(call: Call): Promise<Outcome<unknown>> {
  let lane = lanes.get(call.name);
  if (!lane) {
    lane = { running: false, waiting: null };
    lanes.set(call.name, lane);
  }
  if (!lane.running) return runIn(lane, call);
  lane.waiting?.answer({ ok: false, message: SUPERSEDED });
  const busy = lane;
  return new Promise((answer) => {
    busy.waiting = { call, answer };
  });
}

/** Sends `call` for `lane`, then the call waiting in the lane, if any. */
async function runIn(lane: Lane, call: Call): Promise<Outcome<unknown>> {
  lane.running = true;
  const outcome = await send(call);
  lane.running = false;
  const next = lane.waiting;
  lane.waiting = null;
  if (next) void runIn(lane, next.call).then(next.answer);
  return outcome;
}

/**
 * Calls the analysis `name` with `args` in the worker: its value, or why there is none (the module could
 * not be loaded, the call threw, or, for the analyses of `LATEST_ONLY`, a newer call took its place).
 */
export function callAnalysis<N extends AnalysisName>(name: N, ...args: Parameters<AnalysesModule[N]>): Promise<Outcome<ReturnType<AnalysesModule[N]>>> {
  const call = { kind: "call", name, args } as Call;
  const answer = LATEST_ONLY.has(name) ? latest(call) : send(call);
  return answer as Promise<Outcome<ReturnType<AnalysesModule[N]>>>;
}

/** The analyses module as the worker compiled it, to be instantiated on the page. */
export function compiledAnalyses(): Promise<Outcome<WebAssembly.Module>> {
  return send({ kind: "module" }) as Promise<Outcome<WebAssembly.Module>>;
}
