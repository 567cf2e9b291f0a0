// The operations a request may name instead of one action (the rule book's section 7): their names as
// the action field takes them, and a line each for the action list. Which actions each needs is the
// engine's (crates/engine/src/operation.rs); the page only names them.

import type { Operation } from "./types";

/** Every operation, in the engine's table order, with what it is in a few words. */
export const OPERATIONS: Record<Operation, string> = {
  pull: "docker pull: the login token, the image manifest, the layers",
  push: "docker push: the login token, the layer checks and uploads, the manifest",
  "pull-through-cache": "the first pull of an upstream image through a pull-through cache rule",
  replicate: "the first cross-account replication of an image into this registry",
  "mount-layer": "a push that mounts a layer from another repository of the registry",
};

/** The operations every scenario shows; the others show when the scenario has a registry policy or the request names them. */
export const EVERYDAY_OPERATIONS: readonly Operation[] = ["pull", "push"];

/** The operation the action field's text names (exactly, as the engine reads it), or null for an action. */
export function operationNamed(text: string): Operation | null {
  const name = text.trim();
  return Object.hasOwn(OPERATIONS, name) ? (name as Operation) : null;
}
