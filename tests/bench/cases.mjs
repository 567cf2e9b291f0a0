// The inputs of the WebAssembly benchmarks, the same as the native ones (crates/engine/benches/engine.rs):
// a 1 KB and a 10 KB repository policy built like `policy_of` there, the two 20-statement versions of
// the access diff, and the typical, organization and 20-request suite scenarios of
// crates/engine/benches/fixtures, and the keystroke benchmark's 100-statement scenario there too. Also the
// Compare typing benchmark's scenario.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./paths.mjs";

/** The request time of the native benchmarks (the test kit's `CORPUS_SECONDS`), in Unix seconds. */
export const REQUEST_TIME = 1_780_272_000;

const FIXTURES = join(REPO_ROOT, "crates", "engine", "benches", "fixtures");

/** The statement `policy_of` writes at `index`: a principal, three pull actions and two conditions. */
function statement(index) {
  return (
    `{"Sid": "Statement${index}", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::444455556666:role/ci-${index}", "arn:aws:iam::777788889999:root"]}, ` +
    `"Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"], ` +
    `"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}, "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"]}}}`
  );
}

/** A repository policy of `count` statements, byte for byte what `policy_of(count)` of the native benchmarks builds. */
export function policyOf(count) {
  const body = Array.from({ length: count }, (_, index) => statement(index));
  return `{"Version": "2012-10-17", "Statement": [${body.join(",\n")}]}`;
}

function fixture(name) {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8"));
}

/** The statement of the 100 that names the keystroke benchmark's caller. */
export const KEYSTROKE_STATEMENT = 7;

/** The account of statement `index` of the keystroke benchmark's policy: 444455556600 to 444455556699. */
export function keystrokeAccount(index) {
  return `4444555566${String(index).padStart(2, "0")}`;
}

/**
 * The keystroke benchmark's scenario (crates/engine/benches/fixtures/keystroke.json, which the native
 * benchmark edits the same way): a repository policy of 100 statements, one per line, each allowing the
 * account `keystrokeAccount(index)` to pull; the caller's identity policy, pulling from any repository of
 * the registry account; and a cross-account pull by a role of the account that statement
 * `KEYSTROKE_STATEMENT` names, so that a keystroke in that account id flips the statement's tint and the
 * decision. The policy has to be this terse: ECR takes at most 10,240 characters, whitespace included,
 * and the engine rejects a longer policy (so `policyOf(100)`, about 38,000 characters, would show no
 * tints at all).
 */
export function keystrokeScenario() {
  return fixture("keystroke");
}

/**
 * The keystroke scenario with the caller's account id ending in each digit in turn: each one edits the
 * 100-statement policy's text, so evaluating them in turn never finds the policy in the module's cache,
 * as after a keystroke.
 */
function keystrokeEdits() {
  const scenario = keystrokeScenario();
  const account = keystrokeAccount(KEYSTROKE_STATEMENT);
  return Array.from({ length: 10 }, (_, digit) => ({
    ...scenario,
    repositoryPolicy: scenario.repositoryPolicy.replace(`"${account}"`, `"${account.slice(0, -1)}${digit}"`),
  }));
}

/**
 * The typical scenario with its request's source address ending in each digit in turn (inside the range
 * its policies allow, so the decision stays): a new scenario text for every call, as after a keystroke in
 * the request, with the same policies, which the module's cache holds.
 */
function requestEdits() {
  const scenario = fixture("typical");
  return Array.from({ length: 10 }, (_, digit) => ({
    ...scenario,
    request: { ...scenario.request, context: { ...scenario.request.context, "aws:SourceIp": `203.0.113.${digit}` } },
  }));
}

/**
 * The 20-request suite (crates/engine/benches/fixtures/suite.json) with its repository policy edited in
 * turn (the first statement's Sid ends in each digit), so evaluating them in turn never finds the policy
 * in the module's cache, as after a keystroke in the page.
 */
function suiteEdits() {
  const suite = fixture("suite");
  return Array.from({ length: 10 }, (_, digit) => {
    const policy = structuredClone(suite.repositoryPolicy);
    policy.Statement[0].Sid = `${policy.Statement[0].Sid}Edit${digit}`;
    return { ...suite, repositoryPolicy: policy };
  });
}

/** The two versions the native "diff of two 20-statement policies" compares: the new one names one more account. */
function twentyStatementVersions() {
  const old = policyOf(20);
  return { old, new: old.replace('role/ci-7"', 'role/ci-7", "arn:aws:iam::123412341234:root"') };
}

/**
 * The Compare typing benchmark's scenario: the diff case's 20-statement policy as the repository policy,
 * Compare open on it with the diff case's new version, and a pull by a role that statement 7 names.
 */
export function compareScenario() {
  const versions = twentyStatementVersions();
  return {
    name: "benchmark: typing in Compare, two 20-statement versions",
    repositoryPolicy: versions.old,
    request: { principal: "arn:aws:iam::444455556666:role/ci-7", action: "ecr:BatchGetImage", resource: "arn:aws:ecr:us-east-1:111122223333:repository/app" },
    view: { tab: "repository", panel: "explain", compare: { tab: "repository", text: versions.new } },
  };
}

/** Everything the WebAssembly cases read: plain JSON data, so it can be handed to a page as it is. */
export function wasmInputs() {
  return {
    at: REQUEST_TIME,
    small: policyOf(2),
    large: policyOf(22),
    smallScenario: fixture("small"),
    typical: fixture("typical"),
    requestEdits: requestEdits(),
    organization: fixture("organization"),
    keystrokeEdits: keystrokeEdits(),
    diffVersions: twentyStatementVersions(),
    suiteEdits: suiteEdits(),
  };
}
