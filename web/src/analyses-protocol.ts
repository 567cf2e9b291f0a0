// The messages between the page (analyses-client.ts) and the analyses worker (analyses-worker.ts). The
// page asks, each request with its own id, for one function of the analyses module to be called with its
// arguments, or for the compiled module itself; the worker answers every request once, with its id, as an
// `Outcome`: the function's value, or the message of what went wrong (the module could not be loaded, or
// the call threw).

import type { Outcome } from "./outcome";

/** The analyses module's functions. */
export type AnalysesModule = typeof import("../pkg-analyses/ecr_policy_analyses.js");

/** The analyses the worker runs for the page. */
export type AnalysisName = "accessDenied" | "diff" | "importIdentity" | "readAccount" | "readTemplate" | "suggestFixes" | "whoCan";

/** Call analysis `name` with `args`. */
export interface AnalysisCall<N extends AnalysisName = AnalysisName> {
  id: number;
  kind: "call";
  name: N;
  args: Parameters<AnalysesModule[N]>;
}

/**
 * Send the compiled module: the page instantiates it for the share-link encoder, which has to answer
 * synchronously, so the module is fetched and compiled once, by the worker.
 */
export interface ModuleRequest {
  id: number;
  kind: "module";
}

/** What the page asks the worker. */
export type AnalysisRequest = AnalysisCall | ModuleRequest;

/** The answer to request `id`: the analysis's value (for a `ModuleRequest`, the `WebAssembly.Module`), or why there is none. */
export interface AnalysisReply {
  id: number;
  outcome: Outcome<unknown>;
}

/** The answer to a call when the analyses module (or its worker) could not be loaded. */
export function notLoaded(why: string): { ok: false; message: string } {
  return { ok: false, message: `The analyses module could not be loaded: ${why}` };
}
