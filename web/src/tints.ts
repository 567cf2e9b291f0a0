// Statement tints and element marks inside an editor, the documented CodeMirror way: a StateEffect
// carries the latest evaluation's ranges for this editor, a StateField turns them into decorations and
// maps them through edits until the next evaluation replaces them. The Compare view's changed-statement
// marks travel the same way, with their own effect, so an evaluation's tints and the marks of a comparison
// do not replace each other. Hover tooltips and clicks read the
// ranges through `currentTints`, which maps them when asked rather than on every keystroke.

import { ChangeSet, type EditorState, type Range, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView, hoverTooltip } from "@codemirror/view";
import { el } from "./dom";
import type { StatementOutcome } from "./types";

/** One statement's range and outcome. */
export interface StatementTint {
  from: number;
  to: number;
  index: number;
  outcome: StatementOutcome;
}

/** One element's range, whether it matched, and its explanation. */
export interface ElementMark {
  from: number;
  to: number;
  matched: boolean;
  /** A failed alternative of an element that matched through another one. */
  quiet: boolean;
  label: string;
  lines: string[];
}

/** A statement the other version of the policy has no equal of (the Compare view). */
export interface ChangedMark {
  from: number;
  to: number;
  index: number;
}

/** Everything one editor shows for the latest evaluation. */
export interface EditorTints {
  statements: StatementTint[];
  elements: ElementMark[];
}

/** Replaces the tints of an editor. */
export const setTints = StateEffect.define<EditorTints>();

/** Replaces the changed-statement marks of an editor (the Compare view's; none outside it). */
export const setChangedStatements = StateEffect.define<readonly ChangedMark[]>();

/** Highlights one statement (its index), or none. */
export const focusStatement = StateEffect.define<number | null>();

interface TintState {
  /** The ranges as the evaluation gave them, in the text they were made for. */
  tints: EditorTints;
  /** The changed statements as the Compare view gave them, in the text they were made for. */
  changed: readonly ChangedMark[];
  /** The edits since: the ranges mapped through them are where they are now. */
  changes: ChangeSet;
  focused: number | null;
  decorations: DecorationSet;
}

const EMPTY: EditorTints = { statements: [], elements: [] };

/** Element marks by kind: one decoration each, so CodeMirror sees unchanged marks as the same. */
const ELEMENT_MARKS = {
  match: Decoration.mark({ class: "cm-el-match" }),
  other: Decoration.mark({ class: "cm-el-other" }),
  fail: Decoration.mark({ class: "cm-el-fail" }),
};

/** Statement line decorations by outcome and focus, then by statement index: reusing them spares
 * CodeMirror comparing their attributes line by line after every evaluation. */
const statementLines = new Map<string, Decoration[]>();

function statementLine(outcome: StatementOutcome, index: number, focused: boolean): Decoration {
  const kind = focused ? `${outcome} focused` : outcome;
  let lines = statementLines.get(kind);
  if (!lines) {
    lines = [];
    statementLines.set(kind, lines);
  }
  let line = lines[index];
  if (!line) {
    line = Decoration.line({
      class: `cm-stmt cm-stmt-${outcome}${focused ? " cm-stmt-focus" : ""}`,
      attributes: { "data-outcome": outcome, "data-statement": String(index) },
    });
    lines[index] = line;
  }
  return line;
}

/** Changed-statement line decorations by statement index, reused as the statement lines are. */
const changedLines: Decoration[] = [];

function changedLine(index: number): Decoration {
  let line = changedLines[index];
  if (!line) {
    line = Decoration.line({ class: "cm-stmt-changed", attributes: { "data-changed-statement": String(index) } });
    changedLines[index] = line;
  }
  return line;
}

/** `line` on every line of the statement from `from` to `to` (clamped to the text). */
function addLines(state: EditorState, from: number, to: number, line: Decoration, ranges: Range<Decoration>[]): void {
  const length = state.doc.length;
  const start = Math.min(from, length);
  const end = Math.min(Math.max(to, start), length);
  const last = state.doc.lineAt(end).number;
  for (let number = state.doc.lineAt(start).number; number <= last; number += 1) {
    ranges.push(line.range(state.doc.line(number).from));
  }
}

function build(state: EditorState, tints: EditorTints, changed: readonly ChangedMark[], focused: number | null): DecorationSet {
  const length = state.doc.length;
  const ranges: Range<Decoration>[] = [];
  for (const tint of tints.statements) {
    addLines(state, tint.from, tint.to, statementLine(tint.outcome, tint.index, tint.index === focused), ranges);
  }
  for (const mark of changed) {
    addLines(state, mark.from, mark.to, changedLine(mark.index), ranges);
  }
  for (const mark of tints.elements) {
    const from = Math.min(mark.from, length);
    const to = Math.min(Math.max(mark.to, from), length);
    if (to > from) {
      ranges.push((mark.matched ? ELEMENT_MARKS.match : mark.quiet ? ELEMENT_MARKS.other : ELEMENT_MARKS.fail).range(from, to));
    }
  }
  return Decoration.set(ranges, true);
}

function mapTints(tints: EditorTints, map: (pos: number, assoc: number) => number): EditorTints {
  return {
    statements: tints.statements.map((tint) => ({ ...tint, from: map(tint.from, 1), to: map(tint.to, -1) })),
    elements: tints.elements.map((mark) => ({ ...mark, from: map(mark.from, 1), to: map(mark.to, -1) })),
  };
}

function mapped(tints: EditorTints, changes: ChangeSet): EditorTints {
  return changes.empty ? tints : mapTints(tints, (pos, assoc) => changes.mapPos(pos, assoc));
}

function mappedChanged(changed: readonly ChangedMark[], changes: ChangeSet): readonly ChangedMark[] {
  return changes.empty ? changed : changed.map((mark) => ({ ...mark, from: changes.mapPos(mark.from, 1), to: changes.mapPos(mark.to, -1) }));
}

/** The field holding an editor's tints and their decorations. */
export const tintField = StateField.define<TintState>({
  create: (state) => ({ tints: EMPTY, changed: [], changes: ChangeSet.empty(state.doc.length), focused: null, decorations: Decoration.none }),
  update(value, transaction) {
    let { tints, changed, changes, focused } = value;
    const decorations = value.decorations.map(transaction.changes);
    if (transaction.docChanged) {
      changes = changes.compose(transaction.changes);
    }
    let rebuild = false;
    for (const effect of transaction.effects) {
      if (effect.is(setTints)) {
        changed = mappedChanged(changed, changes);
        tints = effect.value;
        changes = ChangeSet.empty(transaction.state.doc.length);
        rebuild = true;
      } else if (effect.is(setChangedStatements)) {
        tints = mapped(tints, changes);
        changed = effect.value;
        changes = ChangeSet.empty(transaction.state.doc.length);
        rebuild = true;
      } else if (effect.is(focusStatement)) {
        focused = effect.value;
        rebuild = true;
      }
    }
    if (!rebuild) {
      return { tints, changed, changes, focused, decorations };
    }
    const current = mapped(tints, changes);
    const currentChanged = mappedChanged(changed, changes);
    return {
      tints: current,
      changed: currentChanged,
      changes: ChangeSet.empty(transaction.state.doc.length),
      focused,
      decorations: build(transaction.state, current, currentChanged, focused),
    };
  },
  provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
});

/** An editor's tints where they are in its current text. */
export function currentTints(state: EditorState): EditorTints {
  const { tints, changes } = state.field(tintField);
  return mapped(tints, changes);
}

/** Hovering an element shows whether it matched and why. */
export const elementHover = hoverTooltip((view, pos) => {
  const { elements } = currentTints(view.state);
  const under = elements.filter((mark) => mark.from <= pos && pos <= mark.to && mark.to > mark.from).sort((a, b) => a.to - a.from - (b.to - b.from));
  const mark = under[0];
  if (!mark) return null;
  return {
    pos: mark.from,
    end: mark.to,
    above: true,
    create: () => ({
      dom: el("div", { class: `element-tip ${mark.matched ? "is-match" : "is-fail"}` }, [
        el("strong", { text: `${mark.label}: ${mark.matched ? "matched" : "did not match"}` }),
        ...mark.lines.map((line) => el("div", { text: line })),
      ]),
    }),
  };
});
