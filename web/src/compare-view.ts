// The Compare view: a second editor below the selected policy's, holding a new version of that policy
// (at first a copy of its text), and the access diff of the two decided in the rest of the page's
// scenario: new access, lost access or no change, the changed requests by principal, and the changed
// statements marked in both editors. It compares again after every edit of either version or of the
// scenario (after the page's evaluation's wait), through the engine's asynchronous `diff`. The new
// version lives in the state's view, so it is autosaved, shared and kept as previous work like the rest;
// leaving asks before it drops a new version that differs, and "Use the new version" is one edit of the
// policy's editor, which its undo takes back.

import type { Completion } from "@codemirror/autocomplete";
import { setDiagnostics } from "@codemirror/lint";
import type { EditorView } from "@codemirror/view";
import { byPrincipal, changeKind, contextWords, coverage, HEADLINE_WORDS, headline, sideErrors } from "./access-changes";
import { closeCompare, compareBase, comparedPolicy, openCompare, setCompareText } from "./compare-edits";
import { policyCompletions } from "./completions";
import { decisionChip } from "./decision-chip";
import { el } from "./dom";
import { createEditor } from "./editors";
import type { Engine, Outcome } from "./engine";
import { changedMarks, toCodeMirror } from "./offsets";
import { type PolicyEditors, tabLabel } from "./policy-editors";
import { richText } from "./rich-text";
import { type AppState, type Change, findPolicy, type PolicyDoc, type Store } from "./state";
import { setChangedStatements } from "./tints";
import type { AccessChange, AccessDiff, StatementMark } from "./types";
import { breakableName } from "./word-breaks";
import "./compare.css";

/** What the Compare view needs from the page. */
export interface CompareOptions {
  engine: Engine;
  store: Store;
  /** The policy editors: the current version's editor gets its changed statements marked. */
  editors: PolicyEditors;
  completionOptions: () => Completion[];
  /** The wait after the last edit before comparing again: the page's evaluation's. */
  delayMs: number;
  confirm(title: string, message: string, action: string): Promise<boolean>;
  announce(message: string): void;
}

/** The Compare view inside `host` (`#compare-panel`), shown while the state has one open on the selected tab. */
export class CompareView {
  private readonly heading = el("h3", { id: "compare-heading" });
  private readonly editorHost = el("div", { id: "compare-editor", class: "compare-editor" });
  private readonly errors = el("ul", { id: "compare-errors", class: "compare-errors", role: "alert" });
  private readonly outcome = el("div", { id: "compare-outcome" });
  private readonly result = el("div", { id: "compare-result", class: "compare-result", "aria-busy": "false" }, [this.errors, this.outcome]);
  /** The new version's editor, while the view is shown. */
  private view: EditorView | null = null;
  /** The policy the view is shown for. */
  private shownKey: string | null = null;
  /** The policy editor whose statements carry the latest comparison's marks. */
  private markedKey: string | null = null;
  /** What the latest comparison asked for started from (policy, both texts, kind, base): an unchanged one is not asked again. */
  private lastInput = "";
  /** Counts the comparisons asked for: an answer is shown only when no other was asked for after it. */
  private generation = 0;
  private timer: number | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly options: CompareOptions,
  ) {
    host.replaceChildren(
      el("div", { class: "compare-head" }, [
        this.heading,
        el("div", { class: "compare-buttons" }, [
          el("button", { type: "button", id: "compare-use", onclick: () => this.useNewVersion() }, ["Use the new version"]),
          el("button", { type: "button", id: "compare-close", onclick: () => void this.leave() }, ["Close Compare"]),
        ]),
      ]),
      el("p", {
        class: "compare-hint",
        text: "Edit or paste over the new version below; the editor above holds the current one. Both are decided with the rest of this scenario: its other policies and the selected request's repository and context.",
      }),
      this.editorHost,
      el("p", { class: "compare-legend" }, [
        el("span", { class: "legend-changed" }),
        "Changed statement: the other version has no statement that says the same",
      ]),
      this.result,
    );
    options.store.subscribe((state, change) => this.changed(state, change));
    this.changed(options.store.state, "all");
  }

  /** Opens the Compare view on the policy `key`, or leaves it when it is open there. */
  async toggle(key: string): Promise<void> {
    if (this.options.store.state.view.compare?.tab === key) {
      await this.leave();
      return;
    }
    if (!(await this.mayDiscard())) return;
    this.options.store.update("view", (current) => openCompare(current, key));
    this.view?.focus();
  }

  /** Leaves the Compare view (asking first when the new version differs from the current one). */
  async leave(): Promise<void> {
    if (!(await this.mayDiscard())) return;
    const key = this.options.store.state.view.compare?.tab;
    this.options.store.update("view", closeCompare);
    if (key !== undefined) this.options.editors.focus(key);
    this.options.announce("Compare closed");
  }

  /** Whether the open comparison's new version may go: it says what its policy says, or the person agrees. */
  private async mayDiscard(): Promise<boolean> {
    const state = this.options.store.state;
    const compare = state.view.compare;
    const policy = compare ? findPolicy(state, compare.tab)?.text : undefined;
    if (!compare || policy === undefined || policy === compare.text) return true;
    return this.options.confirm(
      "Discard the new version?",
      "The new version in Compare differs from the current policy and will be gone. The current policy stays as it is; “Use the new version” would put the new one in its place.",
      "Discard",
    );
  }

  /** Puts the new version in place of the current policy, as one edit of its editor that Undo takes back, and leaves. */
  private useNewVersion(): void {
    const state = this.options.store.state;
    const policy = comparedPolicy(state);
    const compare = state.view.compare;
    if (!policy || !compare) return;
    this.options.editors.replace(policy.key, compare.text);
    this.options.store.update("view", closeCompare);
    this.options.announce(`${tabLabel(policy, state)} replaced with the new version; Undo (Ctrl+Z) in its editor brings the previous text back`);
  }

  private changed(state: AppState, change: Change): void {
    const policy = comparedPolicy(state);
    // While the view stays closed (every keystroke in an editor), nothing here changes: no DOM writes.
    if (this.host.hidden !== (policy === null)) this.host.hidden = policy === null;
    if (!policy) {
      if (this.shownKey !== null) this.hide();
      return;
    }
    const text = state.view.compare?.text ?? "";
    const fresh = change === "all" || this.shownKey !== policy.key || this.view === null;
    if (fresh) this.show(policy, state, text);
    const input = JSON.stringify([policy.key, policy.kind, policy.text, text, compareBase(state, policy.key)]);
    if (!fresh && input === this.lastInput) return;
    this.lastInput = input;
    this.schedule(fresh ? 0 : this.options.delayMs);
  }

  /** Builds the new version's editor for `policy` with `text`. */
  private show(policy: PolicyDoc, state: AppState, text: string): void {
    this.view?.destroy();
    this.shownKey = policy.key;
    const label = tabLabel(policy, state);
    this.heading.textContent = `Compare ${label} with a new version`;
    this.outcome.replaceChildren();
    this.errors.replaceChildren();
    delete this.result.dataset.result;
    this.view = createEditor(this.editorHost, {
      text,
      label: `New version of ${label} (JSON)`,
      placeholderText: "Paste the new version of the policy here.",
      dispatch: (transactions, view) => {
        view.update(transactions);
        if (transactions.some((transaction) => transaction.docChanged)) {
          const next = view.state.doc.toString();
          this.options.store.update("compare", (current) => setCompareText(current, next));
        }
      },
      completions: policyCompletions(this.options.completionOptions),
      extensions: [],
    });
  }

  /** Takes the view down: no editor, no marks, no comparison pending. */
  private hide(): void {
    this.view?.destroy();
    this.view = null;
    this.shownKey = null;
    this.lastInput = "";
    this.generation += 1;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
    this.result.setAttribute("aria-busy", "false");
    if (this.markedKey !== null) this.options.editors.markChanged(this.markedKey, []);
    this.markedKey = null;
  }

  /** Compares after `wait` ms, unless something changes before. */
  private schedule(wait: number): void {
    this.generation += 1;
    this.result.setAttribute("aria-busy", "true");
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.compare(), wait);
  }

  private async compare(): Promise<void> {
    this.timer = null;
    const generation = this.generation;
    const state = this.options.store.state;
    const policy = comparedPolicy(state);
    const compare = state.view.compare;
    if (!policy || !compare) return;
    const answer = await this.options.engine.diff(policy.text, compare.text, policy.kind, compareBase(state, policy.key));
    if (generation !== this.generation) return;
    this.showAnswer(policy.key, answer, { old: policy.text, new: compare.text });
  }

  /** Shows a comparison: marks in both editors, the errors of each side, the result (kept, out of date, while a side has errors). */
  private showAnswer(key: string, answer: Outcome<AccessDiff>, texts: { old: string; new: string }): void {
    this.result.setAttribute("aria-busy", "false");
    if (!answer.ok) {
      this.showErrors([answer.message]);
      return;
    }
    const diff = answer.value;
    this.markNew(diff.valid ? diff.changedStatements.new : null, diff.newErrors);
    if (!diff.valid) {
      this.showErrors(sideErrors(diff, texts).map((error) => error.text));
      return;
    }
    this.options.editors.markChanged(key, diff.changedStatements.old);
    this.markedKey = key;
    this.errors.replaceChildren();
    const kind = headline(diff);
    if (this.result.dataset.result !== kind) this.options.announce(`Compare: ${HEADLINE_WORDS[kind]}`);
    this.result.dataset.result = kind;
    delete this.outcome.dataset.stale;
    this.outcome.replaceChildren(...outcomeNodes(diff));
  }

  /** The new version's editor: its errors, and its changed statements (null: the marks stay as they are). */
  private markNew(changed: readonly StatementMark[] | null, errors: AccessDiff["newErrors"]): void {
    const view = this.view;
    if (!view) return;
    const length = view.state.doc.length;
    const diagnostics = view.state.doc.toString().trim() === "" ? [] : errors.map((error) => toCodeMirror(error, length));
    view.dispatch(setDiagnostics(view.state, diagnostics), changed ? { effects: setChangedStatements.of(changedMarks(changed, length)) } : {});
  }

  /** Shows why nothing could be compared; an earlier result stays below, marked out of date. */
  private showErrors(messages: string[]): void {
    this.result.dataset.result = "invalid";
    this.errors.replaceChildren(...messages.map((message) => el("li", { text: message })));
    if (this.outcome.childElementCount > 0) this.outcome.dataset.stale = "true";
  }
}

/** The result of a valid comparison: the headline, the count, the changed statements, the changes by principal and what was decided. */
function outcomeNodes(diff: AccessDiff): Node[] {
  const kind = headline(diff);
  const count = `${diff.changes.length} of ${diff.requests} representative requests changed.`;
  return [
    el("p", { id: "compare-headline", class: `compare-headline is-${kind}`, "data-headline": kind }, [
      el("strong", { text: HEADLINE_WORDS[kind] }),
      ` ${count}`,
    ]),
    el("p", { class: "compare-stale", text: "Out of date: this is the comparison from before the errors above." }),
    el("p", { class: "compare-statements" }, richText(statementsWords(diff))),
    el(
      "ul",
      { id: "compare-changes", class: "compare-principals" },
      byPrincipal(diff.changes).map((group) =>
        el("li", { class: "compare-principal", "data-principal": group.principal }, [
          el("h4", { class: "arn", text: group.principal }),
          el("ul", { class: "compare-requests" }, group.changes.map(changeItem)),
        ]),
      ),
    ),
    el("p", { class: "compare-coverage", text: coverage(diff.requests) }),
  ];
}

/** One changed request: its action, resource and context, and the decision before and after. */
function changeItem(change: AccessChange): HTMLElement {
  const context = contextWords(change.context);
  return el("li", { class: "compare-request", "data-action": change.action, "data-change": changeKind(change) }, [
    el("code", { class: "compare-action" }, breakableName(change.action)),
    el("span", { class: "compare-decisions" }, [
      decisionChip(change.before),
      el("span", { "aria-hidden": "true", text: " → " }),
      el("span", { class: "visually-hidden", text: " now " }),
      decisionChip(change.after),
    ]),
    el("span", { class: "compare-resource arn", text: `on ${change.resource}` }),
    context.length > 0 ? el("span", { class: "compare-context", text: `with ${context.join(", ")}` }) : null,
  ]);
}

/** Which statements of each version the other has no equal of. */
function statementsWords(diff: AccessDiff): string {
  const labels = (marks: readonly StatementMark[]) => (marks.length > 0 ? marks.map((mark) => mark.label).join(", ") : "none");
  const { old, new: added } = diff.changedStatements;
  if (old.length === 0 && added.length === 0) return "Changed statements: none (the order, the `Sid`, the layout and the case of action names aside).";
  return `Changed statements: in the current version ${labels(old)}; in the new version ${labels(added)}.`;
}
