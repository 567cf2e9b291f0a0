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

use super::operand::{Parsed, Reads, parsed_holds, reads, text_holds};
use super::outcome::{InvalidReason, InvalidValue, ValueNote, ValueResult, ValueSide};
use super::policy_text::{PolicyText, policy_text_and_variables};
use super::variables::variables_in;
use crate::context::Context;
use crate::policy::{ConditionValue, OperatorBase, SharedStr, Version};

/// Every policy value compared with every request value.
#[derive(Debug)]
pub(super) struct Compared {
    /// One result per policy value, `matched` filled in from `matches`.
    pub(super) value_results: Vec<ValueResult>,
    /// The values that do not parse for the operator.
    pub(super) invalid_values: Vec<InvalidValue>,
    /// Whether the positive form of the operator holds between each request value and each policy
    /// value.
    pub(super) matches: Matches,
}

/// Whether the positive form of an operator holds between each request value and each policy value: a
/// row of cells per request value, one cell per policy value, in one list.
#[derive(Debug)]
pub(super) struct Matches {
    /// The number of request values: of rows.
    request_values: usize,
    /// The number of policy values: the length of a row.
    policy_values: usize,
    /// The rows, one after the other.
    cells: Vec<bool>,
}

impl Matches {
    /// Each request value's row, in order: whether it matches each policy value.
    pub(super) fn rows(&self) -> impl Iterator<Item = &[bool]> {
        (0..self.request_values).map(|row| {
            self.cells
                .get(row * self.policy_values..(row + 1) * self.policy_values)
                .unwrap_or_default()
        })
    }
}

/// Compares `values` with `request` under `base`, substituting variables from `context` where the family
/// allows them.
pub(super) fn compare(
    base: OperatorBase,
    values: &[ConditionValue],
    request: &[SharedStr],
    context: &Context,
    version: Version,
) -> Compared {
    match reads(base.family()) {
        Reads::Text => {
            let policy = substituted(values, context, version);
            let request = request.iter().map(|value| Some(value.as_str())).collect();
            table(policy, request, Vec::new(), |policy, request: &&str| {
                text_holds(base, policy, request)
            })
        }
        Reads::Parsed(reason, parse) => {
            parsed(values, request, parse, reason, |policy, request| {
                parsed_holds(base, policy, request)
            })
        }
    }
}

/// A policy value ready to compare: its result so far, and its operand (`None` never matches).
struct Prepared<P> {
    result: ValueResult,
    operand: Option<P>,
}

/// Policy values of the String and ARN families, with their variables substituted (VARS).
fn substituted<'v>(
    values: &'v [ConditionValue],
    context: &Context,
    version: Version,
) -> Vec<Prepared<PolicyText<'v>>> {
    values
        .iter()
        .map(|value| {
            let (operand, variables) = policy_text_and_variables(&value.text, context, version);
            let note = if version.supports_variables() {
                variables
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
            // The result shares the substituted text with the operand.
            let policy_value = operand.as_ref().map(|operand| match operand {
                PolicyText::Written { .. } => written.clone(),
                PolicyText::Substituted { text, .. } => text.clone(),
            });
            Prepared {
                result: ValueResult {
                    written,
                    policy_value,
                    span: value.span,
                    matched: false,
                    variables,
                    note,
                },
                operand,
            }
        })
        .collect()
}

/// Policy and request values of the families that parse their values, with `parse`.
fn parsed(
    values: &[ConditionValue],
    request: &[SharedStr],
    parse: fn(&str) -> Option<Parsed>,
    reason: InvalidReason,
    holds: impl Fn(&Parsed, &Parsed) -> bool,
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
                    text: String::from(value),
                    reason,
                });
            }
            operand
        })
        .collect();
    table(policy, request, invalid_values, holds)
}

/// The table of matches of the prepared policy values with the request values, and each policy value's
/// result with whether it matched some request value.
fn table<P, R>(
    policy: Vec<Prepared<P>>,
    request: Vec<Option<R>>,
    invalid_values: Vec<InvalidValue>,
    holds: impl Fn(&P, &R) -> bool,
) -> Compared {
    let mut cells = Vec::with_capacity(request.len() * policy.len());
    for request in &request {
        cells.extend(
            policy
                .iter()
                .map(|policy| match (&policy.operand, request) {
                    (Some(policy), Some(request)) => holds(policy, request),
                    _ => false,
                }),
        );
    }
    let matches = Matches {
        request_values: request.len(),
        policy_values: policy.len(),
        cells,
    };
    let value_results = policy
        .into_iter()
        .enumerate()
        .map(|(index, prepared)| ValueResult {
            matched: matches.rows().any(|row| row.get(index) == Some(&true)),
            ..prepared.result
        })
        .collect();
    Compared {
        value_results,
        invalid_values,
        matches,
    }
}
