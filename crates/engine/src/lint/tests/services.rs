//! Service principals without a source condition (confused-deputy guidance, LAMBDA).

use super::*;

fn repository_policy(statement: &str) -> String {
    policy(statement)
}

#[test]
fn a_service_principal_without_a_source_condition_is_a_suggestion() {
    // LAMBDA: the statement Lambda adds itself for a same-account function gets a suggestion and nothing
    // more.
    let text = repository_policy(
        r#"{"Sid": "LambdaECRImageRetrievalPolicy", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}"#,
    );
    let findings = lint(&text, PolicyKind::Repository);
    assert_eq!(
        codes_of(&findings),
        [LintCode::ServicePrincipalWithoutSource]
    );
    let finding = &findings[0];
    assert_eq!(finding.severity, Severity::Suggestion);
    assert_eq!(text_at(&text, finding), "\"lambda.amazonaws.com\"");
    assert!(finding.message.contains(
        "add a condition such as `\"StringEquals\": {\"aws:SourceAccount\": \"111122223333\"}`"
    ));
    assert_eq!(
        finding.docs,
        Some("https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html")
    );
}

#[test]
fn a_service_principal_with_a_source_condition_or_in_a_deny_is_clean() {
    // ECREX: the CodeBuild example ties the grant with aws:SourceArn and aws:SourceAccount; LAMBDA's
    // cross-account statement uses aws:sourceARN (key names are case-insensitive).
    for statement in [
        r#"{"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "ecr:BatchGetImage", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:codebuild:us-east-1:111122223333:project/build"}}}"#,
        r#"{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "ecr:BatchGetImage", "Condition": {"StringLike": {"aws:sourceARN": "arn:aws:lambda:us-east-1:444455556666:function:*"}}}"#,
        r#"{"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "ecr:BatchGetImage", "Condition": {"StringEquals": {"aws:SourceOrgID": "o-a1b2c3d4e5"}}}"#,
        r#"{"Effect": "Deny", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "ecr:PutImage"}"#,
    ] {
        let findings = lint(&repository_policy(statement), PolicyKind::Repository);
        assert!(
            with_code(&findings, LintCode::ServicePrincipalWithoutSource).is_empty(),
            "{statement}\n{findings:#?}"
        );
    }
}

#[test]
fn service_principals_are_checked_only_in_repository_policies() {
    let text = policy(
        r#"{"Effect": "Allow", "Principal": {"Service": "ecr.amazonaws.com"}, "Action": "ecr:ReplicateImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"}"#,
    );
    let findings = lint(&text, PolicyKind::Registry);
    assert!(with_code(&findings, LintCode::ServicePrincipalWithoutSource).is_empty());
}
