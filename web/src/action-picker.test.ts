import { describe, expect, it } from "vitest";
import { actionInfo, catalogActions, findAction, matchingActions } from "./action-picker";
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
  const actions = catalogActions(CATALOG);

  it("offers the actions holding every word of the text in their name, access level or description", () => {
    expect(matchingActions(actions, "read gets").map((entry) => entry.name)).toEqual(["BatchGetImage", "GetAuthorizationToken"]);
    expect(matchingActions(actions, "token").map((entry) => entry.name)).toEqual(["GetAuthorizationToken"]);
    expect(matchingActions(actions, "delete")).toEqual([]);
  });

  it("offers every action for an empty text or an exact name", () => {
    expect(matchingActions(actions, " ")).toHaveLength(3);
    expect(matchingActions(actions, "ecr:PutImage")).toHaveLength(3);
  });
});

describe("actionInfo", () => {
  it("describes a known action and says when it is registry-level", () => {
    expect(actionInfo(CATALOG, "ecr:PutImage")).toBe("Write · Pushes an image");
    expect(actionInfo(CATALOG, "ecr:GetAuthorizationToken")).toBe("Read · Gets a token · registry-level: the resource is *");
  });

  it("asks for an action when empty and says when one is not in the catalogue", () => {
    expect(actionInfo(CATALOG, "")).toBe("Pick an action or type one.");
    expect(actionInfo(CATALOG, "s3:GetObject")).toBe("Not in the ECR or ECR Public catalogue.");
    expect(actionInfo(null, "s3:GetObject")).toBe("");
  });
});
