import { describe, expect, it } from "vitest";
import { defaultState } from "./defaults";
import { changedLines, editorFor, withAddedPolicy } from "./fix-changes";
import type { PolicyChange } from "./types";

const change = (fields: Partial<PolicyChange>): PolicyChange => ({
  policy: "identity:1",
  kind: "identity",
  name: "allow-pull",
  before: null,
  after: "{}",
  ...fields,
});

describe("changedLines", () => {
  it("marks the lines a fix adds and keeps the others", () => {
    const before = '{\n  "Statement": [\n    {"Effect": "Allow"}\n  ]\n}';
    const after = '{\n  "Statement": [\n    {"Effect": "Allow"},\n    {"Effect": "Allow", "Action": "ecr:BatchGetImage"}\n  ]\n}';
    expect(changedLines(before, after)).toEqual([
      { kind: "same", text: "{" },
      { kind: "same", text: '  "Statement": [' },
      { kind: "removed", text: '    {"Effect": "Allow"}' },
      { kind: "added", text: '    {"Effect": "Allow"},' },
      { kind: "added", text: '    {"Effect": "Allow", "Action": "ecr:BatchGetImage"}' },
      { kind: "same", text: "  ]" },
      { kind: "same", text: "}" },
    ]);
  });

  it("shows a new policy as all added", () => {
    expect(changedLines("", "{\n}").map((line) => line.kind)).toEqual(["added", "added"]);
  });
});

describe("editorFor", () => {
  it("maps the engine's policy id to the editor, and the repository policy to its editor even when empty", () => {
    const editorOf = new Map([["identity:0", "identity-3"]]);
    expect(editorFor(change({ policy: "identity:0" }), editorOf)).toBe("identity-3");
    expect(editorFor(change({ policy: "repository", kind: "repository" }), editorOf)).toBe("repository");
    expect(editorFor(change({ policy: "identity:1" }), editorOf)).toBeNull();
  });
});

describe("withAddedPolicy", () => {
  it("adds a new identity policy tab with the fix's name and text and selects it", () => {
    const state = defaultState();
    const added = withAddedPolicy(state, change({ after: '{"Statement": []}' }));
    const policy = added.identities[added.identities.length - 1];
    expect(added.identities.length).toBe(state.identities.length + 1);
    expect(policy?.name).toBe("allow-pull");
    expect(policy?.text).toBe('{"Statement": []}');
    expect(added.view.tab).toBe(policy?.key);
  });

  it("adds a session policy, and an SCP to the level the fix names", () => {
    const state = { ...defaultState(), scps: [] };
    expect(withAddedPolicy(state, change({ policy: "session", kind: "session" })).session?.text).toBe("{}");
    const scps = withAddedPolicy(state, change({ policy: "scp:1:0", kind: "scp", name: "SCP level 2, policy 1" })).scps;
    expect(scps.map((level) => level.length)).toEqual([0, 1]);
  });
});
