//! `Principal` and `NotPrincipal`: entries that name no principal, and `NotPrincipal`, which
//! `"Principal": "*"` with a condition on `aws:PrincipalArn` says more safely (PRIN, NOTPRIN).

use super::{Input, docs, has_effect};
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::matching::{Caller, CallerError, CallerText, is_unique_id};
use crate::policy::{Effect, PrincipalBlock, PrincipalEntry, PrincipalKind, has_wildcard};

/// Checks every statement's `Principal` or `NotPrincipal`.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    for statement in &input.policy.statements {
        let Some(block) = &statement.principal else {
            continue;
        };
        findings.extend(block.entries.iter().filter_map(malformed));
        if block.negated && has_effect(statement, Effect::Deny) {
            findings.push(not_principal(block));
        }
    }
}

/// PRIN: an `AWS` entry is `*`, a 12-digit account id, a user, role, session, federated-user or root
/// ARN, or the unique id AWS shows for a deleted user or role; a `Service` entry is a service name such
/// as `codebuild.amazonaws.com`. Wildcards inside names are the parser's `principal-wildcard`.
fn malformed(entry: &PrincipalEntry) -> Option<Diagnostic> {
    let value = entry.value.as_str();
    if value == "*" || has_wildcard(value) {
        return None;
    }
    let message = match entry.kind {
        PrincipalKind::Aws => aws_problem(value)?,
        PrincipalKind::Service if !value.contains('.') || value.starts_with("arn:") => format!(
            "`{value}` is not a service principal: write the service's principal name, such as `{}.amazonaws.com`",
            service_stem(value)
        ),
        _ => return None,
    };
    Some(Diagnostic::error(LintCode::MalformedPrincipal, message, entry.span).with_docs(docs::PRIN))
}

/// What is wrong with an `AWS` principal value, if anything.
fn aws_problem(value: &str) -> Option<String> {
    let example = "an account id such as `111122223333`, an ARN such as `arn:aws:iam::111122223333:role/ci`, or `*`";
    if value.trim() != value {
        return Some(format!(
            "`{value}` has spaces around it: write the principal without them"
        ));
    }
    if value.bytes().all(|byte| byte.is_ascii_digit()) {
        return (value.len() != 12).then(|| {
            format!("`{value}` is not an account id: account ids have exactly 12 digits")
        });
    }
    if is_unique_id(value) {
        return None;
    }
    if !value.starts_with("arn:") {
        return Some(format!("`{value}` is not a principal: name {example}"));
    }
    match CallerText::read(value) {
        Ok(_) | Err(CallerError::UnsupportedPartition { .. }) => None,
        Err(error) => Some(format!("{error}; name {example}")),
    }
}

/// The service name in a malformed service principal, for the example: `codebuild` from `codebuild`.
fn service_stem(value: &str) -> &str {
    let stem = value.rsplit([':', '/']).next().unwrap_or(value);
    if stem.is_empty() { "codebuild" } else { stem }
}

/// NOTPRIN: `NotPrincipal` with Deny also denies role sessions unless their role and account are listed,
/// and always denies principals that have a permissions boundary. `"Principal": "*"` with
/// `ArnNotEquals` on `aws:PrincipalArn` (the role's ARN for its sessions, GCK) says what was meant.
fn not_principal(block: &PrincipalBlock) -> Diagnostic {
    let mut arns: Vec<String> = Vec::new();
    let mut services: Vec<String> = Vec::new();
    for entry in &block.entries {
        let named = match entry.kind {
            PrincipalKind::Service => {
                services.push(format!("\"{}\"", entry.value));
                continue;
            }
            PrincipalKind::Aws => principal_arn(&entry.value),
            _ => continue,
        };
        if !arns.contains(&named) {
            arns.push(named);
        }
    }
    let mut conditions = Vec::new();
    if !arns.is_empty() {
        conditions.push(format!(
            "\"ArnNotEquals\": {{\"aws:PrincipalArn\": [{}]}}",
            arns.join(", ")
        ));
    }
    if !services.is_empty() {
        conditions.push(format!(
            "\"StringNotEquals\": {{\"aws:PrincipalServiceName\": [{}]}}",
            services.join(", ")
        ));
    }
    let condition = if conditions.is_empty() {
        "a condition on `aws:PrincipalArn`".to_string()
    } else {
        format!("`\"Condition\": {{{}}}`", conditions.join(", "))
    };
    Diagnostic::new(
        Severity::Suggestion,
        LintCode::NotPrincipalToCondition,
        format!(
            "write `\"Principal\": \"*\"` with {condition} instead of `NotPrincipal`: it also exempts the sessions of the roles listed, and unlike `NotPrincipal` it does not deny every principal that has a permissions boundary"
        ),
        block.key_span,
    )
    .with_docs(docs::NOTPRIN)
}

/// The `aws:PrincipalArn` value for an `AWS` entry: the root ARN for an account id, the role ARN for a
/// role session (GCK), the entry itself otherwise.
fn principal_arn(value: &str) -> String {
    let quoted = |text: String| format!("\"{text}\"");
    match Caller::parse(value) {
        Ok(caller @ (Caller::Root { .. } | Caller::AssumedRole { .. })) => {
            quoted(caller.principal_arn().unwrap_or_else(|| value.to_string()))
        }
        _ => quoted(value.to_string()),
    }
}
