import { describe, expect, it } from "vitest";
import { principalFacts, resourceFacts } from "./request-panel";
import type { RequestFacts } from "./types";

const FACTS: RequestFacts = {
  principal: "arn:aws:iam::111122223333:user/alice",
  principalType: "User",
  principalAccount: "111122223333",
  action: "ecr:BatchGetImage",
  resource: "arn:aws:ecr:us-east-1:444455556666:repository/app",
  resourceAccount: "444455556666",
  registryLevel: false,
  crossAccount: true,
  knownAction: true,
};

describe("principalFacts", () => {
  it("gives the type, the account and whether the call crosses accounts", () => {
    expect(principalFacts(FACTS)).toBe("type User · account 111122223333 · cross-account");
    expect(principalFacts({ ...FACTS, crossAccount: false })).toBe("type User · account 111122223333 · same account");
  });

  it("leaves out what the principal lacks", () => {
    expect(principalFacts({ ...FACTS, principalType: "AWSService", principalAccount: null, crossAccount: false })).toBe("type AWSService");
    expect(principalFacts(undefined)).toBe("");
  });
});

describe("resourceFacts", () => {
  it("gives the repository's account, or says the action is registry-level", () => {
    expect(resourceFacts(FACTS)).toBe("repository account 444455556666");
    expect(resourceFacts({ ...FACTS, registryLevel: true })).toMatch(/^Registry-level action/);
    expect(resourceFacts({ ...FACTS, resourceAccount: null })).toBe("");
    expect(resourceFacts(undefined)).toBe("");
  });
});
