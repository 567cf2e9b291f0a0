// For a request that names an operation: each action it needs, on its resource, with its decision, the
// one that decides a denial marked. The reason chain under it starts with that action.

import { decisionChip } from "./decision-chip";
import { el } from "./dom";
import { OPERATIONS } from "./operations";
import type { Evaluation } from "./types";

/** What the list shows, as a key for `renderOnce`: empty when the evaluation is not of an operation. */
export function operationActionsKey(evaluation: Evaluation): string {
  if (!evaluation.operation) return "";
  return JSON.stringify([evaluation.operation, (evaluation.actions ?? []).map((action) => [action.action, action.resource, action.decision])]);
}

/** The heading and the list of the operation's actions; nothing when the evaluation is of one action. */
export function operationActions(evaluation: Evaluation): HTMLElement[] {
  const operation = evaluation.operation;
  if (!operation) return [];
  const actions = evaluation.actions ?? [];
  // An operation is allowed only when every action is; otherwise the first action not allowed decides.
  const deciding = actions.findIndex((action) => action.decision !== "allowed");
  return [
    el("h3", { text: `The actions of ${operation}` }),
    el("p", { class: "field-hint", text: `${OPERATIONS[operation]}. Each must be allowed, on its resource.` }),
    el(
      "ol",
      { class: "operation-actions" },
      actions.map((action, index) =>
        el("li", { "data-action": action.action, "data-decision": action.decision, class: index === deciding ? "is-deciding" : null }, [
          el("code", { text: action.action }),
          el("span", { class: "operation-resource" }, [" on ", el("code", { text: action.resource })]),
          decisionChip(action.decision),
          index === deciding ? el("span", { class: "badge", text: "decides" }) : null,
        ]),
      ),
    ),
  ];
}
