// The "How to fix" section in step with the decisions. For a denial it offers "Suggest fixes"; once the
// person asked, it asks the engine again for each later denial until a decision is not a denial, so
// typing does not pay for fixes nobody looks at (nor load the module the analyses come from). The call
// is asynchronous: an answer for a decision that is no longer the latest is dropped.

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
  /** Whether the person asked for fixes since the last decision that was not a denial. */
  private wanted = false;
  /** The latest decision's state and evaluation, for the "Suggest fixes" button. */
  private latest: { state: AppState; evaluation: Evaluation | null } | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly engine: Engine,
    private readonly actions: FixActions,
  ) {}

  /** Shows the fixes for `evaluation` of `state`'s selected request, or nothing when it is not denied. */
  async show(state: AppState, evaluation: Evaluation | null): Promise<void> {
    this.asked += 1;
    const asked = this.asked;
    this.latest = { state, evaluation };
    const denied = evaluation?.decision === "explicitDeny" || evaluation?.decision === "implicitDeny";
    if (!denied) this.wanted = false;
    if (!denied || !this.wanted) {
      renderFixes(this.host, denied ? "offer" : null, this.actions, () => this.suggest());
      return;
    }
    const { document } = stateToDocument(selectedRequestOnly(state), true);
    const answer = await this.engine.suggestFixes(document);
    if (asked !== this.asked) return;
    renderFixes(this.host, answer.ok ? answer.value : [], this.actions, () => this.suggest());
  }

  /** The person pressed "Suggest fixes": fixes for the latest decision, and for each later denial. */
  private suggest(): void {
    this.wanted = true;
    if (this.latest) void this.show(this.latest.state, this.latest.evaluation);
  }
}
