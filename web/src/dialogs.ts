// Modal questions built on <dialog>: a confirmation, a one-line prompt and a choice among several. Each
// resolves when closed (Enter confirms, Escape cancels) and gives focus back to where it was.

import { confirmOnEnter } from "./dialog-enter";
import { el } from "./dom";

/** Shows `dialog` as a modal; when it closes, calls `onClose`, removes it and gives focus back. */
export function openDialog(dialog: HTMLDialogElement, onClose: (returnValue: string) => void): void {
  const before = document.activeElement as HTMLElement | null;
  document.body.append(dialog);
  dialog.addEventListener("close", () => {
    onClose(dialog.returnValue);
    dialog.remove();
    before?.focus();
  });
  dialog.showModal();
}

/** Asks a yes-or-no question; true when the person confirms. */
export function confirmDialog(title: string, message: string, action: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = el("dialog", { class: "modal", "aria-labelledby": "confirm-title", "data-dialog": "confirm" }, [
      el("form", { method: "dialog" }, [
        el("h2", { id: "confirm-title", text: title }),
        el("p", { text: message }),
        el("div", { class: "dialog-buttons" }, [
          el("button", { value: "cancel", type: "submit" }, ["Cancel"]),
          el("button", { value: "confirm", type: "submit", class: "danger", autofocus: true }, [action]),
        ]),
      ]),
    ]);
    confirmOnEnter(dialog, () => dialog.close("confirm"));
    openDialog(dialog, (value) => resolve(value === "confirm"));
  });
}

/** Asks for one line of text; null when cancelled. */
export function promptDialog(title: string, label: string, value: string): Promise<string | null> {
  return new Promise((resolve) => {
    const input = el("input", { id: "prompt-input", type: "text", value, required: true, spellcheck: "false" });
    const ok = el("button", { value: "ok", type: "submit" }, ["OK"]);
    const form = el("form", { method: "dialog" }, [
      el("h2", { id: "prompt-title", text: title }),
      el("label", { for: "prompt-input", text: label }),
      input,
      el("div", { class: "dialog-buttons" }, [el("button", { value: "cancel", type: "submit", formnovalidate: true }, ["Cancel"]), ok]),
    ]);
    const dialog = el("dialog", { class: "modal", "aria-labelledby": "prompt-title", "data-dialog": "prompt" }, [form]);
    confirmOnEnter(dialog, () => form.requestSubmit(ok));
    openDialog(dialog, (result) => resolve(result === "ok" ? input.value : null));
    input.select();
  });
}

/** One choice of `chooseDialog`. */
export interface Choice {
  label: string;
  detail: string;
}

/** Asks the person to pick one of `choices`; the index picked, or null when cancelled. */
export function chooseDialog(title: string, message: string, choices: Choice[]): Promise<number | null> {
  return new Promise((resolve) => {
    const items = choices.map((choice, index) =>
      el("li", { class: "choice", "data-choice": index }, [
        el("button", { type: "submit", value: String(index) }, [choice.label]),
        choice.detail ? el("span", { class: "field-hint", text: choice.detail }) : null,
      ]),
    );
    const dialog = el("dialog", { class: "modal", "aria-labelledby": "choose-title", "data-dialog": "choose" }, [
      el("form", { method: "dialog" }, [
        el("h2", { id: "choose-title", text: title }),
        el("p", { text: message }),
        el("ol", { class: "choices" }, items),
        el("div", { class: "dialog-buttons" }, [el("button", { value: "cancel", type: "submit" }, ["Cancel"])]),
      ]),
    ]);
    openDialog(dialog, (value) => {
      const index = Number(value);
      resolve(value !== "" && Number.isInteger(index) && index >= 0 && index < choices.length ? index : null);
    });
  });
}
