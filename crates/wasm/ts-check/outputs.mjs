// Runs every function of both packages (the first-load module and the analyses module) on the whole scenario corpus (tests/scenarios) and on malformed
// input, and writes the corpus and the results as TypeScript literals into generated/outputs.ts, each
// checked with `satisfies` against the type the `.d.ts` declares. `tsc` then proves the derived types
// match what the functions really take and return: a field the types lack is an excess property, a
// field the types require but a value lacks is missing, an enum value the types do not list is not
// assignable. The corpus is what the engine's scenario reader accepts, so its type is checked too.
//
// Usage: node outputs.mjs (after the packages are built into ./pkg and ./pkg-analyses).

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { CORPUS_ROOT, corpusFiles } from "../../../tests/corpus-files.mjs";

import { diff, encodeShare, importIdentity, initSync as initAnalyses, readAccount, readTemplate, suggestFixes, whoCan } from "./pkg-analyses/ecr_policy_analyses.js";
import {
  catalog,
  decideSuite,
  decodeShare,
  evaluate,
  evaluateSuite,
  initSync,
  lint,
  matrix,
  readScenarios,
} from "./pkg/ecr_policy_wasm.js";

const here = fileURLToPath(new URL(".", import.meta.url));
/** 2026-06-01T00:00:00Z, the clock of the corpus tests. */
const TIME = 1_780_272_000;

initSync({ module: readFileSync(join(here, "pkg/ecr_policy_wasm_bg.wasm")) });
initAnalyses({ module: readFileSync(join(here, "pkg-analyses/ecr_policy_analyses_bg.wasm")) });

/** The scenarios of a corpus file, read by the engine's reader (`readScenarios`), the one the page uses. */
function scenariosOf(file) {
  const read = readScenarios(readFileSync(file, "utf8"));
  if (!read.ok) throw new Error(`${file}: ${read.error.path}: ${read.error.message}`);
  return read.scenarios;
}

/** Every policy of a scenario with its kind, as the text the editor holds. */
function policiesOf(scenario) {
  const text = (policy) => (typeof policy === "string" ? policy : JSON.stringify(policy, null, 2));
  const found = [];
  if (scenario.repositoryPolicy != null) found.push(["repository", scenario.repositoryPolicy]);
  if (scenario.registryPolicy != null) found.push(["registry", scenario.registryPolicy]);
  for (const entry of scenario.identityPolicies ?? []) {
    const named = entry !== null && typeof entry === "object" && ("name" in entry || "policy" in entry);
    found.push(["identity", named ? entry.policy : entry]);
  }
  if (scenario.permissionsBoundary != null) found.push(["boundary", scenario.permissionsBoundary]);
  if (scenario.sessionPolicy != null) found.push(["session", scenario.sessionPolicy]);
  for (const level of scenario.scps ?? []) for (const policy of level) found.push(["scp", policy]);
  for (const level of scenario.rcps ?? []) for (const policy of level) found.push(["rcp", policy]);
  return found.map(([kind, policy]) => [kind, text(policy)]);
}

const scenarios = corpusFiles().flatMap(scenariosOf);
if (scenarios.length === 0) throw new Error(`no scenario under ${CORPUS_ROOT}`);

const request = { principal: "anonymous", action: "ecr:BatchGetImage", resource: "*" };
const malformed = [{}, { request, extra: true }, { request: { ...request, context: { "aws:SourceIp": {} } } }];

// Explanations the corpus may not reach (request values that do not parse, literal variables, patterns
// that never match), one scenario each so that no error in one blocks the others, so that their types
// are checked too.
const repository = "arn:aws:ecr:us-east-1:111122223333:repository/app";
const bob = { principal: "arn:aws:iam::111122223333:user/bob", action: "ecr:BatchGetImage", resource: repository };
const allow = (fields, version = "2012-10-17", context = {}) => ({
  request: { ...bob, context },
  identityPolicies: [{ Version: version, Statement: [{ Effect: "Allow", Action: "ecr:*", Resource: "*", ...fields }] }],
});
const unusual = [
  allow({ Condition: { NumericLessThan: { "aws:EpochTime": "3600" } } }, undefined, { "aws:EpochTime": "soon" }),
  allow({ Condition: { DateGreaterThan: { "aws:CurrentTime": "2020-01-01T00:00:00Z" } } }, undefined, { "aws:CurrentTime": "tomorrow" }),
  allow({ Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } }, undefined, { "aws:SourceIp": "nowhere" }),
  allow({ Condition: { BinaryEquals: { "aws:SourceIp": "QUJD" } } }, undefined, { "aws:SourceIp": "!!" }),
  allow({ Condition: { Bool: { "aws:SecureTransport": "${aws:username}" } } }),
  allow({ Condition: { StringEquals: { "aws:username": "${aws:username}" } } }, "2008-10-17"),
  allow({ Resource: "repository/app" }),
  allow({ Resource: "arn:aws:ec*:us-east-1:111122223333:repository/app" }),
  {
    request: bob,
    repositoryPolicy: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "AIDAJQABLZS4A3QDU576Q" }, Action: "ecr:*" }],
    },
  },
  {
    request: bob,
    repositoryPolicy: {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:user/b*" }, Action: "ecr:*" }],
    },
  },
];

const evaluations = [...scenarios, ...unusual, ...malformed].map((scenario) => evaluate(scenario, TIME));
const matrices = [...scenarios.slice(0, 20), ...malformed].map((scenario) => matrix(scenario, TIME));
const suites = [...scenarios.filter((scenario) => scenario.requests), scenarios[0], ...malformed].map((scenario) =>
  evaluateSuite(scenario, TIME),
);
const decisions = [...scenarios.filter((scenario) => scenario.requests), scenarios[0], ...malformed].map((scenario) =>
  decideSuite(scenario, TIME),
);
const findings = scenarios.flatMap((scenario) =>
  policiesOf(scenario).map(([kind, text]) =>
    lint(text, kind, { repositoryArn: (scenario.request ?? scenario.requests?.[0])?.resource }),
  ),
);
findings.push(lint("{", "identity"), lint("[]", "repository"), lint('{"Statement": {"Sid": "Tëam 😀"}}', "scp"));
findings.push(lint(JSON.stringify({ registryId: "111122223333", repositoryName: "app", policyText: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" }] }, null, 2) }), "repository"));
findings.push(lint(JSON.stringify(JSON.stringify({ Version: "2012-10-17", Statement: [] })), "identity"));
const repositoryPolicies = scenarios.flatMap((scenario) => policiesOf(scenario).filter(([kind]) => kind === "repository").map(([, text]) => text));
const diffs = repositoryPolicies.slice(0, 10).map((text, index) => diff(text, repositoryPolicies[index + 1] ?? "{", "repository", undefined, TIME));
diffs.push(diff("{", "[", "identity"), diff("{}", "{}", "scp", scenarios[0], TIME), diff("{}", "{}", "repository", { request: 42 }));
const reads = [readScenarios(JSON.stringify(scenarios.slice(0, 3))), readScenarios("{"), readScenarios('{"request": {"principal": 1}}')];
const shares = [decodeShare(encodeShare(JSON.stringify(scenarios[0]))), decodeShare("#s=9.x"), decodeShare("nothing")];

const accountDetails = readFileSync(join(here, "../../../tests/fixtures/account-details/cli-output.json"), "utf8");
const apiDetails = readFileSync(join(here, "../../../tests/fixtures/account-details/api-response.json"), "utf8");
const accounts = [readAccount(accountDetails), readAccount(apiDetails), readAccount("{")];
const identities = [
  "arn:aws:iam::111122223333:user/alice",
  "arn:aws:iam::111122223333:user/bob",
  "arn:aws:iam::111122223333:role/ci/ci-build",
  "arn:aws:iam::111122223333:user/nobody",
].map((principal) => importIdentity(accountDetails, principal));
const whoCans = [
  whoCan(accountDetails, { repositoryPolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "444455556666" }, Action: "ecr:*" }] }, request: bob }, TIME),
  whoCan(accountDetails, { request: { ...bob, action: "", operation: "pull" } }, TIME),
  whoCan("[]", { request: bob }, TIME),
];

const templates = ["ecr-stack.json", "ecr-stack.yaml", "plan.json"].map((name) =>
  readTemplate(readFileSync(join(here, "../../../tests/fixtures/templates", name), "utf8")),
);
templates.push(readTemplate("Resources:\n  A: [\n"), readTemplate('{"Statement": []}'), readTemplate(""));
// Every denied scenario of the corpus (a fix's scenario has policies the engine wrote), and input it
// cannot read.
const fixes = [
  ...scenarios.filter((scenario) => scenario.request && evaluate(scenario, TIME).decision.endsWith("Deny")),
  ...malformed,
].map((scenario) => suggestFixes(scenario, TIME));
if (!fixes.some((result) => result.ok && result.fixes.length > 0)) throw new Error("no fix for any denied scenario");

const literal = (name, type, value) => `export const ${name} = ${JSON.stringify(value)} satisfies ${type};\n`;
mkdirSync(join(here, "generated"), { recursive: true });
writeFileSync(
  join(here, "generated/outputs.ts"),
  "// Generated by outputs.mjs: real outputs of the wasm package, checked against its declared types.\n" +
    'import type { AccessDiff, ImportIdentityResult, ReadAccountResult, ReadTemplateResult, SuggestFixesResult, WhoCanResult } from "../pkg-analyses/ecr_policy_analyses.js";\n' +
    'import type { Catalog, DecodeShareResult, EvaluateResult, LintResult, MatrixResult, ReadScenariosResult, Scenario, SuiteDecisions, SuiteResult } from "../pkg/ecr_policy_wasm.js";\n' +
    literal("corpus", "Scenario[]", scenarios) +
    literal("evaluations", "EvaluateResult[]", evaluations) +
    literal("matrices", "MatrixResult[]", matrices) +
    literal("suites", "SuiteResult[]", suites) +
    literal("decisions", "SuiteDecisions[]", decisions) +
    literal("findings", "LintResult[]", findings) +
    literal("diffs", "AccessDiff[]", diffs) +
    literal("theCatalog", "Catalog", catalog()) +
    literal("shares", "DecodeShareResult[]", shares) +
    literal("accounts", "ReadAccountResult[]", accounts) +
    literal("identities", "ImportIdentityResult[]", identities) +
    literal("whoCans", "WhoCanResult[]", whoCans) +
    literal("templates", "ReadTemplateResult[]", templates) +
    literal("fixes", "SuggestFixesResult[]", fixes) +
    literal("reads", "ReadScenariosResult[]", reads),
);
console.log(
  `outputs.mjs: ${scenarios.length} scenarios, ${evaluations.length} evaluations, ${suites.length} suites, ${decisions.length} suite decisions, ${matrices.length} matrices, ` +
    `${findings.length} lint results, ${diffs.length} diffs, ${reads.length} scenario reads, ` +
    `the catalogue, ${shares.length} share decodes, ${accounts.length} account reads, ${identities.length} imports and ` +
    `${whoCans.length} who-can answers, ${templates.length} template reads and ${fixes.length} fix suggestions written to generated/outputs.ts`,
);
