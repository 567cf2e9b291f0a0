// Uses every function of both packages (the first-load module and the analyses module) with its declared types, as the page does. `tsc --noEmit` checks
// it against the generated `.d.ts` (scripts/test-wasm builds the package into ./pkg first). Each
// `@ts-expect-error` line proves that a type is precise, not `any`: tsc fails if the error goes away.

import initAnalyses, { diff, encodeShare, importIdentity, readAccount, readTemplate, suggestFixes, whoCan } from "./pkg-analyses/ecr_policy_analyses.js";
import type { AccessDiff } from "./pkg-analyses/ecr_policy_analyses.js";
import init, {
  catalog,
  decideSuite,
  decodeShare,
  evaluate,
  evaluateSuite,
  initSync,
  lint,
  matrix,
  readScenarios,
  version,
} from "./pkg/ecr_policy_wasm.js";
import type {
  Catalog,
  ConditionWhy,
  Decision,
  Diagnostic,
  EvaluateResult,
  LintResult,
  MatrixResult,
  Scenario,
  ScenarioError,
  Span,
  StatementOutcome,
  SuiteDecisions,
  SuiteResult,
} from "./pkg/ecr_policy_wasm.js";

export async function load(wasm: BufferSource, analyses: BufferSource): Promise<void> {
  await init({ module_or_path: wasm });
  await initAnalyses({ module_or_path: analyses });
}

export function loadSync(wasm: BufferSource): void {
  initSync({ module: wasm });
}

const scenario: Scenario = {
  name: "cross-account pull",
  repositoryPolicy: {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::444455556666:root" }, Action: "ecr:BatchGetImage" }],
  },
  registryPolicy: '{"Version": "2012-10-17", "Statement": []}',
  registryPolicyScope: "V2",
  identityPolicies: [
    { name: "ci-pull", policy: '{"Version": "2012-10-17", "Statement": []}' },
    { Version: "2012-10-17", Statement: [] },
  ],
  scps: [[{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] }]],
  request: {
    principal: "arn:aws:iam::444455556666:user/bob",
    action: "ecr:BatchGetImage",
    resource: "arn:aws:ecr:us-east-1:111122223333:repository/app",
    context: { "aws:SourceIp": "203.0.113.7", "aws:TagKeys": ["team"], "aws:MultiFactorAuthPresent": true },
  },
  expect: "allowed",
};

// @ts-expect-error: a scenario has no `repositryPolicy` (scenarios reject unknown fields).
export const misspelled: Scenario = { repositryPolicy: {}, request: scenario.request };

/** A suite: several requests, each an action or an operation, with its own name and expectation. */
export const suite: Scenario = {
  identityPolicies: [{ Version: "2012-10-17", Statement: [] }],
  requests: [
    { name: "CI can pull", principal: "arn:aws:iam::111122223333:role/ci", operation: "pull", resource: "arn:aws:ecr:us-east-1:111122223333:repository/app", expect: "allowed" },
    { principal: "arn:aws:iam::111122223333:role/ci", action: "ecr:PutImage", resource: "arn:aws:ecr:us-east-1:111122223333:repository/app" },
  ],
};

// @ts-expect-error: an operation is one of the known names.
export const unknownOperation: Scenario = { request: { principal: "anonymous", operation: "pul", resource: "*" } };

/** A federated user's request names the IAM user who called GetFederationToken. */
export const federated: Scenario = {
  request: {
    principal: "arn:aws:sts::111122223333:federated-user/carol",
    federatedBy: "arn:aws:iam::111122223333:user/broker",
    action: "ecr:BatchGetImage",
    resource: "arn:aws:ecr:us-east-1:111122223333:repository/app",
  },
};

// @ts-expect-error: a request has no `federatedby` (the reader rejects unknown fields).
export const misspelledRequest: Scenario = { request: { ...federated.request, federatedby: "x" } };

// @ts-expect-error: a context value is a string, a number, a boolean or an array of them.
export const nestedContext: Scenario = { request: { ...federated.request, context: { "aws:SourceIp": { ip: "x" } } } };

export function headline(decision: Decision): string {
  switch (decision) {
    case "allowed":
      return "Allowed";
    case "explicitDeny":
      return "Explicitly denied";
    case "implicitDeny":
      return "Implicitly denied";
    case "invalid":
      return "Not evaluated";
  }
}

/** What the page does with an evaluation: the banner, tints per statement, squiggles, errors. */
export function render(result: EvaluateResult): string[] {
  const lines = [headline(result.decision), result.summary];
  for (const reason of result.reasons) {
    lines.push(`${reason.step} ${reason.verdict}: ${reason.message} (${reason.statements.length} statements)`);
  }
  for (const policy of result.policies) {
    for (const statement of policy.statements) {
      const outcome: StatementOutcome = statement.outcome;
      const highlight: [number, number] = statement.span;
      lines.push(`${policy.id}#${statement.index} ${statement.sid ?? "(no Sid)"} ${outcome} ${highlight.join("-")}`);
      const action = statement.action?.patterns.map((pattern) => pattern.mismatch ?? (pattern.value !== undefined ? `match ${pattern.value}` : "match")) ?? [];
      const resource = statement.resource?.patterns.map((pattern) => pattern.mismatch?.kind ?? (pattern.wildcard ? "wildcard match" : "match")) ?? [];
      const principal = statement.principal?.entries.map((entry) => entry.how ?? entry.mismatch ?? entry.kind) ?? [];
      lines.push([...action, ...resource, ...principal].join(","));
      for (const condition of statement.conditions?.each ?? []) {
        lines.push(`${condition.operator?.base ?? condition.operatorText} ${condition.key}: ${why(condition.explanation)}`);
      }
    }
    for (const diagnostic of policy.diagnostics) {
      lines.push(squiggle(diagnostic));
    }
  }
  for (const entry of result.context) {
    lines.push(`${entry.key} = ${entry.values.join(",")} (${entry.source})`);
  }
  for (const missing of result.missingKeys) {
    lines.push(`missing ${missing.key} in ${missing.references.map((reference) => reference.policy).join(",")}`);
  }
  lines.push(...result.requestErrors, ...result.scenarioErrors.map(scenarioError));
  return lines;
}

function why(explanation: ConditionWhy): string {
  switch (explanation.kind) {
    case "valueMatched":
      return `value ${explanation.policyValueIndex} matched ${explanation.requestValue}`;
    case "requestValueMatchedNothing":
      return `${explanation.requestValue} matched nothing`;
    default:
      return explanation.kind;
  }
}

function squiggle(diagnostic: Diagnostic): string {
  const span: Span = diagnostic.span;
  const [from, to] = span;
  return `${diagnostic.severity} ${diagnostic.code} [${from}, ${to}) ${diagnostic.message} ${diagnostic.docs ?? ""}`;
}

function scenarioError(error: ScenarioError): string {
  return `${error.path}: ${error.message} at ${error.line ?? "?"}:${error.column ?? "?"}`;
}

export function everyFunction(): string[] {
  const lines = render(evaluate(scenario));
  lines.push(...render(evaluate(scenario, 1_780_272_000)));

  const all: MatrixResult = matrix(scenario, 1_780_272_000);
  lines.push(...all.rows.map((row) => `${row.action} (${row.accessLevel}${row.registryLevel ? ", on *" : ""}): ${headline(row.decision)} ${row.summary}`));
  lines.push(...all.operations.map((row) => `${row.operation}: ${headline(row.decision)} at ${row.failingAction ?? "-"}`));

  const suiteResult: SuiteResult = evaluateSuite(suite, 1_780_272_000);
  for (const entry of suiteResult.requests) {
    const passed = entry.expect === null ? "no expectation" : entry.expect === entry.evaluation.decision ? "passed" : "failed";
    lines.push(`${entry.name}: ${passed}`, ...render({ ...entry.evaluation, scenarioErrors: [] }));
    for (const action of entry.evaluation.actions ?? []) {
      lines.push(`${entry.evaluation.operation ?? ""} ${action.action} on ${action.resource}: ${headline(action.decision)}`);
    }
  }
  lines.push(...suiteResult.scenarioErrors.map(scenarioError));

  const decided: SuiteDecisions = decideSuite(suite);
  lines.push(...decided.requests.map((entry) => `${entry.name}: ${headline(entry.decision)} ${entry.summary} (expects ${entry.expect ?? "nothing"})`));
  lines.push(...decided.scenarioErrors.map(scenarioError));

  const resource = scenario.request?.resource ?? "arn:aws:ecr:us-east-1:111122223333:repository/app";
  lines.push(...lint('{"Version": "2012-10-17"}', "identity").diagnostics.map(squiggle));
  lines.push(...lint("{}", "repository", { repositoryArn: resource }).diagnostics.map(squiggle));
  lines.push(...lint("{}", "registry", { repositoryArn: resource, registryPolicyScope: "V1" }).diagnostics.map(squiggle));
  const pasted: LintResult = lint(JSON.stringify({ registryId: "111122223333", policyText: "{}" }), "registry");
  if (pasted.wrapper) {
    lines.push(`${pasted.wrapper.shape} ${pasted.wrapper.field ?? "(a JSON string)"}: ${pasted.wrapper.message}`);
    lines.push(pasted.wrapper.plainPolicy);
  }

  const compared: AccessDiff = diff('{"Statement": []}', "{}", "repository", scenario, 1_780_272_000);
  lines.push(`new access: ${compared.newAccess}, lost: ${compared.lostAccess}, of ${compared.requests}`);
  for (const change of compared.changes) {
    lines.push(`${change.principal} ${change.action} on ${change.resource} ${JSON.stringify(change.context)}: ${change.before} -> ${change.after}`);
  }
  lines.push(...compared.changedStatements.new.map((mark) => `${mark.label} at ${mark.span[0]}`));
  lines.push(...compared.oldErrors.map(squiggle), ...compared.baseErrors);

  const known: Catalog = catalog();
  for (const service of known.services) {
    for (const action of service.actions) {
      lines.push(`${service.prefix}:${action.name} ${action.accessLevel} ${action.resourceTypes.map((type) => type.name).join(",")}`);
    }
  }
  lines.push(...known.globalConditionKeys.map((key) => `${key.name}: ${key.valueType} ${key.whenPresent ?? ""}`));

  const read = readScenarios(JSON.stringify([scenario]));
  lines.push(...(read.ok ? read.scenarios.map((one) => one.request?.federatedBy ?? one.name ?? "") : [`${read.error.path}: ${read.error.message}`]));

  const value: string = encodeShare(JSON.stringify(scenario));
  const decoded = decodeShare(`https://example.com/#s=${value}`);
  lines.push(decoded.ok ? decoded.text : decoded.message);

  const details = JSON.stringify({ UserDetailList: [{ Arn: "arn:aws:iam::111122223333:user/bob", UserName: "bob" }] });
  const account = readAccount(details);
  lines.push(account.ok ? account.principals.map((principal) => `${principal.kind} ${principal.name} ${principal.arn}`).join(", ") : account.message);
  const imported = importIdentity(details, "arn:aws:iam::111122223333:user/bob");
  if (imported.ok) {
    lines.push(imported.summary, imported.identity.principal, ...imported.identity.identityPolicies.map((policy) => policy.name));
    lines.push(...imported.identity.missing.map((missing) => `${missing.name} ${missing.arn ?? ""}: ${missing.message}`));
  } else {
    lines.push(imported.message);
  }
  const who = whoCan(details, scenario, 1_780_272_000);
  lines.push(...(who.ok ? who.principals.map((row) => `${row.arn} ${row.kind}: ${headline(row.decision)} ${row.reason} ${row.statement ?? ""} ${row.needs ?? ""}`) : [who.message]));
  const template = readTemplate("Resources:\n  R:\n    Type: AWS::ECR::Repository\n    Properties:\n      RepositoryPolicyText: {Statement: []}\n");
  if (template.ok) {
    for (const policy of template.template.policies) {
      const slot: "repositoryPolicy" | "registryPolicy" | "identityPolicy" | "permissionsBoundary" = policy.slot;
      lines.push(`${template.template.format} ${slot} ${policy.name} ${policy.resourceType} ${policy.line}:${policy.column}`);
      lines.push(...policy.markers.map((marker) => `${marker.kind} ${marker.text} ${marker.line}:${marker.column}`));
    }
    lines.push(...template.template.notes);
  } else {
    lines.push(`${template.line ?? "?"}:${template.column ?? "?"} ${template.message}`);
  }
  const suggested = suggestFixes(scenario, 1_780_272_000);
  if (suggested.ok) {
    for (const fix of suggested.fixes) {
      const side: "identity" | "resource" | "both" | "organization" = fix.side;
      lines.push(`${side}: ${fix.description}`, ...fix.changes.map((change) => `${change.policy} ${change.kind} ${change.name}: ${change.before ?? "(new)"} -> ${change.after}`));
      lines.push(fix.scenario.request?.principal ?? "");
    }
  } else {
    lines.push(suggested.message);
  }
  lines.push(version());
  return lines;
}

export function misuse(): void {
  // @ts-expect-error: `evaluate` takes a scenario object.
  evaluate(42);
  // @ts-expect-error: `at` is Unix seconds.
  evaluate(scenario, "now");
  // @ts-expect-error: `readTemplate` takes the template's text.
  readTemplate({ Resources: {} });
  // @ts-expect-error: `lint` takes a policy kind.
  lint("{}", "bucket");
  // @ts-expect-error: a registry policy scope is `V1` or `V2`.
  lint("{}", "registry", { registryPolicyScope: "V3" });
  // @ts-expect-error: `LintOptions` has no `repoArn`.
  lint("{}", "repository", { repoArn: "arn:aws:ecr:us-east-1:111122223333:repository/app" });
  // @ts-expect-error: `diff` takes a policy kind.
  diff("{}", "{}", "bucket");
  // @ts-expect-error: `encodeShare` takes the scenario's JSON text.
  encodeShare(scenario);
  const unread = readScenarios("{");
  // @ts-expect-error: `scenarios` are there only when `ok` is true.
  lines(String(unread.scenarios));
  const decoded = decodeShare("#s=1.x");
  // @ts-expect-error: `text` is there only when `ok` is true.
  lines(decoded.text);
  // @ts-expect-error: decisions are a closed set.
  headline("denied");
}

function lines(text: string): string {
  return text;
}
