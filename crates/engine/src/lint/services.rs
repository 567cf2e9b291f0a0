//! Grants to AWS service principals in a repository policy: without `aws:SourceAccount`, `aws:SourceArn`,
//! `aws:SourceOrgID` or `aws:SourceOrgPaths` the service may act for any account's resources, which the
//! IAM User Guide's confused-deputy page recommends against. A suggestion, not a warning: Lambda adds such
//! a statement itself for a function in the repository's own account (LAMBDA).

use super::{Input, docs, has_effect};
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::policy::{Effect, PrincipalKind, Statement};

/// The keys that tie a service's call to the resource it acts for (GCK, confused-deputy page).
const SOURCE_KEYS: [&str; 4] = [
    "aws:SourceAccount",
    "aws:SourceArn",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
];

/// Checks the Allow statements of a repository policy.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    if !input.is_repository_policy() {
        return;
    }
    let account = input
        .repository
        .as_ref()
        .map_or("111122223333", |arn| arn.account());
    for statement in &input.policy.statements {
        if !has_effect(statement, Effect::Allow) || has_source_condition(statement) {
            continue;
        }
        let Some(block) = statement.principal.as_ref().filter(|block| !block.negated) else {
            continue;
        };
        for entry in block
            .entries
            .iter()
            .filter(|entry| entry.kind == PrincipalKind::Service)
        {
            findings.push(
                Diagnostic::new(
                    Severity::Suggestion,
                    LintCode::ServicePrincipalWithoutSource,
                    format!(
                        "`{}` may use this grant when it acts for any account's resources: add a condition such as `\"StringEquals\": {{\"aws:SourceAccount\": \"{account}\"}}` or an `aws:SourceArn` one, as AWS recommends against the confused deputy problem",
                        entry.value
                    ),
                    entry.span,
                )
                .with_docs(docs::CONFUSED_DEPUTY),
            );
        }
    }
}

/// Whether a condition of the statement reads one of [`SOURCE_KEYS`].
fn has_source_condition(statement: &Statement) -> bool {
    statement.conditions.iter().any(|condition| {
        SOURCE_KEYS
            .iter()
            .any(|key| key.eq_ignore_ascii_case(&condition.key.value))
    })
}
