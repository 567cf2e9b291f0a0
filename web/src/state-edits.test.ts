import { describe, expect, it } from "vitest";
import { defaultState } from "./defaults";
import { type AppState, allPolicies, newPolicy } from "./state";
import {
  addContextRow,
  addIdentityPolicy,
  addOrgLevel,
  addSinglePolicy,
  addToOrgLevel,
  cycleTab,
  editContextRow,
  removeContextRow,
  removePolicy,
  renameIdentityPolicy,
  selectTab,
  setContextType,
  setPanel,
  setPolicyText,
  setRegistryScope,
  setRequestField,
} from "./state-edits";

/** The default state with two SCP levels (the second holding two policies) and a boundary. */
function orgState(): AppState {
  const state = defaultState();
  return {
    ...state,
    boundary: newPolicy("boundary", "Permissions boundary", "{}"),
    scps: [[newPolicy("scp", "SCP", "{}")], [newPolicy("scp", "SCP", "{}"), newPolicy("scp", "SCP", "{}")]],
  };
}

/** Runs `edit` on `state` frozen, so that any mutation of its argument throws. */
function pure(state: AppState, edit: (state: AppState) => AppState): AppState {
  const before = JSON.stringify(state);
  const next = edit(deepFreeze(state));
  expect(JSON.stringify(state)).toBe(before);
  return next;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe("tabs and panels", () => {
  it("selectTab selects the key and keeps the panel", () => {
    const state = setPanel(defaultState(), "matrix");
    const next = pure(state, (current) => selectTab(current, "identity-x"));
    expect(next.view).toEqual({ tab: "identity-x", panel: "matrix" });
  });

  it("cycleTab moves in tab order and wraps around both ends", () => {
    const state = orgState();
    const keys = allPolicies(state).map((policy) => policy.key);
    const first = selectTab(state, keys[0] ?? "");
    expect(pure(first, (current) => cycleTab(current, 1)).view.tab).toBe(keys[1]);
    expect(pure(first, (current) => cycleTab(current, -1)).view.tab).toBe(keys.at(-1));
    const last = selectTab(state, keys.at(-1) ?? "");
    expect(pure(last, (current) => cycleTab(current, 1)).view.tab).toBe(keys[0]);
  });

  it("setPanel switches the result panel only", () => {
    const state = defaultState();
    const next = pure(state, (current) => setPanel(current, "matrix"));
    expect(next.view).toEqual({ tab: state.view.tab, panel: "matrix" });
  });
});

describe("adding policies", () => {
  it("addIdentityPolicy names it policy-N with the first free N and selects it", () => {
    const state = defaultState();
    const once = pure(state, addIdentityPolicy);
    expect(once.identities.map((policy) => policy.name)).toEqual(["app-role-policy", "policy-2"]);
    expect(once.view.tab).toBe(once.identities[1]?.key);
    const taken = renameIdentityPolicy(once, once.identities[0]?.key ?? "", "policy-3");
    expect(pure(taken, addIdentityPolicy).identities.map((policy) => policy.name)).toEqual(["policy-3", "policy-2", "policy-4"]);
  });

  it("addIdentityPolicy starts from the identity template", () => {
    const next = addIdentityPolicy(defaultState());
    expect(JSON.parse(next.identities.at(-1)?.text ?? "")).toHaveProperty("Statement");
  });

  it("addSinglePolicy adds the boundary or the session policy once", () => {
    const state = defaultState();
    const withBoundary = pure(state, (current) => addSinglePolicy(current, "boundary"));
    expect(withBoundary.boundary?.name).toBe("Permissions boundary");
    expect(withBoundary.view.tab).toBe(withBoundary.boundary?.key);
    expect(pure(withBoundary, (current) => addSinglePolicy(current, "boundary"))).toBe(withBoundary);
    const withSession = pure(withBoundary, (current) => addSinglePolicy(current, "session"));
    expect(withSession.session?.name).toBe("Session policy");
    expect(withSession.boundary).toBe(withBoundary.boundary);
  });

  it("addSinglePolicy adds the registry policy once, with the replication template, before the identity policies", () => {
    const state = defaultState();
    const next = pure(state, (current) => addSinglePolicy(current, "registry"));
    expect(next.registry?.name).toBe("Registry policy");
    expect(next.registry?.text).toContain("ecr:ReplicateImage");
    expect(next.view.tab).toBe(next.registry?.key);
    expect(allPolicies(next).map((policy) => policy.kind)).toEqual(["repository", "registry", "identity"]);
    expect(pure(next, (current) => addSinglePolicy(current, "registry"))).toBe(next);
  });

  it("setRegistryScope sets the scope and nothing else", () => {
    const state = defaultState();
    const next = pure(state, (current) => setRegistryScope(current, "V1"));
    expect(next.registryScope).toBe("V1");
    expect({ ...next, registryScope: "V2" }).toEqual(state);
  });

  it("addOrgLevel adds a level below the others holding one policy", () => {
    const state = orgState();
    const next = pure(state, (current) => addOrgLevel(current, "scp"));
    expect(next.scps.map((level) => level.length)).toEqual([1, 2, 1]);
    expect(next.view.tab).toBe(next.scps[2]?.[0]?.key);
    const rcp = pure(state, (current) => addOrgLevel(current, "rcp"));
    expect(rcp.rcps.map((level) => level.map((policy) => policy.kind))).toEqual([["rcp"]]);
    expect(rcp.scps).toBe(state.scps);
  });

  it("addToOrgLevel adds to the level of the given policy", () => {
    const state = orgState();
    const next = pure(state, (current) => addToOrgLevel(current, state.scps[1]?.[0]?.key ?? ""));
    expect(next.scps.map((level) => level.length)).toEqual([1, 3]);
    expect(next.view.tab).toBe(next.scps[1]?.[2]?.key);
    expect(pure(state, (current) => addToOrgLevel(current, state.repository.key))).toBe(state);
  });
});

describe("renaming and removing", () => {
  it("renameIdentityPolicy trims the name and ignores a blank one", () => {
    const state = defaultState();
    const key = state.identities[0]?.key ?? "";
    expect(pure(state, (current) => renameIdentityPolicy(current, key, "  ci-pull ")).identities[0]?.name).toBe("ci-pull");
    expect(pure(state, (current) => renameIdentityPolicy(current, key, "   "))).toBe(state);
  });

  it("removePolicy removes the policy and selects the repository policy", () => {
    const state = orgState();
    const boundary = state.boundary?.key ?? "";
    const next = pure(selectTab(state, boundary), (current) => removePolicy(current, boundary));
    expect(next.boundary).toBeNull();
    expect(next.view.tab).toBe(state.repository.key);
    const identity = state.identities[0]?.key ?? "";
    expect(pure(state, (current) => removePolicy(current, identity)).identities).toEqual([]);
  });

  it("removePolicy removes the registry policy and keeps its scope for a later one", () => {
    const state = setRegistryScope(addSinglePolicy(defaultState(), "registry"), "V1");
    const next = pure(state, (current) => removePolicy(current, state.registry?.key ?? ""));
    expect(next.registry).toBeNull();
    expect(next.registryScope).toBe("V1");
    expect(next.view.tab).toBe(state.repository.key);
  });

  it("removePolicy keeps an SCP level that had no policy to begin with", () => {
    const state = { ...orgState(), scps: [[newPolicy("scp", "SCP", "{}")], [], [newPolicy("scp", "SCP", "{}")]] };
    const next = pure(state, (current) => removePolicy(current, state.scps[2]?.[0]?.key ?? ""));
    expect(next.scps.map((level) => level.length)).toEqual([1, 0]);
  });

  it("removePolicy drops an SCP level it empties and keeps the others", () => {
    const state = orgState();
    const next = pure(state, (current) => removePolicy(current, state.scps[0]?.[0]?.key ?? ""));
    expect(next.scps).toEqual([state.scps[1]]);
    const shrunk = pure(state, (current) => removePolicy(current, state.scps[1]?.[1]?.key ?? ""));
    expect(shrunk.scps.map((level) => level.length)).toEqual([1, 1]);
  });
});

describe("texts and the request", () => {
  it("setPolicyText changes that policy's text only", () => {
    const state = orgState();
    const key = state.scps[1]?.[1]?.key ?? "";
    const next = pure(state, (current) => setPolicyText(current, key, "{ broken"));
    expect(next.scps[1]?.[1]?.text).toBe("{ broken");
    expect(allPolicies(next).filter((policy) => policy.text === "{ broken")).toHaveLength(1);
    expect(next.repository).toBe(state.repository);
  });

  it("setRequestField sets one field of the request", () => {
    const state = defaultState();
    const next = pure(state, (current) => setRequestField(current, "action", "ecr:PutImage"));
    expect(next.request).toEqual({ ...state.request, action: "ecr:PutImage" });
  });

  it("context rows are added, edited and removed by position", () => {
    const state = defaultState();
    const one = pure(state, (current) => addContextRow(current, { key: "aws:SourceIp", type: "string", value: "" }));
    const two = pure(one, (current) => addContextRow(current, { key: "", type: "list", value: "a\nb" }));
    const edited = pure(two, (current) => editContextRow(current, 1, { key: "aws:TagKeys" }));
    expect(edited.request.context).toEqual([
      { key: "aws:SourceIp", type: "string", value: "" },
      { key: "aws:TagKeys", type: "list", value: "a\nb" },
    ]);
    expect(pure(edited, (current) => editContextRow(current, 0, { value: "10.0.0.1" })).request.context[0]?.value).toBe("10.0.0.1");
    expect(pure(edited, (current) => removeContextRow(current, 0)).request.context).toEqual([edited.request.context[1]]);
  });

  it("setContextType makes a boolean row false unless its value is true", () => {
    const state = addContextRow(addContextRow(defaultState(), { key: "a", type: "string", value: "yes" }), { key: "b", type: "string", value: "true" });
    const next = pure(state, (current) => setContextType(setContextType(current, 0, "boolean"), 1, "boolean"));
    expect(next.request.context.map((row) => [row.type, row.value])).toEqual([
      ["boolean", "false"],
      ["boolean", "true"],
    ]);
    expect(pure(state, (current) => setContextType(current, 0, "number")).request.context[0]).toEqual({ key: "a", type: "number", value: "yes" });
  });
});
