// The set of policy editors: one panel per policy of the state, only the selected one shown. A panel's
// CodeMirror view is created the first time its policy is selected (until then the state holds its
// text). Each editor reports its own edits; an edit in one never touches another. After every
// evaluation this module hands the shown editor its findings and tints in one transaction; a hidden
// editor gets them when it is shown, and an editor whose text and report did not change gets nothing.
// An edit is reported before the view shows it: when the page evaluates right away, the findings and
// tints join the edit's own update, so the editor redraws (and lays out) once per keystroke, not twice.

import type { Completion } from "@codemirror/autocomplete";
import { type Diagnostic, forEachDiagnostic, setDiagnostics } from "@codemirror/lint";
import type { EditorState, Transaction, TransactionSpec } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { policyCompletions } from "./completions";
import { el } from "./dom";
import { createEditor, formatDocument } from "./editors";
import { type Compared, explainStatement } from "./explain";
import { changedMarks, spanRange, toCodeMirror } from "./offsets";
import { type AppState, allPolicies, type PolicyDoc } from "./state";
import { currentTints, type EditorTints, focusStatement, setChangedStatements, setTints } from "./tints";
import type { EngineDiagnostic, PolicyReport, Span, StatementMark } from "./types";

interface EditorEntry {
  /** The editor, once its policy has been selected. */
  view: EditorView | null;
  panel: HTMLElement;
  /** The text, report and request the editor's findings and tints were last made from (none after an edit). */
  applied: { text: string; report: PolicyReport | undefined; compared: Compared } | null;
  /** While an edit is being reported: its transactions, and any the evaluation adds, for one view update. */
  pending: Transaction[] | null;
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
    case "registry":
      return "Registry policy";
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
  /** Editor key -> report, for the latest evaluation. */
  private reports = new Map<string, PolicyReport>();
  /** What the latest evaluation's statements were compared with. */
  private compared: Compared = { caller: "", action: "", resource: "" };
  /** Editor key -> the Compare view's changed statements, given before the editor's view existed. */
  private readonly changedBeforeView = new Map<string, readonly StatementMark[]>();

  constructor(
    private readonly host: HTMLElement,
    private readonly onEdit: (key: string, text: string) => void,
    private readonly completionOptions: () => Completion[],
    private readonly onStatementClick: (key: string, index: number) => void,
  ) {}

  /** Creates panels for new policies, removes those of deleted ones, shows the selected one (creating
   * its editor the first time). With `rebuild`, every editor starts again from the state's text (a new
   * document was loaded). */
  sync(state: AppState, rebuild: boolean): void {
    const policies = allPolicies(state);
    const keys = new Set(policies.map((policy) => policy.key));
    if (rebuild) this.reports = new Map();
    for (const [key, entry] of this.entries) {
      if (rebuild || !keys.has(key)) {
        entry.view?.destroy();
        entry.panel.remove();
        this.entries.delete(key);
      }
    }
    for (const policy of policies) {
      const entry = this.entries.get(policy.key) ?? this.addPanel(policy);
      const selected = policy.key === state.view.tab;
      entry.panel.hidden = !selected;
      if (selected && !entry.view) {
        // A new editor has no findings or tints to clear; with a report it has them from its first frame.
        if (!this.reports.has(policy.key)) entry.applied = { text: policy.text, report: undefined, compared: this.compared };
        entry.view = this.createView(entry, policy, state);
      }
      entry.view?.contentDOM.setAttribute("aria-label", editorLabel(policy, state));
      if (selected && entry.view) {
        this.apply(policy.key, entry, entry.view);
        entry.view.requestMeasure();
      }
    }
  }

  private addPanel(policy: PolicyDoc): EditorEntry {
    const panel = el("div", {
      class: "editor-panel",
      role: "tabpanel",
      id: `panel-${policy.key}`,
      "aria-labelledby": `tab-${policy.key}`,
      "data-policy-key": policy.key,
    });
    this.host.append(panel);
    const entry: EditorEntry = { view: null, panel, applied: null, pending: null };
    this.entries.set(policy.key, entry);
    return entry;
  }

  private createView(entry: EditorEntry, policy: PolicyDoc, state: AppState): EditorView {
    return createEditor(entry.panel, {
      text: policy.text,
      label: editorLabel(policy, state),
      placeholderText:
        policy.kind === "repository"
          ? "No repository policy. Paste one here, or leave this empty for a repository without one."
          : "Empty: this policy takes no part in the evaluation.",
      dispatch: (transactions, view) => this.dispatch(policy.key, entry, transactions, view),
      firstUpdate: (editorState) => {
        const specs = this.evaluationSpecs(policy.key, entry, editorState) ?? [];
        const changed = this.changedBeforeView.get(policy.key);
        this.changedBeforeView.delete(policy.key);
        return changed ? [...specs, { effects: setChangedStatements.of(changedMarks(changed, editorState.doc.length)) }] : specs;
      },
      completions: policyCompletions(this.completionOptions),
      extensions: [
        EditorView.domEventHandlers({
          click: (event, view) => {
            const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
            const statement = pos === null ? undefined : currentTints(view.state).statements.find((tint) => tint.from <= pos && pos <= tint.to);
            if (statement) {
              view.dispatch({ effects: focusStatement.of(statement.index) });
              this.onStatementClick(policy.key, statement.index);
            }
            return false;
          },
        }),
      ],
    });
  }

  /** Applies an editor's transactions; one that changes the text is reported first, and the view then
   * applies it together with the findings and tints of an evaluation it started (see `apply`). */
  private dispatch(key: string, entry: EditorEntry, transactions: readonly Transaction[], view: EditorView): void {
    const last = transactions[transactions.length - 1];
    if (!last || !transactions.some((transaction) => transaction.docChanged)) {
      view.update(transactions);
      return;
    }
    // Tints mapped through edits are no longer what a fresh build would give: the next report applies.
    entry.applied = null;
    entry.pending = [...transactions];
    try {
      this.onEdit(key, last.state.doc.toString());
    } finally {
      const pending = entry.pending;
      entry.pending = null;
      view.update(pending);
    }
  }

  /** Hands the shown editor what the evaluation found for it: findings, statement tints and element
   * marks. The others get theirs when they are shown. */
  applyEvaluation(reports: Map<string, PolicyReport>, compared: Compared, keepTints = false): void {
    this.reports = reports;
    this.compared = compared;
    for (const [key, entry] of this.entries) {
      if (entry.view && !entry.panel.hidden) this.apply(key, entry, entry.view, keepTints);
    }
  }

  /**
   * One transaction with the latest report's findings and tints, unless the editor already has them.
   * `keepTints` leaves the tints as they are (mapped through the edits since): the report is one of
   * text that does not parse, and the tints stay those of the last good result.
   */
  private apply(key: string, entry: EditorEntry, view: EditorView, keepTints = false): void {
    const pending = entry.pending;
    const state = pending?.[pending.length - 1]?.state ?? view.state;
    const specs = this.evaluationSpecs(key, entry, state, keepTints);
    if (!specs || specs.length === 0) return;
    if (pending) {
      pending.push(state.update(...specs));
    } else {
      view.dispatch(...specs);
    }
  }

  /** The latest report's findings and tints for an editor in `state`, or null when it has them already. */
  private evaluationSpecs(key: string, entry: EditorEntry, state: EditorState, keepTints = false): TransactionSpec[] | null {
    const report = this.reports.get(key);
    const text = state.doc.toString();
    const compared = this.compared;
    if (entry.applied && entry.applied.text === text && sameReport(entry.applied.report, report) && sameCompared(entry.applied.compared, compared)) return null;
    entry.applied = { text, report, compared };
    const diagnostics = text.trim() === "" ? [] : convert(report?.diagnostics ?? [], text.length);
    const specs: TransactionSpec[] = [];
    // The findings an edit leaves in place (mapped through it) are not set again: the lint state, its
    // gutter and its marks would be rebuilt for the same result.
    if (!showsDiagnostics(state, diagnostics)) specs.push(setDiagnostics(state, diagnostics));
    if (!keepTints) specs.push({ effects: setTints.of(tintsFor(report, text, compared)) });
    return specs;
  }

  /** Clears every editor's tints (the evaluation failed, so nothing is known). */
  clearEvaluation(): void {
    this.applyEvaluation(new Map(), this.compared);
  }

  /** Scrolls the selected editor to a statement, highlights it and puts the cursor there. */
  revealStatement(key: string, index: number, span: Span): void {
    const view = this.entries.get(key)?.view;
    if (!view) return;
    const { from } = spanRange(span, view.state.doc.length);
    view.dispatch({
      effects: [focusStatement.of(index), EditorView.scrollIntoView(from, { y: "center" })],
      selection: { anchor: from },
    });
  }

  /** Moves the cursor to a position of an editor and focuses it. */
  reveal(key: string, span: Span): void {
    const view = this.entries.get(key)?.view;
    if (!view) return;
    const { from, to } = spanRange(span, view.state.doc.length);
    view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
    view.focus();
  }

  /** Formats an editor's JSON; false when it does not parse. */
  format(key: string): boolean {
    const view = this.entries.get(key)?.view;
    return view ? formatDocument(view) : false;
  }

  /** Puts `text` in place of an editor's whole text, as one edit that the editor's undo takes back. */
  replace(key: string, text: string): void {
    const view = this.entries.get(key)?.view;
    if (!view) return;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: "input.replace" });
    view.focus();
  }

  /** Marks an editor's statements that changed in the Compare view; none clears the marks. */
  markChanged(key: string, statements: readonly StatementMark[]): void {
    const view = this.entries.get(key)?.view;
    if (view) {
      view.dispatch({ effects: setChangedStatements.of(changedMarks(statements, view.state.doc.length)) });
    } else {
      // The page builds its editor after its first comparison may have run: the marks wait for it.
      this.changedBeforeView.set(key, statements);
    }
  }

  /** Focuses an editor. */
  focus(key: string): void {
    this.entries.get(key)?.view?.focus();
  }
}

/** Whether two reports say the same (reports of two evaluations are never the same object). */
function sameReport(a: PolicyReport | undefined, b: PolicyReport | undefined): boolean {
  return a === b || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Whether the editor in `state` shows exactly `diagnostics`, in the same order. */
function showsDiagnostics(state: EditorState, diagnostics: readonly Diagnostic[]): boolean {
  const shown: Diagnostic[] = [];
  forEachDiagnostic(state, (diagnostic, from, to) => shown.push({ ...diagnostic, from, to }));
  return (
    shown.length === diagnostics.length &&
    shown.every((one, index) => {
      const other = diagnostics[index];
      return (
        other !== undefined &&
        one.from === other.from &&
        one.to === other.to &&
        one.severity === other.severity &&
        one.source === other.source &&
        one.message === other.message
      );
    })
  );
}

/** Whether two evaluations compared their statements with the same request. */
function sameCompared(a: Compared, b: Compared): boolean {
  return a.caller === b.caller && a.action === b.action && a.resource === b.resource;
}

function convert(diagnostics: EngineDiagnostic[], length: number): readonly Diagnostic[] {
  return diagnostics.map((finding) => toCodeMirror(finding, length));
}

function tintsFor(report: PolicyReport | undefined, text: string, compared: Compared): EditorTints {
  if (!report) return { statements: [], elements: [] };
  const length = text.length;
  const tints: EditorTints = { statements: [], elements: [] };
  for (const statement of report.statements) {
    tints.statements.push({ ...spanRange(statement.span, length), index: statement.index, outcome: statement.outcome });
    if (statement.outcome === "not-applicable") continue;
    for (const part of explainStatement(statement, text, compared)) {
      tints.elements.push({ ...spanRange(part.span, length), matched: part.matched, quiet: part.quiet ?? false, label: part.label, lines: part.lines });
    }
  }
  return tints;
}
