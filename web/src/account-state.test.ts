import { describe, expect, it } from "vitest";
import { withImportedIdentity } from "./account-state";
import { defaultState } from "./defaults";
import type { ImportedIdentity } from "./types";

const PULL = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ecr:BatchGetImage", Resource: "*" }] };

const ROLE: ImportedIdentity = {
  arn: "arn:aws:iam::111122223333:role/ci",
  kind: "role",
  principal: "arn:aws:sts::111122223333:assumed-role/ci/session",
  identityPolicies: [
    { name: "pull (inline)", policy: PULL },
    { name: "broken (inline)", policy: '{"Version"' },
  ],
  permissionsBoundary: null,
  missing: [],
  notes: [],
};

describe("withImportedIdentity", () => {
  it("replaces the identity side and the principal, and keeps the rest", () => {
    const before = defaultState();
    const after = withImportedIdentity(before, ROLE);
    expect(after.identities.map((policy) => policy.name)).toEqual(["pull (inline)", "broken (inline)"]);
    expect(JSON.parse(after.identities[0]?.text ?? "")).toEqual(PULL);
    expect(after.identities[1]?.text).toBe('{"Version"');
    expect(after.boundary).toBeNull();
    expect(after.request.principal).toBe(ROLE.principal);
    expect(after.request.action).toBe(before.request.action);
    expect(after.repository).toBe(before.repository);
    expect(after.scps).toBe(before.scps);
    expect(after.view.tab).toBe(after.identities[0]?.key);
  });

  it("adds the boundary when the identity has one", () => {
    const after = withImportedIdentity(defaultState(), { ...ROLE, identityPolicies: [], permissionsBoundary: PULL });
    expect(after.boundary?.kind).toBe("boundary");
    expect(after.view.tab).toBe(after.boundary?.key);
  });
});
