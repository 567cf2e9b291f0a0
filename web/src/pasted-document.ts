// What the import dialogs share: a textarea a document is pasted into and a hidden file input that
// opens one into it. The dialog reads the document again once typing pauses, and at once after a file
// was opened; a file that cannot be read says so in the dialog's status line and changes nothing.

import { debounce } from "./dom";

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
