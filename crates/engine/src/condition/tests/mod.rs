//! Tests for condition evaluation, one file per concept, each test named after the rule it shows with its
//! rule-book source key (iam-semantics.md section 0) in a comment.

mod arn;
mod binary;
mod boolean;
mod date;
mod decision_alone;
mod ip;
mod missing_and_sets;
mod null;
mod numeric;
mod pattern;
mod properties;
mod string;
mod variables;

use super::{ConditionOutcome, evaluate_condition};
use crate::context::{Context, ContextEntry, ContextSource};
use crate::policy::{Condition, ConditionValue, Operator, SharedStr, Spanned, ValueType, Version};
use crate::span::Span;

/// A span that tells values apart: value `i` starts at byte `100 + i`.
fn value_span(index: usize) -> Span {
    let index = crate::span::narrow(index);
    Span {
        start: 100 + index,
        end: 101 + index,
        ..Span::default()
    }
}

/// A condition `{operator: {key: values}}`; an unknown operator name gives `operator: None`.
pub(super) fn condition(operator: &str, key: &str, values: &[&str]) -> Condition {
    Condition {
        operator: Operator::parse(operator).ok(),
        operator_text: Spanned {
            value: operator.into(),
            span: Span::default(),
        },
        key: Spanned {
            value: SharedStr::from(key),
            span: Span::default(),
        },
        values: values
            .iter()
            .enumerate()
            .map(|(index, text)| ConditionValue {
                text: SharedStr::from(*text),
                written_as: ValueType::String,
                span: value_span(index),
            })
            .collect(),
        values_span: Span::default(),
    }
}

/// A context with one single-valued key.
pub(super) fn single(key: &str, value: &str) -> Context {
    let mut context = Context::new();
    context.insert(ContextEntry::single(key, value, ContextSource::Caller));
    context
}

/// A context with one multivalued key.
pub(super) fn multi(key: &str, values: &[&str]) -> Context {
    let mut context = Context::new();
    context.insert(ContextEntry::multi(
        key,
        values.iter().map(|value| SharedStr::from(*value)).collect(),
        ContextSource::Caller,
    ));
    context
}

/// Evaluates under 2012-10-17.
pub(super) fn eval(
    operator: &str,
    key: &str,
    values: &[&str],
    context: &Context,
) -> ConditionOutcome {
    evaluate_condition(
        &condition(operator, key, values),
        context,
        Version::V2012_10_17,
    )
}

/// Whether `operator` with policy `values` holds for the single request value `request` of key `k`.
pub(super) fn holds(operator: &str, values: &[&str], request: &str) -> bool {
    eval(operator, "k", values, &single("k", request)).matched
}
