// A call's answer as a value: what the engine's packages answered, or the message of what went wrong.
// The page's side of the engine (engine.ts) and the analyses worker (analyses-worker.ts) both turn an
// exception from a wasm call (only misuse of its API throws) into one of these.

/** A call's answer: the value, or the message of what went wrong. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** `run()`'s value, or the message of what it threw. */
export function attempt<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}

/** The message of anything thrown across the WebAssembly boundary. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === "string") return error;
  return String(error);
}
