// The CLI from the browser tests: scripts/test-e2e builds `ecr-policy` and passes its path in
// ECR_POLICY_BIN (default: the debug build in target/), so links can be checked both ways.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
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

/** `ecr-policy test ARGS`: its exit status and output. */
export function cliTest(args) {
  return run(["test", ...args]);
}

/**
 * Runs `ecr-policy` once for each argument list, a few at a time in the lists' order; returns a promise
 * of each run's status and output, in order, so that a caller can use the first runs while the others go.
 */
export function cliBatch(argumentLists) {
  assert.ok(existsSync(BIN), `no CLI binary at ${BIN}: run scripts/test-e2e, or build it with cargo build -p ecr-policy-cli`);
  const settle = argumentLists.map(() => {
    const handle = {};
    handle.promise = new Promise((resolve, reject) => Object.assign(handle, { resolve, reject }));
    return handle;
  });
  let next = 0;
  const worker = async () => {
    while (next < argumentLists.length) {
      const index = next;
      next += 1;
      await runAsync(argumentLists[index]).then(settle[index].resolve, settle[index].reject);
    }
  };
  for (let count = 0; count < Math.max(2, availableParallelism()) * 2; count += 1) void worker();
  return settle.map(({ promise }) => promise);
}

/** `run`, without blocking the event loop. */
function runAsync(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
