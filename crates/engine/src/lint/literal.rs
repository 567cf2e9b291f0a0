//! What a `${...}` written under Version 2008-10-17 (or with no `Version`) does: it is literal text, not a
//! variable (VER: variables "are instead treated as literal strings"), and the policy is evaluated that way
//! (section 8). The finding says what the statement then actually does, which depends on where the text is
//! and on the operator: literal text never equals a real value, so a positive condition or a `Resource`
//! never matches, while a negated condition or a `NotResource` always does.

use super::docs;
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::policy::{Condition, Effect, ResourceBlock, SetQualifier, Statement};
use crate::span::Span;

/// When the element holding the literal text is true, for requests that reach it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Truth {
    /// Never: a real value never equals the literal text.
    Never,
    /// Always: a real value never equals the literal text, and the element is negated.
    Always,
    /// Only when the request lacks the key (`...IfExists`, `ForAllValues:`).
    OnlyWithoutKey,
    /// Whenever the request has the key (`ForAnyValue:` with a negated operator).
    OnlyWithKey,
}

/// The finding for `${variable}` in an entry of `block` (`Resource` or `NotResource`) of `statement`.
pub(super) fn in_resource(
    variable: &str,
    block: &ResourceBlock,
    statement: &Statement,
    span: Span,
) -> Diagnostic {
    let element = if block.negated {
        "NotResource"
    } else {
        "Resource"
    };
    let what = format!(
        "this `{element}` entry matches only a repository literally named with `${{{variable}}}`, and ECR repository names cannot contain `$`, `{{` or `}}`"
    );
    let consequence = match (block.patterns.len(), block.negated) {
        (1, false) => consequence(statement, Truth::Never, None),
        (1, true) => {
            let (this, applies) = subject(statement);
            format!(
                "so the `NotResource` excludes nothing: {this} {applies} to every resource its `Action` names"
            )
        }
        _ => format!("so the entry has no effect and the other `{element}` entries decide"),
    };
    finding(variable, &what, consequence, span)
}

/// The finding for `${variable}` in a value of `condition` of `statement`.
pub(super) fn in_condition(
    variable: &str,
    condition: &Condition,
    statement: &Statement,
    span: Span,
) -> Diagnostic {
    let what = format!(
        "`{}` compares `{}` with the literal text, which no real value equals",
        condition.operator_text.value, condition.key.value
    );
    // MV: the values of one key are ORed (a negated operator needs none to match), so with other values
    // the literal one only drops out.
    let consequence = if condition.values.len() == 1 {
        consequence(
            statement,
            condition_truth(condition),
            Some(&condition.key.value),
        )
    } else {
        "so this value has no effect and the condition's other values decide".to_string()
    };
    finding(variable, &what, consequence, span)
}

/// OPS, MV: a positive operator never matches the literal; a negated one always does; a missing key makes
/// `...IfExists` and `ForAllValues:` true and `ForAnyValue:` false.
fn condition_truth(condition: &Condition) -> Truth {
    let Some(operator) = condition.operator else {
        return Truth::Never;
    };
    let negated = operator.base.is_negated();
    let truth = match (operator.set, negated) {
        (None, false) | (Some(SetQualifier::ForAnyValue), false) => Truth::Never,
        (None, true) | (Some(SetQualifier::ForAllValues), true) => Truth::Always,
        (Some(SetQualifier::ForAllValues), false) => Truth::OnlyWithoutKey,
        (Some(SetQualifier::ForAnyValue), true) => Truth::OnlyWithKey,
    };
    match (truth, operator.if_exists) {
        (Truth::Never, true) => Truth::OnlyWithoutKey,
        (Truth::OnlyWithKey, true) => Truth::Always,
        (truth, _) => truth,
    }
}

/// What the statement then does, in words.
fn consequence(statement: &Statement, truth: Truth, key: Option<&str>) -> String {
    let (this, applies) = subject(statement);
    let key = key.unwrap_or("the key");
    match truth {
        Truth::Never => format!("so {this} never {applies}"),
        Truth::Always => format!(
            "so it is true for every request: {this} {applies} to every request its other elements match"
        ),
        Truth::OnlyWithoutKey => {
            format!("so it is true only for a request without `{key}`: {this} {applies} only then")
        }
        Truth::OnlyWithKey => format!(
            "so it is true for every request that has `{key}`, whatever its value: {this} {applies} to all of them"
        ),
    }
}

/// The statement and its verb: `this Deny` applies, `this Allow` grants.
fn subject(statement: &Statement) -> (&'static str, &'static str) {
    match statement.effect.as_ref().map(|effect| effect.value) {
        Some(Effect::Deny) => ("this Deny", "applies"),
        Some(Effect::Allow) => ("this Allow", "grants"),
        None => ("this statement", "applies"),
    }
}

fn finding(variable: &str, what: &str, consequence: String, span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::SecurityWarning,
        LintCode::VariableInVersion2008,
        format!(
            "`${{{variable}}}` is literal text, not a variable, because the policy's version is 2008-10-17 (which a missing `Version` also means): {what}, {consequence}; you probably meant the caller's value: add `\"Version\": \"2012-10-17\"` so the variable is substituted"
        ),
        span,
    )
    .with_docs(docs::VER)
}
