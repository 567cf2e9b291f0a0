//! `Resource` and `NotResource`: entries that are not ARNs, `Resource` in a repository policy and what it
//! may name there, and `NotResource` with `Allow` (RES, NOTRES, ECRPOL, section 8).

use super::grants::is_catalogued;
use super::{Input, docs, has_effect};
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::matching::{Arn, ArnError, match_resource};
use crate::policy::{Effect, ResourceBlock, SharedStr, Spanned, has_wildcard};

/// Checks every statement's `Resource` or `NotResource`.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    for statement in &input.policy.statements {
        let Some(block) = &statement.resource else {
            continue;
        };
        if input.is_repository_policy() {
            findings.push(resource_in_repository_policy(block));
        }
        for pattern in &block.patterns {
            match check_arn(pattern) {
                Err(finding) => findings.push(*finding),
                Ok(true) if input.is_repository_policy() && !block.negated => {
                    findings.extend(not_this_repository(input, pattern));
                }
                Ok(_) => {}
            }
        }
        if block.negated && has_effect(statement, Effect::Allow) && input.allows_grant() {
            findings.push(
                Diagnostic::new(
                    Severity::SecurityWarning,
                    LintCode::NotResourceWithAllow,
                    "`NotResource` with `Allow` allows the actions on every resource not listed, including resources created later: list the resources to allow in `Resource` instead",
                    block.key_span,
                )
                .with_docs(docs::NOTRES),
            );
        }
    }
}

/// Whether an entry is an ARN pattern (`false` for `*`); a `malformed-arn` finding when it is neither
/// (RES). A pattern may stop early at a `*` that ends its last segment, which "can expand to match
/// beyond the colon boundaries" (`arn:aws:ecr:*`); the service segment may have no wildcard.
fn check_arn(pattern: &Spanned<SharedStr>) -> Result<bool, Box<Diagnostic>> {
    let text = pattern.value.as_str();
    if text == "*" {
        return Ok(false);
    }
    let malformed = |message: String| {
        Box::new(
            Diagnostic::error(LintCode::MalformedArn, message, pattern.span).with_docs(docs::RES),
        )
    };
    if !text.starts_with("arn:") {
        return Err(malformed(format!(
            "`{text}` is not an ARN: write `*` or an ARN such as `arn:aws:ecr:us-east-1:111122223333:repository/my-app`"
        )));
    }
    if text.split(':').nth(2).is_some_and(has_wildcard) {
        return Err(malformed(format!(
            "`{text}` has a wildcard in its service part, which AWS does not allow: write the service, such as `ecr`"
        )));
    }
    match Arn::parse(text) {
        Ok(_) => Ok(true),
        Err(ArnError::TooFewComponents { .. }) if text.ends_with('*') => Ok(true),
        Err(error) => Err(malformed(format!(
            "{error}; an ECR repository ARN looks like `arn:aws:ecr:us-east-1:111122223333:repository/my-app`"
        ))),
    }
}

/// Section 8: warn whenever a repository policy has `Resource` (ECR rejected it from 2019 to 2023 and
/// aws-cdk still warns, RESERR); a missing `Resource` means this repository.
fn resource_in_repository_policy(block: &ResourceBlock) -> Diagnostic {
    let element = if block.negated {
        "NotResource"
    } else {
        "Resource"
    };
    Diagnostic::warning(
        LintCode::ResourceInRepositoryPolicy,
        format!(
            "remove `{element}`: a repository policy always applies to its own repository, and ECR rejected policies with `{element}` from 2019 to 2023 (tools such as aws-cdk still flag it)"
        ),
        block.key_span,
    )
    .with_docs(docs::ECRPOL)
}

/// Section 8: a repository policy's `Resource` other than `*` or this repository's ARN is an error. A
/// wildcard pattern that matches this repository is accepted, since it names it. When the repository is
/// unknown, only entries that cannot name any ECR repository are reported.
fn not_this_repository(input: &Input<'_>, pattern: &Spanned<SharedStr>) -> Option<Diagnostic> {
    let text = pattern.value.as_str();
    let message = match &input.repository {
        Some(repository) => {
            let repository = repository.to_string();
            if match_resource(text, &repository).matched {
                return None;
            }
            format!(
                "`{text}` is not this repository (`{repository}`): a repository policy can only govern its own repository; write `\"Resource\": \"*\"` or remove `Resource`"
            )
        }
        None => {
            if can_name_a_repository(text) {
                return None;
            }
            format!(
                "`{text}` is not an ECR repository: a repository policy can only govern its own repository; write `\"Resource\": \"*\"` or remove `Resource`"
            )
        }
    };
    Some(
        Diagnostic::error(LintCode::ResourceNotThisRepository, message, pattern.span)
            .with_docs(docs::ECRPOL),
    )
}

/// Whether an ARN pattern can match some repository ARN: its service is `ecr` or `ecr-public`, and its
/// resource part starts with `repository/` or with a wildcard before it could say otherwise (a pattern
/// that stops at a final `*` leaves the resource part open).
pub(super) fn can_name_a_repository(pattern: &str) -> bool {
    let mut segments = pattern.splitn(6, ':');
    let service = segments.nth(2).unwrap_or_default();
    let resource = segments.nth(2);
    let head_fits = match resource {
        None => pattern.ends_with('*'),
        Some(resource) => {
            let literal_head = resource.split(['*', '?']).next().unwrap_or_default();
            if literal_head.len() < resource.len() {
                "repository/".starts_with(literal_head) || literal_head.starts_with("repository/")
            } else {
                resource.starts_with("repository/")
            }
        }
    };
    is_catalogued(service) && head_fits
}
