// The parts of the embed view that show an evaluation: the decision banner, a summary of the request,
// the reason chain with the statements each step points at, and every policy tinted. Text only; nothing
// here can be edited.

import { el } from "./dom";
import { policyBlock } from "./embed-policy";
import { statementRefLabel } from "./explain";
import type { AppState } from "./state";
import type { Decision, Evaluation, StatementRef } from "./types";
import { contextValue } from "./url-state";

const DECISION_LABEL: Record<Decision, string> = {
  allowed: "Allowed",
  explicitDeny: "Denied: explicit deny",
  implicitDeny: "Denied: implicit deny",
  invalid: "Invalid input",
};

/** The decision banner (`#decision[data-decision]`, as on the playground). */
export function decisionBanner(evaluation: Evaluation): HTMLElement {
  return el("div", { id: "decision", class: "decision", role: "status", "data-decision": evaluation.decision }, [
    el("span", { class: "decision-label", text: DECISION_LABEL[evaluation.decision] }),
    el("span", { class: "decision-summary", text: evaluation.summary }),
  ]);
}

/** Who asks for what on which repository, and the context the caller supplied. */
export function requestSummary(state: AppState, evaluation: Evaluation): HTMLElement {
  const { principal, action, resource, context } = state.request;
  const pair = (term: string, value: string) => [el("dt", { text: term }), el("dd", {}, [el("code", { text: value })])];
  const keyed = context.filter((row) => row.key.trim() !== "");
  return el("section", { class: "embed-request", "aria-labelledby": "embed-request-heading" }, [
    el("h2", { id: "embed-request-heading", text: state.request.name ? `Request: ${state.request.name}` : "Request" }),
    el("dl", {}, [
      ...pair("Principal", principal),
      ...pair("Action", action),
      ...pair("Repository", resource),
      ...keyed.flatMap((row) => pair(row.key, JSON.stringify(contextValue(row)))),
    ]),
    ...evaluation.requestErrors.map((message) => el("p", { class: "embed-error", text: message })),
  ]);
}

/** The steps of the decision, each with the statements it points at. */
export function reasonChain(evaluation: Evaluation): HTMLElement {
  const name = (ref: StatementRef) => statementRefLabel(evaluation.policies, ref);
  return el("section", { class: "embed-reasons", "aria-labelledby": "embed-reasons-heading" }, [
    el("h2", { id: "embed-reasons-heading", text: "Why" }),
    el(
      "ol",
      { id: "reasons", class: "reasons" },
      evaluation.reasons.map((reason) =>
        el("li", { class: `reason verdict-${reason.verdict}`, "data-step": reason.step, "data-verdict": reason.verdict }, [
          el("span", { class: "reason-message", text: reason.message }),
          reason.statements.length > 0 ? el("span", { class: "reason-refs", text: ` (${reason.statements.map(name).join("; ")})` }) : null,
        ]),
      ),
    ),
  ]);
}

/** Every policy the engine evaluated, with its text as typed (from `texts`, by engine policy id). */
export function policyList(evaluation: Evaluation, texts: Map<string, string>): HTMLElement {
  return el("section", { class: "embed-policies", "aria-labelledby": "embed-policies-heading" }, [
    el("h2", { id: "embed-policies-heading", text: "Policies" }),
    ...evaluation.policies.map((report) => policyBlock(report, texts.get(report.id) ?? "")),
  ]);
}
