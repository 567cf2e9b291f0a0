// Words for the engine's match details: which principal, action, resource, condition key and value
// matched or failed, and why. The editor's hover tooltips and the statement detail panel both show these,
// so each element is explained once, here.

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

/** Every element of a statement, explained, in source order. */
export function explainStatement(report: StatementReport): ElementExplanation[] {
  const parts: ElementExplanation[] = [];
  if (report.principal) {
    const element = report.principal;
    const name = element.negated ? "NotPrincipal" : "Principal";
    parts.push({
      label: name,
      span: element.keySpan,
      matched: element.matched,
      lines: [`${name} ${verdict(element.matched)} the caller`, ...(element.note ? [element.note] : [])],
    });
    for (const entry of element.entries) {
      parts.push(quietIf(principalEntry(entry, element.negated), element.matched));
    }
  }
  if (report.action) {
    const element = report.action;
    const name = element.negated ? "NotAction" : "Action";
    parts.push({ label: name, span: element.keySpan, matched: element.matched, lines: [`${name} ${verdict(element.matched)} the request's action`] });
    for (const pattern of element.patterns) {
      parts.push(quietIf(actionPattern(pattern, name), element.matched));
    }
  }
  if (report.resource) {
    const element = report.resource;
    const name = element.negated ? "NotResource" : "Resource";
    parts.push({ label: name, span: element.keySpan, matched: element.matched, lines: [`${name} ${verdict(element.matched)} the request's resource`] });
    for (const pattern of element.patterns) {
      parts.push(quietIf(resourcePattern(pattern, name), element.matched));
    }
  }
  for (const condition of report.conditions.each) {
    parts.push(...explainCondition(condition));
  }
  return parts;
}

/** Marks a failed alternative as quiet when its element matched anyway. */
function quietIf(part: ElementExplanation, elementMatched: boolean): ElementExplanation {
  return !part.matched && elementMatched ? { ...part, quiet: true } : part;
}

function principalEntry(entry: PatternReport<PrincipalMatch>, negated: boolean): ElementExplanation {
  const detail = entry.detail;
  const why = entry.matched
    ? detail.how
      ? NAMED_AS[detail.how]
      : "names the caller"
    : detail.mismatch
      ? PRINCIPAL_MISMATCH[detail.mismatch]
      : "does not name the caller";
  const lines = [`\`${detail.value}\` ${why}`, `caller: \`${detail.caller}\``];
  if (negated) {
    lines.push(entry.matched ? "listed in NotPrincipal, so excluded" : "not listed in NotPrincipal, so included");
  }
  return { label: `Principal entry ${detail.kind}`, span: entry.span, matched: negated ? !entry.matched : entry.matched, lines };
}

function actionPattern(pattern: PatternReport<ActionMatch>, name: string): ElementExplanation {
  const detail = pattern.detail;
  const lines = [
    pattern.matched
      ? `\`${detail.pattern}\` matches \`${detail.action}\`${detail.wildcard ? " (wildcard)" : ""}`
      : `\`${detail.pattern}\` does not match \`${detail.action}\`: ${detail.mismatch ? ACTION_MISMATCH[detail.mismatch] : "different action"}`,
  ];
  const negated = name === "NotAction";
  if (negated) lines.push(pattern.matched ? "listed in NotAction, so excluded" : "not listed in NotAction");
  return { label: `${name} pattern`, span: pattern.span, matched: negated ? !pattern.matched : pattern.matched, lines };
}

function resourcePattern(pattern: PatternReport<ResourceMatch>, name: string): ElementExplanation {
  const detail = pattern.detail;
  let why = "different resource";
  if (detail.mismatch) {
    why = detail.mismatch.kind === "segment" ? `the ${detail.mismatch.segment} segment differs` : RESOURCE_MISMATCH[detail.mismatch.kind];
  }
  const lines = [
    pattern.matched
      ? `\`${detail.pattern}\` matches \`${detail.resource}\`${detail.wildcard ? " (wildcard)" : ""}`
      : `\`${detail.pattern}\` does not match \`${detail.resource}\`: ${why}`,
  ];
  const negated = name === "NotResource";
  if (negated) lines.push(pattern.matched ? "listed in NotResource, so excluded" : "not listed in NotResource");
  return { label: `${name} pattern`, span: pattern.span, matched: negated ? !pattern.matched : pattern.matched, lines };
}

/** A condition: its operator and key, then each policy value. */
export function explainCondition(condition: ConditionOutcome): ElementExplanation[] {
  const label = `${condition.operatorText} ${condition.key}`;
  const requestValues =
    condition.requestValues === null
      ? "the request does not have this key"
      : `request values: ${condition.requestValues.map((value) => `\`${value}\``).join(", ") || "(empty set)"}`;
  const lines = [`condition ${condition.matched ? "holds" : "fails"}: ${conditionWhy(condition)}`, requestValues];
  for (const invalid of condition.invalidValues) {
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
    for (const variable of value.variables) {
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
  return policy && statement ? `${policy.name}, ${statement.label}` : `${ref.policy}, statement ${ref.statement + 1}`;
}
