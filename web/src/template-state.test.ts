import { describe, expect, it } from "vitest";
import { defaultState } from "./defaults";
import { loadedMessage, markerNote, withTemplatePolicy } from "./template-state";
import type { TemplatePolicy } from "./types";

const TEXT = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';

function listed(slot: TemplatePolicy["slot"], name = "Listed"): TemplatePolicy {
  return { name, resourceType: "AWS::IAM::ManagedPolicy", slot, line: 3, column: 7, policy: TEXT, markers: [] };
}

describe("withTemplatePolicy", () => {
  it("replaces the repository policy's text and selects its tab", () => {
    const before = defaultState();
    const after = withTemplatePolicy(before, listed("repositoryPolicy"));
    expect(after.repository.text).toBe(TEXT);
    expect(after.repository.key).toBe(before.repository.key);
    expect(after.view.tab).toBe(before.repository.key);
    expect(after.identities).toEqual(before.identities);
  });

  it("adds a registry policy or a boundary when the page has none, and replaces the one it has", () => {
    const before = defaultState();
    const withRegistry = withTemplatePolicy(before, listed("registryPolicy"));
    expect(withRegistry.registry?.text).toBe(TEXT);
    expect(withRegistry.view.tab).toBe(withRegistry.registry?.key);
    const withBoundary = withTemplatePolicy(withRegistry, listed("permissionsBoundary"));
    expect(withBoundary.boundary?.kind).toBe("boundary");
    const again = withTemplatePolicy(withBoundary, { ...listed("permissionsBoundary"), policy: "{}" });
    expect(again.boundary?.key).toBe(withBoundary.boundary?.key);
    expect(again.boundary?.text).toBe("{}");
  });

  it("adds an identity policy after the others, named after the listed policy", () => {
    const before = defaultState();
    const after = withTemplatePolicy(before, listed("identityPolicy", "CiRole/pull"));
    expect(after.identities.map((policy) => policy.name)).toEqual([...before.identities.map((policy) => policy.name), "CiRole/pull"]);
    expect(after.view.tab).toBe(after.identities.at(-1)?.key);
    expect(after.request).toEqual(before.request);
  });

  it("keeps a policy given as an object as its pretty-printed text", () => {
    const after = withTemplatePolicy(defaultState(), { ...listed("repositoryPolicy"), policy: { Statement: [] } });
    expect(after.repository.text).toBe('{\n  "Statement": []\n}');
  });
});

describe("loadedMessage", () => {
  it("names the slot and every marker with its position", () => {
    const message = loadedMessage({
      ...listed("repositoryPolicy", "AppRepository"),
      resourceType: "AWS::ECR::Repository",
      markers: [{ kind: "intrinsic", text: "{{Ref Account}}", line: 9, column: 12 }],
    });
    expect(message.what).toBe("Loaded AppRepository (AWS::ECR::Repository) from the template as the repository policy");
    expect(message.notes).toEqual([
      "{{Ref Account}} (line 9, column 12 of the template) is an intrinsic function, known only when the stack is deployed: replace it with the value.",
    ]);
  });

  it("says a Terraform marker is known only after apply", () => {
    expect(markerNote({ kind: "unknown", text: "{{unknown until apply: aws_iam_policy.p.policy}}", line: 1, column: 2 })).toContain(
      "known only after terraform apply",
    );
  });
});
