//! Condition evaluation: every operator of OPS, the set qualifiers, missing keys, and policy variables
//! (iam-semantics.md section 3, VARS, and the section 8 decisions).
//!
//! [`evaluate_condition`] evaluates one `operator -> key -> values` entry against the request context and
//! returns its outcome as data ([`ConditionOutcome`]): each policy value with its span, the request
//! values, invalid values and the reason ([`ConditionWhy`]). A statement's conditions AND together
//! ([`evaluate_conditions`]). [`condition_holds`] and [`conditions_hold`] give only whether they hold,
//! for the decision alone; both ways read and compare values with the one implementation of each
//! operator (`operand`) and combine them with the one of the set qualifiers (`set`). Policy variables
//! ([`substitute`]) and wildcard patterns ([`Pattern`]) are public so the evaluator substitutes and
//! matches `Resource`/`NotResource` the same way.

mod arn;
mod binary;
mod boolean;
mod compare;
mod date;
mod holds;
mod ip;
mod null;
mod numeric;
mod operand;
mod outcome;
mod pattern;
mod policy_text;
mod set;
mod string;
mod unreadable;
mod variables;

#[cfg(test)]
mod tests;

pub(crate) use date::epoch_seconds;
pub use holds::{condition_holds, conditions_hold};
pub(crate) use ip::parse as parse_ip_block;
pub use outcome::{
    ConditionOutcome, ConditionWhy, ConditionsOutcome, InvalidReason, InvalidValue, ValueNote,
    ValueResult, ValueSide,
};
pub use pattern::{GlobToken, Pattern};
pub use unreadable::unreadable_policy_values;
pub use variables::{Substitution, VariableUse, substitute, variables_in};

use crate::context::Context;
use crate::policy::{Condition, OperatorBase, OperatorFamily, SharedStr, Version};

/// Evaluates one condition against the request context. Key names compare case-insensitively (COND);
/// `version` decides whether policy variables are substituted (VARS).
pub fn evaluate_condition(
    condition: &Condition,
    context: &Context,
    version: Version,
) -> ConditionOutcome {
    let request_values = context.get(&condition.key.value).map(|entry| &entry.values);
    let request = request_values.map_or(&[][..], |values| values);
    let missing_key = request.is_empty();
    let outcome = |matched, compared: Option<compare::Compared>, explanation| {
        let (value_results, invalid_values) = compared
            .map(|compared| (compared.value_results, compared.invalid_values))
            .unwrap_or_default();
        ConditionOutcome {
            matched,
            operator: condition.operator,
            operator_text: condition.operator_text.value.clone(),
            operator_span: condition.operator_text.span,
            key: SharedStr::from(&condition.key.value),
            key_span: condition.key.span,
            request_values: request_values.cloned(),
            value_results,
            missing_key,
            invalid_values,
            explanation,
        }
    };
    let Some(operator) = condition.operator else {
        return outcome(false, None, ConditionWhy::UnknownOperator);
    };
    if operator.base == OperatorBase::Null {
        let (compared, matched, why) =
            null::evaluate(&condition.values, missing_key, context, version);
        return outcome(matched, Some(compared), why);
    }
    let compared = compare::compare(operator.base, &condition.values, request, context, version);
    let (matched, why) = set::decide(operator, &compared.matches, request);
    outcome(matched, Some(compared), why)
}

/// Evaluates all the conditions of a statement; they AND together (MV). Every condition is evaluated, so
/// the explanation shows each.
pub fn evaluate_conditions(
    conditions: &[Condition],
    context: &Context,
    version: Version,
) -> ConditionsOutcome {
    let each: Vec<ConditionOutcome> = conditions
        .iter()
        .map(|condition| evaluate_condition(condition, context, version))
        .collect();
    ConditionsOutcome {
        matched: each.iter().all(|outcome| outcome.matched),
        each,
    }
}

/// The context keys a condition reads: its key, then the keys of the policy variables in its values when
/// they are substituted (String and ARN operators under 2012-10-17). Each key once, compared
/// case-insensitively, in the order written.
pub fn referenced_keys(condition: &Condition, version: Version) -> Vec<&str> {
    let mut keys = vec![condition.key.value.as_str()];
    let substitutes = version.supports_variables()
        && condition.operator.is_some_and(|operator| {
            matches!(
                operator.base.family(),
                OperatorFamily::String | OperatorFamily::Arn
            )
        });
    if substitutes {
        for name in condition
            .values
            .iter()
            .flat_map(|value| variables_in(&value.text))
        {
            if !keys.iter().any(|key| key.eq_ignore_ascii_case(name)) {
                keys.push(name);
            }
        }
    }
    keys
}
