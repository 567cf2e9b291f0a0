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

/// The `variable-in-version-2008` findings of `statement` in a policy of `version` (`None`: no `Version`).
fn literal_findings(version: Option<&str>, statement: &str) -> Vec<Diagnostic> {
    let text = match version {
        Some(version) => format!(r#"{{"Version": "{version}", "Statement": {statement}}}"#),
        None => format!(r#"{{"Statement": {statement}}}"#),
    };
    let findings = lint(&text, PolicyKind::Identity);
    let literal: Vec<Diagnostic> = with_code(&findings, LintCode::VariableInVersion2008)
        .into_iter()
        .cloned()
        .collect();
    let flagged: Vec<&Diagnostic> = literal.iter().collect();
    assert!(
        texts_at(&text, &flagged)
            .iter()
            .all(|flagged| flagged.contains("${")),
        "{literal:#?}"
    );
    literal
}

#[test]
fn variables_under_version_2008_or_without_version_are_literal_text_a_security_warning() {
    // VER: variables "are instead treated as literal strings"; section 8: the policy is evaluated, and the
    // finding is a security warning (not an error) that says what the author probably meant.
    let statement = statement_with(
        TEAM_RESOURCE,
        r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:username}"}, "StringLike": {"aws:PrincipalArn": "${*}"}}"#,
    );
    for version in [Some("2008-10-17"), None] {
        let literal = literal_findings(version, &statement);
        assert_eq!(literal.len(), 2, "{literal:#?}");
        let flagged: Vec<&Diagnostic> = literal.iter().collect();
        assert_all(&flagged, Severity::SecurityWarning);
        assert!(literal[0].message.starts_with(
            "`${aws:PrincipalTag/team}` is literal text, not a variable, because the policy's version is 2008-10-17"
        ));
        assert!(
            literal[0]
                .message
                .ends_with("add `\"Version\": \"2012-10-17\"` so the variable is substituted")
        );
        let findings = lint(
            &format!(r#"{{"Statement": {statement}}}"#),
            PolicyKind::Identity,
        );
        assert!(
            findings.iter().all(|finding| !finding.is_error()),
            "{findings:#?}"
        );
    }
}

#[test]
fn a_literal_variable_in_resource_or_a_positive_condition_never_matches() {
    // Section 8: the literal matches no real repository and equals no real value.
    let resource = literal_findings(
        Some("2008-10-17"),
        r#"{"Effect": "Deny", "Action": "ecr:BatchDeleteImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/${aws:username}/*"}"#,
    );
    assert!(
        resource[0]
            .message
            .contains("ECR repository names cannot contain")
    );
    assert!(resource[0].message.contains("so this Deny never applies"));
    let condition = literal_findings(
        Some("2008-10-17"),
        r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:user/${aws:username}"}}}"#,
    );
    assert!(
        condition[0]
            .message
            .contains("`StringLike` compares `aws:PrincipalArn` with the literal text")
    );
    assert!(condition[0].message.contains("so this Allow never grants"));
}

#[test]
fn a_literal_variable_under_a_negated_operator_or_in_not_resource_always_matches() {
    // Section 8: "StringNotEquals against the literal ${aws:username} matches every real value, so such a
    // Deny applies to everyone"; the same holds for NotResource, which then excludes nothing.
    let negated = literal_findings(
        Some("2008-10-17"),
        r#"{"Effect": "Deny", "Action": "ecr:BatchDeleteImage", "Resource": "*", "Condition": {"StringNotEquals": {"ecr:ResourceTag/owner": "${aws:username}"}}}"#,
    );
    assert!(negated[0].message.contains(
        "so it is true for every request: this Deny applies to every request its other elements match"
    ));
    assert!(!negated[0].message.contains("never"));
    let not_resource = literal_findings(
        None,
        r#"{"Effect": "Deny", "Action": "ecr:BatchDeleteImage", "NotResource": "arn:aws:ecr:us-east-1:111122223333:repository/${aws:username}/*"}"#,
    );
    assert!(not_resource[0].message.contains(
        "so the `NotResource` excludes nothing: this Deny applies to every resource its `Action` names"
    ));
}

#[test]
fn a_literal_variable_beside_other_values_or_under_set_operators_says_when_it_matters() {
    // MV: values of one key are ORed, so the literal one drops out; a missing key makes ForAllValues true
    // and ForAnyValue false, and IfExists true (OPS).
    let among_others = literal_findings(
        Some("2008-10-17"),
        r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["${aws:username}", "web"]}}}"#,
    );
    assert!(
        among_others[0]
            .message
            .contains("so this value has no effect and the condition's other values decide")
    );
    let for_all = literal_findings(
        Some("2008-10-17"),
        r#"{"Effect": "Allow", "Action": "ecr:TagResource", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": "${aws:username}"}}}"#,
    );
    assert!(
        for_all[0]
            .message
            .contains("true only for a request without `aws:TagKeys`: this Allow grants only then")
    );
    let for_any_negated = literal_findings(
        Some("2008-10-17"),
        r#"{"Effect": "Deny", "Action": "ecr:TagResource", "Resource": "*", "Condition": {"ForAnyValue:StringNotEquals": {"aws:TagKeys": "${aws:username}"}}}"#,
    );
    assert!(for_any_negated[0].message.contains("true for every request that has `aws:TagKeys`, whatever its value: this Deny applies to all of them"));
    let if_exists = literal_findings(
        Some("2008-10-17"),
        r#"{"Effect": "Deny", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {"StringEqualsIfExists": {"aws:PrincipalTag/team": "${aws:username}"}}}"#,
    );
    assert!(if_exists[0].message.contains(
        "true only for a request without `aws:PrincipalTag/team`: this Deny applies only then"
    ));
}

#[test]
fn variables_under_version_2012_are_not_literal() {
    let statement = statement_with(
        TEAM_RESOURCE,
        r#"{"StringNotEquals": {"aws:PrincipalTag/team": "${aws:username}"}}"#,
    );
    assert!(literal_findings(Some("2012-10-17"), &statement).is_empty());
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
