//! `Principal` and `NotPrincipal` findings.

use super::*;
use crate::diagnostic::Severity;

fn repository_for(principal: &str) -> String {
    policy(&format!(
        r#"    {{"Effect": "Allow", "Principal": {principal}, "Action": "ecr:BatchGetImage"}}"#
    ))
}

#[test]
fn principals_that_name_nobody_are_errors() {
    // PRIN: account ids, principal ARNs, unique ids of deleted principals, or `*`; groups are not
    // principals; service principals are names such as codebuild.amazonaws.com.
    let text = repository_for(
        r#"{"AWS": ["12345", "alice", "arn:aws:iam::111122223333:group/devs", "arn:aws:iam::1111:user/bob", "arn:aws:s3:::bucket",
                   "111122223333", "arn:aws:iam::111122223333:user/path/bob", "arn:aws:sts::111122223333:assumed-role/ci/run-1",
                   "AROAEXAMPLEID12345678", "arn:aws-iso:iam::111122223333:role/ci"],
            "Service": ["codebuild", "ecs-tasks.amazonaws.com"]}"#,
    );
    let findings = lint(&text, PolicyKind::Repository);
    let malformed = with_code(&findings, LintCode::MalformedPrincipal);
    let flagged = texts_at(&text, &malformed);
    assert_eq!(
        flagged,
        [
            "\"12345\"",
            "\"alice\"",
            "\"arn:aws:iam::111122223333:group/devs\"",
            "\"arn:aws:iam::1111:user/bob\"",
            "\"arn:aws:s3:::bucket\"",
            "\"codebuild\""
        ]
    );
    assert!(malformed[0].message.contains("exactly 12 digits"));
    assert!(malformed[2].message.contains("groups cannot be principals"));
    assert_eq!(
        malformed[5].message,
        "`codebuild` is not a service principal: write the service's principal name, such as `codebuild.amazonaws.com`"
    );
    assert_all(&malformed, Severity::Error);
}

#[test]
fn not_principal_with_deny_suggests_principal_star_with_an_arn_condition() {
    // NOTPRIN: NotPrincipal denies sessions unless role and account are listed, and always denies
    // principals with a permissions boundary; aws:PrincipalArn holds the role ARN for sessions (GCK).
    let text = policy(
        r#"    {"Effect": "Deny", "NotPrincipal": {"AWS": ["111122223333", "arn:aws:sts::111122223333:assumed-role/ci/run-1", "arn:aws:iam::111122223333:role/ci"], "Service": "codebuild.amazonaws.com"}, "Action": "ecr:*"}"#,
    );
    let findings = lint(&text, PolicyKind::Repository);
    let finding = only(&findings, LintCode::NotPrincipalToCondition);
    assert_eq!(finding.severity, Severity::Suggestion);
    assert_eq!(text_at(&text, finding), "\"NotPrincipal\"");
    assert!(
        finding.message.contains(
            r#"`"Condition": {"ArnNotEquals": {"aws:PrincipalArn": ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/ci"]}, "StringNotEquals": {"aws:PrincipalServiceName": ["codebuild.amazonaws.com"]}}`"#
        ),
        "{}",
        finding.message
    );
    assert!(
        finding
            .message
            .starts_with(r#"write `"Principal": "*"` with"#)
    );
}
