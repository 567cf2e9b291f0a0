// The analyses worker: a dedicated module worker, started by analyses-client.ts on the page's first
// analysis, that loads the analyses module (web/pkg-analyses) and runs its functions for the page, so that
// an analysis (the Compare view's access diff after each pause in typing) never holds up the page's main
// thread. It answers every request of analyses-protocol.ts once, in the order they came, with the
// request's id; an exception from the module becomes the answer's message, as on the page.

import initAnalyses, * as analyses from "../pkg-analyses/ecr_policy_analyses.js";
import { type AnalysisReply, type AnalysisRequest, notLoaded } from "./analyses-protocol";
import { attempt, errorMessage, type Outcome } from "./outcome";

const WASM_URL = new URL("../pkg-analyses/ecr_policy_analyses_bg.wasm", import.meta.url);

/** The module, compiled and instantiated, once; a failed load is tried again on the next request. */
let loaded: Promise<WebAssembly.Module> | null = null;

/** The module fetched and compiled (streaming when the server says it is WebAssembly). */
async function compile(): Promise<WebAssembly.Module> {
  const response = await fetch(WASM_URL);
  if (!response.ok) throw new Error(`${WASM_URL.pathname} answered ${response.status} ${response.statusText}`);
  if (response.headers.get("content-type")?.startsWith("application/wasm")) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

function load(): Promise<WebAssembly.Module> {
  loaded ??= compile().then(async (module) => {
    await initAnalyses({ module_or_path: module });
    return module;
  });
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

/** The answer to one request. */
async function answer(request: AnalysisRequest): Promise<Outcome<unknown>> {
  let module: WebAssembly.Module;
  try {
    module = await load();
  } catch (error) {
    return notLoaded(errorMessage(error));
  }
  if (request.kind === "module") return { ok: true, value: module };
  const analysis = analyses[request.name] as (...args: unknown[]) => unknown;
  return attempt(() => analysis(...request.args));
}

/** Sends the answer to request `id`; an answer that cannot be copied to the page is sent as why. */
function reply(id: number, outcome: Outcome<unknown>): void {
  try {
    self.postMessage({ id, outcome } satisfies AnalysisReply);
  } catch (error) {
    self.postMessage({ id, outcome: { ok: false, message: `The answer could not be sent to the page: ${errorMessage(error)}` } } satisfies AnalysisReply);
  }
}

self.addEventListener("message", (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  void answer(request).then((outcome) => reply(request.id, outcome));
});
