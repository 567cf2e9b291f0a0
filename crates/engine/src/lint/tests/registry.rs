//! Registry policy findings (section 7): each rule's failing case and its clean counter-example.

use super::*;
use crate::lint::docs;

/// The AWS replication example (REGEX) for this registry, plus a pull through cache grant (PTCIAM).
const CLEAN: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReplicationAccessCrossAccount",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
      "Action": ["ecr:CreateRepository", "ecr:ReplicateImage"],
      "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"
    },
    {
      "Sid": "PullThroughCacheForCi",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"},
      "Action": ["ecr:CreateRepository", "ecr:BatchImportUpstreamImage"],
      "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/docker-hub/*"
    }
  ]
}"#;

/// A registry policy with one statement granting `action` on `resource` to the account 444455556666.
fn registry_policy(action: &str, resource: &str) -> String {
    policy(&format!(
        r#"    {{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::444455556666:root"}}, "Action": "{action}", "Resource": {resource}}}"#
    ))
}

const THIS_REGISTRY: &str = r#""arn:aws:ecr:us-east-1:111122223333:repository/*""#;

#[test]
fn the_aws_replication_and_pull_through_cache_examples_are_clean_in_both_scopes() {
    // REGEX, PTCIAM: the three actions V1 enforces, on this registry's repositories.
    for scope in RegistryPolicyScope::ALL {
        assert_eq!(
            lint_scoped(CLEAN, PolicyKind::Registry, scope),
            Vec::new(),
            "{scope:?}"
        );
    }
    assert_eq!(
        lint_unknown_repository(CLEAN, PolicyKind::Registry),
        Vec::new()
    );
}

#[test]
fn principal_and_resource_are_required_in_a_registry_policy() {
    // Section 7 (REGEX): every example has Principal and Resource.
    let text = policy(r#"    {"Effect": "Allow", "Action": "ecr:ReplicateImage"}"#);
    let findings = lint(&text, PolicyKind::Registry);
    let messages: Vec<&str> = findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .map(|finding| finding.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{findings:#?}");
    assert!(
        messages
            .iter()
            .any(|message| message.contains("`Principal`"))
    );
    assert!(
        messages
            .iter()
            .any(|message| message.contains("`Resource`"))
    );
}

#[test]
fn a_resource_of_another_account_or_region_is_an_error_within_a_scenario() {
    // Section 7: a registry policy governs the repositories of its own account and Region.
    for (resource, outside) in [
        (THIS_REGISTRY, false),
        (r#""*""#, false),
        (r#""arn:aws:ecr:*:111122223333:repository/app""#, false),
        (r#""arn:aws:ecr:eu-west-1:111122223333:repository/*""#, true),
        (r#""arn:aws:ecr:us-east-1:444455556666:repository/*""#, true),
        (r#""arn:aws:s3:::bucket""#, true),
        (r#""arn:aws:ecr-public::111122223333:repository/app""#, true),
    ] {
        let text = registry_policy("ecr:ReplicateImage", resource);
        let findings = lint(&text, PolicyKind::Registry);
        let found = with_code(&findings, LintCode::ResourceOutsideRegistry);
        assert_eq!(
            found.len(),
            usize::from(outside),
            "{resource}: {findings:#?}"
        );
        assert_all(&found, Severity::Error);
        if let [finding] = found.as_slice() {
            assert_eq!(text_at(&text, finding), resource);
        }
    }
    let other_region = registry_policy(
        "ecr:ReplicateImage",
        r#""arn:aws:ecr:eu-west-1:111122223333:repository/*""#,
    );
    let findings = lint(&other_region, PolicyKind::Registry);
    let finding = only(&findings, LintCode::ResourceOutsideRegistry);
    assert!(
        finding.message.contains(
            "not a repository of this registry (account `111122223333`, Region `us-east-1`)"
        ),
        "{}",
        finding.message
    );
}

#[test]
fn standalone_statements_naming_different_registries_are_an_error() {
    // Section 7: without a scenario, the first literal account and Region set the registry.
    let text = policy(
        r#"    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:ReplicateImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"},
    {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:CreateRepository", "Resource": ["arn:aws:ecr:*:111122223333:repository/a", "arn:aws:ecr:eu-west-1:111122223333:repository/*"]}"#,
    );
    let findings = lint_unknown_repository(&text, PolicyKind::Registry);
    let finding = only(&findings, LintCode::ResourceOutsideRegistry);
    assert_eq!(
        text_at(&text, finding),
        "\"arn:aws:ecr:eu-west-1:111122223333:repository/*\""
    );
    assert!(
        finding
            .message
            .contains("an earlier `Resource` names account `111122223333`, Region `us-east-1`"),
        "{}",
        finding.message
    );
    let same = text.replace("eu-west-1", "us-east-1");
    assert_eq!(
        lint_unknown_repository(&same, PolicyKind::Registry),
        Vec::new()
    );
}

#[test]
fn actions_other_than_the_three_are_not_enforced_under_scope_v1() {
    // REGPERM: V1 enforces only ecr:ReplicateImage, ecr:BatchImportUpstreamImage, ecr:CreateRepository.
    let pull = registry_policy("ecr:BatchGetImage", THIS_REGISTRY);
    let findings = lint_scoped(&pull, PolicyKind::Registry, RegistryPolicyScope::V1);
    let finding = only(&findings, LintCode::NotEnforcedUnderScopeV1);
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(text_at(&pull, finding), "\"ecr:BatchGetImage\"");
    assert!(finding.message.contains("not enforced under scope V1"));
    // Under V2 every ECR action is enforced; under V1 the three (and patterns covering one) are.
    assert_eq!(lint(&pull, PolicyKind::Registry), Vec::new());
    for enforced in ["ecr:ReplicateImage", "ecr:Batch*", "ecr:createrepository"] {
        let text = registry_policy(enforced, THIS_REGISTRY);
        let findings = lint_scoped(&text, PolicyKind::Registry, RegistryPolicyScope::V1);
        assert!(
            with_code(&findings, LintCode::NotEnforcedUnderScopeV1).is_empty(),
            "{enforced}: {findings:#?}"
        );
    }
}

#[test]
fn registry_level_actions_in_a_registry_policy_are_a_warning() {
    // Section 7: GetAuthorizationToken (ECRPOL) and CreatePullThroughCacheRule (PTCIAM) come only from
    // identity policies.
    for (action, says, page) in [
        (
            "ecr:CreatePullThroughCacheRule",
            "identity-based IAM policy",
            docs::PTCIAM,
        ),
        (
            "ecr:GetAuthorizationToken",
            "comes only from identity policies",
            docs::ECRPOL,
        ),
    ] {
        let text = registry_policy(action, THIS_REGISTRY);
        for scope in RegistryPolicyScope::ALL {
            let findings = lint_scoped(&text, PolicyKind::Registry, scope);
            assert_eq!(
                codes_of(&findings),
                [LintCode::RegistryActionInRegistryPolicy],
                "{action} {scope:?}"
            );
            assert_eq!(findings[0].severity, Severity::Warning);
            assert!(
                findings[0].message.contains(says),
                "{}",
                findings[0].message
            );
            assert_eq!(findings[0].docs, Some(page));
        }
    }
}

#[test]
fn ecr_star_in_a_registry_policy_allow_is_a_suggestion() {
    // REGPERM: "only add the specific actions required … rather than use a wildcard".
    for action in ["ecr:*", "*"] {
        let text = registry_policy(action, THIS_REGISTRY);
        let findings = lint(&text, PolicyKind::Registry);
        let finding = only(&findings, LintCode::WildcardActionInRegistryPolicy);
        assert_eq!(finding.severity, Severity::Suggestion);
        assert_eq!(text_at(&text, finding), format!("\"{action}\""));
    }
    // A Deny of everything is a guardrail, not a grant.
    let deny = registry_policy("ecr:*", THIS_REGISTRY).replace("Allow", "Deny");
    assert_eq!(lint(&deny, PolicyKind::Registry), Vec::new());
}

#[test]
fn registry_checks_stay_out_of_other_kinds() {
    // The same statements in a repository policy get the repository policy's findings, not these.
    let text = registry_policy(
        "ecr:*",
        r#""arn:aws:ecr:eu-west-1:111122223333:repository/*""#,
    );
    let findings = lint_scoped(&text, PolicyKind::Repository, RegistryPolicyScope::V1);
    for code in [
        LintCode::ResourceOutsideRegistry,
        LintCode::NotEnforcedUnderScopeV1,
        LintCode::WildcardActionInRegistryPolicy,
    ] {
        assert!(with_code(&findings, code).is_empty(), "{code}");
    }
}
