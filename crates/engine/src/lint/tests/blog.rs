//! The lint's acceptance test: a repository policy copied from a blog post, with a typo in an action,
//! a public pull and a `Resource` element, gets exactly three findings a newcomer can act on.

use super::*;
use crate::diagnostic::Severity;

/// As blog posts print it: 2019-era `Resource`, a `"*"` principal, and one letter too many.
const BLOG_POLICY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "AllowPull",
      "Effect": "Allow",
      "Principal": "*",
      "Action": [
        "ecr:BatchGetImages",
        "ecr:GetDownloadUrlForLayer",
        "ecr:BatchCheckLayerAvailability"
      ],
      "Resource": "*"
    }
  ]
}"#;

#[test]
fn blog_policy_with_typo_public_pull_and_resource_gets_three_actionable_findings() {
    // ECRSAR (the action list), PRIN ("*" is everyone), section 8 (Resource in a repository policy).
    for findings in [
        lint(BLOG_POLICY, PolicyKind::Repository),
        lint_unknown_repository(BLOG_POLICY, PolicyKind::Repository),
    ] {
        assert_eq!(
            codes_of(&findings),
            [
                LintCode::PublicAccess,
                LintCode::UnknownAction,
                LintCode::ResourceInRepositoryPolicy
            ],
            "{findings:#?}"
        );
        let [public, typo, resource] = &findings[..] else {
            unreachable!()
        };

        assert_eq!(public.severity, Severity::SecurityWarning);
        assert_eq!(text_at(BLOG_POLICY, public), "\"*\"");
        assert!(
            public.message.starts_with(
                "anyone on the internet with an AWS account could pull images from this repository: "
            ),
            "{}",
            public.message
        );
        assert!(public.message.contains("aws:PrincipalOrgID"));

        assert_eq!(typo.severity, Severity::Error);
        assert_eq!(text_at(BLOG_POLICY, typo), "\"ecr:BatchGetImages\"");
        assert_eq!(
            typo.message,
            "`ecr:BatchGetImages` is not an ECR action: did you mean `ecr:BatchGetImage`?"
        );

        assert_eq!(resource.severity, Severity::Warning);
        assert_eq!(text_at(BLOG_POLICY, resource), "\"Resource\"");
        assert!(resource.message.starts_with("remove `Resource`: "));

        for finding in &findings {
            assert!(
                finding
                    .docs
                    .is_some_and(|url| url.starts_with("https://docs.aws.amazon.com/")),
                "{finding:?}"
            );
        }
    }
}

#[test]
fn blog_policy_once_fixed_has_no_findings() {
    // The three fixes the findings ask for, applied: the typo, a condition naming the organization, no
    // Resource. Nothing else is reported.
    let fixed = BLOG_POLICY
        .replace("ecr:BatchGetImages", "ecr:BatchGetImage")
        .replace(
            ",\n      \"Resource\": \"*\"",
            ",\n      \"Condition\": {\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-a1b2c3d4e5\"}}",
        );
    assert_eq!(lint(&fixed, PolicyKind::Repository), Vec::new());
}
