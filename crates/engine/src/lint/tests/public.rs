//! ECR Public repository policies: a Deny of viewing actions (ECRPUB).

use super::*;

fn public_findings(statement: &str) -> Vec<Diagnostic> {
    lint_for(
        &policy(statement),
        PolicyKind::Repository,
        PUBLIC_REPOSITORY,
    )
}

#[test]
fn a_deny_of_viewing_actions_in_a_public_repository_policy_is_a_warning() {
    // ECRPUB: "Using a repository policy to deny access to view or pull from a public repository is not
    // supported".
    for (statement, named) in [
        (
            r#"{"Effect": "Deny", "Principal": "*", "Action": "ecr-public:DescribeImages"}"#,
            "`ecr-public:DescribeImages`",
        ),
        (
            r#"{"Effect": "Deny", "Principal": "*", "Action": "ecr-public:*"}"#,
            "`ecr-public:DescribeImages`, `ecr-public:DescribeImageTags`, `ecr-public:DescribeRepositories`, `ecr-public:GetRepositoryCatalogData`",
        ),
    ] {
        let findings = public_findings(statement);
        let finding = only(&findings, LintCode::DenyViewInPublicRepository);
        assert_eq!(finding.severity, Severity::Warning);
        assert!(
            finding
                .message
                .starts_with("a public repository's policy cannot deny viewing or pulling it")
        );
        assert!(
            finding
                .message
                .contains(&format!("so do not rely on this Deny of {named};")),
            "{}",
            finding.message
        );
        assert_eq!(
            finding.docs,
            Some(
                "https://docs.aws.amazon.com/AmazonECR/latest/public/public-repository-policies.html"
            )
        );
    }
}

#[test]
fn denying_push_in_a_public_repository_or_viewing_in_a_private_one_is_clean() {
    let push = public_findings(
        r#"{"Effect": "Deny", "Principal": "*", "Action": ["ecr-public:PutImage", "ecr-public:UploadLayerPart"]}"#,
    );
    assert!(
        with_code(&push, LintCode::DenyViewInPublicRepository).is_empty(),
        "{push:#?}"
    );
    let private = lint(
        &policy(r#"{"Effect": "Deny", "Principal": "*", "Action": "ecr:DescribeImages"}"#),
        PolicyKind::Repository,
    );
    assert!(with_code(&private, LintCode::DenyViewInPublicRepository).is_empty());
    let allow = public_findings(
        r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr-public:DescribeImages"}"#,
    );
    assert!(with_code(&allow, LintCode::DenyViewInPublicRepository).is_empty());
}
