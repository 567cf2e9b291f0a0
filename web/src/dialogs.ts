// Modal questions built on <dialog>: a confirmation and a one-line prompt. Both resolve when closed
// (Escape counts as cancel) and give focus back to where it was.

import { el } from "./dom";

function openDialog(dialog: HTMLDialogElement, onClose: (returnValue: string) => void): void {
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
          el("button", { value: "cancel", type: "submit", autofocus: true }, ["Cancel"]),
          el("button", { value: "confirm", type: "submit", class: "danger" }, [action]),
        ]),
      ]),
    ]);
    openDialog(dialog, (value) => resolve(value === "confirm"));
  });
}

/** Asks for one line of text; null when cancelled. */
export function promptDialog(title: string, label: string, value: string): Promise<string | null> {
  return new Promise((resolve) => {
    const input = el("input", { id: "prompt-input", type: "text", value, required: true, spellcheck: "false" });
    const dialog = el("dialog", { class: "modal", "aria-labelledby": "prompt-title", "data-dialog": "prompt" }, [
      el("form", { method: "dialog" }, [
        el("h2", { id: "prompt-title", text: title }),
        el("label", { for: "prompt-input", text: label }),
        input,
        el("div", { class: "dialog-buttons" }, [
          el("button", { value: "cancel", type: "submit", formnovalidate: true }, ["Cancel"]),
          el("button", { value: "ok", type: "submit" }, ["OK"]),
        ]),
      ]),
    ]);
    openDialog(dialog, (result) => resolve(result === "ok" ? input.value : null));
    input.select();
  });
}
