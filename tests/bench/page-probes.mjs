// Scripts injected into the playground page before any of its own code runs (`addInitScript`). They
// only observe: timestamps go to `window.__bench`, in the page's `performance.now()` time (0 is the
// navigation start).

/**
 * First decision: a MutationObserver on the whole document notes when the banner's `data-decision`
 * first holds a decision, and the end of the next frame after it; a wrapper around
 * `WebAssembly.instantiateStreaming` / `instantiate` notes when the engine's module was compiled. The
 * decision and the frame are also `performance.mark`s (`bench:decided`, `bench:decided-framed`).
 */
export function firstDecisionProbe() {
  const DECIDED = new Set(["allowed", "explicitDeny", "implicitDeny", "invalid"]);
  const bench = { decision: null, decidedAt: null, framedAt: null, wasmStart: null, wasmEnd: null };
  window.__bench = bench;
  const afterNextFrame = (note) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => note(performance.now());
      channel.port2.postMessage(null);
    });
  const observer = new MutationObserver(() => {
    const value = document.getElementById("decision")?.dataset.decision;
    if (bench.decidedAt === null && value && DECIDED.has(value)) {
      bench.decision = value;
      bench.decidedAt = performance.now();
      performance.mark("bench:decided");
      observer.disconnect();
      afterNextFrame((time) => {
        performance.mark("bench:decided-framed");
        bench.framedAt = time;
      });
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-decision"] });
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      bench.wasmStart ??= performance.now();
      return original.apply(this, args).then((result) => {
        bench.wasmEnd ??= performance.now();
        return result;
      });
    };
  }
}

/**
 * Keystroke to tints: notes every digit keydown's `timeStamp`, the start of every evaluation of the
 * page (its user timing measure `ecr-policy-playground:evaluate`, web/src/playground.ts), and each
 * change of statement `statement`'s line in the editor, with the end of the frame that paints it (the
 * first animation frame after the change, then a message, which runs after that frame's paint): of its
 * text (`texts`) and of its outcome tint (`tints`). The keydown, the tint and the painted frames are also
 * `performance.mark`s (`bench:keydown`, `bench:tint`, `bench:framed` for the tint's frame and
 * `bench:text-framed` for the text's), so that a Chromium trace can be cut at them. The baseline page (the editor alone) has no evaluations and no tint changes: its
 * keystroke is the text's.
 */
export function keystrokeProbe({ statement }) {
  const bench = { keys: [], evaluations: [], tints: [], texts: [] };
  window.__bench = bench;
  window.addEventListener("keydown", (event) => {
    if (!/^[0-9]$/.test(event.key)) return;
    performance.mark("bench:keydown");
    bench.keys.push(event.timeStamp);
  }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === "ecr-policy-playground:evaluate") bench.evaluations.push(entry.startTime);
    }
  }).observe({ type: "measure" });
  const noteFrame = (entry, mark) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        performance.mark(mark);
        entry.framedAt = performance.now();
      };
      channel.port2.postMessage(null);
    });
  let lastOutcome = null;
  let lastText = null;
  const observer = new MutationObserver(() => {
    const line = document.querySelector(`.cm-line[data-statement="${statement}"]`);
    const text = line?.textContent ?? null;
    if (text !== lastText) {
      lastText = text;
      const entry = { at: performance.now(), framedAt: null };
      bench.texts.push(entry);
      noteFrame(entry, "bench:text-framed");
    }
    const outcome = line?.getAttribute("data-outcome") ?? null;
    if (outcome === lastOutcome) return;
    lastOutcome = outcome;
    performance.mark("bench:tint");
    const entry = { outcome, at: performance.now(), framedAt: null };
    bench.tints.push(entry);
    noteFrame(entry, "bench:framed");
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["data-outcome"] });
}

/**
 * Typing in the Compare view: notes every letter keydown's `timeStamp` and when its handler ran (`at`,
 * `handledAt`: the difference is the key's input delay), the start and duration of every long task the
 * Long Tasks API reports, and how many comparisons were shown (`#compare-result` leaving
 * `aria-busy="true"`). The harness sets `typingFrom` when the typing starts.
 */
export function compareTypingProbe() {
  const bench = { keys: [], longTasks: [], comparisons: 0, typingFrom: null };
  window.__bench = bench;
  window.addEventListener("keydown", (event) => {
    if (/^[a-z]$/.test(event.key)) bench.keys.push({ at: event.timeStamp, handledAt: performance.now() });
  }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask" });
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.target.id === "compare-result" && record.oldValue === "true" && record.target.getAttribute("aria-busy") === "false") bench.comparisons += 1;
    }
  }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ["aria-busy"] });
}
