// The set of policy editors: one CodeMirror view per policy of the state, only the selected one shown.
// Each editor reports its own edits; an edit in one never touches another. After every evaluation this
// module hands each editor its findings (through the linter source) and its tints.

import type { Completion } from "@codemirror/autocomplete";
import { type Diagnostic, forceLinting } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import { policyCompletions } from "./completions";
import { el } from "./dom";
import { createEditor, formatDocument } from "./editors";
import { explainStatement } from "./explain";
import { spanRange, toCodeMirror } from "./offsets";
import { allPolicies, type AppState, type PolicyDoc } from "./state";
import { type EditorTints, focusStatement, setTints, tintField } from "./tints";
import type { EngineDiagnostic, PolicyReport, Span } from "./types";

interface EditorEntry {
  view: EditorView;
  panel: HTMLElement;
  /** The text the latest findings belong to, and the findings. */
  findings: { text: string; diagnostics: EngineDiagnostic[] } | null;
  /** Linter requests waiting for the evaluation of a text. */
  waiting: ((diagnostics: readonly Diagnostic[]) => void)[];
}

/** Accessible names of the editing areas, by policy. */
export function editorLabel(policy: PolicyDoc, state: AppState): string {
  return `${tabLabel(policy, state)} (JSON)`;
}

/** The name a policy's tab shows. */
export function tabLabel(policy: PolicyDoc, state: AppState): string {
  switch (policy.kind) {
    case "repository":
      return "Repository policy";
    case "identity":
      return policy.name;
    case "boundary":
      return "Permissions boundary";
    case "session":
      return "Session policy";
    case "scp":
    case "rcp": {
      const levels = policy.kind === "scp" ? state.scps : state.rcps;
      for (const [level, policies] of levels.entries()) {
        const index = policies.findIndex((candidate) => candidate.key === policy.key);
        if (index >= 0) {
          const suffix = policies.length > 1 ? ` #${index + 1}` : "";
          return `${policy.kind.toUpperCase()} level ${level + 1}${suffix}`;
        }
      }
      return policy.kind.toUpperCase();
    }
  }
}

/** Keeps one editor per policy inside `host`. */
export class PolicyEditors {
  private readonly entries = new Map<string, EditorEntry>();

  constructor(
    private readonly host: HTMLElement,
    private readonly onEdit: (key: string, text: string) => void,
    private readonly completionOptions: () => Completion[],
    private readonly onStatementClick: (key: string, index: number) => void,
  ) {}

  /** Creates editors for new policies, removes those of deleted ones, shows the selected one. With
   * `rebuild`, every editor starts again from the state's text (a new document was loaded). */
  sync(state: AppState, rebuild: boolean): void {
    const policies = allPolicies(state);
    const keys = new Set(policies.map((policy) => policy.key));
    for (const [key, entry] of this.entries) {
      if (rebuild || !keys.has(key)) {
        entry.view.destroy();
        entry.panel.remove();
        entry.waiting.forEach((resolve) => resolve([]));
        this.entries.delete(key);
      }
    }
    for (const policy of policies) {
      const entry = this.entries.get(policy.key) ?? this.create(policy, state);
      const selected = policy.key === state.view.tab;
      entry.panel.hidden = !selected;
      entry.view.contentDOM.setAttribute("aria-label", editorLabel(policy, state));
      if (selected) {
        entry.view.requestMeasure();
      }
    }
  }

  private create(policy: PolicyDoc, state: AppState): EditorEntry {
    const panel = el("div", {
      class: "editor-panel",
      role: "tabpanel",
      id: `panel-${policy.key}`,
      "aria-labelledby": `tab-${policy.key}`,
      "data-policy-key": policy.key,
    });
    this.host.append(panel);
    const entry: EditorEntry = { view: undefined as unknown as EditorView, panel, findings: null, waiting: [] };
    entry.view = createEditor(panel, {
      text: policy.text,
      label: editorLabel(policy, state),
      placeholderText:
        policy.kind === "repository" ? "No repository policy. Paste one here, or leave this empty for a repository without one." : "Empty: this policy takes no part in the evaluation.",
      onChange: (text) => this.onEdit(policy.key, text),
      diagnostics: (view) => this.findingsFor(entry, view.state.doc.toString()),
      completions: policyCompletions(this.completionOptions),
      extensions: [
        EditorView.domEventHandlers({
          click: (event, view) => {
            const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
            const statement = pos === null ? undefined : view.state.field(tintField).tints.statements.find((tint) => tint.from <= pos && pos <= tint.to);
            if (statement) {
              view.dispatch({ effects: focusStatement.of(statement.index) });
              this.onStatementClick(policy.key, statement.index);
            }
            return false;
          },
        }),
      ],
    });
    this.entries.set(policy.key, entry);
    return entry;
  }

  /** The findings for `text`: at once when the latest evaluation read this text, otherwise when it has. */
  private findingsFor(entry: EditorEntry, text: string): Promise<readonly Diagnostic[]> {
    if (text.trim() === "") {
      return Promise.resolve([]);
    }
    if (entry.findings && entry.findings.text === text) {
      return Promise.resolve(convert(entry.findings.diagnostics, text.length));
    }
    return new Promise((resolve) => entry.waiting.push(resolve));
  }

  /** Hands each editor what the evaluation found for it: findings, statement tints and element marks. */
  applyEvaluation(reports: Map<string, PolicyReport>): void {
    for (const [key, entry] of this.entries) {
      const report = reports.get(key);
      const text = entry.view.state.doc.toString();
      entry.findings = { text, diagnostics: report?.diagnostics ?? [] };
      const waiting = entry.waiting.splice(0);
      const converted = convert(entry.findings.diagnostics, text.length);
      waiting.forEach((resolve) => resolve(converted));
      entry.view.dispatch({ effects: setTints.of(tintsFor(report, text.length)) });
      forceLinting(entry.view);
    }
  }

  /** Clears every editor's tints (the evaluation failed, so nothing is known). */
  clearEvaluation(): void {
    this.applyEvaluation(new Map());
  }

  /** Scrolls the selected editor to a statement, highlights it and puts the cursor there. */
  revealStatement(key: string, index: number, span: Span): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const { from } = spanRange(span, entry.view.state.doc.length);
    entry.view.dispatch({
      effects: [focusStatement.of(index), EditorView.scrollIntoView(from, { y: "center" })],
      selection: { anchor: from },
    });
  }

  /** Moves the cursor to a position of an editor and focuses it. */
  reveal(key: string, span: Span): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const { from, to } = spanRange(span, entry.view.state.doc.length);
    entry.view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
    entry.view.focus();
  }

  /** Formats an editor's JSON; false when it does not parse. */
  format(key: string): boolean {
    const entry = this.entries.get(key);
    return entry ? formatDocument(entry.view) : false;
  }

  /** Focuses an editor. */
  focus(key: string): void {
    this.entries.get(key)?.view.focus();
  }
}

function convert(diagnostics: EngineDiagnostic[], length: number): readonly Diagnostic[] {
  return diagnostics.map((finding) => toCodeMirror(finding, length));
}

function tintsFor(report: PolicyReport | undefined, length: number): EditorTints {
  if (!report) return { statements: [], elements: [] };
  const tints: EditorTints = { statements: [], elements: [] };
  for (const statement of report.statements) {
    tints.statements.push({ ...spanRange(statement.span, length), index: statement.index, outcome: statement.outcome });
    if (statement.outcome === "not-applicable") continue;
    for (const part of explainStatement(statement)) {
      tints.elements.push({ ...spanRange(part.span, length), matched: part.matched, quiet: part.quiet ?? false, label: part.label, lines: part.lines });
    }
  }
  return tints;
}
