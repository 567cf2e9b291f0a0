// The page's state with a principal's identity side imported from account authorization details: its
// identity policies and permissions boundary replace the page's, the principal becomes it (a role's
// session for a role). The repository, registry, session, SCP and RCP editors stay as they are.

import { policyText } from "./defaults";
import { type AppState, newPolicy } from "./state";
import type { ImportedIdentity, JsonValue } from "./types";

/** A policy as the engine gives it, a JSON object or its text, as an editor's text. */
export function editorText(policy: JsonValue): string {
  return typeof policy === "string" ? policy : policyText(policy);
}

/** `state` with `identity`'s identity side; the first imported policy is selected. */
export function withImportedIdentity(state: AppState, identity: ImportedIdentity): AppState {
  const identities = identity.identityPolicies.map((named) => newPolicy("identity", named.name, editorText(named.policy)));
  const boundary = identity.permissionsBoundary === null ? null : newPolicy("boundary", "Permissions boundary", editorText(identity.permissionsBoundary));
  const tab = identities[0]?.key ?? boundary?.key ?? state.repository.key;
  return {
    ...state,
    identities,
    boundary,
    request: { ...state.request, principal: identity.principal },
    view: { ...state.view, tab },
  };
}
