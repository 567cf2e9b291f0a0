import { describe, expect, it } from "vitest";
import { defaultState } from "./defaults";
import { type AppState, allRequests, isSuite, type RequestState, selectedRequestIndex } from "./state";
import { setRequestField } from "./state-edits";
import { addRequest, duplicateRequest, removeRequest, renameRequest, selectedRequestOnly, selectRequest, setRequestExpect } from "./suite-edits";

/** A suite of three requests named a, b, c, with b selected. */
function suite(): AppState {
  const state = defaultState();
  const named = (name: string): RequestState => ({ ...state.request, name, action: `ecr:${name}` });
  return { ...state, request: named("b"), otherRequests: { before: [named("a")], after: [named("c")] } };
}

/** Runs `edit` on `state` frozen, so that any mutation of its argument throws. */
function pure(state: AppState, edit: (state: AppState) => AppState): AppState {
  const before = JSON.stringify(state);
  const next = edit(Object.freeze({ ...state, otherRequests: Object.freeze(state.otherRequests) }) as AppState);
  expect(JSON.stringify(state)).toBe(before);
  return next;
}

const names = (state: AppState) => allRequests(state).map((request) => request.name);

describe("the Requests list's edits", () => {
  it("select another request without changing the list", () => {
    const next = pure(suite(), (state) => selectRequest(state, 2));
    expect(names(next)).toEqual(["a", "b", "c"]);
    expect(next.request.name).toBe("c");
    expect(selectedRequestIndex(next)).toBe(2);
  });

  it("add a pull by the selected caller at the end and select it, naming a one-request document's request first", () => {
    const first = pure(defaultState(), addRequest);
    expect(names(first)).toEqual(["request 1", "request 2"]);
    expect(first.request).toMatchObject({ name: "request 2", action: "pull", principal: defaultState().request.principal, expect: null });
    expect(isSuite(first)).toBe(true);
    expect(names(addRequest(first))).toEqual(["request 1", "request 2", "request 3"]);
  });

  it("duplicate a request right after it and select the copy", () => {
    const next = pure(suite(), (state) => duplicateRequest(state, 0));
    expect(names(next)).toEqual(["a", "a (copy)", "b", "c"]);
    expect(next.request).toMatchObject({ name: "a (copy)", action: "ecr:a" });
  });

  it("rename a request, trimmed, and ignore a blank name", () => {
    expect(names(pure(suite(), (state) => renameRequest(state, 2, "  pushes  ")))).toEqual(["a", "b", "pushes"]);
    expect(names(renameRequest(suite(), 0, "  "))).toEqual(["a", "b", "c"]);
  });

  it("set and clear what a request expects, keeping the selection", () => {
    const next = pure(suite(), (state) => setRequestExpect(state, 0, "implicitDeny"));
    expect(next.otherRequests.before[0]?.expect).toBe("implicitDeny");
    expect(next.request.name).toBe("b");
    expect(setRequestExpect(next, 0, null).otherRequests.before[0]?.expect).toBeNull();
  });

  it("remove a request, keeping the selected one or moving to the next, never the last one", () => {
    const before = pure(suite(), (state) => removeRequest(state, 0));
    expect([names(before), before.request.name]).toEqual([["b", "c"], "b"]);
    const selected = removeRequest(suite(), 1);
    expect([names(selected), selected.request.name]).toEqual([["a", "c"], "c"]);
    const last = removeRequest(selectRequest(suite(), 2), 2);
    expect([names(last), last.request.name]).toEqual([["a", "b"], "b"]);
    const one = defaultState();
    expect(removeRequest(one, 0)).toBe(one);
  });

  it("edit the selected request's fields in place", () => {
    const next = setRequestField(suite(), "action", "push");
    expect(allRequests(next).map((request) => request.action)).toEqual(["ecr:a", "push", "ecr:c"]);
  });

  it("keep only the selected request for the all-actions view", () => {
    const only = selectedRequestOnly(suite());
    expect(names(only)).toEqual(["b"]);
  });
});
