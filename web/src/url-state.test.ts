import { describe, expect, it } from "vitest";
import { defaultState } from "./defaults";
import { type AppState, allPolicies, newPolicy } from "./state";
import { addContextRow, selectTab, setPanel, setPolicyText, setRequestField } from "./state-edits";
import { addRequest, renameRequest, selectRequest, setRequestExpect } from "./suite-edits";
import { contextValue, documentToState, editorsById, stateToDocument } from "./url-state";

/** The default state with a blank identity policy, a session policy and two SCP levels. */
function fullState(): AppState {
  const state = defaultState();
  return {
    ...state,
    name: "Org pull",
    description: "Two levels of SCPs",
    identities: [...state.identities, newPolicy("identity", "blank", "  \n")],
    session: newPolicy("session", "Session policy", '{"Version": "2012-10-17"}'),
    scps: [[newPolicy("scp", "SCP", "root")], [newPolicy("scp", "SCP", "ou-a"), newPolicy("scp", "SCP", "ou-b")]],
  };
}

describe("stateToDocument", () => {
  it("for evaluation leaves out blank policies and the view, and lists the editors in document order", () => {
    const state = fullState();
    const { document, editors } = stateToDocument(state, true);
    expect(document.identityPolicies).toEqual([{ name: "app-role-policy", policy: state.identities[0]?.text }]);
    expect(document.sessionPolicy).toBe('{"Version": "2012-10-17"}');
    expect(document.scps).toEqual([["root"], ["ou-a", "ou-b"]]);
    expect(document.view).toBeUndefined();
    const order = [state.repository, state.identities[0], state.session, ...state.scps.flat()].map((policy) => policy?.key);
    expect(editors).toEqual(order);
  });

  it("leaves out an SCP level whose policies are all blank", () => {
    const state = fullState();
    const blank = setPolicyText(state, state.scps[0]?.[0]?.key ?? "", " ");
    expect(stateToDocument(blank, true).document.scps).toEqual([["ou-a", "ou-b"]]);
    expect(stateToDocument(blank, false).document.scps).toEqual([[" "], ["ou-a", "ou-b"]]);
  });

  it("keeps every tab, blank ones included, when not for evaluation", () => {
    const { document, editors } = stateToDocument(fullState(), false);
    expect(document.identityPolicies?.map((entry) => (typeof entry === "object" && entry !== null && "name" in entry ? entry.name : null))).toEqual([
      "app-role-policy",
      "blank",
    ]);
    expect(editors).toHaveLength(allPolicies(fullState()).length);
  });

  it("sends one context entry per keyed row, typed, a later row winning", () => {
    let state = defaultState();
    for (const row of [
      { key: "aws:SourceIp", type: "string", value: "10.0.0.1" },
      { key: "", type: "string", value: "ignored" },
      { key: "ecr:count", type: "number", value: " 3 " },
      { key: "aws:SourceIp", type: "string", value: "10.0.0.2" },
      { key: "__proto__", type: "boolean", value: "true" },
    ] as const) {
      state = addContextRow(state, row);
    }
    const context = stateToDocument(state, true).document.request?.context ?? {};
    expect(Object.keys(context)).toEqual(["aws:SourceIp", "ecr:count", "__proto__"]);
    expect(context["aws:SourceIp"]).toBe("10.0.0.2");
    expect(context["ecr:count"]).toBe(3);
    expect(Object.getOwnPropertyDescriptor(context, "__proto__")?.value).toBe(true);
  });
});

describe("contextValue", () => {
  it("reads numbers, booleans and lists, and keeps a bad number as text", () => {
    expect(contextValue({ key: "k", type: "number", value: "1.5" })).toBe(1.5);
    expect(contextValue({ key: "k", type: "number", value: "12abc" })).toBe("12abc");
    expect(contextValue({ key: "k", type: "number", value: " " })).toBe(" ");
    expect(contextValue({ key: "k", type: "boolean", value: "true" })).toBe(true);
    expect(contextValue({ key: "k", type: "boolean", value: "yes" })).toBe(false);
    expect(contextValue({ key: "k", type: "list", value: " a \n\n b" })).toEqual(["a", "b"]);
    expect(contextValue({ key: "k", type: "string", value: " as typed " })).toBe(" as typed ");
  });
});

describe("documentToState", () => {
  it("restores what stateToDocument saved: texts, names, the selected tab by position, the panel", () => {
    const state = setPanel(fullState(), "matrix");
    const selected = selectTab(state, state.scps[1]?.[1]?.key ?? "");
    const restored = documentToState(stateToDocument(selected, false).document);
    expect(restored).not.toBeNull();
    if (!restored) return;
    expect(stateToDocument(restored, false).document).toEqual(stateToDocument(selected, false).document);
    expect(restored.view).toEqual({ tab: restored.scps[1]?.[1]?.key, panel: "matrix" });
  });

  it("keeps context rows the request alone would not give back", () => {
    let state = defaultState();
    state = addContextRow(state, { key: "", type: "string", value: "half-typed" });
    state = addContextRow(state, { key: "ecr:count", type: "number", value: "x" });
    const document = stateToDocument(state, false).document;
    expect(document.view).toHaveProperty("context");
    expect(documentToState(document)?.request.context).toEqual(state.request.context);
  });

  it("prefers the request's context when a hand-edited view's rows disagree with it", () => {
    const document = {
      request: { principal: "p", action: "a", resource: "r", context: { "aws:SourceIp": "10.0.0.9" } },
      view: { context: [{ key: "aws:SourceIp", type: "string", value: "10.0.0.1" }] },
    };
    expect(documentToState(document)?.request.context).toEqual([{ key: "aws:SourceIp", type: "string", value: "10.0.0.9" }]);
  });

  it("is null for what is not a scenario document", () => {
    for (const input of [null, 42, "text", [], {}, { request: "x" }, { request: [] }]) {
      expect(documentToState(input)).toBeNull();
    }
  });

  it("reads fields of the wrong type as absent and policy JSON values as pretty-printed text", () => {
    const state = documentToState({
      name: 7,
      request: { principal: 1, action: "ecr:BatchGetImage" },
      repositoryPolicy: { Version: "2012-10-17" },
      identityPolicies: [{ Statement: [] }, { name: " ", policy: "{}" }, { name: "named", policy: null }],
      scps: [["a", null], "not a level"],
      view: { tab: "identity:9", panel: "nonsense" },
    });
    expect(state?.name).toBe("");
    expect(state?.request).toEqual({ name: "", principal: "", action: "ecr:BatchGetImage", resource: "", context: [], expect: null });
    expect(state?.repository.text).toBe('{\n  "Version": "2012-10-17"\n}');
    expect(state?.identities.map((policy) => [policy.name, policy.text])).toEqual([
      ["identity policy 1", '{\n  "Statement": []\n}'],
      ["identity policy 2", "{}"],
    ]);
    expect(state?.scps.map((level) => level.map((policy) => policy.text))).toEqual([["a"]]);
    expect(state?.view).toEqual({ tab: state?.repository.key, panel: "explain" });
  });
});

describe("editorsById", () => {
  it("pairs the engine's policy ids with the editors in order", () => {
    const reports = [{ id: "repository" }, { id: "identity:0" }, { id: "scp:0:0" }];
    expect([...editorsById(reports, ["r", "i", "s"])]).toEqual([
      ["repository", "r"],
      ["identity:0", "i"],
      ["scp:0:0", "s"],
    ]);
  });

  it("pairs nothing when the counts differ", () => {
    expect(editorsById([{ id: "repository" }], ["r", "i"]).size).toBe(0);
  });
});

describe("requests and operations", () => {
  it("writes an operation's name in the action field as the request's operation", () => {
    const state = setRequestField(defaultState(), "action", "push");
    expect(stateToDocument(state, true).document.request).toEqual({ principal: state.request.principal, operation: "push", resource: state.request.resource });
    expect(documentToState(stateToDocument(state, false).document)?.request.action).toBe("push");
  });

  it("writes one unnamed request as `request`, its expectation as the document's `expect`", () => {
    const state = setRequestExpect(defaultState(), 0, "allowed");
    const { document } = stateToDocument(state, false);
    expect(document.requests).toBeUndefined();
    expect(document.expect).toBe("allowed");
    expect(documentToState(document)?.request.expect).toBe("allowed");
  });

  it("writes a suite as `requests` with names and expectations, and reads it back with the selected request", () => {
    let state = addRequest(defaultState());
    state = renameRequest(setRequestExpect(state, 1, "implicitDeny"), 0, "reads");
    const { document } = stateToDocument(state, false);
    expect(document.request).toBeUndefined();
    expect(document.requests?.map((request) => [request.name, request.action ?? request.operation, request.expect])).toEqual([
      ["reads", "ecr:BatchGetImage", undefined],
      ["request 2", "pull", "implicitDeny"],
    ]);
    expect(document.view).toMatchObject({ request: 1 });
    const back = documentToState(document);
    expect(back && stateToDocument(back, false).document).toEqual(document);
    expect(back?.request.name).toBe("request 2");
    const first = documentToState(stateToDocument(selectRequest(state, 0), false).document);
    expect(first?.request.name).toBe("reads");
  });

  it("reads a suite's requests, skipping entries that are not objects, and an out-of-range selection as the first", () => {
    const document = {
      requests: [{ name: "a", principal: "p", operation: "pull", resource: "r" }, 3, { name: "b", principal: "p", action: "ecr:PutImage", resource: "r" }],
      view: { request: 7 },
    };
    const state = documentToState(document);
    expect(state?.request.name).toBe("a");
    expect(state?.otherRequests.after.map((request) => request.name)).toEqual(["b"]);
    expect(documentToState({ requests: [] })).toBeNull();
  });
});
