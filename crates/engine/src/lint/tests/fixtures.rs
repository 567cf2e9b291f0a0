//! Every lint code has a fixture that shows it, and clean, realistic policies show none.

use super::*;

/// A policy that must show `code` when linted as `kind` under the registry policy scope `scope`.
struct Fixture {
    code: LintCode,
    kind: PolicyKind,
    scope: RegistryPolicyScope,
    text: String,
}

fn fixture(code: LintCode, kind: PolicyKind, statements: &str) -> Fixture {
    Fixture {
        code,
        kind,
        scope: RegistryPolicyScope::V2,
        text: policy(statements),
    }
}

/// A registry policy statement of this registry allowing `action` to the account 444455556666.
fn registry_grant(action: &str) -> String {
    format!(
        r#"{{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::444455556666:root"}}, "Action": "{action}", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"}}"#
    )
}

/// An identity statement allowing `action` on every resource.
fn allow(action: &str) -> String {
    format!(r#"{{"Effect": "Allow", "Action": "{action}", "Resource": "*"}}"#)
}

/// A session policy over its 2,048-character limit: many identical-but-for-the-Sid statements.
fn oversized_session_policy() -> String {
    let statements: Vec<String> = (0..40)
        .map(|index| {
            format!(
                r#"{{"Sid": "Pull{index}", "Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app{index}"}}"#
            )
        })
        .collect();
    policy(&statements.join(",\n"))
}

fn fixtures() -> Vec<Fixture> {
    use PolicyKind::{Identity, Registry, Repository, Session};
    vec![
        fixture(LintCode::UnknownAction, Identity, &allow("ecr:BatchGetImages")),
        fixture(LintCode::ActionMatchesNothing, Identity, &allow("ecr:Batch*Layers")),
        fixture(LintCode::UnknownService, Identity, &allow("ecr_public:PutImage")),
        fixture(LintCode::MalformedAction, Identity, &allow("BatchGetImage")),
        fixture(
            LintCode::MalformedArn,
            Identity,
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "my-repo"}"#,
        ),
        fixture(
            LintCode::MalformedPrincipal,
            Repository,
            r#"{"Effect": "Allow", "Principal": {"AWS": "12345"}, "Action": "ecr:BatchGetImage"}"#,
        ),
        Fixture {
            code: LintCode::VariableInVersion2008,
            kind: Identity,
            scope: RegistryPolicyScope::V2,
            text: r#"{"Version": "2008-10-17", "Statement": {"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/${aws:username}"}}"#.to_string(),
        },
        fixture(
            LintCode::InvalidConditionValue,
            Identity,
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "one hour"}}}"#,
        ),
        fixture(
            LintCode::ResourceNotThisRepository,
            Repository,
            r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/other"}"#,
        ),
        Fixture {
            code: LintCode::PolicyTooLarge,
            kind: Session,
            scope: RegistryPolicyScope::V2,
            text: oversized_session_policy(),
        },
        fixture(
            LintCode::PublicAccess,
            Repository,
            r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}"#,
        ),
        fixture(
            LintCode::CrossAccountWrite,
            Repository,
            r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": ["ecr:BatchGetImage", "ecr:PutImage"]}"#,
        ),
        fixture(
            LintCode::ForAllValuesInAllow,
            Identity,
            r#"{"Effect": "Allow", "Action": "ecr:TagResource", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}}"#,
        ),
        fixture(
            LintCode::NotActionWithAllow,
            Identity,
            r#"{"Effect": "Allow", "NotAction": "ecr:Delete*", "Resource": "*"}"#,
        ),
        fixture(
            LintCode::NotResourceWithAllow,
            Identity,
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "NotResource": "arn:aws:ecr:us-east-1:111122223333:repository/secret"}"#,
        ),
        fixture(
            LintCode::ResourceInRepositoryPolicy,
            Repository,
            r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr:BatchGetImage", "Resource": "*"}"#,
        ),
        fixture(
            LintCode::RegistryActionInRepositoryPolicy,
            Repository,
            r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr:GetAuthorizationToken"}"#,
        ),
        fixture(
            LintCode::OtherServiceAction,
            Repository,
            r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "s3:GetObject"}"#,
        ),
        fixture(
            LintCode::ConditionKeyNotCarried,
            Identity,
            r#"{"Effect": "Allow", "Action": "ecr:PutImage", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestTag/team": "web"}}}"#,
        ),
        fixture(
            LintCode::UnknownConditionKey,
            Identity,
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {"IpAddress": {"aws:SoruceIp": "203.0.113.0/24"}}}"#,
        ),
        Fixture {
            code: LintCode::VersionMissing,
            kind: Identity,
            scope: RegistryPolicyScope::V2,
            text: format!(r#"{{"Statement": {}}}"#, allow("ecr:BatchGetImage")),
        },
        Fixture {
            code: LintCode::Version2008,
            kind: Identity,
            scope: RegistryPolicyScope::V2,
            text: format!(
                r#"{{"Version": "2008-10-17", "Statement": {}}}"#,
                allow("ecr:BatchGetImage")
            ),
        },
        fixture(
            LintCode::VariableNotSubstituted,
            Identity,
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "${aws:TokenIssueTime}"}}}"#,
        ),
        fixture(
            LintCode::NotPrincipalToCondition,
            Repository,
            r#"{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr:PutImage"}"#,
        ),
        fixture(
            LintCode::RedundantStatement,
            Identity,
            &[allow("ecr:*"), allow("ecr:BatchGetImage")].join(",\n"),
        ),
        fixture(
            LintCode::ResourceOutsideRegistry,
            Registry,
            r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:ReplicateImage", "Resource": "arn:aws:ecr:eu-west-1:111122223333:repository/*"}"#,
        ),
        Fixture {
            code: LintCode::NotEnforcedUnderScopeV1,
            kind: Registry,
            scope: RegistryPolicyScope::V1,
            text: policy(&registry_grant("ecr:BatchGetImage")),
        },
        fixture(
            LintCode::RegistryActionInRegistryPolicy,
            Registry,
            &registry_grant("ecr:CreatePullThroughCacheRule"),
        ),
        fixture(
            LintCode::WildcardActionInRegistryPolicy,
            Registry,
            &registry_grant("ecr:*"),
        ),
        fixture(
            LintCode::OperatorKeyTypeMismatch,
            Identity,
            r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceIp": "203.0.113.0/24"}}}"#,
        ),
        fixture(
            LintCode::ServicePrincipalWithoutSource,
            Repository,
            r#"{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}"#,
        ),
    ]
}

/// Fixtures linted with another repository than [`REPOSITORY`]: the code, the repository and the policy.
fn fixtures_for_repository() -> Vec<(LintCode, &'static str, String)> {
    vec![(
        LintCode::DenyViewInPublicRepository,
        PUBLIC_REPOSITORY,
        policy(r#"{"Effect": "Deny", "Principal": "*", "Action": "ecr-public:DescribeImages"}"#),
    )]
}

/// Clean, realistic policies of several kinds, each with the kind it is linted as.
fn clean_policies() -> Vec<(PolicyKind, &'static str)> {
    vec![
        (
            PolicyKind::Repository,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "CrossAccountPull",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
      "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
    },
    {
      "Sid": "CiPush",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"},
      "Action": ["ecr:PutImage", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:BatchCheckLayerAvailability"]
    },
    {
      "Sid": "OrganizationPull",
      "Effect": "Allow",
      "Principal": "*",
      "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
      "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}
    },
    {
      "Sid": "CodeBuildPull",
      "Effect": "Allow",
      "Principal": {"Service": "codebuild.amazonaws.com"},
      "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
      "Condition": {
        "ArnLike": {"aws:SourceArn": "arn:aws:codebuild:us-east-1:111122223333:project/build"},
        "StringEquals": {"aws:SourceAccount": "111122223333"}
      }
    },
    {
      "Sid": "DenyOutsideVpcEndpoint",
      "Effect": "Deny",
      "Principal": "*",
      "Action": "ecr:*",
      "Condition": {
        "StringNotEquals": {"aws:SourceVpce": "vpce-0123456789abcdef0"},
        "Bool": {"aws:PrincipalIsAWSService": "false"}
      }
    }
  ]
}"#,
        ),
        (
            PolicyKind::Identity,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Login", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
    {
      "Sid": "PullTeamRepositories",
      "Effect": "Allow",
      "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
      "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/${aws:PrincipalTag/team}/*"
    },
    {
      "Sid": "CreateTaggedRepositories",
      "Effect": "Allow",
      "Action": ["ecr:CreateRepository", "ecr:TagResource"],
      "Resource": "*",
      "Condition": {
        "ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]},
        "StringEquals": {"aws:RequestTag/team": "${aws:PrincipalTag/team}"}
      }
    },
    {"Sid": "BuildCache", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::build-cache/*"},
    {
      "Sid": "DeleteOnlyWithFreshMfaFromTheOffice",
      "Effect": "Deny",
      "Action": "ecr:DeleteRepository",
      "Resource": "*",
      "Condition": {
        "NumericGreaterThan": {"aws:MultiFactorAuthAge": "3600"},
        "DateGreaterThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
        "NotIpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}
      }
    }
  ]
}"#,
        ),
        (
            PolicyKind::Scp,
            r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "DenyOtherRegions",
      "Effect": "Deny",
      "Action": "ecr:*",
      "Resource": "*",
      "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}
    },
    {"Sid": "AllowEverything", "Effect": "Allow", "Action": "*", "Resource": "*"}
  ]
}"#,
        ),
    ]
}

#[test]
fn every_code_has_a_fixture_that_shows_it() {
    let fixtures = fixtures();
    let for_repository = fixtures_for_repository();
    for code in LintCode::ALL {
        assert!(
            fixtures.iter().any(|fixture| fixture.code == *code)
                || for_repository.iter().any(|(shown, _, _)| shown == code),
            "no fixture for `{code}`"
        );
    }
    for (code, repository, text) in &for_repository {
        let findings = lint_for(text, PolicyKind::Repository, repository);
        assert!(
            !with_code(&findings, *code).is_empty(),
            "`{code}` not shown by its fixture:\n{text}\n{findings:#?}"
        );
    }
    for fixture in &fixtures {
        let findings = lint_scoped(&fixture.text, fixture.kind, fixture.scope);
        assert!(
            !with_code(&findings, fixture.code).is_empty(),
            "`{}` not shown by its fixture:\n{}\n{findings:#?}",
            fixture.code,
            fixture.text
        );
    }
}

#[test]
fn clean_realistic_policies_show_no_code() {
    for (kind, text) in clean_policies() {
        for findings in [lint(text, kind), lint_unknown_repository(text, kind)] {
            assert_eq!(findings, Vec::new(), "{kind:?} policy:\n{text}");
        }
    }
}

#[test]
fn messages_follow_the_style_guide_and_link_to_aws_docs() {
    // The message style of `diagnostic.rs`: lowercase, no final period; every lint finding links to the
    // AWS page behind its rule.
    let all_findings = fixtures()
        .into_iter()
        .map(|fixture| lint_scoped(&fixture.text, fixture.kind, fixture.scope))
        .chain(
            fixtures_for_repository()
                .into_iter()
                .map(|(_, repository, text)| lint_for(&text, PolicyKind::Repository, repository)),
        );
    for findings in all_findings {
        let lint_findings = findings
            .into_iter()
            .filter(|finding| matches!(finding.code, Code::Lint(_)));
        for finding in lint_findings {
            let first = finding.message.chars().next().unwrap_or('x');
            assert!(!first.is_ascii_uppercase(), "{}", finding.message);
            assert!(!finding.message.ends_with('.'), "{}", finding.message);
            assert!(
                finding
                    .docs
                    .is_some_and(|url| url.starts_with("https://docs.aws.amazon.com/")),
                "{finding:?}"
            );
        }
    }
}
