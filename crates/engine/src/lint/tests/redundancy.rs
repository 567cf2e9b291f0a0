//! Statements covered by others.

use super::*;
use crate::diagnostic::Severity;

#[test]
fn a_statement_covered_by_a_wider_one_without_conditions_is_a_suggestion() {
    // STMT: statements of one effect OR together; one that adds nothing can go.
    let text = policy(
        r#"    {"Sid": "Narrow", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:Get*"], "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app", "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
    {"Sid": "Wide", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:Get*", "s3:GetObject"], "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"}"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let finding = only(&findings, LintCode::RedundantStatement);
    assert_eq!(finding.severity, Severity::Suggestion);
    assert!(text_at(&text, finding).starts_with(r#"{"Sid": "Narrow""#));
    assert_eq!(
        finding.message,
        "statement `Narrow` allows nothing that statement `Wide` does not already allow: remove it, or merge the two"
    );
}

#[test]
fn of_two_identical_statements_the_later_is_reported() {
    // STMT: a duplicate adds nothing.
    let statement = r#"{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:DeleteRepository"}"#;
    let text = policy(&format!("    {statement},\n    {statement}"));
    let findings = lint(&text, PolicyKind::Repository);
    let finding = only(&findings, LintCode::RedundantStatement);
    assert!(
        finding
            .message
            .starts_with("statement 2 denies nothing that statement 1 does not already deny")
    );
}

#[test]
fn statements_are_not_redundant_when_the_wider_one_has_conditions_or_differs() {
    // Conservative: a condition on the wider statement, another effect, another principal, NotAction,
    // or a resource outside the wider one keeps both.
    let pairs = [
        (
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}"#,
        ),
        (
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
            r#"{"Effect": "Deny", "Action": "ecr:*", "Resource": "*"}"#,
        ),
        (
            r#"{"Effect": "Allow", "Action": "ecr:Get*", "Resource": "*"}"#,
            r#"{"Effect": "Allow", "Action": ["ecr:GetDownloadUrlForLayer", "ecr:PutImage"], "Resource": "*"}"#,
        ),
        (
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}"#,
            r#"{"Effect": "Allow", "Action": "ecr:*", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/other*"}"#,
        ),
    ];
    for (narrow, wide) in pairs {
        let text = policy(&format!("    {narrow},\n    {wide}"));
        let findings = lint(&text, PolicyKind::Identity);
        assert!(
            with_code(&findings, LintCode::RedundantStatement).is_empty(),
            "{text}"
        );
    }
    let principals = policy(
        r#"    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"},
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr:*"}"#,
    );
    let findings = lint(&principals, PolicyKind::Repository);
    assert!(with_code(&findings, LintCode::RedundantStatement).is_empty());
}

#[test]
fn a_public_statement_covers_the_same_grant_to_one_account() {
    // PRIN: "*" names everyone, so it covers any named principal.
    let text = policy(
        r#"    {"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchDeleteImage"},
    {"Effect": "Deny", "Principal": "*", "Action": ["ecr:BatchDeleteImage", "ecr:DeleteRepository"]}"#,
    );
    let findings = lint(&text, PolicyKind::Repository);
    assert_eq!(codes_of(&findings), [LintCode::RedundantStatement]);
}
