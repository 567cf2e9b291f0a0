//! Whether conditions hold, without saying why: the decision alone, for deciding many requests. Values
//! are read and compared by `operand` and combined by `set`, as [`evaluate_condition`] does, but no
//! outcome is built (no list of values, no reason), and the comparing stops as soon as the result is
//! known.
//!
//! [`evaluate_condition`]: super::evaluate_condition

use super::null;
use super::operand::{Reads, parsed_holds, reads, text_holds};
use super::policy_text::policy_text;
use super::set;
use crate::context::Context;
use crate::policy::{Condition, ConditionValue, OperatorBase, Version};

/// Whether `condition` holds for the request context: the `matched` of
/// [`evaluate_condition`](super::evaluate_condition)'s outcome, without the rest of it.
pub fn condition_holds(condition: &Condition, context: &Context, version: Version) -> bool {
    let Some(operator) = condition.operator else {
        return false;
    };
    let request = context
        .get(&condition.key.value)
        .map_or(&[][..], |entry| &entry.values);
    let matches_some =
        |value: &str| matches_some_value(operator.base, &condition.values, value, context, version);
    if operator.base == OperatorBase::Null {
        return matches_some(null::absence_text(request.is_empty()));
    }
    set::holds(operator, request, matches_some)
}

/// Whether all of `conditions` hold (MV): the `matched` of
/// [`evaluate_conditions`](super::evaluate_conditions)' outcome. Stops at the first that does not.
pub fn conditions_hold(conditions: &[Condition], context: &Context, version: Version) -> bool {
    conditions
        .iter()
        .all(|condition| condition_holds(condition, context, version))
}

/// Whether the positive form of `base` holds between the request value `request` and at least one of
/// the policy `values` (several policy values OR).
fn matches_some_value(
    base: OperatorBase,
    values: &[ConditionValue],
    request: &str,
    context: &Context,
    version: Version,
) -> bool {
    match reads(base.family()) {
        Reads::Text => values.iter().any(|value| {
            policy_text(&value.text, context, version)
                .is_some_and(|policy| text_holds(base, &policy, request))
        }),
        Reads::Parsed(_, parse) => parse(request).is_some_and(|request| {
            values.iter().any(|value| {
                parse(&value.text).is_some_and(|policy| parsed_holds(base, &policy, &request))
            })
        }),
    }
}
