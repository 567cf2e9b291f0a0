// What the import dialogs (account, template) share: a textarea a document is pasted into and a hidden
// file input that opens one into it, read again once typing pauses and at once after a file was opened (a
// file that cannot be read says so in the dialog's status line and changes nothing); the list to pick
// one entry from, each entry chosen by a click, Enter or Space; and their stylesheet.

import "./import-dialog.css";
import { debounce, el } from "./dom";

/** How long typing must pause before a pasted document is read again. */
const READ_DELAY_MS = 200;

/** Calls `read` after typing in `text` pauses, and after `file` put an opened file's content into `text`. */
export function bindPastedDocument(text: HTMLTextAreaElement, file: HTMLInputElement, status: HTMLElement, read: () => void): void {
  text.addEventListener("input", debounce(read, READ_DELAY_MS));
  file.addEventListener("change", () => {
    const picked = file.files?.[0];
    if (!picked) return;
    picked.text().then(
      (content) => {
        text.value = content;
        read();
      },
      (error: unknown) => {
        status.textContent = `The file could not be read: ${String(error)}`;
      },
    );
  });
}

/** One entry of a pick list (`ul.pick-list[role=listbox]`): chosen by a click, Enter or Space. */
export function pickOption(attributes: Record<string, string>, selected: boolean, choose: () => void, children: (Node | string)[]): HTMLLIElement {
  return el(
    "li",
    {
      ...attributes,
      role: "option",
      tabindex: 0,
      "aria-selected": selected ? "true" : "false",
      onclick: choose,
      onkeydown: (event) => {
        if ((event as KeyboardEvent).key === "Enter" || (event as KeyboardEvent).key === " ") {
          event.preventDefault();
          choose();
        }
      },
    },
    children,
  );
}
