// One CodeMirror 6 JSON editor per policy. The editor does not own the state: it starts from the text it
// is given and hands every batch of transactions to `dispatch` (CodeMirror's `dispatchTransactions`),
// which reports edits and applies them; lint findings and tints come back from the evaluation as
// transactions (`setDiagnostics` of @codemirror/lint and the tint field's effect).

import { autocompletion, type CompletionSource, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, lintKeymap } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState, type Extension, type Transaction, type TransactionSpec } from "@codemirror/state";
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import { elementHover, tintField } from "./tints";

/** Colours come from CSS variables, so one style serves the light and the dark theme. */
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--syntax-property)" },
  { tag: tags.string, color: "var(--syntax-string)" },
  { tag: tags.number, color: "var(--syntax-number)" },
  { tag: [tags.bool, tags.null], color: "var(--syntax-keyword)" },
  { tag: tags.invalid, color: "var(--syntax-invalid)" },
  { tag: [tags.brace, tags.squareBracket, tags.separator], color: "var(--syntax-punctuation)" },
]);

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px", backgroundColor: "var(--editor-bg)", color: "var(--text)" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-gutters": { backgroundColor: "var(--editor-gutter)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--editor-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--editor-active-line)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--text)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--editor-selection)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--text)", border: "1px solid var(--border)" },
  ".cm-placeholder": { color: "var(--muted)" },
});

/** Pretty-prints the editor's JSON with two-space indents; false (and no change) when it does not parse. */
export function formatDocument(view: EditorView): boolean {
  const text = view.state.doc.toString();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  const formatted = JSON.stringify(value, null, 2);
  if (formatted !== text) {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: formatted }, userEvent: "format" });
  }
  return true;
}

/** What an editor needs from the page. */
export interface EditorOptions {
  text: string;
  /** The accessible name of the editing area. */
  label: string;
  placeholderText?: string;
  /** Applies transactions to the view (`view.update`), the editor's own and any more the page adds. */
  dispatch: (transactions: readonly Transaction[], view: EditorView) => void;
  /** Changes to the new editor's state before its view draws it (such as the latest findings and tints). */
  firstUpdate?: (state: EditorState) => readonly TransactionSpec[];
  completions: CompletionSource;
  /** More extensions, such as event handlers of the page. */
  extensions: Extension[];
}

/** Creates the editor inside `parent`. */
export function createEditor(parent: HTMLElement, options: EditorOptions): EditorView {
  const extensions: Extension[] = [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    drawSelection(),
    history(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    autocompletion({ override: [options.completions] }),
    json(),
    syntaxHighlighting(highlight),
    lintGutter(),
    tintField,
    elementHover,
    theme,
    EditorView.lineWrapping,
    // An explicit tabindex makes the editable area count as the scroller's focusable content.
    EditorView.contentAttributes.of({ "aria-label": options.label, tabindex: "0" }),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, ...lintKeymap]),
    options.extensions,
  ];
  if (options.placeholderText) {
    extensions.push(placeholder(options.placeholderText));
  }
  const created = EditorState.create({ doc: options.text, extensions });
  const specs = options.firstUpdate?.(created) ?? [];
  const state = specs.length > 0 ? created.update(...specs).state : created;
  return new EditorView({ parent, state, dispatchTransactions: options.dispatch });
}
