// Asks the engine for the fixes of the latest decision when it is a denial, and shows them in the "How
// to fix" section. The call is asynchronous (an analysis may come from a module loaded later): an answer
// for a decision that is no longer the latest is dropped.

import type { Engine } from "./engine";
import { type FixActions, renderFixes } from "./fixes-view";
import type { AppState } from "./state";
import { selectedRequestOnly } from "./suite-edits";
import type { Evaluation } from "./types";
import { stateToDocument } from "./url-state";

/** Keeps the "How to fix" section in step with the decisions. */
export class FixesControl {
  /** How many times fixes were asked for: an answer shows only while its question is the latest. */
  private asked = 0;

  constructor(
    private readonly host: HTMLElement,
    private readonly engine: Engine,
    private readonly actions: FixActions,
  ) {}

  /** Shows the fixes for `evaluation` of `state`'s selected request, or nothing when it is not denied. */
  async show(state: AppState, evaluation: Evaluation | null): Promise<void> {
    this.asked += 1;
    const asked = this.asked;
    const denied = evaluation?.decision === "explicitDeny" || evaluation?.decision === "implicitDeny";
    if (!denied) {
      renderFixes(this.host, null, this.actions);
      return;
    }
    const { document } = stateToDocument(selectedRequestOnly(state), true);
    const answer = await this.engine.suggestFixes(document);
    if (asked !== this.asked) return;
    renderFixes(this.host, answer.ok ? answer.value : [], this.actions);
  }
}
