// A syntax error while typing does not wipe the result. While a policy's JSON does not parse, the page
// keeps the last good decision, its explanation and its tints on screen, marked out of date
// (`#decision[data-stale="true"]`), with the syntax error above them; the next evaluation that parses
// replaces them. A page opened with broken JSON has no earlier result and shows the invalid decision.

import type { Decided } from "./decide";
import { el } from "./dom";
import type { Evaluation } from "./types";
import "./stale.css";

/** The first JSON syntax error of an evaluation (its policy's name and the message), or null. */
export function syntaxError(decided: Decided): string | null {
  if (!decided.answer.ok) return null;
  for (const policy of decided.answer.value.policies) {
    const error = policy.diagnostics.find((diagnostic) => diagnostic.severity === "error" && diagnostic.code.startsWith("json-"));
    if (error) return `${policy.name}: ${error.message}`;
  }
  return null;
}

/** Whether an evaluation is one to keep showing while later ones do not parse. */
export function isGood(evaluation: Evaluation): boolean {
  return evaluation.decision !== "invalid";
}

/** Marks the result as out of date with `error` shown above the banner, or (null) as current. */
export function markStale(banner: HTMLElement, error: string | null): void {
  const shown = document.getElementById("stale-note");
  if (error === null) {
    delete banner.dataset.stale;
    shown?.remove();
    return;
  }
  banner.dataset.stale = "true";
  const note = shown ?? el("div", { id: "stale-note", class: "stale-note", role: "alert" });
  note.replaceChildren(
    el("p", { class: "stale-error", text: error }),
    el("p", {
      class: "stale-hint",
      text: "Out of date: the decision and explanation below are from before this error, and come back up to date once the JSON parses.",
    }),
  );
  if (!shown) banner.before(note);
}
