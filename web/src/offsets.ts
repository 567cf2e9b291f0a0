// Engine positions -> CodeMirror positions, in one place. The engine gives every span as `[from, to]`
// in UTF-16 code units, which is what CodeMirror counts, so conversion is only clamping to the document:
// a span from an older text must never point past the end of the current one. Line and column are not in
// the result: they are counted here from the text the span is of, when something shows them. Every reading
// of a span goes through these functions.

import type { Diagnostic } from "@codemirror/lint";
import type { ChangedMark } from "./tints";
import type { EngineDiagnostic, Severity, Span, StatementMark } from "./types";

/** The span as a CodeMirror range inside a document of `length` characters. */
export function spanRange(span: Span, length: number): { from: number; to: number } {
  const [start, end] = span;
  const from = Math.min(Math.max(start, 0), length);
  const to = Math.min(Math.max(end, from), length);
  return { from, to };
}

/** The access diff's changed statements of one version as marks inside a document of `length` characters. */
export function changedMarks(statements: readonly StatementMark[], length: number): ChangedMark[] {
  return statements.map((statement) => ({ ...spanRange(statement.span, length), index: statement.index }));
}

/** The 1-based line and column (counted in characters, as the engine's messages count them) where the
 * span starts in `text`, the text it is a span of. */
export function spanLineColumn(span: Span, text: string): { line: number; column: number } {
  const { from } = spanRange(span, text.length);
  const before = text.slice(0, from);
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let index = before.indexOf("\n"); index !== -1; index = before.indexOf("\n", index + 1)) line += 1;
  return { line, column: [...before.slice(lineStart)].length + 1 };
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
