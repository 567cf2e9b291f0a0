//! Public and cross-account grants in repository policies.

use super::*;
use crate::diagnostic::Severity;

fn allow(principal: &str, actions: &str, condition: &str) -> String {
    let condition = if condition.is_empty() {
        String::new()
    } else {
        format!(r#", "Condition": {condition}"#)
    };
    policy(&format!(
        r#"    {{"Effect": "Allow", "Principal": {principal}, "Action": {actions}{condition}}}"#
    ))
}

#[test]
fn public_allow_without_a_narrowing_condition_is_a_security_warning_in_words() {
    // PRIN: "*" and {"AWS": "*"} are everyone, anonymous callers included.
    let pull = allow(
        r#""*""#,
        r#"["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]"#,
        "",
    );
    let finding = only(&lint(&pull, PolicyKind::Repository), LintCode::PublicAccess).clone();
    assert_eq!(finding.severity, Severity::SecurityWarning);
    assert_eq!(text_at(&pull, &finding), "\"*\"");
    assert!(finding.message.starts_with(
        "anyone on the internet with an AWS account could pull images from this repository: "
    ));

    let everything = allow(
        r#"{"AWS": ["arn:aws:iam::111122223333:root", "*"]}"#,
        r#""ecr:*""#,
        "",
    );
    let findings = lint(&everything, PolicyKind::Repository);
    let finding = only(&findings, LintCode::PublicAccess);
    assert_eq!(text_at(&everything, finding), "\"*\"");
    assert!(
        finding.message.starts_with(
            "anyone on the internet with an AWS account could pull images, push images, delete images, delete the repository, change who may access the repository, change the repository's settings and read image and repository details: "
        ),
        "{}",
        finding.message
    );
}

#[test]
fn conditions_that_narrow_the_caller_make_a_public_allow_fine() {
    // GCK: organization, account, ARN, network and source keys limit who can call; PRIN.
    for condition in [
        r#"{"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}"#,
        r#"{"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci-*"}}"#,
        r#"{"StringEquals": {"AWS:principalaccount": ["111122223333", "444455556666"]}}"#,
        r#"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#,
        r#"{"StringEquals": {"aws:SourceVpce": "vpce-0123456789abcdef0"}}"#,
        r#"{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*"}}"#,
    ] {
        let text = allow(r#""*""#, r#""ecr:BatchGetImage""#, condition);
        assert_eq!(
            lint(&text, PolicyKind::Repository),
            Vec::new(),
            "{condition}"
        );
    }
}

#[test]
fn conditions_that_a_stranger_can_satisfy_do_not_narrow_a_public_allow() {
    // OPS: negated operators and IfExists are true when the key is missing; MV: ForAllValues is true for
    // a missing key; `*` matches anything; any caller can name a user or tag a role as they like.
    for condition in [
        r#"{"StringNotEquals": {"aws:PrincipalAccount": "999988887777"}}"#,
        r#"{"StringEqualsIfExists": {"aws:SourceVpce": "vpce-0123456789abcdef0"}}"#,
        r#"{"StringLike": {"aws:PrincipalArn": "*"}}"#,
        r#"{"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}"#,
        r#"{"StringEquals": {"aws:username": "bob"}}"#,
        r#"{"StringEquals": {"aws:PrincipalTag/team": "web"}}"#,
        r#"{"Bool": {"aws:SecureTransport": "true"}}"#,
        r#"{"Null": {"aws:PrincipalOrgID": "false"}}"#,
    ] {
        let text = allow(r#""*""#, r#""ecr:BatchGetImage""#, condition);
        let findings = lint(&text, PolicyKind::Repository);
        assert_eq!(
            with_code(&findings, LintCode::PublicAccess).len(),
            1,
            "{condition}"
        );
    }
}

#[test]
fn public_deny_and_grants_of_nothing_are_not_public_access() {
    // EFF: a Deny grants nothing; ECRPOL: registry-level actions have no effect in a repository policy.
    let deny = allow(r#""*""#, r#""ecr:*""#, "").replace("Allow", "Deny");
    assert_eq!(lint(&deny, PolicyKind::Repository), Vec::new());
    let token = allow(r#""*""#, r#""ecr:GetAuthorizationToken""#, "");
    assert_eq!(
        codes_of(&lint(&token, PolicyKind::Repository)),
        [LintCode::RegistryActionInRepositoryPolicy]
    );
}

#[test]
fn push_or_delete_granted_to_another_account_is_a_security_warning() {
    // PRIN: an account principal delegates to every principal of that account; XACCT: the other
    // account's IAM policies decide who among them gets it.
    let text = allow(
        r#"{"AWS": ["444455556666", "arn:aws:iam::111122223333:root", "arn:aws:iam::555566667777:role/ci"]}"#,
        r#"["ecr:BatchGetImage", "ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchDeleteImage"]"#,
        "",
    );
    let findings = lint(&text, PolicyKind::Repository);
    let finding = only(&findings, LintCode::CrossAccountWrite);
    assert_eq!(finding.severity, Severity::SecurityWarning);
    assert_eq!(text_at(&text, finding), "\"444455556666\"");
    assert_eq!(
        finding.message,
        "every user and role in account `444455556666` that its own IAM policies allow could push images and delete images (`ecr:PutImage`, `ecr:InitiateLayerUpload`, `ecr:UploadLayerPart` and 2 more): name the one role that needs it, such as `arn:aws:iam::444455556666:role/ci`, or grant the account only pull actions"
    );
}

#[test]
fn cross_account_pull_and_narrowed_grants_are_fine() {
    // ECREX: cross-account pull is the common case; a condition on aws:PrincipalArn names the role.
    let pull = allow(
        r#"{"AWS": "arn:aws:iam::444455556666:root"}"#,
        r#"["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:DescribeImages"]"#,
        "",
    );
    assert_eq!(lint(&pull, PolicyKind::Repository), Vec::new());
    let narrowed = allow(
        r#"{"AWS": "arn:aws:iam::444455556666:root"}"#,
        r#""ecr:*""#,
        r#"{"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::444455556666:role/ci"}}"#,
    );
    assert_eq!(lint(&narrowed, PolicyKind::Repository), Vec::new());
    // Without the repository, which account is "another" is unknown.
    let push = allow(r#"{"AWS": "444455556666"}"#, r#""ecr:PutImage""#, "");
    assert_eq!(
        lint_unknown_repository(&push, PolicyKind::Repository),
        Vec::new()
    );
}
