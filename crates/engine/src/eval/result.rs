//! What an evaluation returns (see "The scenario document" in `crates/ARCHITECTURE.md`): the decision, the
//! reason chain, every statement of every policy with what it did and why, the context used and the keys
//! that were missing.
//! The page and the CLI `--json` print this as it is, so it serializes in camelCase, and compactly: what
//! the policy text or the request facts already say is not written again (a pattern's text, the caller,
//! the action, a statement's label), and fields that are `null`, empty or `false` are left out where
//! their absence says the same (README, "The evaluation result as JSON").

use serde::{Serialize, Serializer};

use crate::condition::ConditionsOutcome;
use crate::context::ContextEntry;
use crate::decision::Decision;
use crate::diagnostic::Diagnostic;
use crate::matching::{
    ActionMatch, ActionMismatch, NamedAs, PrincipalMatch, PrincipalMismatch, ResourceMatch,
    ResourceMismatch,
};
use crate::operation::Operation;
use crate::policy::{Effect, PolicyKind, PrincipalKind, Shared, SharedList, SharedStr};
use crate::span::Span;
use crate::unwrap::Wrapper;

/// The full result of evaluating one scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    /// The decision.
    pub decision: Decision,
    /// One sentence that says what was decided and why.
    pub summary: String,
    /// The steps of the decision procedure that fired, in order.
    pub reasons: Vec<Reason>,
    /// Facts about the request that the procedure used.
    pub request: RequestFacts,
    /// Every policy of the scenario, with every statement's outcome.
    pub policies: Vec<PolicyReport>,
    /// The request context actually used: the caller's keys and the derived ones.
    pub context: Vec<ContextEntry>,
    /// Condition keys that policies reference but the request does not have.
    pub missing_keys: Vec<MissingKey>,
    /// Problems with the request itself (an unreadable principal), which make the decision `invalid`.
    pub request_errors: Vec<String>,
    /// For a request that names an operation: the operation. The evaluation is then the operation's
    /// (iam-semantics.md section 7): its decision, a reason chain that starts with the action that
    /// decided, and that action's reports, request facts and context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    /// For an operation: each of its actions, in the table's order, with its own evaluation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<OperationAction>,
}

/// One action of an operation and its decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OperationAction {
    /// The action, such as `ecr:GetAuthorizationToken`.
    pub action: String,
    /// The resource it was decided on: `*` for a registry-level action, else the repository ARN.
    pub resource: String,
    /// Its decision.
    pub decision: Decision,
    /// Its full evaluation.
    pub evaluation: Evaluation,
}

/// One step of the reason chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    /// Which step of the procedure this is.
    pub step: Step,
    /// Whether the step allowed, denied, or only informs.
    pub verdict: Verdict,
    /// The step in words.
    pub message: String,
    /// The statements that caused it.
    pub statements: Vec<StatementRef>,
}

/// The steps of the decision procedure (iam-semantics.md section 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Step {
    /// Which policies apply to this request and why.
    Applicability,
    /// Step 1: a matching Deny in any applicable policy.
    ExplicitDeny,
    /// Step 2: resource control policies.
    ResourceControlPolicies,
    /// Step 3: service control policies.
    ServiceControlPolicies,
    /// Step 4: the ECR resource-based policies: the repository policy and, when the scenario has one, the
    /// registry policy (section 7).
    RepositoryPolicy,
    /// Step 5: identity policies.
    IdentityPolicies,
    /// Step 6: the permissions boundary.
    PermissionsBoundary,
    /// Step 7: the session policy.
    SessionPolicy,
    /// An operation (section 7): the first of its actions not allowed decides, or every action is allowed.
    Operation,
    /// Cross-account: both accounts must allow.
    CrossAccount,
    /// The final decision.
    Decision,
}

/// What a step did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Verdict {
    /// The step allowed (or let the request through).
    Allow,
    /// The step denied.
    Deny,
    /// The step only informs.
    Info,
}

/// A statement of a policy of the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StatementRef {
    /// The policy's id (see [`PolicyReport::id`]).
    pub policy: String,
    /// The statement's index in the policy, from 0.
    pub statement: usize,
}

/// Facts about the request.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RequestFacts {
    /// The principal as given.
    pub principal: String,
    /// The principal's type (`User`, `AssumedRole`, ..., section 8), or `AWSService`.
    pub principal_type: Option<String>,
    /// The principal's account, when it has one.
    pub principal_account: Option<String>,
    /// The action as given.
    pub action: String,
    /// The resource as given.
    pub resource: String,
    /// The repository's account: from the repository ARN, or the principal's for registry-level actions.
    pub resource_account: Option<String>,
    /// Whether the action is registry-level (no repository resource), so the repository policy does not apply.
    pub registry_level: bool,
    /// Whether the principal and the repository are in different accounts.
    pub cross_account: bool,
    /// Whether the action is in the ECR or ECR Public catalogue.
    pub known_action: bool,
    /// The catalogue action a misspelled action probably means (`ecr:BatchGetImages` ->
    /// `ecr:BatchGetImage`), for the decision to offer; `None` (left out) when the action is known or
    /// nothing is close.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_action: Option<String>,
    /// The caller as principal entries are compared with it: its ARN, service name or `anonymous`;
    /// `None` when the principal could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller: Option<String>,
}

/// One policy of the scenario and what each of its statements did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PolicyReport {
    /// A stable id: `repository`, `identity:0`, `boundary`, `session`, `scp:0:1` (level, index), `rcp:1:0`.
    pub id: SharedStr,
    /// The kind of policy.
    pub kind: PolicyKind,
    /// A name for people: the identity policy's tab name, `SCP level 1 (root), policy 2`, ...
    pub name: SharedStr,
    /// Whether the policy takes part in this request; when not, `note` says why.
    pub applies: bool,
    /// Why the policy does not apply, or a remark on how it applied.
    pub note: Option<String>,
    /// The parser's and the linter's findings.
    pub diagnostics: SharedList<Diagnostic>,
    /// When the policy text wrapped the policy (CLI output, a JSON string), what was recognised; every
    /// span of the report points into the text as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrapper: Option<Shared<Wrapper>>,
    /// Where the policy's text is in the scenario document, when it was written there as a JSON object:
    /// the spans of this report are spans of that text, and [`Span::within`] makes them spans of the
    /// document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_at: Option<Span>,
    /// Every statement, in source order; empty when the policy could not be parsed.
    pub statements: Vec<StatementReport>,
}

/// What one statement did for the request.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StatementReport {
    /// The index in its policy, from 0.
    pub index: usize,
    /// The `Sid`, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sid: Option<SharedStr>,
    /// How messages and the page name the statement: its `Sid` in backticks after `statement`, or
    /// `statement 2` (counted from 1) when it has none (or an empty one). Not written out: the `Sid` and
    /// the index say it.
    #[serde(skip)]
    pub label: SharedStr,
    /// The effect.
    pub effect: Effect,
    /// The whole statement's text.
    pub span: Span,
    /// What the statement did.
    pub outcome: StatementOutcome,
    /// The `Principal`/`NotPrincipal` element's result; `None` when the statement has none. Shared: it
    /// is the same for every action of a scenario.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub principal: Option<Shared<PrincipalReport>>,
    /// The `Action`/`NotAction` element's result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<ElementReport<ActionMatch>>,
    /// The `Resource`/`NotResource` element's result; `None` when a repository policy leaves it out.
    /// Shared: it is the same for every action of a scenario unless its variables read the clock.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource: Option<Shared<ElementReport<ResourceMatch>>>,
    /// The conditions' results. Shared: they are the same for every action of a scenario unless one
    /// reads the clock. Not written out when the statement has none (they then match).
    #[serde(default, skip_serializing_if = "no_conditions")]
    pub conditions: Shared<ConditionsOutcome>,
}

/// Whether a statement has no conditions, which then match: its `conditions` are not written out.
fn no_conditions(conditions: &Shared<ConditionsOutcome>) -> bool {
    conditions.matched && conditions.each.is_empty()
}

/// What a statement did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum StatementOutcome {
    /// An Allow statement that matches the request.
    AllowMatch,
    /// A Deny statement that matches the request.
    DenyMatch,
    /// The statement does not match the request.
    NoMatch,
    /// The statement's policy does not take part in this request.
    NotApplicable,
}

/// The result of an `Action`/`NotAction` or `Resource`/`NotResource` element.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", bound(serialize = "T: PatternDetail"))]
pub struct ElementReport<T> {
    /// Whether the element matches the request (after applying `Not...`). Not written out: it is whether
    /// any pattern matches, flipped for `Not...` (NOTACT, NOTRES).
    #[serde(skip)]
    pub matched: bool,
    /// `true` for `NotAction`/`NotResource`; left out when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    /// The element's name in the text.
    pub key_span: Span,
    /// Each pattern's result, in source order.
    pub patterns: Vec<PatternReport<T>>,
}

/// One pattern of an element and how it compared with the request. Written out as one flat object:
/// `span`; `matched` when it matches; `value`, the pattern or principal as compared, only when it is not
/// the string written at `span` (an escape in it, or a substituted variable); then the detail's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct PatternReport<T> {
    /// Where the pattern is written: the JSON string, quotes included.
    pub span: Span,
    /// Whether it matches the request (before applying `Not...`).
    pub matched: bool,
    /// The comparison in detail.
    pub detail: T,
}

/// The TypeScript type of a serialized [`PatternReport`].
#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const PATTERN_REPORT: &str = r#"/**
 * One pattern of an element and how it compared with the request: where it is written (the JSON string,
 * quotes included); `matched` when it matches (before applying `Not...`); `value`, the pattern or
 * principal as compared, only when it is not the string written at `span` (read it there otherwise:
 * `text.slice(from + 1, to - 1)`); then the comparison's detail.
 */
export type PatternReport<T> = { span: Span; matched?: boolean; value?: string } & T;"#;

/// A pattern's comparison in detail, as a [`PatternReport`] holds it: what it compared with the request,
/// and the fields it adds to the report's flat object after `span`, `matched` and `value`. Those fields
/// are the ones the detail's own serialization writes, in its order (a test holds them to it): the
/// report names them itself, so that it is written as one struct and not through serde's `flatten`,
/// which writes a map whose keys the page's module would convert into JavaScript strings one by one.
pub trait PatternDetail {
    /// The type of the detail's `mismatch`.
    type Mismatch: Serialize;
    /// The pattern or principal as compared.
    fn compared(&self) -> &str;
    /// Whether [`PatternDetail::compared`] is the string as written, not a substitution of it.
    fn as_written(&self) -> bool {
        true
    }
    /// How a principal entry is written; `None` for an action or a resource.
    fn kind(&self) -> Option<PrincipalKind> {
        None
    }
    /// Whether an action or resource pattern contains `*` or `?`; `false` for a principal entry.
    fn wildcard(&self) -> bool {
        false
    }
    /// How a principal entry names the caller; `None` for an action or a resource, or no match.
    fn how(&self) -> Option<NamedAs> {
        None
    }
    /// Why the pattern does not match; `None` when it matches.
    fn mismatch(&self) -> Option<&Self::Mismatch>;
}

impl PatternDetail for ActionMatch {
    type Mismatch = ActionMismatch;

    fn compared(&self) -> &str {
        &self.pattern
    }

    fn wildcard(&self) -> bool {
        self.wildcard
    }

    fn mismatch(&self) -> Option<&ActionMismatch> {
        self.mismatch.as_ref()
    }
}

impl PatternDetail for ResourceMatch {
    type Mismatch = ResourceMismatch;

    fn compared(&self) -> &str {
        &self.pattern
    }

    fn as_written(&self) -> bool {
        !self.substituted
    }

    fn wildcard(&self) -> bool {
        self.wildcard
    }

    fn mismatch(&self) -> Option<&ResourceMismatch> {
        self.mismatch.as_ref()
    }
}

impl PatternDetail for PrincipalMatch {
    type Mismatch = PrincipalMismatch;

    fn compared(&self) -> &str {
        &self.value
    }

    fn kind(&self) -> Option<PrincipalKind> {
        Some(self.kind)
    }

    fn how(&self) -> Option<NamedAs> {
        self.how
    }

    fn mismatch(&self) -> Option<&PrincipalMismatch> {
        self.mismatch.as_ref()
    }
}

impl<T: PatternDetail> Serialize for PatternReport<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let detail = &self.detail;
        let value = detail.compared();
        let in_text = detail.as_written() && written_plainly(self.span, value);
        PatternJson {
            span: self.span,
            matched: self.matched,
            value: (!in_text).then_some(value),
            kind: detail.kind(),
            wildcard: detail.wildcard(),
            how: detail.how(),
            mismatch: detail.mismatch(),
        }
        .serialize(serializer)
    }
}

/// How a [`PatternReport`] is written out: its own fields, then its detail's.
#[derive(Serialize)]
struct PatternJson<'a, M> {
    span: Span,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    matched: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<PrincipalKind>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    wildcard: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    how: Option<NamedAs>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mismatch: Option<&'a M>,
}

/// Whether the JSON string at `span`, whose value is `value`, is written without escapes, so that the
/// text between its quotes is `value`. Every escape is longer in UTF-8 than what it stands for (`\n` is
/// two bytes for one, `\u00e9` six for two, a surrogate pair's twelve for four), so the string is written
/// plainly exactly when it is its value's length and two quotes long. A span mapped into a text that
/// wrapped the policy (an escaped JSON string) is longer too, so its value is written out.
fn written_plainly(span: Span, value: &str) -> bool {
    span.end.saturating_sub(span.start) as usize == value.len() + 2
}

/// The result of a `Principal`/`NotPrincipal` element.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PrincipalReport {
    /// Whether the element matches the request (after applying `NotPrincipal`); left out when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub matched: bool,
    /// `true` for `NotPrincipal`; left out when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
    /// The element's name in the text.
    pub key_span: Span,
    /// Each principal entry's result, in source order.
    pub entries: Vec<PatternReport<PrincipalMatch>>,
    /// A remark, such as NOTPRIN's rule that a Deny with NotPrincipal always applies to a principal with a
    /// permissions boundary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A condition key a policy references that the request does not carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MissingKey {
    /// The key as written in the policy.
    pub key: String,
    /// Where it is referenced.
    pub references: Vec<StatementRef>,
}

#[cfg(test)]
mod tests;
