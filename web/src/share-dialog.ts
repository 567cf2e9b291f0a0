// The dialog that hands out a share link or an embed snippet: the text in a read-only field, copied to
// the clipboard when the browser allows it and otherwise selected with "press Ctrl+C", and a warning
// (a link long enough for chat tools to cut, or a state too big for a link) with the scenario file as
// the way out.

import { copyKey, writeClipboard } from "./clipboard";
import { confirmOnEnter } from "./dialog-enter";
import { openDialog } from "./dialogs";
import { el } from "./dom";
import "./share.css";

/** What the dialog shows. */
export interface ShareDialogOptions {
  /** `link` or `embed`: the dialog's `data-dialog` is `share-<kind>`. */
  kind: "link" | "embed";
  title: string;
  /** What the text is and where it goes, in a sentence. */
  intro: string;
  /** The text to copy; null when there is none (the warning says why). */
  text: string | null;
  /** A warning above the text, or in its place. */
  warning: string | null;
  /** Offered with the warning: downloads the scenario file. */
  download: (() => void) | null;
  /** A name field above the text: the text is made again for the name typed (the embed's title). */
  name?: { value: string; textFor: (name: string) => string };
}

/** Opens the dialog and tries to copy the text at once (the click that opened it allows that). */
export function openShareDialog(options: ShareDialogOptions): void {
  const status = el("p", { id: "share-status", class: "share-status", role: "status" });
  const area =
    options.text === null
      ? null
      : el("textarea", {
          id: "share-text",
          class: "share-text",
          readonly: true,
          rows: 4,
          spellcheck: "false",
          "aria-label": options.title,
          "aria-describedby": "share-status",
        });
  /** Copies the text; false when the browser refused (the text is then selected). */
  const copy = async () => {
    if (!area) return false;
    if (await writeClipboard(area.value)) {
      status.textContent = "Copied to the clipboard.";
      return true;
    }
    area.focus();
    area.select();
    status.textContent = `The text is selected: press ${copyKey()} to copy it.`;
    return false;
  };
  if (area) {
    area.value = options.text ?? "";
    area.addEventListener("focus", () => area.select());
  }
  const named = options.name;
  const nameInput =
    named && area
      ? el("input", {
          id: "share-name",
          type: "text",
          value: named.value,
          spellcheck: "false",
          oninput: (event) => {
            area.value = named.textFor((event.target as HTMLInputElement).value);
          },
        })
      : null;
  const warning = options.warning
    ? el("div", { class: "share-warning", id: "share-warning" }, [
        el("p", { text: options.warning }),
        options.download ? el("button", { type: "button", id: "share-download", onclick: options.download }, ["Download scenario"]) : null,
      ])
    : null;
  const dialog = el("dialog", { class: "modal share-dialog", "aria-labelledby": "share-title", "data-dialog": `share-${options.kind}` }, [
    el("div", { class: "dialog-header" }, [
      el("h2", { id: "share-title", text: options.title }),
      el("button", { type: "button", class: "small", onclick: () => dialog.close() }, ["Close"]),
    ]),
    el("p", { text: options.intro }),
    warning,
    nameInput ? el("label", { for: "share-name", text: "Scenario name (the frame's title and the embed's heading)" }) : null,
    nameInput,
    area,
    status,
    area ? el("div", { class: "dialog-buttons" }, [el("button", { type: "button", id: "share-copy", onclick: () => void copy() }, ["Copy"])]) : null,
  ]);
  // Enter copies and closes; it closes only once the text is on the clipboard.
  confirmOnEnter(dialog, () => void copy().then((copied) => copied && dialog.close()));
  openDialog(dialog, () => undefined);
  // Focus where Enter copies: the name field when there is one, else the text. Set here rather than with
  // `autofocus`, which a cross-origin iframe (the embed view's own share dialog) refuses.
  (nameInput ?? area)?.focus();
  void copy();
}
