import { describe, expect, it } from "vitest";
import { defaultState } from "./defaults";
import { requestRows, testSummary } from "./requests-list";
import type { AppState } from "./state";
import type { Decision, RequestDecision } from "./types";

function entry(decision: Decision): RequestDecision {
  return { name: "", expect: null, decision, summary: "" };
}

function suite(): AppState {
  const state = defaultState();
  return {
    ...state,
    request: { ...state.request, name: "pushes", expect: "allowed" },
    otherRequests: { before: [{ ...state.request, name: "", expect: "implicitDeny" }], after: [{ ...state.request, name: "logs in", expect: null }] },
  };
}

describe("requestRows", () => {
  it("gives each request its name (request N when unnamed), decision, expectation and whether it passes", () => {
    const rows = requestRows(suite(), [entry("implicitDeny"), entry("explicitDeny"), entry("allowed")]);
    expect(rows).toEqual([
      { name: "request 1", decision: "implicitDeny", expect: "implicitDeny", passed: true, selected: false },
      { name: "pushes", decision: "explicitDeny", expect: "allowed", passed: false, selected: true },
      { name: "logs in", decision: "allowed", expect: null, passed: null, selected: false },
    ]);
    expect(testSummary(rows)).toBe("1 of 2 expectations met");
  });

  it("has no decision and no pass or fail when the document could not be evaluated", () => {
    const rows = requestRows(suite(), []);
    expect(rows.map((row) => [row.decision, row.passed])).toEqual([
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(testSummary(rows)).toBe("");
  });
});
