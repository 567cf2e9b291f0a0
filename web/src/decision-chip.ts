// A decision in a few words, in a coloured chip: the all-actions view, an operation's actions and the
// Requests list show decisions this way.

import { el } from "./dom";
import type { Decision } from "./types";

/** A decision in a few words. */
export const DECISION_SHORT: Record<Decision, string> = {
  allowed: "allowed",
  explicitDeny: "explicit deny",
  implicitDeny: "implicit deny",
  invalid: "invalid",
};

/** The chip of a decision. */
export function decisionChip(decision: Decision): HTMLElement {
  return el("span", { class: `decision-chip decision-${decision}`, text: DECISION_SHORT[decision] });
}
