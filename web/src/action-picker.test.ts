import { describe, expect, it } from "vitest";
import { actionInfo, catalogActions, findAction, matchingActions, pickerEntries } from "./action-picker";
import type { Catalog, CatalogAction } from "./types";

function action(name: string, accessLevel: string, description: string, repositoryLevel: boolean): CatalogAction {
  return {
    service: "ecr",
    name,
    description,
    accessLevel,
    resourceTypes: repositoryLevel ? [{ name: "repository", required: true, conditionKeys: [] }] : [],
    conditionKeys: [],
    dependentActions: [],
  };
}

const CATALOG: Catalog = {
  source: { package: "test", version: "1", license: "MIT", dataUpdatedAt: "2026-01-01T00:00:00Z" },
  services: [
    {
      prefix: "ecr",
      name: "Amazon ECR",
      actions: [
        action("BatchGetImage", "Read", "Gets images", true),
        action("GetAuthorizationToken", "Read", "Gets a token", false),
        action("PutImage", "Write", "Pushes an image", true),
      ],
      resourceTypes: [],
      conditionKeys: [],
    },
  ],
  globalConditionKeys: [],
  servicePrefixes: ["ecr", "ecr-public"],
};

describe("the action catalogue", () => {
  it("names every action with its service prefix and finds one case-insensitively", () => {
    expect(catalogActions(CATALOG).map((entry) => entry.fullName)).toEqual(["ecr:BatchGetImage", "ecr:GetAuthorizationToken", "ecr:PutImage"]);
    expect(findAction(CATALOG, "  ECR:putimage ")?.fullName).toBe("ecr:PutImage");
    expect(findAction(null, "ecr:PutImage")).toBeUndefined();
  });
});

describe("matchingActions", () => {
  const entries = pickerEntries(CATALOG);
  const names = (text: string) => matchingActions(entries, text).map((entry) => entry.fullName);

  it("offers the operations first, then the actions", () => {
    expect(entries.map((entry) => entry.fullName)).toEqual([
      "pull",
      "push",
      "pull-through-cache",
      "replicate",
      "mount-layer",
      "ecr:BatchGetImage",
      "ecr:GetAuthorizationToken",
      "ecr:PutImage",
    ]);
    expect(entries[0]?.badge).toBe("Operation");
  });

  it("offers the entries holding every word of the text in their name, badge or description", () => {
    expect(names("read gets")).toEqual(["ecr:BatchGetImage", "ecr:GetAuthorizationToken"]);
    expect(names("token")).toEqual(["pull", "push", "ecr:GetAuthorizationToken"]);
    expect(names("docker push")).toEqual(["push"]);
    expect(names("delete")).toEqual([]);
  });

  it("offers every entry for an empty text or an exact name", () => {
    expect(names(" ")).toHaveLength(8);
    expect(names("ecr:PutImage")).toHaveLength(8);
    expect(names("pull")).toHaveLength(8);
  });
});

describe("actionInfo", () => {
  it("describes a known action and says when it is registry-level", () => {
    expect(actionInfo(CATALOG, "ecr:PutImage")).toBe("Write · Pushes an image");
    expect(actionInfo(CATALOG, "ecr:GetAuthorizationToken")).toBe("Read · Gets a token · registry-level: the resource is *");
  });

  it("describes an operation by its exact name", () => {
    expect(actionInfo(CATALOG, " push ")).toBe(
      "Operation · docker push: the login token, the layer checks and uploads, the manifest · allowed only when every action it needs is",
    );
    expect(actionInfo(CATALOG, "Push")).toBe("Neither an operation nor an action of the ECR or ECR Public catalogue.");
  });

  it("asks for an action when empty and says when one is not in the catalogue", () => {
    expect(actionInfo(CATALOG, "")).toBe("Pick an action or type one.");
    expect(actionInfo(CATALOG, "s3:GetObject")).toBe("Neither an operation nor an action of the ECR or ECR Public catalogue.");
    expect(actionInfo(null, "s3:GetObject")).toBe("");
  });
});
