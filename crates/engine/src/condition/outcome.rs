//! What evaluating a condition returns: the result and every fact behind it, as data the page and the CLI
//! render (the evaluation result, `crates/ARCHITECTURE.md`).

use serde::Serialize;

use super::variables::VariableUse;
use crate::policy::{Operator, SharedList, SharedStr};
use crate::span::Span;

/// The result of all the conditions of one statement: they AND together (MV, ECRIAM).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ConditionsOutcome {
    /// Whether every condition matched; true when there are none.
    pub matched: bool,
    /// Each condition's outcome, in source order. All are evaluated, even after one fails.
    pub each: Vec<ConditionOutcome>,
}

/// The result of one `operator -> key -> values` condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ConditionOutcome {
    /// Whether the condition holds for the request.
    pub matched: bool,
    /// The operator; `None` when its name is unknown.
    pub operator: Option<Operator>,
    /// The operator as written.
    pub operator_text: SharedStr,
    /// Where the operator is written.
    pub operator_span: Span,
    /// The condition key as written.
    pub key: SharedStr,
    /// Where the key is written.
    pub key_span: Span,
    /// The request's values for the key; `None` when the request does not have the key.
    pub request_values: Option<SharedList<SharedStr>>,
    /// One result per policy value, in source order.
    pub value_results: Vec<ValueResult>,
    /// Whether the key is missing from the request or has no values (an empty set counts as missing);
    /// left out when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub missing_key: bool,
    /// Policy and request values that do not parse for the operator; they never match. Left out when
    /// there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid_values: Vec<InvalidValue>,
    /// Why the condition matched or not.
    pub explanation: ConditionWhy,
}

/// What one policy value did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValueResult {
    /// The value as written.
    pub written: SharedStr,
    /// The value after policy-variable substitution; `None` when a variable has no value and no default.
    pub policy_value: Option<SharedStr>,
    /// Where the value is written.
    pub span: Span,
    /// Whether the operator's comparison, before any negation, held between this value and at least one
    /// request value. For a negated operator a matched value is one the request was required not to match.
    pub matched: bool,
    /// The policy variables the value uses and what they resolved to; left out when it uses none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variables: Vec<VariableUse>,
    /// Something worth telling about this value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<ValueNote>,
}

/// A remark about one policy value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ValueNote {
    /// The value does not parse for the operator, so it never matches.
    Invalid {
        /// Why it does not parse.
        reason: InvalidReason,
    },
    /// A policy variable has no value and no default: the value matches nothing (VARS).
    UnresolvedVariable {
        /// The first variable without a value.
        name: String,
    },
    /// The value contains `${...}`, taken literally because the policy's version is 2008-10-17 (VARS).
    VariablesLiteralInVersion2008,
    /// The value contains `${...}`, taken literally because variables work only in String and ARN
    /// operators (section 8, "Policy variables inside Bool").
    VariablesLiteralInThisOperator,
}

/// A value that does not parse for its operator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct InvalidValue {
    /// Whether it is a policy value or a request value.
    pub side: ValueSide,
    /// Where a policy value is written; `None` for request values.
    pub span: Option<Span>,
    /// The value.
    pub text: String,
    /// Why it does not parse.
    pub reason: InvalidReason,
}

/// Which side of a comparison a value is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ValueSide {
    /// A value written in the policy.
    Policy,
    /// A value the request carries.
    Request,
}

/// Why a value does not parse for its operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum InvalidReason {
    /// Numeric operators need an integer or a decimal number.
    NotANumber,
    /// Date operators need a W3C ISO-8601 date or epoch seconds.
    NotADate,
    /// `Bool` and `Null` need `true` or `false`.
    NotABoolean,
    /// `BinaryEquals` needs base64.
    NotBase64,
    /// IP operators need an IPv4 or IPv6 address or CIDR block.
    NotAnIpAddress,
}

impl InvalidReason {
    /// A short message for people.
    pub fn message(self) -> &'static str {
        match self {
            InvalidReason::NotANumber => "not an integer or decimal number",
            InvalidReason::NotADate => "not a W3C ISO-8601 date or epoch seconds",
            InvalidReason::NotABoolean => "not `true` or `false`",
            InvalidReason::NotBase64 => "not base64",
            InvalidReason::NotAnIpAddress => "not an IPv4 or IPv6 address or CIDR block",
        }
    }
}

/// Why a condition matched or not. Read it together with the operator: the same fact (for example "a
/// request value matched a policy value") makes a positive operator true and a negated one false.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ConditionWhy {
    /// The operator's name is unknown; the condition does not match.
    UnknownOperator,
    /// The key is missing: an ordinary operator is false (OPS).
    KeyMissingIsFalse,
    /// The key is missing: a negated operator is true (OPS).
    KeyMissingNegatedIsTrue,
    /// The key is missing: `...IfExists` is true (OPS).
    KeyMissingIfExistsIsTrue,
    /// The key is missing or an empty set: `ForAllValues:` is vacuously true (OPS, MV, section 8).
    ForAllValuesVacuouslyTrue,
    /// The key is missing or an empty set: `ForAnyValue:` is false (OPS, MV).
    ForAnyValueMissingIsFalse,
    /// `Null`: the key is absent from the request (a `true` policy value matches it).
    NullKeyAbsent,
    /// `Null`: the key is present (a `false` policy value matches it).
    NullKeyPresent,
    /// A request value matched a policy value: true for positive operators and `ForAnyValue:`, false for
    /// negated operators and `ForAllValues:` with a negated operator.
    ValueMatched {
        /// The policy value's position in the condition's values, from 0.
        policy_value_index: usize,
        /// The request value it matched.
        request_value: String,
    },
    /// No request value matched any policy value: false for positive operators and `ForAnyValue:`, true
    /// for negated operators and `ForAllValues:` with a negated operator.
    NoValueMatched,
    /// Every request value matched some policy value: true for `ForAllValues:`, false for `ForAnyValue:`
    /// with a negated operator.
    EveryRequestValueMatched,
    /// This request value matched none of the policy values: false for `ForAllValues:`, true for
    /// `ForAnyValue:` with a negated operator.
    RequestValueMatchedNothing {
        /// The request value.
        request_value: String,
    },
}
