//! `Condition` findings.

use super::*;
use crate::diagnostic::Severity;

fn allow_when(actions: &str, condition: &str) -> String {
    policy(&format!(
        r#"    {{"Effect": "Allow", "Action": {actions}, "Resource": "*", "Condition": {condition}}}"#
    ))
}

#[test]
fn operators_given_values_of_the_wrong_type_are_errors() {
    // OPS: Numeric needs numbers, Date W3C dates or epoch seconds, Bool true/false, IpAddress CIDR,
    // BinaryEquals base64; Null true/false.
    let text = allow_when(
        r#""ecr:BatchGetImage""#,
        r#"{
          "NumericLessThan": {"aws:MultiFactorAuthAge": ["3600", "one hour"]},
          "DateGreaterThan": {"aws:CurrentTime": ["2030-01-01T00:00:00Z", "1735689600", "next tuesday"]},
          "Bool": {"aws:SecureTransport": ["yes", true]},
          "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32", "10.0.0.0/33", "intranet"]},
          "BinaryEquals": {"aws:userid": "not base64!"},
          "Null": {"aws:PrincipalOrgID": "maybe"},
          "StringEquals": {"aws:PrincipalAccount": 111122223333}
        }"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let invalid = with_code(&findings, LintCode::InvalidConditionValue);
    let flagged = texts_at(&text, &invalid);
    assert_eq!(
        flagged,
        [
            "\"one hour\"",
            "\"next tuesday\"",
            "\"yes\"",
            "\"10.0.0.0/33\"",
            "\"intranet\"",
            "\"not base64!\"",
            "\"maybe\""
        ]
    );
    assert_eq!(
        invalid[0].message,
        "`one hour` is not an integer or decimal number and `NumericLessThan` needs one, so this value never matches: write a number such as `3600`"
    );
    assert_all(&invalid, Severity::Error);
}

#[test]
fn misspelled_global_keys_are_warnings_with_a_did_you_mean() {
    // GCK, COND: key names are case-insensitive, so aws:SourceIP is aws:SourceIp; aws:SoruceIp is no key.
    let text = allow_when(
        r#""ecr:BatchGetImage""#,
        r#"{"IpAddress": {"aws:SourceIP": "203.0.113.0/24", "aws:SoruceIp": "198.51.100.0/24"}, "StringEquals": {"aws:Nonsense": "x", "s3:prefix": "home/"}}"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let unknown = with_code(&findings, LintCode::UnknownConditionKey);
    assert_eq!(unknown.len(), 2, "{findings:#?}");
    assert_eq!(text_at(&text, unknown[0]), "\"aws:SoruceIp\"");
    assert!(unknown[0].message.ends_with("did you mean `aws:SourceIp`?"));
    assert!(
        unknown[1]
            .message
            .ends_with("check the spelling against the list of global condition keys")
    );
    assert_eq!(unknown[0].severity, Severity::Warning);
}

#[test]
fn unknown_ecr_keys_are_warnings_listing_the_service_keys() {
    // ECRSAR: ecr documents ecr:ResourceTag/${TagKey} and ecr:AccountSetting.
    let text = allow_when(
        r#""ecr:BatchGetImage""#,
        r#"{"StringEquals": {"ecr:RepositoryName": "app", "ecr:ResourceTag/team": "web"}}"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let finding = only(&findings, LintCode::UnknownConditionKey);
    assert_eq!(text_at(&text, finding), "\"ecr:RepositoryName\"");
    assert!(
        finding
            .message
            .ends_with("its keys are `ecr:AccountSetting` and `ecr:ResourceTag/${TagKey}`"),
        "{}",
        finding.message
    );
}

#[test]
fn condition_keys_that_no_action_of_the_statement_carries_are_warnings() {
    // ECRSAR: aws:RequestTag and aws:TagKeys come with CreateRepository and TagResource only;
    // ecr:ResourceTag with repository actions; global keys such as aws:SourceIp with every request.
    let text = allow_when(
        r#"["ecr:PutImage", "ecr:GetAuthorizationToken"]"#,
        r#"{"StringEquals": {"aws:RequestTag/team": "web", "ecr:ResourceTag/team": "web", "aws:ResourceTag/team": "web"}, "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let finding = only(&findings, LintCode::ConditionKeyNotCarried);
    assert_eq!(text_at(&text, finding), "\"aws:RequestTag/team\"");
    assert!(
        finding.message.contains(
            "(`ecr:CreateRepository`, `ecr:ListTagsForResource`, `ecr:TagResource` and 2 more)"
        ),
        "{}",
        finding.message
    );
    let tagging = text.replace(
        r#"["ecr:PutImage", "ecr:GetAuthorizationToken"]"#,
        r#""ecr:TagResource""#,
    );
    assert_eq!(lint(&tagging, PolicyKind::Identity), Vec::new());
}

#[test]
fn keys_of_statements_with_unknown_actions_are_not_judged() {
    // The catalogue knows ecr and ecr-public only: s3 actions or NotAction may carry the key.
    let text = allow_when(
        r#"["ecr:PutImage", "s3:PutObject"]"#,
        r#"{"StringEquals": {"aws:RequestTag/team": "web"}}"#,
    );
    assert_eq!(lint(&text, PolicyKind::Identity), Vec::new());
}

#[test]
fn for_all_values_in_an_allow_is_a_security_warning() {
    // MV, section 8: ForAllValues is vacuously true when the key is missing or empty.
    let text = allow_when(
        r#""ecr:TagResource""#,
        r#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let finding = only(&findings, LintCode::ForAllValuesInAllow);
    assert_eq!(finding.severity, Severity::SecurityWarning);
    assert_eq!(text_at(&text, finding), "\"ForAllValues:StringEquals\"");
    assert!(
        finding
            .message
            .contains(r#"add `"Null": {"aws:TagKeys": "false"}`"#)
    );
}

#[test]
fn for_all_values_with_the_key_required_or_in_a_deny_is_fine() {
    // MV: a Null = false condition on the same key removes the vacuous case; a Deny grants nothing.
    let required = allow_when(
        r#""ecr:TagResource""#,
        r#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}, "Null": {"AWS:TagKeys": "false"}}"#,
    );
    assert_eq!(lint(&required, PolicyKind::Identity), Vec::new());
    let deny = allow_when(
        r#""ecr:TagResource""#,
        r#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}"#,
    )
    .replace("Allow", "Deny");
    assert_eq!(lint(&deny, PolicyKind::Identity), Vec::new());
}

/// The `operator-key-type-mismatch` findings of one Allow condition.
fn type_findings(condition: &str) -> (String, Vec<Diagnostic>) {
    let text = policy(&format!(
        r#"{{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {condition}}}"#
    ));
    let findings = lint(&text, PolicyKind::Identity);
    let mismatched = with_code(&findings, LintCode::OperatorKeyTypeMismatch)
        .into_iter()
        .cloned()
        .collect();
    (text, mismatched)
}

#[test]
fn an_operator_that_does_not_fit_its_keys_type_is_a_warning_naming_the_right_family() {
    // OPS: each operator family compares one type of value; GCK gives each key's type.
    for (condition, operator, right) in [
        (
            r#"{"StringEquals": {"aws:SourceIp": "203.0.113.0/24"}}"#,
            "StringEquals",
            "use `IpAddress` or `NotIpAddress`, which match CIDR blocks",
        ),
        (
            r#"{"Bool": {"aws:username": "true"}}"#,
            "Bool",
            "use a String operator (`StringEquals`, `StringLike`, `StringNotEquals`...)",
        ),
        (
            r#"{"DateGreaterThan": {"aws:MultiFactorAuthAge": "2030-01-01T00:00:00Z"}}"#,
            "DateGreaterThan",
            "use a Numeric operator (`NumericLessThan`, `NumericGreaterThan`, `NumericEquals`...)",
        ),
        (
            r#"{"ForAnyValue:StringLike": {"ecr:ResourceTag/team": "web"}, "NumericEquals": {"ecr-public:ResourceTag/team": "1"}}"#,
            "NumericEquals",
            "use a String operator",
        ),
    ] {
        let (text, mismatched) = type_findings(condition);
        assert_eq!(mismatched.len(), 1, "{condition}\n{mismatched:#?}");
        assert_eq!(text_at(&text, &mismatched[0]), format!("\"{operator}\""));
        assert_eq!(mismatched[0].severity, Severity::Warning);
        assert!(
            mismatched[0].message.contains(right),
            "{}",
            mismatched[0].message
        );
    }
    let (_, ip) = type_findings(r#"{"StringEquals": {"aws:SourceIp": "203.0.113.0/24"}}"#);
    assert!(
        ip[0]
            .message
            .contains("the address is compared as text, so it never matches a CIDR block")
    );
}

#[test]
fn operators_that_fit_their_keys_type_are_clean() {
    // String operators fit ARN keys (LAMBDA compares aws:sourceARN with StringLike); aws:EpochTime is a
    // Date and also a Numeric key (GCK); Null fits every key; keys the catalogue does not know are left.
    let (_, mismatched) = type_findings(
        r#"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "StringLike": {"aws:SourceArn": "arn:aws:lambda:*"}, "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/ci"}, "NumericLessThan": {"aws:EpochTime": "1900000000"}, "DateLessThan": {"aws:EpochTime": "2030-01-01T00:00:00Z"}, "Bool": {"aws:SecureTransport": "true"}, "Null": {"aws:SourceIp": "false"}, "StringEquals": {"s3:prefix": "home/"}}"#,
    );
    assert!(mismatched.is_empty(), "{mismatched:#?}");
}
