import { describe, expect, it } from "vitest";
import { closeCompare, compareBase, comparedPolicy, openCompare, setCompareText } from "./compare-edits";
import { defaultState } from "./defaults";
import { type AppState, newPolicy } from "./state";
import { selectTab, setPolicyText, setRequestField } from "./state-edits";
import { addRequest, selectRequest } from "./suite-edits";
import { documentToState, stateToDocument } from "./url-state";

/** The default state with two SCP levels, the first with two policies. */
function withScps(): AppState {
  const state = defaultState();
  return { ...state, scps: [[newPolicy("scp", "SCP", "root-a"), newPolicy("scp", "SCP", "root-b")], [newPolicy("scp", "SCP", "account")]] };
}

describe("the Compare view's state", () => {
  it("opens on a policy with a copy of its text, keeps edits of the new version apart from the policy, and closes", () => {
    const state = defaultState();
    const identity = state.identities[0]?.key ?? "";
    const opened = openCompare(state, identity);
    expect(opened.view).toEqual({ tab: identity, panel: "explain", compare: { tab: identity, text: state.identities[0]?.text } });
    const edited = setCompareText(opened, "{}");
    expect(edited.view.compare?.text).toBe("{}");
    expect(edited.identities[0]?.text).toBe(state.identities[0]?.text);
    expect(comparedPolicy(edited)?.key).toBe(identity);
    expect(closeCompare(edited).view).toEqual({ tab: identity, panel: "explain" });
    expect(openCompare(state, "no-such-policy")).toBe(state);
  });

  it("shows the comparison only while its policy's tab is selected, and keeps it while another is", () => {
    const opened = setCompareText(openCompare(defaultState(), "repository"), "new");
    const elsewhere = selectTab(opened, opened.identities[0]?.key ?? "");
    expect(comparedPolicy(elsewhere)).toBeNull();
    expect(elsewhere.view.compare?.text).toBe("new");
    expect(comparedPolicy(selectTab(elsewhere, "repository"))?.key).toBe("repository");
  });

  it("is saved in the document's view by position and read back onto the same policy", () => {
    const state = withScps();
    const key = state.scps[0]?.[1]?.key ?? "";
    const saved = stateToDocument(setCompareText(openCompare(state, key), "draft"), false).document;
    expect(saved.view).toMatchObject({ tab: "scp:0:1", compare: { tab: "scp:0:1", text: "draft" } });
    const read = documentToState(saved);
    expect(read.view.compare).toEqual({ tab: read.scps[0]?.[1]?.key, text: "draft" });
    expect(stateToDocument(state, false).document.view).not.toHaveProperty("compare");
  });

  it("drops a saved comparison whose policy the document does not have", () => {
    const read = documentToState({ repositoryPolicy: "{}", view: { tab: "repository", compare: { tab: "identity:4", text: "x" } } });
    expect(read.view.compare).toBeUndefined();
    expect(documentToState({ view: { compare: { tab: "repository", text: 3 } } }).view.compare).toBeUndefined();
  });
});

describe("compareBase", () => {
  it("is the scenario without the repository policy compared, with the selected request only", () => {
    const suite = setRequestField(selectRequest(addRequest(defaultState()), 1), "principal", "arn:aws:iam::444455556666:root");
    const selected = setPolicyText(suite, "repository", "old");
    const base = compareBase(selected, "repository");
    expect(base.repositoryPolicy).toBeUndefined();
    expect(base.identityPolicies).toEqual(stateToDocument(selected, true).document.identityPolicies);
    expect(base.requests?.map((request) => request.principal)).toEqual(["arn:aws:iam::444455556666:root"]);
    expect(base.view).toBeUndefined();
  });

  it("leaves out a compared identity policy and keeps the others", () => {
    const state = defaultState();
    const two = { ...state, identities: [...state.identities, newPolicy("identity", "second", "second text")] };
    const base = compareBase(two, two.identities[0]?.key ?? "");
    expect(base.identityPolicies).toEqual([{ name: "second", policy: "second text" }]);
    expect(base.repositoryPolicy).toBe(state.repository.text);
  });

  it("moves the level of a compared SCP last, without it, so the engine puts the policy back at its own level", () => {
    const state = withScps();
    expect(compareBase(state, state.scps[0]?.[0]?.key ?? "").scps).toEqual([["account"], ["root-b"]]);
    // A level left empty stays, for the policy to go back into.
    expect(compareBase(state, state.scps[1]?.[0]?.key ?? "").scps).toEqual([["root-a", "root-b"], []]);
  });
});
