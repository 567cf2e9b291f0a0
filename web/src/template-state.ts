// The page's state with one policy of a CloudFormation template or Terraform plan loaded into the editor
// of its slot: the repository or registry policy or the permissions boundary is replaced (a new tab when
// the page has none), an identity policy is added after the others. Everything else stays as it is.
// Also the words the dialog shows for a listed policy and its markers.

import { editorText } from "./account-state";
import { type AppState, newPolicy, type PolicyDoc } from "./state";
import type { PolicySlot, TemplatePolicy, ValueMarker } from "./types";

/** A slot in words, as the list and the notice say it. */
export const SLOT_LABELS: Record<PolicySlot, string> = {
  repositoryPolicy: "repository policy",
  registryPolicy: "registry policy",
  identityPolicy: "identity policy",
  permissionsBoundary: "permissions boundary",
};

/** `existing` with `text`, or a new policy of `kind` named `name` when there is none. */
function replaced(existing: PolicyDoc | null, kind: "registry" | "boundary", name: string, text: string): PolicyDoc {
  return existing ? { ...existing, text } : newPolicy(kind, name, text);
}

/** `state` with `policy` in its slot; the editor it went into is selected. */
export function withTemplatePolicy(state: AppState, policy: TemplatePolicy): AppState {
  const text = editorText(policy.policy);
  switch (policy.slot) {
    case "repositoryPolicy": {
      const repository = { ...state.repository, text };
      return { ...state, repository, view: { ...state.view, tab: repository.key } };
    }
    case "registryPolicy": {
      const registry = replaced(state.registry, "registry", "Registry policy", text);
      return { ...state, registry, view: { ...state.view, tab: registry.key } };
    }
    case "permissionsBoundary": {
      const boundary = replaced(state.boundary, "boundary", "Permissions boundary", text);
      return { ...state, boundary, view: { ...state.view, tab: boundary.key } };
    }
    case "identityPolicy": {
      const identity = newPolicy("identity", policy.name, text);
      return { ...state, identities: [...state.identities, identity], view: { ...state.view, tab: identity.key } };
    }
  }
}

/** What a marker is and that it must be replaced, in one sentence. */
export function markerNote(marker: ValueMarker): string {
  const why = marker.kind === "intrinsic" ? "an intrinsic function, known only when the stack is deployed" : "known only after terraform apply";
  return `${marker.text} (line ${marker.line}, column ${marker.column} of the template) is ${why}: replace it with the value.`;
}

/** The notice after loading `policy`: what went where, then one note per marker. */
export function loadedMessage(policy: TemplatePolicy): { what: string; notes: string[] } {
  return {
    what: `Loaded ${policy.name} (${policy.resourceType}) from the template as the ${SLOT_LABELS[policy.slot]}`,
    notes: policy.markers.map(markerNote),
  };
}
