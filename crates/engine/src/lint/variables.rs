//! Policy variables (`${aws:username}`): literal text under Version 2008-10-17 (what that does is in
//! `literal`), and places where they are not substituted (VARS, VER, section 8).

use super::{Input, docs, literal};
use crate::condition::variables_in;
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::policy::{OperatorFamily, SharedStr, Spanned};
use crate::span::Span;

/// Checks `Action`, `Resource`/`NotResource` and condition values for variables.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    let substituted = input.policy.version.supports_variables();
    for statement in &input.policy.statements {
        for pattern in statement.action.iter().flat_map(|block| &block.patterns) {
            if let Some(variable) = first_variable(&pattern.value) {
                findings.push(not_substituted(
                    format!(
                        "`${{{variable}}}` is not substituted in `Action`: variables work only in `Resource` and in String and ARN condition values; write the action names"
                    ),
                    pattern.span,
                ));
            }
        }
        for block in statement.resource.iter() {
            for pattern in &block.patterns {
                let Some(variable) = first_variable(&pattern.value) else {
                    continue;
                };
                if !substituted {
                    findings.push(literal::in_resource(
                        variable,
                        block,
                        statement,
                        pattern.span,
                    ));
                } else if !after_fifth_colon(pattern) {
                    findings.push(not_substituted(
                    format!(
                        "`${{{variable}}}` is not substituted here: in an ARN, variables work only in the resource part, after the fifth colon"
                    ),
                    pattern.span,
                ));
                }
            }
        }
        for condition in &statement.conditions {
            let family = condition.operator.map(|operator| operator.base.family());
            let substitutes = matches!(family, Some(OperatorFamily::String | OperatorFamily::Arn));
            for value in &condition.values {
                let Some(variable) = first_variable(&value.text) else {
                    continue;
                };
                if !substituted {
                    findings.push(literal::in_condition(
                        variable, condition, statement, value.span,
                    ));
                } else if !substitutes && family.is_some() {
                    findings.push(not_substituted(
                        format!(
                            "`${{{variable}}}` is not substituted in `{}`: variables work only with String and ARN operators, so this value is compared as the literal text and never matches; write the value itself",
                            condition.operator_text.value
                        ),
                        value.span,
                    ));
                }
            }
        }
    }
}

/// The first policy variable in `text`, escapes (`${*}`) excluded.
fn first_variable(text: &str) -> Option<&str> {
    variables_in(text).into_iter().next()
}

/// VARS: in `Resource`, variables are allowed only after the fifth colon.
fn after_fifth_colon(pattern: &Spanned<SharedStr>) -> bool {
    let text = pattern.value.as_str();
    let Some(variable_at) = text.find("${") else {
        return true;
    };
    let resource_at = text
        .match_indices(':')
        .nth(4)
        .map_or(usize::MAX, |(index, _)| index);
    variable_at > resource_at
}

/// Section 8: variables are substituted only in String and ARN operators and in `Resource`/`NotResource`.
fn not_substituted(message: String, span: Span) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        LintCode::VariableNotSubstituted,
        message,
        span,
    )
    .with_docs(docs::VARS)
}
