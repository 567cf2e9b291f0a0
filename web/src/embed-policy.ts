// A policy in the embed view: its text, read-only, each line tinted by what the statement on it did
// (allow-match, deny-match, no-match, not-applicable), line numbers from CSS, and its findings below.

import { el } from "./dom";
import { OUTCOME_LABEL, statementLabel } from "./explain";
import { severityLabel, spanLineColumn, spanRange } from "./offsets";
import type { PolicyReport, StatementReport } from "./types";

/** The policy's block: its name, its note, its tinted text and its findings. */
export function policyBlock(report: PolicyReport, text: string): HTMLElement {
  return el("section", { class: `embed-policy${report.applies ? "" : " is-inapplicable"}`, "data-policy": report.id }, [
    el("h3", { text: report.name }),
    report.note ? el("p", { class: "field-hint", text: report.note }) : null,
    el("pre", { class: "embed-code", tabindex: 0, "aria-label": `${report.name} (JSON, read-only)` }, [el("code", {}, tintedLines(text, report.statements))]),
    report.diagnostics.length > 0
      ? el(
          "ul",
          { class: "embed-findings" },
          report.diagnostics.map((finding) => {
            const { line } = spanLineColumn(finding.span, text);
            return el("li", { class: `finding severity-${finding.severity}`, "data-severity": finding.severity, "data-line": line }, [
              el("span", { class: "badge", text: severityLabel(finding.severity) }),
              el("span", { text: ` line ${line}: ${finding.message}` }),
            ]);
          }),
        )
      : null,
  ]);
}

/** One element per line of `text`, tinted by the first statement whose span reaches the line. */
function tintedLines(text: string, statements: StatementReport[]): HTMLElement[] {
  let offset = 0;
  return text.split("\n").map((line) => {
    const from = offset;
    const to = offset + line.length;
    offset = to + 1;
    const statement = statements.find((candidate) => {
      const span = spanRange(candidate.span, text.length);
      return span.from <= to && span.to > from;
    });
    return el(
      "span",
      {
        class: statement ? `embed-line outcome-${statement.outcome}` : "embed-line",
        "data-outcome": statement?.outcome,
        "data-statement": statement?.index,
        title: statement ? `${statementLabel(statement)}: ${OUTCOME_LABEL[statement.outcome]}` : null,
      },
      [`${line}\n`],
    );
  });
}
