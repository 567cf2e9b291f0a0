// Engine positions -> CodeMirror positions, in one place. The engine gives every span in UTF-16 code
// units, which is what CodeMirror counts, so conversion is only clamping to the document: a span from an
// older text must never point past the end of the current one.

import type { Diagnostic } from "@codemirror/lint";
import type { ChangedMark } from "./tints";
import type { EngineDiagnostic, Severity, Span, StatementMark } from "./types";

/** The span as a CodeMirror range inside a document of `length` characters. */
export function spanRange(span: Span, length: number): { from: number; to: number } {
  const from = Math.min(Math.max(span.utf16Start, 0), length);
  const to = Math.min(Math.max(span.utf16End, from), length);
  return { from, to };
}

/** The access diff's changed statements of one version as marks inside a document of `length` characters. */
export function changedMarks(statements: readonly StatementMark[], length: number): ChangedMark[] {
  return statements.map((statement) => ({ ...spanRange(statement.span, length), index: statement.index }));
}

const SEVERITY: Record<Severity, Diagnostic["severity"]> = {
  error: "error",
  "security-warning": "warning",
  warning: "warning",
  suggestion: "info",
};

/** An engine finding as a CodeMirror diagnostic (an empty range shows as a point marker). */
export function toCodeMirror(finding: EngineDiagnostic, length: number): Diagnostic {
  const { from, to } = spanRange(finding.span, length);
  return {
    from,
    to,
    severity: SEVERITY[finding.severity],
    source: finding.code,
    message: `${severityLabel(finding.severity)}: ${finding.message}`,
  };
}

/** A severity in words. */
export function severityLabel(severity: Severity): string {
  return severity === "security-warning" ? "security warning" : severity;
}
