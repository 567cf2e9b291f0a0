//! How a condition's request values combine into its result, for the explained outcome (from the table
//! of matches) and for the decision alone ([`Quantifier`]): missing keys, negated operators, `IfExists`
//! and the set qualifiers `ForAllValues:` and `ForAnyValue:` (OPS, MV, section 8).
//!
//! With M(r) = "request value r matches at least one policy value" (several policy values OR):
//! - a positive operator, and `ForAnyValue:` with one: some r has M(r);
//! - a negated operator, and `ForAllValues:` with one: no r has M(r), so with several policy values the
//!   request must match none of them (MV: negated operators with several values behave as AND);
//! - `ForAllValues:` with a positive operator: every r has M(r);
//! - `ForAnyValue:` with a negated operator: some r has not M(r).
//!
//! A plain operator on a multivalued key is UNCONFIRMED in the rule book (section 3). This reads it as the
//! formulas above say for single values: a positive operator holds when any request value matches, a
//! negated one when no request value matches any policy value. That is `ForAnyValue:` for positive
//! operators and `ForAllValues:` for negated ones.
//!
//! A missing key, and a key whose set of values is empty, behave alike: `IfExists` is true, then
//! `ForAllValues:` is vacuously true (section 8), `ForAnyValue:` is false, even with a negated operator,
//! as its formula gives for an empty set, and a plain operator is false when positive, true when negated.

use super::compare::Matches;
use super::outcome::ConditionWhy;
use crate::policy::{Operator, SetQualifier, SharedStr};

/// How the request values of a condition combine, before negation: the formulas above read with the
/// negation taken out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quantifier {
    /// Some request value must match a policy value (a positive operator, `ForAnyValue:` with one; a
    /// negated operator and `ForAllValues:` with one, negated).
    Some,
    /// Every request value must match a policy value (`ForAllValues:` with a positive operator;
    /// `ForAnyValue:` with a negated one, negated).
    Every,
}

impl Quantifier {
    fn of(operator: Operator) -> Self {
        match (operator.set, operator.base.is_negated()) {
            (Some(SetQualifier::ForAllValues), false) | (Some(SetQualifier::ForAnyValue), true) => {
                Quantifier::Every
            }
            _ => Quantifier::Some,
        }
    }
}

/// Whether the condition holds for the request values `request`, given whether each request value
/// matches at least one policy value (`matches_some`): the decision alone, each request value compared
/// only until the result is known.
pub(super) fn holds(
    operator: Operator,
    request: &[SharedStr],
    mut matches_some: impl FnMut(&str) -> bool,
) -> bool {
    if request.is_empty() {
        return missing(operator).0;
    }
    let quantified = match Quantifier::of(operator) {
        Quantifier::Every => request.iter().all(|value| matches_some(value)),
        Quantifier::Some => request.iter().any(|value| matches_some(value)),
    };
    quantified != operator.base.is_negated()
}

/// Whether the condition holds, and why, given whether each of the request values `request` matches
/// each policy value.
pub(super) fn decide(
    operator: Operator,
    matches: &Matches,
    request: &[SharedStr],
) -> (bool, ConditionWhy) {
    let negated = operator.base.is_negated();
    if request.is_empty() {
        return missing(operator);
    }
    let matches_some = |row: &[bool]| row.iter().any(|matched| *matched);
    if Quantifier::of(operator) == Quantifier::Every {
        let unmatched = request
            .iter()
            .zip(matches.rows())
            .find(|(_, row)| !matches_some(row));
        let why = match unmatched {
            Some((value, _)) => ConditionWhy::RequestValueMatchedNothing {
                request_value: String::from(value),
            },
            None => ConditionWhy::EveryRequestValueMatched,
        };
        (unmatched.is_none() != negated, why)
    } else {
        let first = request.iter().zip(matches.rows()).find_map(|(value, row)| {
            row.iter()
                .position(|matched| *matched)
                .map(|policy_value_index| (policy_value_index, value))
        });
        let why = match first {
            Some((policy_value_index, value)) => ConditionWhy::ValueMatched {
                policy_value_index,
                request_value: String::from(value),
            },
            None => ConditionWhy::NoValueMatched,
        };
        (first.is_some() != negated, why)
    }
}

/// Whether a condition holds, and why, when its key is missing or has no values.
fn missing(operator: Operator) -> (bool, ConditionWhy) {
    if operator.if_exists {
        return (true, ConditionWhy::KeyMissingIfExistsIsTrue);
    }
    match operator.set {
        Some(SetQualifier::ForAllValues) => (true, ConditionWhy::ForAllValuesVacuouslyTrue),
        Some(SetQualifier::ForAnyValue) => (false, ConditionWhy::ForAnyValueMissingIsFalse),
        None if operator.base.is_negated() => (true, ConditionWhy::KeyMissingNegatedIsTrue),
        None => (false, ConditionWhy::KeyMissingIsFalse),
    }
}
