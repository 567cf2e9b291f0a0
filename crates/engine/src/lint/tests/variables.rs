//! Policy-variable findings.

use super::*;
use crate::diagnostic::Severity;

const TEAM_RESOURCE: &str =
    "arn:aws:ecr:us-east-1:111122223333:repository/${aws:PrincipalTag/team}/*";

fn statement_with(resource: &str, condition: &str) -> String {
    format!(
        r#"{{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "{resource}", "Condition": {condition}}}"#
    )
}

#[test]
fn variables_under_version_2008_or_without_version_are_errors() {
    // VER, VARS: variables are literal text under 2008-10-17, which a missing Version also means.
    let statement = statement_with(
        TEAM_RESOURCE,
        r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}, "StringLike": {"aws:PrincipalArn": "${*}"}}"#,
    );
    for text in [
        format!(r#"{{"Version": "2008-10-17", "Statement": {statement}}}"#),
        format!(r#"{{"Statement": {statement}}}"#),
    ] {
        let findings = lint(&text, PolicyKind::Identity);
        let literal = with_code(&findings, LintCode::VariableInVersion2008);
        let flagged = texts_at(&text, &literal);
        assert_eq!(
            flagged,
            [
                format!("\"{TEAM_RESOURCE}\""),
                "\"${aws:username}\"".to_string()
            ]
        );
        assert!(
            literal[0]
                .message
                .starts_with("`${aws:PrincipalTag/team}` is literal text here")
        );
        assert_all(&literal, Severity::Error);
    }
}

#[test]
fn variables_are_substituted_only_in_string_and_arn_conditions_and_the_resource_part() {
    // Section 8 (OPS/VARS conflict): String and ARN operators and Resource only; VARS: only after the
    // fifth colon of an ARN; INFERENCE: never in Action.
    let text = policy(&format!(
        "    {},\n    {}",
        statement_with(
            TEAM_RESOURCE,
            r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}, "ArnLike": {"aws:SourceArn": "arn:aws:codebuild:*:${aws:PrincipalAccount}:project/*"}, "Bool": {"aws:SecureTransport": "${aws:ViaAWSService}"}, "DateLessThan": {"aws:CurrentTime": "${aws:TokenIssueTime}"}}"#,
        ),
        r#"{"Effect": "Allow", "Action": "ecr:${aws:username}", "Resource": "arn:aws:ecr:${aws:RequestedRegion}:111122223333:repository/app"}"#
    ));
    let findings = lint(&text, PolicyKind::Identity);
    let literal = with_code(&findings, LintCode::VariableNotSubstituted);
    let flagged = texts_at(&text, &literal);
    assert_eq!(
        flagged,
        [
            "\"${aws:ViaAWSService}\"",
            "\"${aws:TokenIssueTime}\"",
            "\"ecr:${aws:username}\"",
            "\"arn:aws:ecr:${aws:RequestedRegion}:111122223333:repository/app\""
        ]
    );
    assert!(literal[0].message.contains("not substituted in `Bool`"));
    assert!(literal[2].message.contains("not substituted in `Action`"));
    // It is not also an unknown action: the variable is the reason it matches nothing.
    assert!(with_code(&findings, LintCode::UnknownAction).is_empty());
    assert!(literal[3].message.contains("after the fifth colon"));
    assert_all(&literal, Severity::Warning);
    // The variable in the value of a Date operator is not also reported as an invalid date.
    assert!(with_code(&findings, LintCode::InvalidConditionValue).is_empty());
}
