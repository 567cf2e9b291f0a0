// Starting from an AccessDenied message: pasted into the request panel's "Paste an AccessDenied message"
// box (or straight into the principal field), it fills the principal, action and resource, and the page
// remembers it; after every evaluation the result panel says whether the playground agrees with the
// reason AWS gave and, if not, which policy to look at. The engine reads the message and compares.

import { byId, el, setText } from "./dom";
import type { Engine } from "./engine";
import { spanLineColumn } from "./offsets";
import type { AppState } from "./state";
import type { AccessDenied, Agreement } from "./types";
import { stateToDocument } from "./url-state";

/** The words every AccessDenied message has, to tell one pasted into the principal field. */
const MARKER = "is not authorized to perform:";

/** What the control needs from the page. */
export interface AccessDeniedHooks {
  engine: Engine;
  /** Puts the message's request into the request fields. */
  fill: (denied: AccessDenied) => void;
}

/** The control in the request panel and the agreement line of the result panel. */
export class AccessDeniedControl {
  /** The message the request came from, until it is forgotten. */
  private message: string | null = null;
  private readonly input = el("textarea", { id: "access-denied-input", rows: 4, spellcheck: "false", "aria-describedby": "access-denied-status" });
  private readonly status = el("p", { id: "access-denied-status", class: "field-hint", role: "status" });
  private readonly agreement = byId("aws-agreement");
  /**
   * Counts the engine calls this control starts: the engine reads messages asynchronously (from its
   * analyses module), so an answer is shown only if no later call, forget or evaluation came since.
   */
  private calls = 0;

  constructor(
    panel: HTMLElement,
    principal: HTMLInputElement,
    private readonly hooks: AccessDeniedHooks,
  ) {
    const use = el("button", { type: "button", onclick: () => void this.use(this.input.value) }, ["Fill the request"]);
    const forget = el("button", { type: "button", onclick: () => this.forget() }, ["Forget the message"]);
    panel.append(
      el("details", { class: "access-denied field" }, [
        el("summary", { text: "Paste an AccessDenied message" }),
        el("label", { for: "access-denied-input", class: "field-hint", text: "The message AWS gave (User: … is not authorized to perform: …)" }),
        this.input,
        el("div", { class: "toolbar-buttons" }, [use, forget]),
        this.status,
      ]),
    );
    principal.addEventListener("paste", (event) => {
      const text = event.clipboardData?.getData("text/plain") ?? "";
      if (!text.includes(MARKER)) return;
      event.preventDefault();
      this.input.value = text;
      void this.use(text);
    });
  }

  /** Reads `text`; a message fills the request and is remembered, anything else says why and changes nothing. */
  private async use(text: string): Promise<void> {
    const call = ++this.calls;
    const answer = await this.hooks.engine.accessDenied(text);
    if (call !== this.calls) return;
    if (!answer.ok) {
      setText(this.status, answer.message);
      return;
    }
    const { denied, error } = answer.value;
    if (!denied) {
      const at = error ? spanLineColumn(error.span, text) : null;
      setText(this.status, error && at ? `Not read (line ${at.line}, column ${at.column}): ${error.message}.` : "Not read.");
      return;
    }
    this.message = text;
    setText(this.status, "The request now is the message's; the result says whether the playground agrees with AWS.");
    this.hooks.fill(denied);
  }

  private forget(): void {
    this.calls++;
    this.message = null;
    this.input.value = "";
    setText(this.status, "");
    this.agreement.hidden = true;
  }

  /** After an evaluation: whether the playground agrees with the remembered message. */
  async show(state: AppState): Promise<void> {
    const call = ++this.calls;
    const answer = this.message === null ? null : await this.hooks.engine.accessDenied(this.message, stateToDocument(state, true).document);
    if (call !== this.calls) return;
    const agreement = answer?.ok ? answer.value.agreement : null;
    this.agreement.hidden = !agreement;
    if (!agreement) return;
    this.agreement.dataset.verdict = agreement.verdict;
    setText(this.agreement, `${VERDICT_WORDS[agreement.verdict]}: ${agreement.message}.`);
  }
}

const VERDICT_WORDS: Record<Agreement["verdict"], string> = {
  agrees: "The playground agrees with AWS's AccessDenied message",
  disagrees: "The playground disagrees with AWS's AccessDenied message",
  "cannot-tell": "The playground cannot check AWS's AccessDenied message",
};
