import { describe, expect, it } from "vitest";
import { defaultState } from "./defaults";
import { type AppState, newPolicy } from "./state";
import { addContextRow, addSinglePolicy, selectTab, setPanel, setPolicyText, setRegistryScope, setRequestField } from "./state-edits";
import { addRequest, renameRequest, selectRequest, setRequestExpect } from "./suite-edits";
import type { ScenarioDocument } from "./types";
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
  it("leaves out blank policies, for evaluation the view too, and lists the editors in document order", () => {
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
    expect(stateToDocument(blank, false).document.scps).toEqual([["ou-a", "ou-b"]]);
  });

  it("keeps an SCP level the document gave with no policy, which allows nothing", () => {
    const state = documentToState({ request: { principal: "p", action: "a", resource: "r" }, scps: [["root"], []] });
    expect(stateToDocument(state, true).document.scps).toEqual([["root"], []]);
  });

  it("writes no blank policy when not for evaluation either, so that a saved file decides as the page does", () => {
    const state = fullState();
    const { document, editors } = stateToDocument(state, false);
    expect(document.identityPolicies).toHaveLength(1);
    expect(editors).toEqual(stateToDocument(state, true).editors);
    expect(document.view).toEqual({ tab: "repository", panel: "explain" });
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
    expect(stateToDocument(restored, false).document).toEqual(stateToDocument(selected, false).document);
    expect(restored.view).toEqual({ tab: restored.scps[1]?.[1]?.key, panel: "matrix" });
  });

  it("keeps context rows the request alone would not give back", () => {
    let state = defaultState();
    state = addContextRow(state, { key: "", type: "string", value: "half-typed" });
    state = addContextRow(state, { key: "ecr:count", type: "number", value: "x" });
    const document = stateToDocument(state, false).document;
    expect(document.view).toHaveProperty("context");
    expect(documentToState(document).request.context).toEqual(state.request.context);
  });

  it("keeps the context table's row order, which the engine's reader does not (it gives keys sorted)", () => {
    let state = defaultState();
    state = addContextRow(state, { key: "aws:SourceIp", type: "string", value: "10.0.0.1" });
    state = addContextRow(state, { key: "aws:Referer", type: "string", value: "x" });
    const document = stateToDocument(state, false).document;
    const { "aws:Referer": referer, "aws:SourceIp": ip } = document.request?.context ?? {};
    const sorted = {
      ...document,
      request: { ...document.request, principal: "", resource: "", context: { "aws:Referer": referer ?? "", "aws:SourceIp": ip ?? "" } },
    };
    expect(documentToState(sorted).request.context.map((row) => row.key)).toEqual(["aws:SourceIp", "aws:Referer"]);
  });

  it("prefers the request's context when a hand-edited view's rows disagree with it", () => {
    const document = {
      request: { principal: "p", action: "a", resource: "r", context: { "aws:SourceIp": "10.0.0.9" } },
      view: { context: [{ key: "aws:SourceIp", type: "string", value: "10.0.0.1" }] },
    };
    expect(documentToState(document).request.context).toEqual([{ key: "aws:SourceIp", type: "string", value: "10.0.0.9" }]);
  });

  it("reads policy JSON values as pretty-printed text and names unnamed identity policies by position", () => {
    const state = documentToState({
      request: { principal: "p", action: "ecr:BatchGetImage", resource: "r" },
      repositoryPolicy: { Version: "2012-10-17" },
      identityPolicies: [{ Statement: [] }, { name: " ", policy: "{}" }],
      view: { tab: "identity:9", panel: "nonsense" },
    });
    expect(state.repository.text).toBe('{\n  "Version": "2012-10-17"\n}');
    expect(state.identities.map((policy) => [policy.name, policy.text])).toEqual([
      ["identity policy 1", '{\n  "Statement": []\n}'],
      ["identity policy 2", "{}"],
    ]);
    expect(state.view).toEqual({ tab: state.repository.key, panel: "explain" });
  });
});

describe("the fields the page does not edit", () => {
  const request = { principal: "arn:aws:sts::111122223333:federated-user/dev", action: "ecr:BatchGetImage", resource: "*" };

  it("are written back: a request's federatedBy, the expected decision, fields the page does not know", () => {
    const document = {
      request: { ...request, federatedBy: "arn:aws:iam::111122223333:user/dev", context: { "aws:MultiFactorAuthAge": 1.5 } },
      expect: "allowed",
      laterField: { kept: true },
    } as ScenarioDocument;
    const written = stateToDocument(documentToState(document), true).document;
    expect(written.request).toEqual(document.request);
    expect(written.expect).toBe("allowed");
    expect(written).toHaveProperty("laterField", { kept: true });
  });

  it("are kept under the page's edits: the request's other fields stay, the edited ones change", () => {
    const state = setRequestField(documentToState({ request: { ...request, federatedBy: "arn:aws:iam::111122223333:user/dev" } }), "action", "ecr:PutImage");
    expect(stateToDocument(state, false).document.request).toEqual({ ...request, action: "ecr:PutImage", federatedBy: "arn:aws:iam::111122223333:user/dev" });
  });

  it("keep a suite: the page edits its first request and writes the others as they were", () => {
    const second = { name: "push", principal: "p", action: "ecr:PutImage", resource: "r", expect: "implicitDeny" as const };
    const state = documentToState({ requests: [{ name: "pull", ...request, expect: "allowed" }, second] });
    expect(state.request.principal).toBe(request.principal);
    const written = stateToDocument(setRequestField(state, "principal", "anonymous"), false).document;
    expect(written.request).toBeUndefined();
    expect(written.requests).toEqual([{ name: "pull", ...request, principal: "anonymous", expect: "allowed" }, second]);
  });

  it("keep an operation: a request that names one is not given an empty action", () => {
    const written = stateToDocument(documentToState({ request: { principal: "p", operation: "pull", resource: "r" } }), true).document;
    expect(written.request).toEqual({ principal: "p", operation: "pull", resource: "r" });
  });
});

describe("the registry policy", () => {
  it("travels with its scope and is the engine's second policy, after the repository policy", () => {
    const state = documentToState({
      request: { principal: "p", action: "a", resource: "r" },
      repositoryPolicy: "{}",
      registryPolicy: "{}",
      registryPolicyScope: "V1",
    });
    expect(state.registry?.text).toBe("{}");
    expect(state.registryScope).toBe("V1");
    const { document, editors } = stateToDocument(state, true);
    expect([document.registryPolicy, document.registryPolicyScope]).toEqual(["{}", "V1"]);
    expect(editors).toEqual([state.repository.key, state.registry?.key]);
    expect(stateToDocument(setRegistryScope(state, "V2"), true).document.registryPolicyScope).toBe("V2");
  });

  it("has scope V2 when the document gives none, and the page writes none until it is switched", () => {
    const state = documentToState({ request: { principal: "p", action: "a", resource: "r" } });
    expect(state.registryScope).toBe("V2");
    expect(stateToDocument(state, false).document).not.toHaveProperty("registryPolicyScope");
    expect(stateToDocument(setRegistryScope(state, "V1"), false).document.registryPolicyScope).toBe("V1");
  });

  it("restores its tab from the view", () => {
    const added = addSinglePolicy(defaultState(), "registry");
    const restored = documentToState(stateToDocument(added, false).document);
    expect(restored.view.tab).toBe(restored.registry?.key);
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
    expect(documentToState(stateToDocument(state, false).document).request.action).toBe("push");
  });

  it("writes one unnamed request as `request`, its expectation as the document's `expect`", () => {
    const state = setRequestExpect(defaultState(), 0, "allowed");
    const { document } = stateToDocument(state, false);
    expect(document.requests).toBeUndefined();
    expect(document.expect).toBe("allowed");
    expect(documentToState(document).request.expect).toBe("allowed");
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
    expect(stateToDocument(back, false).document).toEqual(document);
    expect(back.request.name).toBe("request 2");
    expect(documentToState(stateToDocument(selectRequest(state, 0), false).document).request.name).toBe("reads");
  });

  it("reads an out-of-range selection of a suite's requests as the first", () => {
    const state = documentToState({
      requests: [
        { name: "a", principal: "p", operation: "pull", resource: "r" },
        { name: "b", principal: "p", action: "ecr:PutImage", resource: "r" },
      ],
      view: { request: 7 },
    });
    expect(state.request.name).toBe("a");
    expect(state.otherRequests.after.map((request) => request.name)).toEqual(["b"]);
  });
});
