// Words for the engine's match details: which principal, action, resource, condition key and value
// matched or failed, and why. The editor's hover tooltips and the statement detail panel both show these,
// so each element is explained once, here. The result is compact: a pattern's text is read from the policy
// text at its span unless the result gives it (`value`), and what it was compared with from the request.

import type {
  ActionMatch,
  ActionMismatch,
  ConditionOutcome,
  ConditionWhy,
  NamedAs,
  PatternReport,
  PolicyReport,
  PrincipalMatch,
  PrincipalMismatch,
  RequestFacts,
  ResourceMatch,
  ResourceMismatch,
  Span,
  StatementOutcome,
  StatementRef,
  StatementReport,
  ValueNote,
} from "./types";

/** One explained element of a statement: a place in the text, whether it matched, and why. */
export interface ElementExplanation {
  /** What the element is: `Principal`, `Action`, `Condition StringEquals aws:SourceVpce`... */
  label: string;
  /** The text that decided, highlighted in the editor. */
  span: Span;
  matched: boolean;
  /** An alternative that did not match while its element matched through another one (values OR). */
  quiet?: boolean;
  /** The explanation, one sentence a line. */
  lines: string[];
}

/** Words for each statement outcome. */
export const OUTCOME_LABEL: Record<StatementOutcome, string> = {
  "allow-match": "allows",
  "deny-match": "denies",
  "no-match": "does not match",
  "not-applicable": "not applicable",
};

const NAMED_AS: Record<NamedAs, string> = {
  everyone: "names everyone (`*`), this caller included",
  account: "names the caller's account, which delegates to the account's own IAM policies",
  exactUser: "names this IAM user",
  role: "names the role this session belongs to",
  roleSession: "names this role session",
  federatedUser: "names this federated user",
  federatingUser: "names the IAM user who called GetFederationToken, so it names this federated session too",
  service: "names this service principal",
};

const PRINCIPAL_MISMATCH: Record<PrincipalMismatch, string> = {
  notAWildcard: "a bare string principal must be `*`",
  partialWildcard: "principals do not support wildcards inside a name or ARN",
  serviceWildcard: '`"Service": "*"` is invalid',
  group: "IAM groups cannot be principals",
  uniqueId: "a unique id cannot be resolved to a principal here",
  unrecognized: "neither an account id nor a principal ARN",
  federatedNotModeled: "`Federated` names identity providers, not this caller",
  canonicalUserNotSupported: "`CanonicalUser` is for S3 and never names an ECR caller",
  callerHasNoAccount: "the caller (anonymous or a service) has no account",
  differentPartition: "another partition than the caller's",
  differentAccount: "another account than the caller's",
  differentPrincipal: "same account, but another principal",
  callerNotAService: "a `Service` entry, but the caller is not a service principal",
};

const ACTION_MISMATCH: Record<ActionMismatch, string> = {
  patternHasNoService: "the pattern is not of the form `service:Action`",
  actionHasNoService: "the request's action is not of the form `service:Action`",
  differentService: "the service prefix differs",
  differentName: "the action name differs",
};

const RESOURCE_MISMATCH: Record<Exclude<ResourceMismatch["kind"], "segment">, string> = {
  patternNotAnArn: "the pattern is neither `*` nor an ARN",
  wildcardInService: "wildcards are not allowed in the service segment",
  resourceNotAnArn: "the request's resource is not an ARN (a registry-level action uses `*`)",
  unresolvedVariable: "a variable in it has no value, so it matches no resource (VARS)",
};

const CONDITION_WHY: Record<Exclude<ConditionWhy["kind"], "valueMatched" | "requestValueMatchedNothing">, string> = {
  unknownOperator: "the operator is unknown, so the condition does not match",
  keyMissingIsFalse: "the request does not have this key, so the operator is false",
  keyMissingNegatedIsTrue: "the request does not have this key, so the negated operator is true",
  keyMissingIfExistsIsTrue: "the request does not have this key, so `...IfExists` is true",
  forAllValuesVacuouslyTrue: "the key is missing or empty, so `ForAllValues:` is vacuously true",
  forAnyValueMissingIsFalse: "the key is missing or empty, so `ForAnyValue:` is false",
  nullKeyAbsent: "`Null`: the key is absent from the request",
  nullKeyPresent: "`Null`: the key is present in the request",
  noValueMatched: "no request value matched any policy value",
  everyRequestValueMatched: "every request value matched a policy value",
};

const VALUE_NOTE: Record<Exclude<ValueNote["kind"], "invalid">, string> = {
  unresolvedVariable: "a policy variable has no value, so this value matches nothing",
  variablesLiteralInVersion2008: `\`\${...}\` is literal text under Version 2008-10-17`,
  variablesLiteralInThisOperator: `\`\${...}\` is literal text: variables work only in String and ARN operators`,
};

const verdict = (matched: boolean) => (matched ? "matches" : "does not match");

/** What a statement's patterns were compared with: the request's caller, action and resource. */
export interface Compared {
  caller: string;
  action: string;
  resource: string;
}

/** What the patterns of an evaluation with these request facts were compared with. */
export function comparedWith(request: RequestFacts): Compared {
  return { caller: request.caller ?? request.principal, action: request.action, resource: request.resource };
}

/**
 * How messages and the page name a statement: its `Sid` in backticks, or its position counted from 1 (the
 * result leaves the label out: README, "The evaluation result as JSON").
 */
export function statementLabel(statement: StatementReport): string {
  return statement.sid ? `statement \`${statement.sid}\`` : `statement ${statement.index + 1}`;
}

/**
 * A pattern's or principal entry's text as the engine compared it: the result's `value`, else the JSON
 * string written at its span in the policy's `text`, without its quotes.
 */
export function patternText(pattern: PatternReport<unknown>, text: string): string {
  return pattern.value ?? text.slice(pattern.span[0] + 1, pattern.span[1] - 1);
}

/**
 * Every element of a statement, explained, in source order. `text` is the policy's text the report's
 * spans point into, `compared` what the statement was compared with.
 */
export function explainStatement(report: StatementReport, text: string, compared: Compared): ElementExplanation[] {
  const parts: ElementExplanation[] = [];
  if (report.principal) {
    const element = report.principal;
    const name = element.negated ? "NotPrincipal" : "Principal";
    const matched = element.matched ?? false;
    parts.push({
      label: name,
      span: element.keySpan,
      matched,
      lines: [`${name} ${verdict(matched)} the caller`, ...(element.note ? [element.note] : [])],
    });
    for (const entry of element.entries) {
      parts.push(quietIf(principalEntry(entry, element.negated ?? false, patternText(entry, text), compared.caller), matched));
    }
  }
  if (report.action) {
    const element = report.action;
    const name = element.negated ? "NotAction" : "Action";
    const matched = elementMatched(element);
    parts.push({ label: name, span: element.keySpan, matched, lines: [`${name} ${verdict(matched)} the request's action`] });
    for (const pattern of element.patterns) {
      parts.push(quietIf(actionPattern(pattern, name, patternText(pattern, text), compared.action), matched));
    }
  }
  if (report.resource) {
    const element = report.resource;
    const name = element.negated ? "NotResource" : "Resource";
    const matched = elementMatched(element);
    parts.push({ label: name, span: element.keySpan, matched, lines: [`${name} ${verdict(matched)} the request's resource`] });
    for (const pattern of element.patterns) {
      parts.push(quietIf(resourcePattern(pattern, name, patternText(pattern, text), compared.resource), matched));
    }
  }
  for (const condition of report.conditions?.each ?? []) {
    parts.push(...explainCondition(condition));
  }
  return parts;
}

/**
 * Whether an `Action` or `Resource` element matches: one of its patterns does, flipped by `Not...` (NOTACT,
 * NOTRES); the result leaves this out as its patterns say it (README, "The evaluation result as JSON").
 */
function elementMatched(element: { negated?: boolean; patterns: { matched?: boolean }[] }): boolean {
  return element.patterns.some((pattern) => pattern.matched ?? false) !== (element.negated ?? false);
}

/** Marks a failed alternative as quiet when its element matched anyway. */
function quietIf(part: ElementExplanation, elementMatched: boolean): ElementExplanation {
  return !part.matched && elementMatched ? { ...part, quiet: true } : part;
}

function principalEntry(entry: PatternReport<PrincipalMatch>, negated: boolean, value: string, caller: string): ElementExplanation {
  const matched = entry.matched ?? false;
  const why = matched
    ? entry.how
      ? NAMED_AS[entry.how]
      : "names the caller"
    : entry.mismatch
      ? PRINCIPAL_MISMATCH[entry.mismatch]
      : "does not name the caller";
  const lines = [`\`${value}\` ${why}`, `caller: \`${caller}\``];
  if (negated) {
    lines.push(matched ? "listed in NotPrincipal, so excluded" : "not listed in NotPrincipal, so included");
  }
  return { label: `Principal entry ${entry.kind}`, span: entry.span, matched: negated ? !matched : matched, lines };
}

function actionPattern(pattern: PatternReport<ActionMatch>, name: string, written: string, action: string): ElementExplanation {
  const matched = pattern.matched ?? false;
  const lines = [
    matched
      ? `\`${written}\` matches \`${action}\`${pattern.wildcard ? " (wildcard)" : ""}`
      : `\`${written}\` does not match \`${action}\`: ${pattern.mismatch ? ACTION_MISMATCH[pattern.mismatch] : "different action"}`,
  ];
  const negated = name === "NotAction";
  if (negated) lines.push(matched ? "listed in NotAction, so excluded" : "not listed in NotAction");
  return { label: `${name} pattern`, span: pattern.span, matched: negated ? !matched : matched, lines };
}

function resourcePattern(pattern: PatternReport<ResourceMatch>, name: string, written: string, resource: string): ElementExplanation {
  const matched = pattern.matched ?? false;
  let why = "different resource";
  if (pattern.mismatch) {
    why = pattern.mismatch.kind === "segment" ? `the ${pattern.mismatch.segment} segment differs` : RESOURCE_MISMATCH[pattern.mismatch.kind];
  }
  const lines = [
    matched ? `\`${written}\` matches \`${resource}\`${pattern.wildcard ? " (wildcard)" : ""}` : `\`${written}\` does not match \`${resource}\`: ${why}`,
  ];
  const negated = name === "NotResource";
  if (negated) lines.push(matched ? "listed in NotResource, so excluded" : "not listed in NotResource");
  return { label: `${name} pattern`, span: pattern.span, matched: negated ? !matched : matched, lines };
}

/** A condition: its operator and key, then each policy value. */
export function explainCondition(condition: ConditionOutcome): ElementExplanation[] {
  const label = `${condition.operatorText} ${condition.key}`;
  const requestValues =
    condition.requestValues === null
      ? "the request does not have this key"
      : `request values: ${condition.requestValues.map((value) => `\`${value}\``).join(", ") || "(empty set)"}`;
  const lines = [`condition ${condition.matched ? "holds" : "fails"}: ${conditionWhy(condition)}`, requestValues];
  for (const invalid of condition.invalidValues ?? []) {
    lines.push(`${invalid.side} value \`${invalid.text}\` cannot be compared (${invalid.reason})`);
  }
  const parts: ElementExplanation[] = [
    { label: `Condition ${label}`, span: condition.operatorSpan, matched: condition.matched, lines },
    { label: `Condition key ${condition.key}`, span: condition.keySpan, matched: condition.matched, lines },
  ];
  for (const value of condition.valueResults) {
    const valueLines = [value.matched ? `\`${value.written}\` compared true with a request value` : `\`${value.written}\` compared true with no request value`];
    if (value.policyValue !== null && value.policyValue !== value.written) {
      valueLines.push(`after substitution: \`${value.policyValue}\``);
    }
    for (const variable of value.variables ?? []) {
      valueLines.push(
        variable.resolved === null
          ? `\`\${${variable.name}}\` has no value`
          : `\`\${${variable.name}}\` = \`${variable.resolved}\`${variable.fromDefault ? " (default)" : ""}`,
      );
    }
    if (value.note) {
      valueLines.push(value.note.kind === "invalid" ? `not comparable: ${value.note.reason}` : VALUE_NOTE[value.note.kind]);
    }
    parts.push({ label: `Value of ${condition.key}`, span: value.span, matched: condition.matched, lines: valueLines });
  }
  return parts;
}

function conditionWhy(condition: ConditionOutcome): string {
  const why = condition.explanation;
  if (why.kind === "valueMatched") {
    return `request value \`${why.requestValue}\` matched policy value ${why.policyValueIndex + 1}`;
  }
  if (why.kind === "requestValueMatchedNothing") {
    return `request value \`${why.requestValue}\` matched none of the policy values`;
  }
  return CONDITION_WHY[why.kind];
}

/**
 * The parts of a statement's detail, each said once: a part whose lines an earlier part already shows (a
 * condition's key repeats its operator's lines, for the editor's hover on either) is left out.
 */
export function onceEach(parts: ElementExplanation[]): ElementExplanation[] {
  const seen = new Set<string>();
  return parts.filter((part) => {
    const said = JSON.stringify(part.lines);
    if (seen.has(said)) return false;
    seen.add(said);
    return true;
  });
}

/** How a link names a statement of an evaluation: its policy's name and the statement's label, both the engine's. */
export function statementRefLabel(policies: readonly PolicyReport[], ref: StatementRef): string {
  const policy = policies.find((candidate) => candidate.id === ref.policy);
  const statement = policy?.statements.find((candidate) => candidate.index === ref.statement);
  return policy && statement ? `${policy.name}, ${statementLabel(statement)}` : `${ref.policy}, statement ${ref.statement + 1}`;
}
