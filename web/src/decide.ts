// Deciding a state of the page and showing the decision: the first thing the playground shows, and what
// every later evaluation does again. Free of the editors, so the first decision does not wait for them.

import { byId } from "./dom";
import type { Engine, Outcome } from "./engine";
import type { ResultView } from "./result-view";
import { type AppState, allRequests, findPolicy, selectedRequestIndex } from "./state";
import { selectedRequestOnly } from "./suite-edits";
import type { Evaluation, RequestDecision } from "./types";
import { editorsById, stateToDocument } from "./url-state";

/** A request's decision, as the Requests list shows it. */
export type RequestOutcome = Pick<RequestDecision, "decision">;

/** An evaluation of a state: the engine's answer, and the editor key of each of the document's policies. */
export interface Decided {
  /** The engine's answer for the selected request. */
  answer: Outcome<Evaluation>;
  /** Every request of the state with its decision, in order; empty when the document cannot be read. */
  entries: RequestOutcome[];
  /** Engine policy id -> editor key. */
  editorOf: Map<string, string>;
  /** Engine policy id -> the text the engine read, which the policy's report's spans point into. */
  texts: Map<string, string>;
}

/**
 * Decides every request of a state and explains the selected one. The engine keeps the policies it
 * parsed last, so both calls parse them once. Only the selected request's full evaluation crosses into
 * JavaScript (an operation's holds one per action); the others' decisions are enough for the list. A
 * document the engine cannot read is evaluated whole, whose `invalid` evaluation gives the reasons.
 */
export function decideState(engine: Engine, state: AppState): Decided {
  const { document, editors } = stateToDocument(state, true);
  const decided = (answer: Outcome<Evaluation>, entries: RequestOutcome[]): Decided => {
    const editorOf = answer.ok ? editorsById(answer.value.policies, editors) : new Map<string, string>();
    const texts = new Map([...editorOf].map(([id, key]) => [id, findPolicy(state, key)?.text ?? ""]));
    return { answer, entries, editorOf, texts };
  };
  if (allRequests(state).length === 1) {
    // One request: its evaluation is also its entry, and deciding the suite would evaluate it a second
    // time. Only an `invalid` decision needs the suite's call, which alone says whether the document
    // could be read at all (then there are no entries).
    const answer = engine.evaluate(document);
    if (answer.ok && answer.value.decision !== "invalid") return decided(answer, [{ decision: answer.value.decision }]);
    const suite = engine.decideSuite(document);
    return decided(answer, suite.ok ? suite.value : []);
  }
  const suite = engine.decideSuite(document);
  const entries = suite.ok ? suite.value : [];
  const single = entries.length > 1 ? stateToDocument(selectedRequestOnly(state), true).document : document;
  return decided(engine.evaluate(entries[selectedRequestIndex(state)] ? single : document), entries);
}

/** Shows an evaluation's decision in the banner and its explanation (`results`), or why there is none. */
export function showDecision(results: ResultView, decided: Decided): void {
  byId("result-panel").setAttribute("aria-busy", "false");
  if (decided.answer.ok) {
    results.show(decided.answer.value, decided.texts);
  } else {
    results.showMessage("unavailable", "Could not evaluate", decided.answer.message);
  }
}
