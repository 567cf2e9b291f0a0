//! The policy values of a condition that its operator's family cannot read, found without evaluating the
//! condition: what the linter reports as invalid values.

use super::operand::{Reads, reads};
use super::outcome::InvalidReason;
use crate::policy::{Condition, ConditionValue};

/// The policy values of `condition` that its operator's family does not read (a Numeric operator's value
/// that is not a number, ...), each with the reason, in order: the policy side of the `invalid_values`
/// that [`evaluate_condition`](super::evaluate_condition) reports, whatever the request. None for an
/// unknown operator or the String and ARN families, which read any text.
pub fn unreadable_policy_values(
    condition: &Condition,
) -> impl Iterator<Item = (&ConditionValue, InvalidReason)> {
    let parsed = condition
        .operator
        .and_then(|operator| match reads(operator.base.family()) {
            Reads::Parsed(reason, parse) => Some((reason, parse)),
            Reads::Text => None,
        });
    parsed.into_iter().flat_map(move |(reason, parse)| {
        condition
            .values
            .iter()
            .filter(move |value| parse(&value.text).is_none())
            .map(move |value| (value, reason))
    })
}
