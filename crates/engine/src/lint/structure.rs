//! The document as a whole: its `Version` and its size (VER, QUOTA, ECRAPI).

use super::text::{first_character, thousands};
use super::{Input, docs};
use crate::diagnostic::{Diagnostic, LintCode};
use crate::policy::{PolicyKind, Version};

/// Checks the version and the size. RCPs are left to the parser, which requires 2012-10-17 (RCPSYN).
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    let policy = input.policy;
    if policy.kind != PolicyKind::Rcp {
        match policy.version_span {
            None => findings.push(
                Diagnostic::warning(
                    LintCode::VersionMissing,
                    "add `\"Version\": \"2012-10-17\"`: without `Version` the policy is read as the old 2008-10-17 language, where policy variables such as `${aws:username}` are literal text",
                    first_character(policy.span),
                )
                .with_docs(docs::VER),
            ),
            Some(span) if policy.version == Version::V2008_10_17 => findings.push(
                Diagnostic::warning(
                    LintCode::Version2008,
                    "use `\"Version\": \"2012-10-17\"`: 2008-10-17 is the old policy language, where policy variables such as `${aws:username}` are literal text",
                    span,
                )
                .with_docs(docs::VER),
            ),
            Some(_) => {}
        }
    }
    findings.extend(too_large(input));
}

/// QUOTA, ECRAPI: each kind has a size limit; IAM counts characters other than whitespace, ECR and
/// Organizations count every character (`PolicyKind::size_limit`).
fn too_large(input: &Input<'_>) -> Option<Diagnostic> {
    let policy = input.policy;
    let (limit, whitespace_counts) = policy.kind.size_limit();
    let (size, counted) = if whitespace_counts {
        (policy.size.characters, "characters")
    } else {
        (
            policy.size.non_whitespace,
            "characters not counting whitespace",
        )
    };
    if size <= limit {
        return None;
    }
    let docs = if policy.kind == PolicyKind::Repository {
        docs::ECRAPI
    } else {
        docs::QUOTA
    };
    Some(
        Diagnostic::error(
            LintCode::PolicyTooLarge,
            format!(
                "the policy has {} {counted}, over the {} that {} may have: remove statements, or merge statements that differ only in their actions",
                thousands(size),
                thousands(limit),
                policy.kind.describe()
            ),
            first_character(policy.span),
        )
        .with_docs(docs),
    )
}
