// The list of lint findings below the editors: every policy's errors, warnings and suggestions with
// their line and column; a click puts the cursor there.

import { el, renderOnce } from "./dom";
import { severityLabel } from "./offsets";
import { richText } from "./rich-text";
import type { PolicyReport, Severity, Span } from "./types";

const ORDER: Record<Severity, number> = { error: 0, "security-warning": 1, warning: 2, suggestion: 3 };

/** Renders the findings of `policies` into `host`. */
export function renderFindings(host: HTMLElement, policies: PolicyReport[], reveal: (policyId: string, span: Span) => void): void {
  const key = JSON.stringify(policies.map((policy) => [policy.id, policy.name, policy.diagnostics]));
  renderOnce(host, key, () => [findingsList(policies, reveal)]);
}

function findingsList(policies: PolicyReport[], reveal: (policyId: string, span: Span) => void): HTMLElement {
  const items = policies.flatMap((policy) =>
    [...policy.diagnostics]
      .sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.span.utf16Start - b.span.utf16Start)
      .map((finding) =>
        el(
          "li",
          {
            class: `finding severity-${finding.severity}`,
            "data-severity": finding.severity,
            "data-policy": policy.id,
            "data-line": finding.span.line,
            "data-code": finding.code,
          },
          [
            el("button", { type: "button", class: "link", onclick: () => reveal(policy.id, finding.span) }, [
              `${policy.name} ${finding.span.line}:${finding.span.column}`,
            ]),
            el("span", { class: "badge", text: severityLabel(finding.severity) }),
            el("span", { class: "finding-message" }, richText(finding.message)),
            el("code", { class: "finding-code", text: finding.code }),
          ],
        ),
      ),
  );
  return items.length === 0 ? el("p", { class: "field-hint", text: "No findings." }) : el("ul", { class: "findings" }, items);
}
