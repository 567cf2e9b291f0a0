// The playground's editors and panels, loaded after the first decision shows (this module brings
// CodeMirror). Every edit updates the store; the store autosaves and schedules an evaluation (before the
// next frame while evaluations are quick, debounced when they are slow, so typing never waits for the
// engine), whose result goes to the editors' tints and findings, the banner, the explanation, and the
// request panel. After an editor's edit, the edit and its tints are painted first and the other views
// follow once the browser is idle, so a keystroke's frame carries the editor's work alone.

import type { Completion } from "@codemirror/autocomplete";
import { AccessDeniedControl } from "./access-denied";
import { findAction } from "./action-picker";
import { AfterPaint } from "./after-paint";
import { CompareView } from "./compare-view";
import { completionOptions } from "./completions";
import { type Decided, decideState, type RequestOutcome, showDecision } from "./decide";
import { defaultState } from "./defaults";
import { confirmDialog, promptDialog } from "./dialogs";
import { byId, debounce, el, renderOnce } from "./dom";
import type { Engine } from "./engine";
import { EXAMPLES } from "./examples";
import { comparedWith } from "./explain";
import { renderFindings } from "./findings-list";
import { editorFor, withAddedPolicy } from "./fix-changes";
import { FixesControl } from "./fixes-control";
import { openGallery } from "./gallery";
import { openLink, readState } from "./incoming";
import { renderMatrix } from "./matrix";
import { hideAlert, showAlert, showNotice } from "./notice";
import { operationNamed } from "./operations";
import { editorLabel, PolicyEditors } from "./policy-editors";
import { renderTabs } from "./policy-tabs";
import { requestPanel } from "./request-panel";
import { renderRequests, requestRows } from "./requests-list";
import type { ResultView } from "./result-view";
import { bindSharing } from "./share-actions";
import { installShortcuts, openHelp } from "./shortcuts";
import { isGood, markStale, syntaxError } from "./stale-result";
import { type AppState, type Change, findPolicy, Store } from "./state";
import { addIdentityPolicy, cycleTab, selectTab, setPanel, setPolicyText, setRequestField } from "./state-edits";
import { clearSaved, loadPrevious, save, savePrevious } from "./storage";
import { addRequest, duplicateRequest, removeRequest, renameRequest, selectedRequestOnly, selectRequest, setRequestExpect } from "./suite-edits";
import type { AccessDenied, Catalog, Evaluation, Fix, PolicyReport } from "./types";
import { stateToDocument } from "./url-state";
import { renderWrapperNote } from "./wrapper-note";

/** The wait after the last edit before evaluating, when evaluations are slow. */
const EVALUATE_DELAY_MS = 150;
/**
 * An evaluation (engine and every view) that took less than this runs right after an edit, before the
 * browser paints the edited text, so text and tints change in the same frame; a slower one waits for a
 * pause in typing instead. Not one frame's 16 ms: the edited text's frame is late by the evaluation's
 * time either way, and a frame late by a few ms beats tints late by the whole debounce wait. 50 ms is
 * the longest an input's handling may take and still feel immediate (the RAIL model's budget).
 */
const QUICK_EVALUATION_MS = 50;
const SAVE_DELAY_MS = 300;
/** The user timing measure of each evaluation; cleared at once, so a long session keeps none. */
const EVALUATE_MEASURE = "ecr-policy-playground:evaluate";

/** The running page: the editors and panels around the store, and every evaluation after the first. */
export class App {
  private readonly store: Store;
  private readonly editors: PolicyEditors;
  private readonly request;
  private readonly accessDenied: AccessDeniedControl;
  private readonly compare: CompareView;
  private readonly fixes: FixesControl;
  /** The action catalogue, read from the engine when first needed. */
  private catalogRead: { value: Catalog | null } | null = null;
  /** Engine policy id -> editor key, for the latest evaluation. */
  private editorOf = new Map<string, string>();
  /** Editor key -> report, for the latest evaluation. */
  private reports = new Map<string, PolicyReport>();
  private evaluation: Evaluation | null = null;
  /** Every request of the latest evaluation with its decision, for the Requests list. */
  private entries: RequestOutcome[] = [];
  /** How long the latest evaluation took, ms: it decides how the next one is scheduled. */
  private lastEvaluationMs = Number.POSITIVE_INFINITY;
  /** Whether the result on screen is a good one, to keep (out of date) while the JSON does not parse. */
  private shownGood = false;
  private quickPending = false;
  /** The panels' update after an edit's evaluation, which waits for the edit and its tints to be painted. */
  private readonly panels = new AfterPaint();
  /** How long the latest update of the panels took, ms. */
  private panelsMs = 0;
  private pendingTimer: number | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly results: ResultView,
    initial: AppState,
    first: Decided | null,
  ) {
    this.store = new Store(initial);
    // The decision first (unless it is already shown): the panels are built after the banner shows it, the
    // editor in `showEditors`.
    const started = performance.now();
    if (first) {
      this.take(first);
    } else {
      this.decide();
    }
    this.shownGood = this.evaluation !== null && isGood(this.evaluation);
    let options: Completion[] | null = null;
    this.editors = new PolicyEditors(
      byId("editor-host"),
      (key, text) => this.editText(key, text),
      () => (options ??= completionOptions(this.catalog)),
      (key, index) => this.statementClicked(key, index),
    );
    this.request = requestPanel(byId("request-panel"), this.store, this.catalog);
    this.accessDenied = new AccessDeniedControl(byId("request-panel"), byId<HTMLInputElement>("principal-input"), {
      engine,
      fill: (denied) => this.fillRequest(denied),
    });
    this.fixes = new FixesControl(byId("fixes"), engine, {
      editorName: (change) => {
        const key = editorFor(change, this.editorOf);
        const policy = key === null ? undefined : findPolicy(this.store.state, key);
        return policy ? editorLabel(policy, this.store.state) : null;
      },
      apply: (fix) => this.applyFix(fix),
    });
    byId("engine-version").textContent = `engine ${engine.version()}`;
    if (this.catalog) {
      byId("catalog-source").textContent =
        `action catalogue from ${this.catalog.source.package} ${this.catalog.source.version} (${this.catalog.source.license})`;
    }
    this.bindPage();
    this.store.subscribe((state, change) => this.changed(state, change));
    // After the page's own listener, so that it sees the editors as this change leaves them.
    this.compare = new CompareView(byId("compare-panel"), {
      engine,
      store: this.store,
      editors: this.editors,
      completionOptions: () => (options ??= completionOptions(this.catalog)),
      delayMs: EVALUATE_DELAY_MS,
      confirm: confirmDialog,
      announce: (message) => this.announce(message),
    });
    // The debounced autosave may not have run when the page goes away: save now, so a reload loses nothing.
    window.addEventListener("pagehide", () => save(this.store.state));
    this.showPanel();
    this.lastEvaluationMs = performance.now() - started;
  }

  /**
   * Builds the selected policy's editor, with the latest findings and tints from its first frame, then
   * the rest of what the evaluation shows (the requests, the findings, the tabs last): the start's last
   * step, in a task of its own after the constructor's.
   */
  showEditors(): void {
    const started = performance.now();
    this.showTints();
    this.editors.sync(this.store.state, false);
    this.showEvaluation();
    this.lastEvaluationMs = performance.now() - started;
  }

  private get catalog(): Catalog | null {
    this.catalogRead ??= { value: this.engine.catalog() };
    return this.catalogRead.value;
  }

  /**
   * Evaluates as soon as the change's own handling is over (a microtask, so that the updates of one task
   * make one evaluation; an editor's edit evaluates at once, see `editText`) when the latest evaluation
   * was quick, else after the debounce wait.
   */
  private scheduleEvaluation(): void {
    if (this.quickPending) return;
    this.cancelEvaluation();
    if (this.lastEvaluationMs < QUICK_EVALUATION_MS) {
      this.quickPending = true;
      queueMicrotask(() => {
        if (this.quickPending) this.evaluate();
      });
    } else {
      this.pendingTimer = window.setTimeout(() => this.evaluate(), EVALUATE_DELAY_MS);
    }
  }

  private cancelEvaluation(): void {
    if (this.pendingTimer !== null) window.clearTimeout(this.pendingTimer);
    this.quickPending = false;
    this.pendingTimer = null;
  }

  private readonly scheduleSave = debounce((state: AppState) => save(state), SAVE_DELAY_MS);

  private changed(state: AppState, change: Change): void {
    this.scheduleSave(state);
    // The Compare view's new version: saved, and compared by the view itself; no decision changes.
    if (change === "compare") return;
    if (change === "all") {
      this.editors.sync(state, true);
      this.request.refresh();
      this.showPanel();
    } else if (change === "requests") {
      this.request.refresh();
    } else if (change === "policies" || change === "view") {
      this.editors.sync(state, false);
      this.showPanel();
    }
    if (change !== "text" && change !== "request" && change !== "requests") {
      this.renderTabs();
    }
    if (change === "all") {
      // Another state (a link, a file, an example): the result on screen is not an earlier result of it.
      this.shownGood = false;
      this.evaluate();
    } else if (change !== "view") {
      byId("result-panel").setAttribute("aria-busy", "true");
      this.scheduleEvaluation();
    } else if (state.view.panel === "matrix") {
      this.renderMatrix();
    }
  }

  /**
   * An editor's edit, reported before the editor shows it: a quick evaluation runs now rather than in a
   * microtask, so that its findings and tints join the edit's own editor update; the other views wait
   * until that update is painted.
   */
  private editText(key: string, text: string): void {
    const wasEmpty = findPolicy(this.store.state, key)?.text.trim() === "";
    this.store.update("text", (current) => setPolicyText(current, key, text));
    if (wasEmpty !== (text.trim() === "")) this.renderTabs();
    if (this.quickPending) this.evaluate(true);
  }

  /**
   * Evaluates the current state and shows the result everywhere: the editor's tints at once, the rest
   * (`panelsAfterPaint`: once the frame with the edit and its tints is painted). Each evaluation is a
   * user timing measure, for the browser's performance tools and the benchmarks.
   */
  private evaluate(panelsAfterPaint = false): void {
    const started = performance.now();
    this.cancelEvaluation();
    const decided = decideState(this.engine, this.store.state);
    const broken = syntaxError(decided);
    const keep = broken !== null && this.shownGood;
    // The result to keep on screen must be on screen first.
    if (keep) this.panels.flush();
    this.take(decided);
    // The editor first: when it updates at once (not inside its own edit's update, see `editText`), its
    // update forces a layout (CodeMirror puts the selection back into the redrawn line), which then
    // covers only the editor; the other views' changes wait for the frame's layout.
    this.showTints(keep);
    if (!keep) this.shownGood = decided.answer.ok && isGood(decided.answer.value);
    this.panels.run(() => {
      const shown = performance.now();
      if (keep) {
        // The last good result stays, out of date; the findings show the syntax error.
        markStale(byId("decision"), broken);
        byId("result-panel").setAttribute("aria-busy", "false");
        this.showFindings();
      } else {
        showDecision(this.results, decided);
        markStale(byId("decision"), null);
        this.showEvaluation();
      }
      this.panelsMs = performance.now() - shown;
    }, panelsAfterPaint);
    // The panels' time counts too (the latest that ran), wherever it falls: it holds up typing either way.
    this.lastEvaluationMs = performance.measure(EVALUATE_MEASURE, { start: started }).duration + (panelsAfterPaint ? this.panelsMs : 0);
    performance.clearMeasures(EVALUATE_MEASURE);
  }

  /** Evaluates the current state and shows the decision in the banner. */
  private decide(): void {
    const decided = decideState(this.engine, this.store.state);
    showDecision(this.results, decided);
    this.take(decided);
  }

  /** Keeps an evaluation as the latest. */
  private take({ answer, entries, editorOf }: Decided): void {
    this.editorOf = editorOf;
    this.entries = entries;
    if (!answer.ok) {
      this.evaluation = null;
      this.reports = new Map();
      return;
    }
    const evaluation = answer.value;
    this.evaluation = evaluation;
    this.reports = new Map(
      evaluation.policies.flatMap((report): [string, PolicyReport][] => {
        const key = editorOf.get(report.id);
        return key ? [[key, report]] : [];
      }),
    );
  }

  /** Hands the shown editor the latest evaluation's findings and tints (`keepTints`: its findings only). */
  private showTints(keepTints = false): void {
    if (this.evaluation) {
      this.editors.applyEvaluation(this.reports, comparedWith(this.evaluation.request), keepTints);
    } else {
      this.editors.clearEvaluation();
    }
  }

  /** Shows the latest evaluation everywhere but the banner and the editors. */
  private showEvaluation(): void {
    const evaluation = this.evaluation;
    this.renderRequests();
    void this.fixes.show(this.store.state, evaluation);
    if (!evaluation) {
      this.request.showEvaluation(null);
      renderOnce(byId("findings"), "", () => []);
      this.renderTabs();
      return;
    }
    this.request.showEvaluation(evaluation);
    void this.accessDenied.show(this.store.state);
    this.showFindings();
    if (this.store.state.view.panel === "matrix") this.renderMatrix();
  }

  /** Shows the latest evaluation's findings, in the list and on the tabs. */
  private showFindings(): void {
    if (this.evaluation)
      renderFindings(
        byId("findings"),
        this.evaluation.policies,
        (policy) => findPolicy(this.store.state, this.editorOf.get(policy) ?? "")?.text ?? "",
        (policy, span) => this.reveal(policy, span),
      );
    this.renderTabs();
  }

  private renderMatrix(): void {
    const host = byId("matrix-view");
    const { document } = stateToDocument(selectedRequestOnly(this.store.state), true);
    const answer = this.engine.matrix(document);
    if (!answer.ok) {
      host.replaceChildren(el("p", { role: "alert", text: `The all-actions view is not available: ${answer.message}` }));
      return;
    }
    const context = { catalog: this.catalog, current: this.store.state.request.action, registryPolicy: document.registryPolicy !== undefined };
    renderMatrix(host, answer.value, context, {
      pick: (action) => this.setAction(action),
      explain: (operation) => {
        this.setAction(operation);
        this.setPanel("explain");
      },
    });
  }

  /**
   * Puts a fix's policies into the editors: a changed policy as one edit of its editor, which the
   * editor's undo takes back; a policy the fix adds as a new tab. The work before is kept, restorable as
   * after a load.
   */
  private applyFix(fix: Fix): void {
    savePrevious(this.store.state);
    const editorOf = new Map(this.editorOf);
    for (const change of fix.changes) {
      const key = editorFor(change, editorOf);
      if (key !== null && findPolicy(this.store.state, key)) {
        if (this.store.state.view.tab !== key) this.store.update("view", (current) => selectTab(current, key));
        this.editors.replace(key, change.after);
      } else {
        this.store.update("policies", (current) => withAddedPolicy(current, change));
      }
    }
    showNotice(["Applied the fix. Undo (Ctrl+Z) in an editor takes back its change; your previous work is kept."], () => this.restorePrevious());
  }

  /** Puts an AccessDenied message's principal, action and resource (when it names one) into the request. */
  private fillRequest(denied: AccessDenied): void {
    this.store.update("request", (current) => {
      const filled = setRequestField(setRequestField(current, "principal", denied.principal), "action", denied.action);
      return denied.resource === null ? filled : setRequestField(filled, "resource", denied.resource);
    });
    this.request.refresh();
  }

  /** Makes an action or an operation (its name) the request's. */
  private setAction(action: string): void {
    const known = findAction(this.catalog, action);
    this.store.update("request", (current) => setRequestField(current, "action", known?.fullName ?? action));
    this.request.refresh();
    this.announce(operationNamed(action) ? `Operation set to ${action}` : `Action set to ${action}`);
  }

  private renderRequests(): void {
    const update = (edit: (state: AppState) => AppState) => this.store.update("requests", edit);
    renderRequests(byId("requests"), requestRows(this.store.state, this.entries), {
      select: (index) => update((current) => selectRequest(current, index)),
      add: () => {
        update(addRequest);
        this.announce(`Added ${this.store.state.request.name}`);
      },
      rename: async (index, name) => {
        const next = await promptDialog("Rename request", "Name", name);
        if (next !== null) update((current) => renameRequest(current, index, next));
      },
      duplicate: (index) => {
        update((current) => duplicateRequest(current, index));
        this.announce(`Added ${this.store.state.request.name}`);
      },
      remove: (index) => {
        update((current) => removeRequest(current, index));
        this.announce("Request removed");
      },
      expect: (index, decision) => update((current) => setRequestExpect(current, index, decision)),
    });
  }

  private renderTabs(): void {
    renderTabs(byId("policy-tabs"), byId("editor-toolbar"), this.store, this.reports, {
      format: (key) => this.editors.format(key),
      confirm: confirmDialog,
      prompt: promptDialog,
      announce: (message) => this.announce(message),
      compare: (key) => void this.compare.toggle(key),
    });
    const tab = this.store.state.view.tab;
    renderWrapperNote(byId("wrapper-note"), tab, this.reports.get(tab), (key, text) => {
      this.editors.replace(key, text);
      this.announce("Replaced with the plain policy; Undo (Ctrl+Z) brings the pasted text back");
    });
  }

  private showPanel(): void {
    const matrix = this.store.state.view.panel === "matrix";
    byId("explain-view").hidden = matrix;
    byId("matrix-view").hidden = !matrix;
    byId("result-tab-explain").setAttribute("aria-selected", matrix ? "false" : "true");
    byId("result-tab-matrix").setAttribute("aria-selected", matrix ? "true" : "false");
    byId("result-tab-explain").tabIndex = matrix ? -1 : 0;
    byId("result-tab-matrix").tabIndex = matrix ? 0 : -1;
    if (matrix) this.renderMatrix();
  }

  private setPanel(panel: AppState["view"]["panel"]): void {
    this.store.update("view", (current) => setPanel(current, panel));
  }

  /** Shows a statement: selects its tab, scrolls to it, highlights it and shows its detail. */
  selectStatement(policyId: string, index: number): void {
    const key = this.editorOf.get(policyId);
    const statement = this.evaluation?.policies.find((policy) => policy.id === policyId)?.statements.find((candidate) => candidate.index === index);
    if (!key || !statement) return;
    if (this.store.state.view.tab !== key) this.store.update("view", (current) => selectTab(current, key));
    if (this.store.state.view.panel !== "explain") this.setPanel("explain");
    this.editors.revealStatement(key, index, statement.span);
    this.results.select({ policy: policyId, statement: index });
  }

  /** A click inside a statement in an editor shows that statement's detail, leaving the cursor alone. */
  private statementClicked(key: string, index: number): void {
    const policyId = [...this.editorOf].find(([, editor]) => editor === key)?.[0];
    if (policyId) this.results.select({ policy: policyId, statement: index });
  }

  /** Selects a policy's tab and puts the cursor on a span. */
  reveal(policyId: string, span: Parameters<PolicyEditors["reveal"]>[1]): void {
    const key = this.editorOf.get(policyId);
    if (!key) return;
    if (this.store.state.view.tab !== key) this.store.update("view", (current) => selectTab(current, key));
    this.editors.reveal(key, span);
  }

  addContextKey(key: string): void {
    this.request.addContextKey(key);
  }

  /** Says something to screen readers and shows it briefly. */
  private announce(message: string): void {
    byId("announcer").textContent = message;
  }

  /** Opens a share link's state in place of the work (with `keep`, kept restorable), or says why it cannot. */
  openShared(fragment: string, keep: boolean): void {
    const opened = openLink(this.engine, fragment);
    // The link is read: a reload now restores the autosaved work, not the link again.
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
    if (opened.ok) {
      const what = opened.state.name ? `Opened a shared link: “${opened.state.name}”` : "Opened a shared link";
      this.load(opened.state, what, opened.notes, keep);
    } else {
      showAlert(opened.message);
    }
  }

  /**
   * Replaces the work with another state and saves it at once. The replaced work becomes the previous
   * work, one click away, unless `keep` is false or it is the same as the new state (opening one link
   * twice keeps the work from before the first time).
   */
  load(state: AppState, what: string, notes: string[] = [], keep = true): void {
    const previous = this.store.state;
    const kept = keep && !sameWork(previous, state);
    if (kept) savePrevious(previous);
    this.store.replace(state);
    save(state);
    hideAlert();
    showNotice([kept ? `${what}. Your previous work is kept.` : `${what}.`, ...notes], kept ? () => this.restorePrevious() : null);
  }

  private restorePrevious(): void {
    const previous = loadPrevious(this.engine);
    if (!previous) return;
    savePrevious(this.store.state);
    this.store.replace(previous);
    save(previous);
    this.announce("Previous work restored");
  }

  private cycleTab(step: number): void {
    this.store.update("view", (current) => cycleTab(current, step));
    this.editors.focus(this.store.state.view.tab);
  }

  private bindPage(): void {
    const openExamples = () =>
      openGallery(EXAMPLES, (example) => {
        const state = readState(this.engine, example.document);
        if (state) this.load(state, `Loaded the example “${example.document.name ?? example.id}”`);
      });
    byId("open-gallery").addEventListener("click", openExamples);
    byId("open-help").addEventListener("click", openHelp);
    byId("import-account").addEventListener("click", () =>
      import("./account-import").then(
        ({ openAccountImport }) =>
          openAccountImport({ engine: this.engine, state: () => this.store.state, load: (state, what, notes) => this.load(state, what, notes) }),
        (error: unknown) => showAlert(`The import dialog could not be loaded: ${String(error)}`),
      ),
    );
    byId("import-template").addEventListener("click", () =>
      import("./template-import").then(
        ({ openTemplateImport }) =>
          openTemplateImport({ engine: this.engine, state: () => this.store.state, load: (state, what, notes) => this.load(state, what, notes) }),
        (error: unknown) => showAlert(`The template dialog could not be loaded: ${String(error)}`),
      ),
    );
    byId("reset").addEventListener("click", async () => {
      if (
        await confirmDialog(
          "Reset the playground?",
          "Every policy and the request go back to the starting example. Your current work is kept as the previous work.",
          "Reset",
        )
      ) {
        clearSaved();
        this.load(defaultState(), "The playground was reset");
      }
    });
    byId("result-tab-explain").addEventListener("click", () => this.setPanel("explain"));
    byId("result-tab-matrix").addEventListener("click", () => this.setPanel("matrix"));
    byId("result-tabs").addEventListener("keydown", (event) => {
      if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        const next = this.store.state.view.panel === "matrix" ? "explain" : "matrix";
        this.setPanel(next);
        byId(`result-tab-${next}`).focus();
      }
    });
    bindSharing({
      engine: this.engine,
      state: () => this.store.state,
      load: (state, what, notes) => this.load(state, what, notes),
    });
    installShortcuts({
      help: openHelp,
      examples: openExamples,
      toggleMatrix: () => this.setPanel(this.store.state.view.panel === "matrix" ? "explain" : "matrix"),
      newIdentity: () => this.store.update("policies", addIdentityPolicy),
      format: () => {
        const ok = this.editors.format(this.store.state.view.tab);
        this.announce(ok ? "Policy formatted" : "The policy is not valid JSON, so it cannot be formatted");
      },
      nextTab: () => this.cycleTab(1),
      previousTab: () => this.cycleTab(-1),
      focusPrincipal: () => this.request.focusPrincipal(),
      focusAction: () => this.request.focusAction(),
    });
  }
}

/** Whether two states hold the same work (the same document, whatever their editor keys). */
function sameWork(a: AppState, b: AppState): boolean {
  return JSON.stringify(stateToDocument(a, false).document) === JSON.stringify(stateToDocument(b, false).document);
}
