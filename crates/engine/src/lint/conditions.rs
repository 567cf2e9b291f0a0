//! `Condition`: values of the wrong type for their operator, operators that do not fit their key's type
//! (`operator_types`), condition keys that do not exist or that
//! the statement's actions never carry, and `ForAllValues:` in an Allow (OPS, GCK, MV, ECRSAR, ECRPSAR).

use super::grants::{covered_actions, fully_catalogued, is_catalogued};
use super::text::names;
use super::{Input, docs, has_effect, operator_types};
use crate::catalog::{catalog, some_action_carries};
use crate::condition::{InvalidReason, unreadable_policy_values, variables_in};
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::policy::{Condition, Effect, SetQualifier, Statement};

/// Checks every condition of every statement.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    for statement in &input.policy.statements {
        for condition in &statement.conditions {
            invalid_values(condition, findings);
            findings.extend(operator_types::mismatch(condition));
            match unknown_key(condition) {
                Some(finding) => findings.push(finding),
                None => findings.extend(key_not_carried(statement, condition)),
            }
            if has_effect(statement, Effect::Allow) {
                findings.extend(for_all_values_in_allow(statement, condition));
            }
        }
    }
}

/// OPS: Numeric, Date, Bool, Binary, IP and Null operators read their values as numbers, dates,
/// booleans, base64 and CIDR blocks; a value that does not read never matches. The values are read by
/// the same code the evaluator uses. Values with a policy variable are `variable-not-substituted`.
fn invalid_values(condition: &Condition, findings: &mut Vec<Diagnostic>) {
    let invalid = unreadable_policy_values(condition)
        .filter(|(value, _)| variables_in(&value.text).is_empty());
    for (value, reason) in invalid {
        findings.push(
            Diagnostic::error(
                LintCode::InvalidConditionValue,
                format!(
                    "`{}` is {} and `{}` needs one, so this value never matches: write {}",
                    value.text,
                    reason.message(),
                    condition.operator_text.value,
                    example(reason)
                ),
                value.span,
            )
            .with_docs(docs::OPS),
        );
    }
}

/// A valid value for each kind of operator, for messages.
fn example(reason: InvalidReason) -> &'static str {
    match reason {
        InvalidReason::NotANumber => "a number such as `3600`",
        InvalidReason::NotADate => "a date such as `2025-01-31T00:00:00Z` or epoch seconds",
        InvalidReason::NotABoolean => "`true` or `false`",
        InvalidReason::NotBase64 => "the bytes in base64, such as `QmluYXJ5`",
        InvalidReason::NotAnIpAddress => "an address or CIDR block such as `203.0.113.0/24`",
    }
}

/// GCK: an `aws:` key that is not a global key (usually a misspelling: key names are case-insensitive,
/// so `aws:SourceIP` is fine and `aws:SoruceIp` is not); an `ecr:` or `ecr-public:` key the service
/// does not document (ECRSAR, ECRPSAR). Keys of other services are not known here.
fn unknown_key(condition: &Condition) -> Option<Diagnostic> {
    let key = condition.key.value.as_str();
    let (prefix, _) = key.split_once(':')?;
    let catalog = catalog();
    let message = if prefix.eq_ignore_ascii_case("aws") {
        if catalog.global_key(key).is_some() {
            return None;
        }
        let hint = catalog.suggest_key(key).map_or_else(
            || "check the spelling against the list of global condition keys".to_string(),
            |meant| format!("did you mean `{}`?", meant.name),
        );
        format!(
            "`{key}` is not a global condition key, so no request has it and this condition never matches (negated operators always do): {hint}"
        )
    } else if is_catalogued(prefix) {
        let service = catalog.service(prefix)?;
        if catalog.service_key(key).is_some() {
            return None;
        }
        let own: Vec<String> = service
            .condition_keys
            .iter()
            .filter(|known| {
                known
                    .name
                    .split_once(':')
                    .is_some_and(|(head, _)| head == service.prefix)
            })
            .map(|known| known.name.clone())
            .collect();
        format!(
            "`{key}` is not a condition key of `{}`, so no request has it and this condition never matches (negated operators always do): its keys are {}",
            service.prefix,
            names(&own, own.len())
        )
    } else {
        return None;
    };
    let docs = if prefix.eq_ignore_ascii_case("aws") {
        docs::GCK
    } else {
        docs::service_page(prefix)
    };
    Some(
        Diagnostic::warning(LintCode::UnknownConditionKey, message, condition.key.span)
            .with_docs(docs),
    )
}

/// ECRSAR, ECRPSAR: keys such as `ecr:ResourceTag/...`, `aws:RequestTag/...` and `aws:TagKeys` are
/// present only for the actions the service lists them with. Global keys that every request may carry
/// are not checked. Only statements whose actions the catalogue fully knows are checked.
fn key_not_carried(statement: &Statement, condition: &Condition) -> Option<Diagnostic> {
    let key = condition.key.value.as_str();
    let catalog = catalog();
    let action_specific = some_action_carries(key);
    let block = statement.action.as_ref()?;
    if !action_specific || !fully_catalogued(block) {
        return None;
    }
    let covered = covered_actions(block);
    if covered.is_empty()
        || covered
            .iter()
            .any(|action| action.carries_condition_key(key))
    {
        return None;
    }
    let carriers: Vec<String> = catalog
        .actions()
        .filter(|action| action.carries_condition_key(key))
        .map(|action| action.full_name())
        .collect();
    Some(
        Diagnostic::warning(
            LintCode::ConditionKeyNotCarried,
            format!(
                "none of this statement's actions carries `{key}`, so requests for them never have it and the condition behaves as for a missing key: move the condition to a statement for an action that carries it ({}), or remove it",
                names(&carriers, 3)
            ),
            condition.key.span,
        )
        .with_docs(docs::service_page(
            covered.first().map_or("ecr", |action| action.service.as_str()),
        )),
    )
}

/// MV, section 8: `ForAllValues:` is true when the key is missing or empty, so in an Allow it also
/// grants requests without the key, unless the statement requires the key with `Null` = `false`.
fn for_all_values_in_allow(statement: &Statement, condition: &Condition) -> Option<Diagnostic> {
    let operator = condition.operator?;
    if operator.set != Some(SetQualifier::ForAllValues) {
        return None;
    }
    let key = condition.key.value.as_str();
    let required = statement.conditions.iter().any(|other| {
        other.operator.is_some_and(|operator| {
            operator.base == crate::policy::OperatorBase::Null && operator.set.is_none()
        }) && other.key.value.eq_ignore_ascii_case(key)
            && !other.values.is_empty()
            && other
                .values
                .iter()
                .all(|value| value.text.eq_ignore_ascii_case("false"))
    });
    if required {
        return None;
    }
    Some(
        Diagnostic::new(
            Severity::SecurityWarning,
            LintCode::ForAllValuesInAllow,
            format!(
                "`{}` is also true when the request has no `{key}` at all, so this Allow applies to requests without it: add `\"Null\": {{\"{key}\": \"false\"}}` to the condition to require the key",
                condition.operator_text.value
            ),
            condition.operator_text.span,
        )
        .with_docs(docs::MV),
    )
}
