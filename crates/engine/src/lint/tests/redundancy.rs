//! Statements covered by others.

use proptest::prelude::*;

use super::*;
use crate::diagnostic::Severity;
use crate::lint::redundancy::covers;
use crate::policy::parse_policy;
use crate::span::Span;

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

/// A statement of a generated repository policy, from pools that make statements cover each other often:
/// principals that repeat, name everyone or are left out, actions and resources in wide and narrow forms,
/// negated elements and conditions.
fn generated_statement() -> impl Strategy<Value = String> {
    let principal = proptest::sample::select(vec![
        "",
        r#""Principal": "*", "#,
        r#""Principal": {"AWS": "*"}, "#,
        r#""Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "#,
        r#""Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "#,
        r#""Principal": {"AWS": ["arn:aws:iam::444455556666:root", "arn:aws:iam::111122223333:root"]}, "#,
        r#""Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:root"]}, "#,
        r#""Principal": {"Service": "codebuild.amazonaws.com"}, "#,
        r#""Principal": {"AWS": "arn:aws:iam::111122223333:root", "Service": "codebuild.amazonaws.com"}, "#,
        r#""NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "#,
        r#""Principal": {"AWS": []}, "#,
    ]);
    let action = proptest::sample::select(vec![
        r#""Action": "ecr:*""#,
        r#""Action": "ecr:BatchGetImage""#,
        r#""Action": "ecr:Get*""#,
        r#""Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]"#,
        r#""NotAction": "ecr:PutImage""#,
    ]);
    let extra = proptest::sample::select(vec![
        "",
        r#", "Resource": "*""#,
        r#", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app""#,
        r#", "Condition": {"Bool": {"aws:SecureTransport": "true"}}"#,
    ]);
    let effect = proptest::sample::select(vec!["Allow", "Deny"]);
    (effect, principal, action, extra).prop_map(|(effect, principal, action, extra)| {
        format!(r#"    {{"Effect": "{effect}", {principal}{action}{extra}}}"#)
    })
}

proptest! {
    #[test]
    fn a_statement_is_compared_with_the_statements_its_principal_allows_and_no_fewer(
        statements in proptest::collection::vec(generated_statement(), 1..12),
    ) {
        // STMT: the check compares each statement only with the statements that could cover it by their
        // Principal; it reports what comparing it with every other statement, in order, reports.
        let text = policy(&statements.join(",\n"));
        let parsed = parse_policy(&text, PolicyKind::Repository);
        let all = parsed.policy.map(|policy| policy.statements).unwrap_or_default();
        let expected: Vec<(Span, String)> = all
            .iter()
            .filter_map(|narrow| {
                let wide = all.iter().find(|wide| {
                    wide.index != narrow.index
                        && covers(wide, narrow)
                        && (wide.index < narrow.index || !covers(narrow, wide))
                })?;
                Some((narrow.span, wide.label()))
            })
            .collect();
        let findings = lint(&text, PolicyKind::Repository);
        let reported = with_code(&findings, LintCode::RedundantStatement);
        prop_assert_eq!(reported.len(), expected.len(), "{}", text);
        for (finding, (span, wide)) in reported.iter().zip(&expected) {
            prop_assert_eq!(finding.span, *span);
            let that = format!("that {wide} does not already");
            prop_assert!(finding.message.contains(&that), "{}", finding.message);
        }
    }
}
