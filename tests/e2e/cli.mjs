// The CLI from the browser tests: scripts/test-e2e builds `ecr-policy` and passes its path in
// ECR_POLICY_BIN (default: the debug build in target/), so links can be checked both ways.

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./harness.mjs";

const BIN = process.env.ECR_POLICY_BIN ?? join(process.env.CARGO_TARGET_DIR ?? join(REPO_ROOT, "target"), "debug", "ecr-policy");

/** Runs `ecr-policy` with `args`; returns its exit status and output. */
function run(args) {
  assert.ok(existsSync(BIN), `no CLI binary at ${BIN}: run scripts/test-e2e, or build it with cargo build -p ecr-policy-cli`);
  const result = spawnSync(BIN, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  assert.equal(result.error, undefined, String(result.error));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `ecr-policy link FILE --base BASE`: the link the CLI makes. */
export function cliLink(file, base) {
  const { status, stdout, stderr } = run(["link", file, "--base", base]);
  assert.equal(status, 0, stderr);
  return stdout.trim();
}

/** `ecr-policy eval ... --json`: the exit status and the engine's result object. */
export function cliEval(args) {
  const { status, stdout, stderr } = run(["eval", ...args, "--json"]);
  assert.ok(stdout.trim().startsWith("{"), `ecr-policy eval ${args.join(" ")} printed no result (exit ${status}): ${stderr}`);
  return { status, result: JSON.parse(stdout) };
}
