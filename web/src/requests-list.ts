// The Requests list beside the decision: every request of the suite with its decision and, when it
// expects one, whether it passes. On the playground a row is selected to drive the request panel, the
// explanation and the tints, and requests are added, renamed, duplicated, removed and given an expected
// decision; the embed view shows the same list read-only.

import { DECISION_SHORT, decisionChip } from "./decision-chip";
import { el, renderOnce } from "./dom";
import { type AppState, allRequests, selectedRequestIndex } from "./state";
import type { Decision, RequestDecision } from "./types";

/** One row of the list. */
export interface RequestRow {
  name: string;
  /** The engine's decision; null when the document could not be evaluated. */
  decision: Decision | null;
  expect: Decision | null;
  /** Whether the decision is the expected one; null without an expectation or a decision. */
  passed: boolean | null;
  selected: boolean;
}

/** The rows for a state and the engine's entries for its requests (in the same order). */
export function requestRows(state: AppState, entries: readonly Pick<RequestDecision, "decision">[]): RequestRow[] {
  const selected = selectedRequestIndex(state);
  return allRequests(state).map((request, index) => {
    const decision = entries[index]?.decision ?? null;
    return {
      name: request.name || `request ${index + 1}`,
      decision,
      expect: request.expect,
      passed: request.expect && decision ? request.expect === decision : null,
      selected: index === selected,
    };
  });
}

/** "2 of 3 expectations met", or nothing when no request expects a decision. */
export function testSummary(rows: readonly RequestRow[]): string {
  const tested = rows.filter((row) => row.passed !== null);
  if (tested.length === 0) return "";
  const passed = tested.filter((row) => row.passed).length;
  return `${passed} of ${tested.length} expectation${tested.length === 1 ? "" : "s"} met`;
}

/** What the editable list does. */
export interface RequestsActions {
  select(index: number): void;
  add(): void;
  rename(index: number, current: string): void;
  duplicate(index: number): void;
  remove(index: number): void;
  expect(index: number, decision: Decision | null): void;
}

const EXPECTABLE: readonly Decision[] = ["allowed", "explicitDeny", "implicitDeny"];

/** Renders the list into `host` under a `heading` element: editable with `actions`, read-only without. */
export function renderRequests(host: HTMLElement, rows: RequestRow[], actions: RequestsActions | null, heading: "h2" | "h3" = "h3"): void {
  renderOnce(host, JSON.stringify([rows, actions !== null, heading]), () =>
    [
      el(heading, { id: "requests-heading", text: "Requests" }),
      el("p", { class: "field-hint requests-summary", text: testSummary(rows) }),
      el(
        "ol",
        { class: "requests-list", "aria-labelledby": "requests-heading" },
        rows.map((row, index) => requestItem(row, index, rows.length, actions)),
      ),
      actions ? el("button", { type: "button", id: "add-request", class: "small", onclick: () => actions.add() }, ["Add request"]) : null,
    ].filter((node) => node !== null),
  );
}

function requestItem(row: RequestRow, index: number, count: number, actions: RequestsActions | null): HTMLElement {
  const result = row.passed === null ? null : row.passed ? "pass" : "fail";
  return el(
    "li",
    {
      class: `request-row${row.selected ? " is-selected" : ""}`,
      "data-request": index,
      "data-decision": row.decision,
      "data-result": result,
    },
    [
      actions
        ? el("button", { type: "button", class: "link request-name", "aria-pressed": row.selected ? "true" : "false", onclick: () => actions.select(index) }, [
            row.name,
          ])
        : el("span", { class: "request-name", text: row.name }),
      row.decision ? decisionChip(row.decision) : null,
      result
        ? el("span", { class: `badge test-${result}`, text: result === "pass" ? "pass" : `fail: expected ${DECISION_SHORT[row.expect ?? "invalid"]}` })
        : null,
      actions ? rowControls(row, index, count, actions) : null,
    ],
  );
}

function rowControls(row: RequestRow, index: number, count: number, actions: RequestsActions): HTMLElement {
  const expect = el(
    "select",
    {
      class: "request-expect",
      "aria-label": `Expected decision of ${row.name}`,
      onchange: (event) => {
        const value = (event.target as HTMLSelectElement).value;
        actions.expect(index, EXPECTABLE.find((decision) => decision === value) ?? null);
      },
    },
    [
      el("option", { value: "", text: "no expectation" }),
      ...EXPECTABLE.map((decision) => el("option", { value: decision, text: `expect ${DECISION_SHORT[decision]}` })),
    ],
  );
  expect.value = row.expect ?? "";
  const button = (label: string, what: string, run: () => void, disabled = false) =>
    el("button", { type: "button", class: "small", "aria-label": `${what} ${row.name}`, disabled, onclick: run }, [label]);
  return el("span", { class: "request-controls" }, [
    expect,
    button("Rename", "Rename", () => actions.rename(index, row.name)),
    button("Duplicate", "Duplicate", () => actions.duplicate(index)),
    button("Remove", "Remove", () => actions.remove(index), count < 2),
  ]);
}
