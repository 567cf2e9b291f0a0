// The "How to fix" section of the result panel, for a denied decision: each fix the engine found (each
// already decided allowed by the engine) with its side and description, a Preview of what it changes
// (which editor, and its text line by line, added lines marked) and an Apply button.

import "./fixes.css";
import { el, renderOnce } from "./dom";
import { changedLines, SIDE_LABEL } from "./fix-changes";
import { richText } from "./rich-text";
import type { Fix, PolicyChange } from "./types";

/** What the section asks of the page. */
export interface FixActions {
  /** The name of the editor a change goes to, as its tab shows it, or null for a policy the fix adds. */
  editorName(change: PolicyChange): string | null;
  /** Puts a fix's policies into the editors. */
  apply(fix: Fix): void;
}

/**
 * Shows `fixes` in `host`; for `"offer"` (a denial whose fixes nobody asked for yet) the "Suggest fixes"
 * button, which calls `suggest`; nothing when `fixes` is null (the decision is not a denial, or not known
 * yet).
 */
export function renderFixes(host: HTMLElement, fixes: Fix[] | "offer" | null, actions: FixActions, suggest: () => void): void {
  const key = fixes === null || fixes === "offer" ? String(fixes) : JSON.stringify(fixes.map((fix) => [fix.side, fix.description, fix.changes]));
  renderOnce(host, key, () => {
    if (fixes === null) return [];
    if (fixes === "offer") {
      return [
        el("h3", { text: "How to fix" }),
        el("button", { type: "button", id: "suggest-fixes", class: "small", text: "Suggest fixes", onclick: suggest }),
        el("p", { class: "field-hint", text: "The smallest change on each side that would allow this request, each checked by deciding it again." }),
      ];
    }
    return [
      el("h3", { text: "How to fix" }),
      fixes.length === 0
        ? el("p", { class: "field-hint", text: "No change to the policies on this page allows this request." })
        : el(
            "ol",
            { class: "fix-list" },
            fixes.map((fix, index) => fixItem(fix, index, actions)),
          ),
    ];
  });
}

function fixItem(fix: Fix, index: number, actions: FixActions): HTMLElement {
  const previewId = `fix-preview-${index}`;
  const preview = el(
    "div",
    { class: "fix-preview", id: previewId, hidden: true },
    fix.changes.map((change) => changePreview(change, actions.editorName(change))),
  );
  const toggle = el("button", {
    type: "button",
    class: "small",
    "aria-expanded": "false",
    "aria-controls": previewId,
    text: "Preview",
    onclick: () => {
      preview.hidden = !preview.hidden;
      toggle.setAttribute("aria-expanded", String(!preview.hidden));
    },
  });
  return el("li", { class: "fix", "data-side": fix.side }, [
    el("span", { class: "fix-side", text: SIDE_LABEL[fix.side] }),
    el("p", { class: "fix-description" }, richText(fix.description)),
    el("div", { class: "fix-buttons" }, [toggle, el("button", { type: "button", class: "small", text: "Apply", onclick: () => actions.apply(fix) })]),
    preview,
  ]);
}

/** One policy's change: which editor, then its text with the added and removed lines marked. */
function changePreview(change: PolicyChange, editor: string | null): HTMLElement {
  const heading = editor === null ? `Adds ${change.name}` : `Changes ${editor}`;
  const lines = changedLines(change.before ?? "", change.after);
  return el("figure", { class: "fix-change" }, [
    el("figcaption", { text: heading }),
    el(
      "pre",
      // Focusable: a wide policy scrolls sideways, which the keyboard must reach too.
      { class: "fix-diff", tabindex: 0, "aria-label": heading },
      lines.map((line) =>
        el("span", { class: `fix-line fix-${line.kind}` }, [`${line.kind === "added" ? "+" : line.kind === "removed" ? "-" : " "} ${line.text}`]),
      ),
    ),
  ]);
}
