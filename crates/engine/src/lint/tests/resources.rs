//! `Resource` and `NotResource` findings.

use super::*;
use crate::diagnostic::Severity;

fn identity_on(resources: &str) -> String {
    policy(&format!(
        r#"    {{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": {resources}}}"#
    ))
}

fn repository_on(resources: &str) -> String {
    policy(&format!(
        r#"    {{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::111122223333:role/ci"}}, "Action": "ecr:BatchGetImage", "Resource": {resources}}}"#
    ))
}

#[test]
fn resources_that_are_not_arns_are_errors() {
    // RES: `*` or an ARN; no wildcards in the service segment; a `*` ending the last segment written
    // can expand beyond the colons, so `arn:aws:ecr:*` is a complete pattern.
    let text = identity_on(
        r#"["my-repo", "arn:aws:ecr:us-east-1", "arn:aws::us-east-1:1:repository/x", "arn:aws:ec*:us-east-1:111122223333:repository/x", "arn:aws:ecr:*:*:repository/*", "arn:aws:ecr:*", "arn:aws:ecr:us-east-1:*", "*"]"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let malformed = with_code(&findings, LintCode::MalformedArn);
    let flagged = texts_at(&text, &malformed);
    assert_eq!(
        flagged,
        [
            "\"my-repo\"",
            "\"arn:aws:ecr:us-east-1\"",
            "\"arn:aws::us-east-1:1:repository/x\"",
            "\"arn:aws:ec*:us-east-1:111122223333:repository/x\""
        ]
    );
    assert!(
        malformed[0]
            .message
            .starts_with("`my-repo` is not an ARN: write `*` or an ARN")
    );
    assert!(malformed[2].message.contains("its service is empty"));
    assert!(
        malformed[3]
            .message
            .contains("wildcard in its service part")
    );
    assert_all(&malformed, Severity::Error);
}

#[test]
fn resource_in_a_repository_policy_is_a_warning() {
    // Section 8 (RESERR): accept it, but warn whenever it is present; a missing Resource is fine.
    let text = repository_on(r#""*""#);
    let findings = lint(&text, PolicyKind::Repository);
    assert_eq!(codes_of(&findings), [LintCode::ResourceInRepositoryPolicy]);
    assert_eq!(text_at(&text, &findings[0]), "\"Resource\"");
    let without = text.replace(r#", "Resource": "*""#, "");
    assert_eq!(lint(&without, PolicyKind::Repository), Vec::new());
    // Identity policies need Resource (RES).
    assert_eq!(
        lint(&identity_on(r#""*""#), PolicyKind::Identity),
        Vec::new()
    );
}

#[test]
fn repository_policy_resource_must_be_star_or_this_repository() {
    // Section 8: an error when Resource names anything other than "*" or this repository's ARN.
    let text = repository_on(
        r#"["*", "arn:aws:ecr:us-east-1:111122223333:repository/app", "arn:aws:ecr:us-east-1:111122223333:repository/*", "arn:aws:ecr:us-east-1:111122223333:repository/other", "arn:aws:s3:::bucket"]"#,
    );
    let findings = lint(&text, PolicyKind::Repository);
    let foreign = with_code(&findings, LintCode::ResourceNotThisRepository);
    let flagged = texts_at(&text, &foreign);
    assert_eq!(
        flagged,
        [
            "\"arn:aws:ecr:us-east-1:111122223333:repository/other\"",
            "\"arn:aws:s3:::bucket\""
        ]
    );
    assert!(
        foreign[0]
            .message
            .contains(&format!("is not this repository (`{REPOSITORY}`)"))
    );
    assert_all(&foreign, Severity::Error);
}

#[test]
fn without_the_repository_only_non_repository_arns_are_errors() {
    // Section 8, when the scenario's repository is unknown: report only what can name no repository.
    let text = repository_on(
        r#"["arn:aws:ecr:us-east-1:111122223333:repository/other", "arn:aws:ecr:*:*:*", "arn:aws:ecr:*", "arn:aws:ecr:us-east-1:111122223333:registry", "arn:aws:s3:::bucket", "arn:aws:iam::*"]"#,
    );
    let findings = lint_unknown_repository(&text, PolicyKind::Repository);
    let foreign = with_code(&findings, LintCode::ResourceNotThisRepository);
    let flagged = texts_at(&text, &foreign);
    assert_eq!(
        flagged,
        [
            "\"arn:aws:ecr:us-east-1:111122223333:registry\"",
            "\"arn:aws:s3:::bucket\"",
            "\"arn:aws:iam::*\""
        ]
    );
    assert!(foreign[0].message.contains("is not an ECR repository"));
}

#[test]
fn not_resource_with_allow_is_a_security_warning() {
    // NOTRES: NotResource with Allow allows every resource not listed.
    let text = policy(
        r#"    {"Effect": "Allow", "Action": "ecr:BatchGetImage", "NotResource": "arn:aws:ecr:us-east-1:111122223333:repository/secret"}"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let finding = only(&findings, LintCode::NotResourceWithAllow);
    assert_eq!(finding.severity, Severity::SecurityWarning);
    assert_eq!(text_at(&text, finding), "\"NotResource\"");
    assert_eq!(
        lint(&text.replace("Allow", "Deny"), PolicyKind::Identity),
        Vec::new()
    );
}
