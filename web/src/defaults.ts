// Default values, in one place: the state a first visit shows and the text a newly added policy starts
// with.

import { type AppState, newPolicy } from "./state";
import type { PolicyKind } from "./types";

const REPOSITORY_ACCOUNT = "111122223333";

/** Pretty-prints a policy the way the engine does (two-space indents). */
export function policyText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

const PULL_ACTIONS = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"];

/** The text a newly added policy of `kind` starts with. */
export function templateFor(kind: PolicyKind): string {
  switch (kind) {
    case "repository":
      return policyText({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "AllowPull",
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${REPOSITORY_ACCOUNT}:role/app-role` },
            Action: PULL_ACTIONS,
          },
        ],
      });
    case "identity":
      return policyText({
        Version: "2012-10-17",
        Statement: [{ Sid: "AllowAuthToken", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" }],
      });
    case "boundary":
      return policyText({
        Version: "2012-10-17",
        Statement: [{ Sid: "BoundaryEcr", Effect: "Allow", Action: "ecr:*", Resource: "*" }],
      });
    case "session":
      return policyText({
        Version: "2012-10-17",
        Statement: [{ Sid: "SessionPull", Effect: "Allow", Action: PULL_ACTIONS, Resource: "*" }],
      });
    case "scp":
      return policyText({
        Version: "2012-10-17",
        Statement: [{ Sid: "FullAWSAccess", Effect: "Allow", Action: "*", Resource: "*" }],
      });
    case "rcp":
      return policyText({
        Version: "2012-10-17",
        Statement: [{ Sid: "RCPFullAWSAccess", Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }],
      });
    case "registry":
      return policyText({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "ReplicationAccessCrossAccount",
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::444455556666:root" },
            Action: ["ecr:CreateRepository", "ecr:ReplicateImage"],
            Resource: `arn:aws:ecr:us-east-1:${REPOSITORY_ACCOUNT}:repository/*`,
          },
        ],
      });
  }
}

/** The state of a first visit: a repository policy, one identity policy and a role-session caller. */
export function defaultState(): AppState {
  const identity = newPolicy("identity", "app-role-policy", templateFor("identity"));
  return {
    base: {},
    name: "",
    description: "",
    repository: newPolicy("repository", "Repository policy", templateFor("repository")),
    registry: null,
    registryScope: "V2",
    identities: [identity],
    boundary: null,
    session: null,
    scps: [],
    rcps: [],
    request: {
      name: "",
      principal: `arn:aws:sts::${REPOSITORY_ACCOUNT}:assumed-role/app-role/session-1`,
      action: "ecr:BatchGetImage",
      resource: `arn:aws:ecr:us-east-1:${REPOSITORY_ACCOUNT}:repository/app`,
      context: [],
      expect: null,
    },
    otherRequests: { before: [], after: [] },
    view: { tab: "repository", panel: "explain" },
  };
}
