// The result: the decision banner, the reason chain (each step linked to its statements), every
// statement of every policy with its outcome, the selected statement's element-by-element detail, and
// the context keys the policies ask for that the request lacks.

import { el, renderOnce, setText } from "./dom";
import { comparedWith, explainStatement, OUTCOME_LABEL, onceEach, statementLabel, statementRefLabel } from "./explain";
import { operationActions, operationActionsKey } from "./operation-actions";
import { richText } from "./rich-text";
import type { Decision, Evaluation, PolicyReport, RequestFacts, Span, StatementRef, StatementReport } from "./types";

const DECISION_LABEL: Record<Decision, string> = {
  allowed: "Allowed",
  explicitDeny: "Denied: explicit deny",
  implicitDeny: "Denied: implicit deny",
  invalid: "Invalid input",
};

/** What the result view asks of the page. */
export interface ResultActions {
  /** Shows a statement in its editor. */
  selectStatement(policyId: string, index: number): void;
  /** Puts the cursor on a span of a policy's editor. */
  reveal(policyId: string, span: Span): void;
  /** Adds a context key the request lacks. */
  addContextKey(key: string): void;
}

/** The result elements, from index.html. */
export interface ResultHosts {
  banner: HTMLElement;
  /** An operation's actions, each with its decision. */
  operation: HTMLElement;
  reasons: HTMLElement;
  statements: HTMLElement;
  detail: HTMLElement;
  missing: HTMLElement;
}

/** Renders results into the hosts. */
export class ResultView {
  private evaluation: Evaluation | null = null;
  /** Policy id -> the text the shown evaluation read, which its reports' spans point into. */
  private texts: ReadonlyMap<string, string> = new Map();
  private selected: StatementRef | null = null;
  /** What the statement list shows apart from the outcomes (see `statementsShape`), while it shows it. */
  private shownShape: string | null = null;

  constructor(
    private readonly hosts: ResultHosts,
    private readonly actions: ResultActions,
  ) {}

  /** Shows a message instead of a decision (the engine is loading, or could not evaluate). */
  showMessage(state: "loading" | "unavailable" | "invalid", title: string, message: string): void {
    this.evaluation = null;
    this.hosts.banner.dataset.decision = state;
    delete this.hosts.banner.dataset.summary;
    renderOnce(this.hosts.banner, JSON.stringify(["message", state, title, message]), () => [
      el("span", { class: "decision-label", text: title }),
      el("span", { class: "decision-summary", role: state === "loading" ? null : "alert", text: message }),
    ]);
    for (const host of [this.hosts.operation, this.hosts.reasons, this.hosts.detail, this.hosts.missing]) {
      renderOnce(host, "", () => []);
    }
    this.hosts.statements.replaceChildren();
    this.shownShape = null;
  }

  /** Shows an evaluation of the policy texts `texts` (policy id -> text). */
  show(evaluation: Evaluation, texts: ReadonlyMap<string, string>): void {
    this.evaluation = evaluation;
    this.texts = texts;
    const banner = this.hosts.banner;
    banner.dataset.decision = evaluation.decision;
    // The engine's summary as it gives it (backticks and all), shown or not: what the CLI prints.
    banner.dataset.summary = evaluation.summary;
    // Said once: a summary that only repeats the last reason, which the reasons show next, is left out.
    const lastReason = evaluation.reasons[evaluation.reasons.length - 1]?.message;
    const summary = lastReason && evaluation.summary.endsWith(lastReason) ? null : evaluation.summary;
    // A misspelled action decides nothing useful: the decision says which action was probably meant.
    const { action, suggestedAction } = evaluation.request;
    const typo = suggestedAction ? `\`${action}\` is not an ECR or ECR Public action: did you mean \`${suggestedAction}\`?` : null;
    renderOnce(banner, JSON.stringify(["decision", evaluation.decision, summary, typo]), () => [
      el("span", { class: "decision-label", text: DECISION_LABEL[evaluation.decision] }),
      ...(summary === null ? [] : [el("span", { class: "decision-summary" }, richText(summary))]),
      ...(typo === null ? [] : [el("span", { class: "decision-typo" }, richText(typo))]),
    ]);
    renderOnce(this.hosts.operation, operationActionsKey(evaluation), () => operationActions(evaluation));
    this.renderReasons(evaluation);
    this.renderStatements(evaluation);
    this.renderMissing(evaluation);
    if (this.selected && this.findStatement(this.selected)) {
      this.select(this.selected);
    } else {
      this.selected = null;
      this.markSelected(null);
      renderOnce(this.hosts.detail, "hint", () => [el("p", { class: "field-hint", text: "Select a statement to see what each of its elements did." })]);
    }
  }

  /** Marks a statement as selected and shows its detail. */
  select(ref: StatementRef): void {
    this.selected = ref;
    const found = this.findStatement(ref);
    this.markSelected(ref);
    if (found) this.renderDetail(found.policy, found.statement, found.request);
  }

  /** Marks the row of `ref` (none: no row) as selected. Only rows whose mark changes are touched: a write
   * of the same value still costs a style check. */
  private markSelected(ref: StatementRef | null): void {
    for (const item of this.hosts.statements.querySelectorAll<HTMLElement>("[data-statement]")) {
      const current = ref !== null && item.dataset.policy === ref.policy && item.dataset.statement === String(ref.statement);
      if (item.classList.contains("is-selected") === current) continue;
      item.classList.toggle("is-selected", current);
      item.querySelector("button")?.setAttribute("aria-pressed", current ? "true" : "false");
    }
  }

  private findStatement(ref: StatementRef): { policy: PolicyReport; statement: StatementReport; request: RequestFacts } | null {
    const policy = this.evaluation?.policies.find((candidate) => candidate.id === ref.policy);
    const statement = policy?.statements.find((candidate) => candidate.index === ref.statement);
    return this.evaluation && policy && statement ? { policy, statement, request: this.evaluation.request } : null;
  }

  private linkLabel(ref: StatementRef): string {
    return statementRefLabel(this.evaluation?.policies ?? [], ref);
  }

  /** What the links to `refs` show and do. */
  private linksKey(refs: StatementRef[]): unknown[] {
    return refs.map((ref) => [ref.policy, ref.statement, this.linkLabel(ref)]);
  }

  private statementLink(ref: StatementRef): HTMLElement {
    const label = this.linkLabel(ref);
    return el(
      "button",
      {
        type: "button",
        class: "link",
        "data-policy": ref.policy,
        "data-statement-link": ref.statement,
        onclick: () => this.actions.selectStatement(ref.policy, ref.statement),
      },
      richText(label),
    );
  }

  private renderReasons(evaluation: Evaluation): void {
    const key = JSON.stringify(evaluation.reasons.map((reason) => [reason.step, reason.verdict, reason.message, this.linksKey(reason.statements)]));
    renderOnce(this.hosts.reasons, key, () => [
      el("h3", { text: "Why" }),
      el(
        "ol",
        { class: "reasons" },
        evaluation.reasons.map((reason) =>
          el("li", { class: `reason verdict-${reason.verdict}`, "data-step": reason.step, "data-verdict": reason.verdict }, [
            el("span", { class: "reason-message" }, richText(reason.message)),
            reason.statements.length > 0
              ? el(
                  "span",
                  { class: "reason-links" },
                  reason.statements.map((ref) => this.statementLink(ref)),
                )
              : null,
          ]),
        ),
      ),
    ]);
  }

  private renderStatements(evaluation: Evaluation): void {
    const shape = statementsShape(evaluation);
    if (shape === this.shownShape && this.updateOutcomes(evaluation)) return;
    this.shownShape = shape;
    const groups = evaluation.policies.map((policy) =>
      el("section", { class: `policy-group${policy.applies ? "" : " is-inapplicable"}`, "data-policy": policy.id }, [
        el("h4", { text: policy.name }),
        policy.note ? el("p", { class: "field-hint", text: policy.note }) : null,
        policy.statements.length === 0
          ? el("p", {
              class: "field-hint",
              text: policy.diagnostics.some((finding) => finding.severity === "error") ? "Not evaluated: the policy has errors." : "No statements.",
            })
          : el(
              "ul",
              { class: "statement-list" },
              policy.statements.map((statement) =>
                el(
                  "li",
                  {
                    class: `statement outcome-${statement.outcome}`,
                    "data-outcome": statement.outcome,
                    "data-policy": policy.id,
                    "data-statement": statement.index,
                  },
                  [
                    el("button", { type: "button", "aria-pressed": "false", onclick: () => this.actions.selectStatement(policy.id, statement.index) }, [
                      el("span", { class: "statement-name" }, richText(statementLabel(statement))),
                      el("span", { class: `effect effect-${statement.effect}`, text: statement.effect }),
                      el("span", { class: "outcome", text: OUTCOME_LABEL[statement.outcome] }),
                    ]),
                  ],
                ),
              ),
            ),
      ]),
    );
    this.hosts.statements.replaceChildren(el("h3", { text: "Statements" }), ...groups);
  }

  /** Updates the outcomes of a statement list of the same shape in place, keeping the selected row (`select`
   * moves it); false when the rows do not fit. */
  private updateOutcomes(evaluation: Evaluation): boolean {
    const rows = [...this.hosts.statements.querySelectorAll<HTMLElement>("li.statement")];
    const statements = evaluation.policies.flatMap((policy) => policy.statements);
    if (rows.length !== statements.length) return false;
    statements.forEach((statement, position) => {
      const row = rows[position];
      if (!row || row.dataset.outcome === statement.outcome) return;
      row.classList.remove(`outcome-${row.dataset.outcome ?? ""}`);
      row.classList.add(`outcome-${statement.outcome}`);
      row.dataset.outcome = statement.outcome;
      const outcome = row.querySelector<HTMLElement>(".outcome");
      if (outcome) setText(outcome, OUTCOME_LABEL[statement.outcome]);
    });
    return true;
  }

  private renderDetail(policy: PolicyReport, statement: StatementReport, request: RequestFacts): void {
    const parts = onceEach(explainStatement(statement, this.texts.get(policy.id) ?? "", comparedWith(request)));
    const title = `${policy.name}, ${statementLabel(statement)}: ${OUTCOME_LABEL[statement.outcome]}`;
    renderOnce(this.hosts.detail, JSON.stringify([policy.id, title, parts]), () => [
      el("h3", {}, richText(title)),
      parts.length === 0
        ? el("p", { class: "field-hint", text: "Nothing to compare: the policy does not take part in this request." })
        : el(
            "ul",
            { class: "detail-list" },
            parts.map((part) =>
              el("li", { class: `detail ${part.matched ? "is-match" : part.quiet ? "is-other" : "is-fail"}` }, [
                el("button", { type: "button", class: "link detail-label", onclick: () => this.actions.reveal(policy.id, part.span) }, [
                  `${part.matched ? "✓" : part.quiet ? "–" : "✗"} ${part.label}`,
                ]),
                ...part.lines.map((line) => el("span", { class: "detail-line" }, richText(line))),
              ]),
            ),
          ),
    ]);
  }

  private renderMissing(evaluation: Evaluation): void {
    if (evaluation.missingKeys.length === 0) {
      renderOnce(this.hosts.missing, "", () => []);
      return;
    }
    const key = JSON.stringify(evaluation.missingKeys.map((missing) => [missing.key, this.linksKey(missing.references)]));
    renderOnce(this.hosts.missing, key, () => [
      el("h3", { text: "Context keys the policies ask for but the request lacks" }),
      el(
        "ul",
        { class: "missing-keys" },
        evaluation.missingKeys.map((missing) =>
          el("li", { "data-key": missing.key }, [
            el("code", { text: missing.key }),
            el(
              "span",
              { class: "missing-refs" },
              missing.references.map((ref) => this.statementLink(ref)),
            ),
            el("button", { type: "button", class: "small", onclick: () => this.actions.addContextKey(missing.key) }, ["Add to context"]),
          ]),
        ),
      ),
    ]);
  }
}

/** Everything the statement list shows but the outcomes: while it stays the same, only outcomes change. */
function statementsShape(evaluation: Evaluation): string {
  return JSON.stringify(
    evaluation.policies.map((policy) => [
      policy.id,
      policy.name,
      policy.applies,
      policy.note ?? null,
      policy.diagnostics.some((finding) => finding.severity === "error"),
      policy.statements.map((statement) => [statement.index, statement.sid ?? null, statement.effect]),
    ]),
  );
}
