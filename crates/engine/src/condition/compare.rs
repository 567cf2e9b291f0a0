//! Compares every policy value of a condition with every request value, in the way the operator's family
//! reads and compares values (OPS). The result is the table of positive matches, before negation and set
//! qualifiers, which `set` turns into the condition's outcome.
//!
//! A value that does not parse for the family never matches and is reported, whichever side it is on.
//! "Never matches" is about the positive comparison: a negated operator therefore counts such a value as
//! one the request differs from (`NotIpAddress` with a bad block holds), as it does for an unresolved
//! policy variable (VARS).
//! Policy variables are substituted only for the String and ARN families (section 8); elsewhere `${...}`
//! is plain text, which no other family accepts as a value.

use super::outcome::{InvalidReason, InvalidValue, ValueNote, ValueResult, ValueSide};
use super::pattern::Pattern;
use super::string::{self, StringOperand};
use super::variables::{substitute, variables_in};
use super::{binary, boolean, date, ip, numeric};
use crate::context::Context;
use crate::policy::{ConditionValue, OperatorBase, OperatorFamily, SharedStr, Version};
use std::cmp::Ordering;

/// Every policy value compared with every request value.
#[derive(Debug)]
pub(super) struct Compared {
    /// One result per policy value, `matched` filled in from `matches`.
    pub(super) value_results: Vec<ValueResult>,
    /// The values that do not parse for the operator.
    pub(super) invalid_values: Vec<InvalidValue>,
    /// `matches[r][p]`: whether the positive form of the operator holds between request value `r` and
    /// policy value `p`.
    pub(super) matches: Vec<Vec<bool>>,
}

/// Compares `values` with `request` under `base`, substituting variables from `context` where the family
/// allows them.
pub(super) fn compare(
    base: OperatorBase,
    values: &[ConditionValue],
    request: &[String],
    context: &Context,
    version: Version,
) -> Compared {
    let request_text = || request.iter().map(|value| Some(value.as_str())).collect();
    match base.family() {
        OperatorFamily::String => {
            let policy = substituted(values, context, version, |text, pattern| StringOperand {
                text,
                pattern,
            });
            table(policy, request_text(), Vec::new(), |policy, request| {
                string::holds(base, policy, request)
            })
        }
        OperatorFamily::Arn => {
            let policy = substituted(values, context, version, |_, pattern| pattern);
            table(
                policy,
                request_text(),
                Vec::new(),
                |policy: &Pattern, request: &&str| policy.matches_arn(request),
            )
        }
        OperatorFamily::Numeric => parsed(
            values,
            request,
            numeric::parse,
            InvalidReason::NotANumber,
            |policy, request| ordering_holds(base, request.cmp(policy)),
        ),
        OperatorFamily::Date => parsed(
            values,
            request,
            date::parse,
            InvalidReason::NotADate,
            |policy, request| ordering_holds(base, request.cmp(policy)),
        ),
        OperatorFamily::Bool | OperatorFamily::Null => parsed(
            values,
            request,
            boolean::parse,
            InvalidReason::NotABoolean,
            |policy, request| policy == request,
        ),
        OperatorFamily::Binary => parsed(
            values,
            request,
            binary::decode,
            InvalidReason::NotBase64,
            |policy, request| policy == request,
        ),
        OperatorFamily::Ip => parsed(
            values,
            request,
            ip::parse,
            InvalidReason::NotAnIpAddress,
            |policy, request| policy.contains(request),
        ),
    }
}

/// Whether the ordering of the request value relative to the policy value satisfies a Numeric or Date
/// operator: `NumericLessThan` holds when the request value is less than the policy value.
fn ordering_holds(base: OperatorBase, request_to_policy: Ordering) -> bool {
    match base {
        OperatorBase::NumericEquals
        | OperatorBase::NumericNotEquals
        | OperatorBase::DateEquals
        | OperatorBase::DateNotEquals => request_to_policy == Ordering::Equal,
        OperatorBase::NumericLessThan | OperatorBase::DateLessThan => {
            request_to_policy == Ordering::Less
        }
        OperatorBase::NumericLessThanEquals | OperatorBase::DateLessThanEquals => {
            request_to_policy != Ordering::Greater
        }
        OperatorBase::NumericGreaterThan | OperatorBase::DateGreaterThan => {
            request_to_policy == Ordering::Greater
        }
        OperatorBase::NumericGreaterThanEquals | OperatorBase::DateGreaterThanEquals => {
            request_to_policy != Ordering::Less
        }
        _ => false,
    }
}

/// A policy value ready to compare: its result so far, and its operand (`None` never matches).
struct Prepared<P> {
    result: ValueResult,
    operand: Option<P>,
}

/// Policy values of the String and ARN families, with their variables substituted (VARS).
fn substituted<P>(
    values: &[ConditionValue],
    context: &Context,
    version: Version,
    operand: impl Fn(SharedStr, Pattern) -> P,
) -> Vec<Prepared<P>> {
    values
        .iter()
        .map(|value| {
            let substitution = substitute(&value.text, context, version);
            let note = if version.supports_variables() {
                substitution
                    .variables
                    .iter()
                    .find(|variable| variable.resolved.is_none())
                    .map(|variable| ValueNote::UnresolvedVariable {
                        name: variable.name.clone(),
                    })
            } else {
                (!variables_in(&value.text).is_empty())
                    .then_some(ValueNote::VariablesLiteralInVersion2008)
            };
            let written = SharedStr::from(&value.text);
            let policy_value = substitution.value.map(|substituted| {
                if substituted == value.text {
                    written.clone()
                } else {
                    SharedStr::from(substituted)
                }
            });
            // The operand shares the substituted text with the result.
            let prepared = policy_value
                .clone()
                .zip(substitution.pattern)
                .map(|(text, pattern)| operand(text, pattern));
            Prepared {
                result: ValueResult {
                    written,
                    policy_value,
                    span: value.span,
                    matched: false,
                    variables: substitution.variables,
                    note,
                },
                operand: prepared,
            }
        })
        .collect()
}

/// Policy and request values of the families that parse their values, with `parse`.
fn parsed<P>(
    values: &[ConditionValue],
    request: &[String],
    parse: impl Fn(&str) -> Option<P>,
    reason: InvalidReason,
    holds: impl Fn(&P, &P) -> bool,
) -> Compared {
    let mut invalid_values = Vec::new();
    let policy = values
        .iter()
        .map(|value| {
            let operand = parse(&value.text);
            if operand.is_none() {
                invalid_values.push(InvalidValue {
                    side: ValueSide::Policy,
                    span: Some(value.span),
                    text: value.text.to_string(),
                    reason,
                });
            }
            let written = SharedStr::from(&value.text);
            Prepared {
                result: ValueResult {
                    policy_value: Some(written.clone()),
                    written,
                    span: value.span,
                    matched: false,
                    variables: Vec::new(),
                    note: operand.is_none().then_some(ValueNote::Invalid { reason }),
                },
                operand,
            }
        })
        .collect();
    let request = request
        .iter()
        .map(|value| {
            let operand = parse(value);
            if operand.is_none() {
                invalid_values.push(InvalidValue {
                    side: ValueSide::Request,
                    span: None,
                    text: value.clone(),
                    reason,
                });
            }
            operand
        })
        .collect();
    table(policy, request, invalid_values, holds)
}

fn table<P, R>(
    policy: Vec<Prepared<P>>,
    request: Vec<Option<R>>,
    invalid_values: Vec<InvalidValue>,
    holds: impl Fn(&P, &R) -> bool,
) -> Compared {
    let matches: Vec<Vec<bool>> = request
        .iter()
        .map(|request| {
            policy
                .iter()
                .map(|policy| match (&policy.operand, request) {
                    (Some(policy), Some(request)) => holds(policy, request),
                    _ => false,
                })
                .collect()
        })
        .collect();
    let value_results = policy
        .into_iter()
        .enumerate()
        .map(|(index, prepared)| ValueResult {
            matched: matches.iter().any(|row| row.get(index) == Some(&true)),
            ..prepared.result
        })
        .collect();
    Compared {
        value_results,
        invalid_values,
        matches,
    }
}
