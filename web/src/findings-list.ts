// The list of lint findings below the editors: every policy's errors, warnings and suggestions with
// their line and column; a click puts the cursor there.

import { el, renderOnce } from "./dom";
import { severityLabel, spanLineColumn } from "./offsets";
import { richText } from "./rich-text";
import type { PolicyReport, Severity, Span } from "./types";

const ORDER: Record<Severity, number> = { error: 0, "security-warning": 1, warning: 2, suggestion: 3 };

/** Renders the findings of `policies` into `host`; `textOf` gives the text of a policy (by id) that
 * its findings' spans are of, for their line and column. */
export function renderFindings(
  host: HTMLElement,
  policies: PolicyReport[],
  textOf: (policyId: string) => string,
  reveal: (policyId: string, span: Span) => void,
): void {
  const placed = policies.map((policy) => {
    const text = textOf(policy.id);
    return { policy, findings: policy.diagnostics.map((finding) => ({ finding, at: spanLineColumn(finding.span, text) })) };
  });
  const key = JSON.stringify(placed.map(({ policy, findings }) => [policy.id, policy.name, findings]));
  renderOnce(host, key, () => [findingsList(placed, reveal)]);
}

/** A finding with the line and column where it starts. */
interface PlacedFinding {
  finding: PolicyReport["diagnostics"][number];
  at: { line: number; column: number };
}

function findingsList(placed: { policy: PolicyReport; findings: PlacedFinding[] }[], reveal: (policyId: string, span: Span) => void): HTMLElement {
  const items = placed.flatMap(({ policy, findings }) =>
    [...findings]
      .sort((a, b) => ORDER[a.finding.severity] - ORDER[b.finding.severity] || a.finding.span[0] - b.finding.span[0])
      .map(({ finding, at }) =>
        el(
          "li",
          {
            class: `finding severity-${finding.severity}`,
            "data-severity": finding.severity,
            "data-policy": policy.id,
            "data-line": at.line,
            "data-code": finding.code,
          },
          [
            el("button", { type: "button", class: "link", onclick: () => reveal(policy.id, finding.span) }, [`${policy.name} ${at.line}:${at.column}`]),
            el("span", { class: "badge", text: severityLabel(finding.severity) }),
            el("span", { class: "finding-message" }, richText(finding.message)),
            el("code", { class: "finding-code", text: finding.code }),
          ],
        ),
      ),
  );
  return items.length === 0 ? el("p", { class: "field-hint", text: "No findings." }) : el("ul", { class: "findings" }, items);
}
