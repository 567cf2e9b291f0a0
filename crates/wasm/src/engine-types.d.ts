// The engine's serde types as TypeScript, written by hand: the engine (crates/engine) has no wasm
// dependencies, so it cannot derive them. Each type names the Rust type it mirrors; a field that Rust
// skips when empty is optional here, an `Option` is `T | null`. `scripts/test-wasm` checks these types with
// `tsc` against real outputs of every function on the whole scenario corpus (crates/wasm/ts-check).

// ---- Input: the scenario document (engine `scenario`) ----

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A policy (`PolicySource`): the text exactly as typed (a string, which may be broken JSON) or a JSON value.
 */
export type PolicySource = string | JsonValue;

/** The registry policy scope (`registry::RegistryPolicyScope`): under `V1` only three actions are enforced. */
export type RegistryPolicyScope = "V1" | "V2";

/** A named identity policy (`NamedPolicy`). */
export interface NamedPolicy {
  /** The name shown on its tab. */
  name: string;
  /** The policy. */
  policy: PolicySource;
}

/** An identity policy (`IdentityPolicy`): `{name, policy}`, or a bare policy. */
export type IdentityPolicy = NamedPolicy | PolicySource;

/** A scalar context value (`Scalar`). */
export type Scalar = string | number | boolean;

/** A context value (`ContextInput`): a scalar, or an array for a multivalued key. */
export type ContextInput = Scalar | Scalar[];

/** The request (`Request`): who asks to do what to which repository, with which context. */
export interface Request {
  /** An IAM user, role, assumed-role session, federated user or root ARN, an account id, a service principal or `anonymous`. */
  principal: string;
  /** The action, such as `ecr:BatchGetImage`. */
  action: string;
  /** The repository ARN, or `*` for registry-level actions. */
  resource: string;
  /** Condition keys the caller supplies; derived keys are added unless given here. */
  context?: Record<string, ContextInput>;
}

/** A scenario document (`Scenario`). Unknown fields make it invalid. */
export interface Scenario {
  name?: string;
  description?: string;
  repositoryPolicy?: PolicySource | null;
  /** The private registry policy of the repository's registry. */
  registryPolicy?: PolicySource | null;
  /** The registry policy scope (`RegistryPolicyScope`); absent means `"V2"`. */
  registryPolicyScope?: RegistryPolicyScope | null;
  identityPolicies?: IdentityPolicy[];
  permissionsBoundary?: PolicySource | null;
  sessionPolicy?: PolicySource | null;
  /** Service control policies: one list per level, root first, account last. */
  scps?: PolicySource[][];
  /** Resource control policies: one list per level, root first, account last. */
  rcps?: PolicySource[][];
  request: Request;
  /** The decision a test expects; evaluation ignores it. */
  expect?: Decision | null;
  /** The engine version that wrote the scenario. */
  engineVersion?: string | null;
  /** What the page was showing; opaque to the engine. */
  view?: JsonValue;
}

/** Why a scenario document could not be read (`ScenarioError`). */
export interface ScenarioError {
  /** Where in the document, such as `request.context["aws:SourceIp"]`; empty for the document itself. */
  path: string;
  /** What is wrong. */
  message: string;
  /** 1-based line in the document's text, when it was read from text. */
  line: number | null;
  /** 1-based column in the document's text, when it was read from text. */
  column: number | null;
}

// ---- Positions and findings (engine `span`, `diagnostic`) ----

/** A range of policy text (`Span`) in bytes, UTF-16 code units (JavaScript, CodeMirror) and 1-based line/column. */
export interface Span {
  /** Byte offset of the first byte. */
  start: number;
  /** Byte offset one past the last byte. */
  end: number;
  line: number;
  /** Counted in characters. */
  column: number;
  endLine: number;
  endColumn: number;
  /** UTF-16 offset of the start: use this with JavaScript strings. */
  utf16Start: number;
  /** UTF-16 offset of the end. */
  utf16End: number;
}

/** How serious a finding is (`Severity`). Only `error` blocks evaluation. */
export type Severity = "error" | "security-warning" | "warning" | "suggestion";

/** One finding about one place in a policy (`Diagnostic`). */
export interface Diagnostic {
  severity: Severity;
  /** A stable kebab-case code, such as `duplicate-key`. */
  code: string;
  message: string;
  span: Span;
  /** A link to the AWS documentation, when there is one. */
  docs?: string;
}

// ---- The evaluation (engine `eval::result`) ----

/** The decision (`Decision`). */
export type Decision = "allowed" | "explicitDeny" | "implicitDeny" | "invalid";

/** The full result of evaluating one scenario (`Evaluation`). */
export interface Evaluation {
  decision: Decision;
  /** One sentence that says what was decided and why. */
  summary: string;
  /** The steps of the decision procedure that fired, in order. */
  reasons: Reason[];
  request: RequestFacts;
  /** Every policy of the scenario, with every statement's outcome. */
  policies: PolicyReport[];
  /** The request context actually used: the caller's keys and the derived ones. */
  context: ContextEntry[];
  /** Condition keys that policies reference but the request does not have. */
  missingKeys: MissingKey[];
  /** Problems with the request itself, which make the decision `invalid`. */
  requestErrors: string[];
}

/** One step of the reason chain (`Reason`). */
export interface Reason {
  step: Step;
  verdict: Verdict;
  message: string;
  /** The statements that caused it. */
  statements: StatementRef[];
}

/** The steps of the decision procedure (`Step`). */
export type Step =
  | "applicability"
  | "explicitDeny"
  | "resourceControlPolicies"
  | "serviceControlPolicies"
  | "repositoryPolicy"
  | "identityPolicies"
  | "permissionsBoundary"
  | "sessionPolicy"
  | "crossAccount"
  | "decision";

/** What a step did (`Verdict`). */
export type Verdict = "allow" | "deny" | "info";

/** A statement of a policy of the scenario (`StatementRef`). */
export interface StatementRef {
  /** The policy's id (`PolicyReport.id`). */
  policy: string;
  /** The statement's index in the policy, from 0. */
  statement: number;
}

/** Facts about the request (`RequestFacts`). */
export interface RequestFacts {
  principal: string;
  /** `User`, `AssumedRole`, ..., or `AWSService`. */
  principalType: string | null;
  principalAccount: string | null;
  action: string;
  resource: string;
  resourceAccount: string | null;
  registryLevel: boolean;
  crossAccount: boolean;
  /** Whether the action is in the ECR or ECR Public catalogue. */
  knownAction: boolean;
}

/** The role a policy plays (`PolicyKind`); also the `kind` argument of `lint`. */
export type PolicyKind = "repository" | "identity" | "boundary" | "session" | "scp" | "rcp" | "registry";

/** One policy of the scenario and what each of its statements did (`PolicyReport`). */
export interface PolicyReport {
  /** `repository`, `registry`, `identity:0`, `boundary`, `session`, `scp:0:1` (level, index), `rcp:1:0`. */
  id: string;
  kind: PolicyKind;
  name: string;
  applies: boolean;
  note: string | null;
  diagnostics: Diagnostic[];
  /** Every statement in source order; empty when the policy could not be parsed. */
  statements: StatementReport[];
}

/** `Allow` or `Deny` (`Effect`). */
export type Effect = "Allow" | "Deny";

/** What a statement did (`StatementOutcome`). */
export type StatementOutcome = "allow-match" | "deny-match" | "no-match" | "not-applicable";

/** What one statement did for the request (`StatementReport`). */
export interface StatementReport {
  index: number;
  sid: string | null;
  effect: Effect;
  /** The whole statement's text. */
  span: Span;
  outcome: StatementOutcome;
  /** `null` when the statement has no `Principal`/`NotPrincipal`. */
  principal: PrincipalReport | null;
  action: ElementReport<ActionMatch> | null;
  /** `null` when a repository policy leaves it out. */
  resource: ElementReport<ResourceMatch> | null;
  conditions: ConditionsOutcome;
}

/** The result of an `Action`/`NotAction` or `Resource`/`NotResource` element (`ElementReport`). */
export interface ElementReport<T> {
  matched: boolean;
  /** `true` for `NotAction`/`NotResource`. */
  negated: boolean;
  /** The element's name in the text. */
  keySpan: Span;
  patterns: PatternReport<T>[];
}

/** One pattern of an element and how it compared with the request (`PatternReport`). */
export interface PatternReport<T> {
  span: Span;
  /** Before applying `Not...`. */
  matched: boolean;
  detail: T;
}

/** The result of a `Principal`/`NotPrincipal` element (`PrincipalReport`). */
export interface PrincipalReport {
  matched: boolean;
  negated: boolean;
  keySpan: Span;
  entries: PatternReport<PrincipalMatch>[];
  note: string | null;
}

/** A condition key a policy references that the request does not carry (`MissingKey`). */
export interface MissingKey {
  key: string;
  references: StatementRef[];
}

// ---- Matching details (engine `matching`) ----

/** One action pattern compared with the request's action (`ActionMatch`). */
export interface ActionMatch {
  pattern: string;
  action: string;
  matched: boolean;
  wildcard: boolean;
  mismatch: ActionMismatch | null;
}

/** Why an action pattern does not match (`ActionMismatch`). */
export type ActionMismatch = "patternHasNoService" | "actionHasNoService" | "differentService" | "differentName";

/** One resource pattern compared with the request's resource (`ResourceMatch`). */
export interface ResourceMatch {
  pattern: string;
  resource: string;
  matched: boolean;
  wildcard: boolean;
  mismatch: ResourceMismatch | null;
}

/** Why a resource pattern does not match (`ResourceMismatch`). */
export type ResourceMismatch =
  | { kind: "patternNotAnArn" }
  | { kind: "wildcardInService" }
  | { kind: "resourceNotAnArn" }
  | { kind: "segment"; segment: ArnSegment };

/** A colon-delimited component of an ARN (`ArnSegment`). */
export type ArnSegment = "prefix" | "partition" | "service" | "region" | "account" | "resource";

/** The kind of principal an entry names (`policy::PrincipalKind`): the bare `"*"`, or the key it is under. */
export type PrincipalKind = "*" | "AWS" | "Service" | "Federated" | "CanonicalUser";

/** How a matching principal entry names the caller (`NamedAs`). */
export type NamedAs =
  | "everyone"
  | "account"
  | "exactUser"
  | "role"
  | "roleSession"
  | "federatedUser"
  | "federatingUser"
  | "service";

/** Why a principal entry does not name the caller (`PrincipalMismatch`). */
export type PrincipalMismatch =
  | "notAWildcard"
  | "partialWildcard"
  | "serviceWildcard"
  | "group"
  | "uniqueId"
  | "unrecognized"
  | "federatedNotModeled"
  | "canonicalUserNotSupported"
  | "callerHasNoAccount"
  | "differentPartition"
  | "differentAccount"
  | "differentPrincipal"
  | "callerNotAService";

/** One principal entry compared with the caller (`PrincipalMatch`). */
export interface PrincipalMatch {
  kind: PrincipalKind;
  value: string;
  /** The caller, as its ARN, service name or `anonymous`. */
  caller: string;
  matched: boolean;
  how: NamedAs | null;
  mismatch: PrincipalMismatch | null;
}

// ---- Conditions (engine `condition::outcome`, `policy::operator`) ----

/** The result of all the conditions of one statement (`ConditionsOutcome`). */
export interface ConditionsOutcome {
  /** Whether every condition matched; true when there are none. */
  matched: boolean;
  each: ConditionOutcome[];
}

/** `ForAllValues` or `ForAnyValue` (`SetQualifier`). */
export type SetQualifier = "ForAllValues" | "ForAnyValue";

/** A base condition operator (`OperatorBase`). */
export type OperatorBase =
  | "StringEquals"
  | "StringNotEquals"
  | "StringEqualsIgnoreCase"
  | "StringNotEqualsIgnoreCase"
  | "StringLike"
  | "StringNotLike"
  | "NumericEquals"
  | "NumericNotEquals"
  | "NumericLessThan"
  | "NumericLessThanEquals"
  | "NumericGreaterThan"
  | "NumericGreaterThanEquals"
  | "DateEquals"
  | "DateNotEquals"
  | "DateLessThan"
  | "DateLessThanEquals"
  | "DateGreaterThan"
  | "DateGreaterThanEquals"
  | "Bool"
  | "BinaryEquals"
  | "IpAddress"
  | "NotIpAddress"
  | "ArnEquals"
  | "ArnLike"
  | "ArnNotEquals"
  | "ArnNotLike"
  | "Null";

/** A parsed condition operator (`Operator`). */
export interface Operator {
  set: SetQualifier | null;
  base: OperatorBase;
  ifExists: boolean;
}

/** The result of one `operator -> key -> values` condition (`ConditionOutcome`). */
export interface ConditionOutcome {
  matched: boolean;
  /** `null` when the operator's name is unknown. */
  operator: Operator | null;
  operatorText: string;
  operatorSpan: Span;
  key: string;
  keySpan: Span;
  /** `null` when the request does not have the key. */
  requestValues: string[] | null;
  valueResults: ValueResult[];
  missingKey: boolean;
  invalidValues: InvalidValue[];
  explanation: ConditionWhy;
}

/** What one policy value did (`ValueResult`). */
export interface ValueResult {
  written: string;
  /** After policy-variable substitution; `null` when a variable has no value and no default. */
  policyValue: string | null;
  span: Span;
  matched: boolean;
  variables: VariableUse[];
  note: ValueNote | null;
}

/** One `${...}` policy variable and what it resolved to (`VariableUse`). */
export interface VariableUse {
  name: string;
  resolved: string | null;
  fromDefault: boolean;
  multivalued: boolean;
}

/** A remark about one policy value (`ValueNote`). */
export type ValueNote =
  | { kind: "invalid"; reason: InvalidReason }
  | { kind: "unresolvedVariable"; name: string }
  | { kind: "variablesLiteralInVersion2008" }
  | { kind: "variablesLiteralInThisOperator" };

/** A value that does not parse for its operator (`InvalidValue`). */
export interface InvalidValue {
  side: ValueSide;
  /** Where a policy value is written; `null` for request values. */
  span: Span | null;
  text: string;
  reason: InvalidReason;
}

/** Which side of a comparison a value is on (`ValueSide`). */
export type ValueSide = "policy" | "request";

/** Why a value does not parse for its operator (`InvalidReason`). */
export type InvalidReason = "notANumber" | "notADate" | "notABoolean" | "notBase64" | "notAnIpAddress";

/** Why a condition matched or not (`ConditionWhy`); read it together with the operator. */
export type ConditionWhy =
  | { kind: "unknownOperator" }
  | { kind: "keyMissingIsFalse" }
  | { kind: "keyMissingNegatedIsTrue" }
  | { kind: "keyMissingIfExistsIsTrue" }
  | { kind: "forAllValuesVacuouslyTrue" }
  | { kind: "forAnyValueMissingIsFalse" }
  | { kind: "nullKeyAbsent" }
  | { kind: "nullKeyPresent" }
  | { kind: "valueMatched"; policyValueIndex: number; requestValue: string }
  | { kind: "noValueMatched" }
  | { kind: "everyRequestValueMatched" }
  | { kind: "requestValueMatchedNothing"; requestValue: string };

// ---- The request context (engine `context`) ----

/** Where a context value came from (`ContextSource`). */
export type ContextSource = "caller" | "derived";

/** One condition key of the request and its values (`ContextEntry`). */
export interface ContextEntry {
  key: string;
  /** The values as text; booleans are `true`/`false`, numbers as written. */
  values: string[];
  /** Whether the key was given as an array; an empty array is an empty set. */
  multivalued: boolean;
  source: ContextSource;
}

// ---- The all-actions matrix (engine `eval::matrix`) ----

/** One action's decision (`MatrixRow`). */
export interface MatrixRow {
  action: string;
  /** Its access level in the catalogue (`Read`, `Write`, ...). */
  accessLevel: string;
  decision: Decision;
  summary: string;
}

/** Every repository action with its decision (`Matrix`). */
export interface Matrix {
  /** In catalogue order. */
  rows: MatrixRow[];
}

// ---- The catalogue (engine `catalog::model`) ----

/** Everything the engine knows about ECR and ECR Public actions and condition keys (`Catalog`). */
export interface Catalog {
  source: CatalogSource;
  /** `ecr` and `ecr-public`. */
  services: Service[];
  /** The global `aws:` condition keys, sorted by name. */
  globalConditionKeys: GlobalConditionKey[];
}

/** The package the catalogue was generated from (`catalog::Source`). */
export interface CatalogSource {
  package: string;
  version: string;
  license: string;
  /** ISO 8601 in UTC. */
  dataUpdatedAt: string;
}

/** One AWS service (`Service`). */
export interface Service {
  /** `ecr` or `ecr-public`. */
  prefix: string;
  name: string;
  actions: Action[];
  resourceTypes: ResourceType[];
  conditionKeys: ConditionKey[];
}

/** One action of a service (`catalog::Action`), e.g. `BatchGetImage`. */
export interface Action {
  /** `ecr` or `ecr-public`. */
  service: string;
  /** Without the prefix. */
  name: string;
  description: string;
  /** `List`, `Read`, `Write`, `Tagging`, `Permissions management`, or several joined by `, `. */
  accessLevel: string;
  /** Empty for registry-level actions such as GetAuthorizationToken. */
  resourceTypes: ActionResourceType[];
  conditionKeys: string[];
  dependentActions: string[];
}

/** A resource type an action takes (`ActionResourceType`). */
export interface ActionResourceType {
  name: string;
  /** Whether the action always needs this resource. */
  required: boolean;
  conditionKeys: string[];
}

/** A resource type with its ARN format (`ResourceType`). */
export interface ResourceType {
  name: string;
  arnFormat: string;
  conditionKeys: string[];
}

/** The type of a condition key's values (`catalog::ValueType`). */
export type ValueType = "String" | "ARN" | "Bool" | "Date" | "Numeric" | "IPAddress" | "Binary";

/** A condition key a service documents (`ConditionKey`). */
export interface ConditionKey {
  name: string;
  description: string;
  valueType: ValueType;
  multiValued: boolean;
}

/** A global `aws:` condition key (`GlobalConditionKey`). */
export interface GlobalConditionKey {
  name: string;
  /** `principal`, `session`, `network`, `resource` or `request`. */
  category: string;
  valueType: ValueType;
  alternateTypes: ValueType[];
  multiValued: boolean;
  whenPresent: string | null;
}
