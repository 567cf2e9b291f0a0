import { describe, expect, it } from "vitest";
import { byPrincipal, changeKind, contextWords, coverage, headline, sideErrors } from "./access-changes";
import type { AccessChange, EngineDiagnostic } from "./types";

const OTHER = "arn:aws:iam::444455556666:root";
const ROLE = "arn:aws:sts::444455556666:assumed-role/comparison-role/comparison-session";

function change(principal: string, action: string, before: AccessChange["before"], after: AccessChange["after"]): AccessChange {
  return { principal, action, resource: "arn:aws:ecr:us-east-1:111122223333:repository/app", context: {}, before, after };
}

describe("headline", () => {
  it("says new access, lost access, both, or no change", () => {
    expect(headline({ newAccess: true, lostAccess: false })).toBe("new-access");
    expect(headline({ newAccess: false, lostAccess: true })).toBe("lost-access");
    expect(headline({ newAccess: true, lostAccess: true })).toBe("new-and-lost-access");
    expect(headline({ newAccess: false, lostAccess: false })).toBe("no-change");
  });
});

describe("changeKind", () => {
  it("tells denied to allowed, allowed to denied, and one denial for another apart", () => {
    expect(changeKind({ before: "implicitDeny", after: "allowed" })).toBe("new-access");
    expect(changeKind({ before: "explicitDeny", after: "allowed" })).toBe("new-access");
    expect(changeKind({ before: "allowed", after: "explicitDeny" })).toBe("lost-access");
    expect(changeKind({ before: "implicitDeny", after: "explicitDeny" })).toBe("other-denial");
  });
});

describe("byPrincipal", () => {
  it("groups the changes by principal in the engine's order, each group in its order", () => {
    const changes = [
      change(OTHER, "ecr:BatchGetImage", "implicitDeny", "allowed"),
      change(OTHER, "ecr:GetDownloadUrlForLayer", "implicitDeny", "allowed"),
      change(ROLE, "ecr:BatchGetImage", "allowed", "implicitDeny"),
    ];
    const groups = byPrincipal(changes);
    expect(groups.map((group) => [group.principal, group.changes.map((item) => item.action)])).toEqual([
      [OTHER, ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]],
      [ROLE, ["ecr:BatchGetImage"]],
    ]);
    expect(byPrincipal([])).toEqual([]);
  });
});

describe("contextWords", () => {
  it("writes each condition key the request supplies, and nothing when it supplies none", () => {
    expect(contextWords({ "aws:SourceIp": "10.0.0.1", "aws:SecureTransport": "true" })).toEqual(["aws:SourceIp = 10.0.0.1", "aws:SecureTransport = true"]);
    expect(contextWords({})).toEqual([]);
  });
});

describe("coverage", () => {
  it("counts the representative requests and says what a request outside them can do", () => {
    expect(coverage(20)).toMatch(/^Decided for 20 representative requests: every principal either version names/);
    expect(coverage(1)).toMatch(/^Decided for 1 representative request: /);
    expect(coverage(20)).toMatch(/a request outside them can still change\.$/);
  });
});

describe("sideErrors", () => {
  it("names each side and the line and column of each error", () => {
    const error: EngineDiagnostic = {
      severity: "error",
      code: "json-syntax",
      message: "invalid JSON: expected `}`",
      span: [68, 68],
    };
    // The span's offset 68 is line 4, column 23 of this text: its first three lines take 46 characters.
    const text = `${"x".repeat(15)}\n${"x".repeat(14)}\n${"x".repeat(14)}\n${"y".repeat(30)}`;
    const texts = { old: text, new: text };
    expect(sideErrors({ oldErrors: [], newErrors: [error], baseErrors: ["identity policy: bad"] }, texts)).toEqual([
      { side: "new", text: "New version, line 4, column 23: invalid JSON: expected `}`" },
      { side: "scenario", text: "The rest of the scenario: identity policy: bad" },
    ]);
    expect(sideErrors({ oldErrors: [error], newErrors: [], baseErrors: [] }, texts)[0]?.text).toMatch(/^Current version, line 4, column 23: /);
  });
});
