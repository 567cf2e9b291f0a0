//! Version and size findings.

use super::*;
use crate::diagnostic::Severity;

const STATEMENT: &str = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#;

#[test]
fn a_missing_version_is_a_warning_at_the_start_of_the_policy() {
    // VER (history to Oct 2021): a missing Version means 2008-10-17.
    let text = format!(r#"{{"Statement": {STATEMENT}}}"#);
    let findings = lint(&text, PolicyKind::Identity);
    let finding = only(&findings, LintCode::VersionMissing);
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(text_at(&text, finding), "{");
    assert_eq!(
        (
            finding.span.line,
            finding.span.column,
            finding.span.end_column
        ),
        (1, 1, 2)
    );
    assert!(
        finding
            .message
            .starts_with(r#"add `"Version": "2012-10-17"`"#)
    );
}

#[test]
fn version_2008_is_a_warning_on_the_version() {
    // VER: 2008-10-17 is the old language; ECREX's older examples use it, so it is only a warning.
    let text = format!(r#"{{"Version": "2008-10-17", "Statement": {STATEMENT}}}"#);
    let findings = lint(&text, PolicyKind::Identity);
    let finding = only(&findings, LintCode::Version2008);
    assert_eq!(text_at(&text, finding), "\"2008-10-17\"");
    assert_eq!(codes_of(&findings), [LintCode::Version2008]);
}

#[test]
fn rcp_versions_are_left_to_the_parser() {
    // RCPSYN: the parser already requires 2012-10-17 in RCPs.
    let text = r#"{"Statement": {"Effect": "Deny", "Principal": "*", "Action": "ecr:*", "Resource": "*"}}"#;
    let findings = lint(text, PolicyKind::Rcp);
    assert!(with_code(&findings, LintCode::VersionMissing).is_empty());
    assert_eq!(codes_of(&findings), [ParseCode::RcpSyntax]);
}

/// A repository policy of exactly `size` characters: a pull statement padded with spaces.
fn repository_policy_of(size: usize) -> String {
    let text = policy(
        r#"    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"}"#,
    );
    let padding = size - text.len();
    text.replacen('{', &format!("{{{}", " ".repeat(padding)), 1)
}

#[test]
fn policies_over_the_size_limit_of_their_kind_are_errors() {
    // QUOTA, ECRAPI: policyText is at most 10,240 characters, whitespace included; identity policies
    // count characters other than whitespace (managed-policy limit 6,144).
    assert_eq!(
        lint(&repository_policy_of(10_240), PolicyKind::Repository),
        Vec::new()
    );
    let over = repository_policy_of(10_241);
    let findings = lint(&over, PolicyKind::Repository);
    let finding = only(&findings, LintCode::PolicyTooLarge);
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(text_at(&over, finding), "{");
    assert!(
        finding.message.starts_with(
            "the policy has 10,241 characters, over the 10,240 that a repository policy may have: "
        ),
        "{}",
        finding.message
    );
    // The same whitespace does not count in an identity policy.
    let identity = over
        .replace(
            r#""Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "#,
            "",
        )
        .replace(
            r#""ecr:BatchGetImage""#,
            r#""ecr:BatchGetImage", "Resource": "*""#,
        );
    assert_eq!(lint(&identity, PolicyKind::Identity), Vec::new());
}

#[test]
fn identity_policies_count_characters_other_than_whitespace() {
    // QUOTA: managed policies may have 6,144 characters, not counting whitespace.
    let actions: Vec<String> = (0..400)
        .map(|index| format!("\"s3:GetObject{index:04}\""))
        .collect();
    let text = policy(&format!(
        r#"    {{"Effect": "Allow", "Action": [{}], "Resource": "*"}}"#,
        actions.join(", ")
    ));
    let findings = lint(&text, PolicyKind::Identity);
    let finding = only(&findings, LintCode::PolicyTooLarge);
    assert!(
        finding.message.contains(
            "characters not counting whitespace, over the 6,144 that an identity policy may have"
        ),
        "{}",
        finding.message
    );
}
