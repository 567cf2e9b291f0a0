// Keyboard shortcuts: one table drives both the key handling and the help panel, so the help never
// lists a key that does nothing.

import { el } from "./dom";

/** A page-level shortcut: Alt+Shift plus a key code, or a bare key outside text fields. */
interface PageShortcut {
  keys: string;
  description: string;
  /** `KeyboardEvent.code` with Alt+Shift, or `key` alone for bare keys. */
  match: (event: KeyboardEvent) => boolean;
  action: keyof ShortcutActions;
}

/** What the shortcuts do. */
export interface ShortcutActions {
  help(): void;
  examples(): void;
  toggleMatrix(): void;
  newIdentity(): void;
  format(): void;
  nextTab(): void;
  previousTab(): void;
  focusPrincipal(): void;
  focusAction(): void;
}

const altShift = (code: string) => (event: KeyboardEvent) => event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === code;

const PAGE: PageShortcut[] = [
  { keys: "?", description: "Show this help (outside a text field)", match: (event) => event.key === "?" && !inTextField(event), action: "help" },
  { keys: "Alt+Shift+E", description: "Open the examples", match: altShift("KeyE"), action: "examples" },
  { keys: "Alt+Shift+A", description: "Switch between the explanation and all actions", match: altShift("KeyA"), action: "toggleMatrix" },
  { keys: "Alt+Shift+N", description: "Add an identity policy", match: altShift("KeyN"), action: "newIdentity" },
  { keys: "Alt+Shift+F", description: "Format the selected policy", match: altShift("KeyF"), action: "format" },
  { keys: "Alt+Shift+PageDown", description: "Next policy tab", match: altShift("PageDown"), action: "nextTab" },
  { keys: "Alt+Shift+PageUp", description: "Previous policy tab", match: altShift("PageUp"), action: "previousTab" },
  { keys: "Alt+Shift+P", description: "Go to the principal", match: altShift("KeyP"), action: "focusPrincipal" },
  { keys: "Alt+Shift+K", description: "Go to the action search", match: altShift("KeyK"), action: "focusAction" },
];

/** Editor keys CodeMirror provides, listed for reference. */
const EDITOR: [string, string][] = [
  ["Ctrl+Space", "Complete an action, condition key or operator"],
  ["Ctrl+F", "Search in the policy"],
  ["Ctrl+Shift+[ / Ctrl+Shift+]", "Fold / unfold the block at the cursor"],
  ["Ctrl+Shift+M", "Open the lint panel of the policy"],
  ["F8", "Go to the next finding"],
  ["Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"],
  ["Tab / Shift+Tab", "Leave the editor (Tab does not indent; the editor indents by itself)"],
  ["Arrow keys on the tabs", "Move between policy tabs"],
];

function inTextField(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return target !== null && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** Listens for the page shortcuts. */
export function installShortcuts(actions: ShortcutActions): void {
  document.addEventListener("keydown", (event) => {
    if (document.querySelector("dialog[open]")) return;
    const shortcut = PAGE.find((candidate) => candidate.match(event));
    if (shortcut) {
      event.preventDefault();
      actions[shortcut.action]();
    }
  });
}

/** Opens the help panel listing every shortcut. */
export function openHelp(): void {
  const before = document.activeElement as HTMLElement | null;
  const table = (caption: string, rows: [string, string][]) =>
    el("table", { class: "shortcuts" }, [
      el("caption", { text: caption }),
      el(
        "tbody",
        {},
        rows.map(([keys, description]) => el("tr", {}, [el("th", { scope: "row" }, [el("kbd", { text: keys })]), el("td", { text: description })])),
      ),
    ]);
  const dialog = el("dialog", { class: "modal", "aria-labelledby": "help-title", "data-dialog": "help" }, [
    el("div", { class: "dialog-header" }, [
      el("h2", { id: "help-title", text: "Keyboard shortcuts" }),
      el("button", { type: "button", class: "small", onclick: () => dialog.close() }, ["Close"]),
    ]),
    table(
      "On the page",
      PAGE.map((shortcut) => [shortcut.keys, shortcut.description]),
    ),
    table("In a policy editor", EDITOR),
  ]);
  dialog.addEventListener("close", () => {
    dialog.remove();
    if (before?.isConnected) before.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}
