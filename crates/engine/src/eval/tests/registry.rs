//! The registry policy in the decision procedure, rule by rule (iam-semantics.md section 7 and its
//! section 8 decisions): scope V1 and V2, replication, pull through cache and the actions that come only
//! from identity policies.

use super::*;
use crate::registry::RegistryPolicyScope;

const SOURCE_ROOT: &str = "arn:aws:iam::444455556666:root";
const CODEBUILD: &str = "codebuild.amazonaws.com";
const REGISTRY_REPOSITORIES: &str = "arn:aws:ecr:us-east-1:111122223333:repository/*";

/// A registry policy with one statement `sid` of `effect` for `principal` on `action`.
fn registry_statement(sid: &str, effect: &str, principal: Value, action: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{
        "Sid": sid, "Effect": effect, "Principal": principal, "Action": action,
        "Resource": REGISTRY_REPOSITORIES
    }]})
}

fn registry_allow(principal: Value, action: &str) -> Value {
    registry_statement("Grant", "Allow", principal, action)
}

/// The AWS replication example (REGEX): the source account's root may replicate into this registry.
fn replication_policy() -> Value {
    json!({"Version": "2012-10-17", "Statement": [{
        "Sid": "ReplicationAccessCrossAccount", "Effect": "Allow",
        "Principal": {"AWS": SOURCE_ROOT},
        "Action": ["ecr:CreateRepository", "ecr:ReplicateImage"],
        "Resource": REGISTRY_REPOSITORIES
    }]})
}

/// The messages of the reason chain, one per line, for assertions on the explanation.
fn explained(evaluation: &Evaluation) -> String {
    evaluation
        .reasons
        .iter()
        .map(|reason| reason.message.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

fn registry_report(evaluation: &Evaluation) -> &PolicyReport {
    evaluation
        .policies
        .iter()
        .find(|policy| policy.kind == PolicyKind::Registry)
        .unwrap()
}

#[test]
fn v2_registry_policy_allow_grants_like_a_repository_policy_in_the_same_account() {
    // Section 7 INFERENCE (section 8 decision): a registry policy naming the caller's ARN is enough alone.
    let fields =
        json!({"registryPolicy": registry_allow(json!({"AWS": USER}), "ecr:BatchGetImage")});
    let evaluation = run(USER, fields);
    assert_eq!(evaluation.decision, Decision::Allowed);
    let text = explained(&evaluation);
    assert!(
        text.contains(
            "statement `Grant` of the registry policy names the caller by its IAM user ARN"
        ),
        "{text}"
    );
    assert!(text.contains("allowed by the registry policy"), "{text}");
    assert_eq!(
        registry_report(&evaluation).statements[0].outcome,
        StatementOutcome::AllowMatch
    );
}

#[test]
fn absent_registry_policy_scope_is_v2() {
    // REGSET: V2 is the default; the same grant decides with and without an explicit "V2".
    let grant = registry_allow(json!({"AWS": USER}), "ecr:BatchGetImage");
    let implicit = decision(USER, json!({"registryPolicy": grant.clone()}));
    let explicit = decision(
        USER,
        json!({"registryPolicy": grant, "registryPolicyScope": "V2"}),
    );
    assert_eq!((implicit, explicit), (Decision::Allowed, Decision::Allowed));
}

#[test]
fn registry_policy_grant_to_the_account_delegates_to_identity_policies() {
    // REGEX: an account principal grants "all IAM users and roles within that account"; the section 1
    // table's account row: an identity policy must still allow.
    let grant = registry_allow(json!({"AWS": "111122223333"}), "ecr:BatchGetImage");
    assert_eq!(
        decision(USER, json!({"registryPolicy": grant.clone()})),
        Decision::ImplicitDeny
    );
    assert_eq!(
        decision(
            USER,
            json!({"registryPolicy": grant, "identityPolicies": [allow("ecr:BatchGetImage")]})
        ),
        Decision::Allowed
    );
}

#[test]
fn registry_policy_role_grant_is_limited_by_the_permissions_boundary() {
    // Section 1 table, role row, applied to the registry policy (section 7).
    let fields = json!({
        "registryPolicy": registry_allow(json!({"AWS": ROLE}), "ecr:BatchGetImage"),
        "permissionsBoundary": allow("ecr:PutImage")
    });
    assert_eq!(decision(SESSION, fields), Decision::ImplicitDeny);
}

#[test]
fn registry_policy_deny_is_an_explicit_deny() {
    // Section 7: a matching Deny in the registry policy is an explicit deny (EVAL step 1), whatever allows.
    let fields = json!({
        "repositoryPolicy": repository_allow(json!({"AWS": USER})),
        "identityPolicies": [allow("ecr:*")],
        "registryPolicy": registry_statement("DenyPull", "Deny", json!("*"), "ecr:BatchGetImage")
    });
    let evaluation = run(USER, fields);
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    assert!(
        evaluation
            .summary
            .contains("statement `DenyPull` of the registry policy denies")
    );
}

#[test]
fn under_scope_v1_registry_policy_is_not_enforced_for_other_actions() {
    // REGPERM: under V1 "Amazon ECR only enforces" ReplicateImage, BatchImportUpstreamImage and
    // CreateRepository at the registry level; other statements have no effect, Allow or Deny.
    let fields = json!({
        "registryPolicy": registry_allow(json!({"AWS": USER}), "ecr:BatchGetImage"),
        "registryPolicyScope": "V1"
    });
    let evaluation = run(USER, fields);
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    let report = registry_report(&evaluation);
    assert!(!report.applies);
    assert_eq!(
        report.statements[0].outcome,
        StatementOutcome::NotApplicable
    );
    let note = evaluation
        .reasons
        .iter()
        .find(|reason| reason.step == Step::Applicability)
        .unwrap();
    assert!(
        note.message.contains("not enforced under scope V1"),
        "{}",
        note.message
    );
    assert!(
        note.message
            .contains("its statement `Grant` would allow the request and has no effect"),
        "{}",
        note.message
    );
    assert_eq!(
        note.statements,
        [StatementRef {
            policy: "registry".into(),
            statement: 0
        }]
    );
    let v1_deny = json!({
        "identityPolicies": [allow("ecr:BatchGetImage")],
        "registryPolicy": registry_statement("DenyPull", "Deny", json!("*"), "ecr:BatchGetImage"),
        "registryPolicyScope": "V1"
    });
    assert_eq!(decision(USER, v1_deny), Decision::Allowed);
}

#[test]
fn under_scope_v1_the_three_registry_actions_are_enforced() {
    // REGPERM: the three V1 actions are enforced at the registry level.
    for action in [
        "ecr:ReplicateImage",
        "ecr:BatchImportUpstreamImage",
        "ecr:CreateRepository",
    ] {
        let fields = json!({
            "registryPolicy": registry_allow(json!({"AWS": USER}), action),
            "registryPolicyScope": "V1"
        });
        assert_eq!(
            run_action(USER, action, REPO, fields).decision,
            Decision::Allowed,
            "{action}"
        );
    }
}

#[test]
fn cross_account_replication_needs_the_destination_registry_policy() {
    // REGEX, section 7: principal = the source account's root, action ecr:ReplicateImage, resource = the
    // destination repository. The destination registry policy must allow it; the root user has full
    // access in its own account.
    for scope in RegistryPolicyScope::ALL {
        let fields =
            json!({"registryPolicy": replication_policy(), "registryPolicyScope": scope.as_str()});
        let evaluation = run_action(SOURCE_ROOT, "ecr:ReplicateImage", REPO, fields);
        assert_eq!(evaluation.decision, Decision::Allowed, "{scope:?}");
        let text = explained(&evaluation);
        assert!(
            text.contains(
                "statement `ReplicationAccessCrossAccount` of the registry policy allows"
            ),
            "{text}"
        );
    }
    let without = run_action(SOURCE_ROOT, "ecr:ReplicateImage", REPO, json!({}));
    assert_eq!(without.decision, Decision::ImplicitDeny);
}

#[test]
fn cross_account_registry_policy_grant_needs_the_callers_identity_side() {
    // XACCT applied to the registry policy (section 7): a resource-side allow plus the caller's identity.
    let grant = registry_allow(json!({"AWS": "444455556666"}), "ecr:BatchGetImage");
    let evaluation = run(OTHER_USER, json!({"registryPolicy": grant.clone()}));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(
        explained(&evaluation).contains(
            "the registry policy allows the request but the caller's own account does not"
        ),
        "{}",
        explained(&evaluation)
    );
    let fields = json!({"registryPolicy": grant, "identityPolicies": [allow("ecr:BatchGetImage")]});
    assert_eq!(decision(OTHER_USER, fields), Decision::Allowed);
    // Neither resource-side policy names the caller: denied whatever its identity policies say.
    let fields = json!({
        "registryPolicy": registry_allow(json!({"AWS": "999988887777"}), "ecr:BatchGetImage"),
        "identityPolicies": [allow("ecr:BatchGetImage")]
    });
    let evaluation = run(OTHER_USER, fields);
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(
        explained(&evaluation)
            .contains("so the registry policy must name the caller or its account"),
        "{}",
        explained(&evaluation)
    );
}

#[test]
fn repository_and_registry_policy_grants_are_either_enough() {
    // Section 7: an Allow in either resource-based policy grants; the explanation names the one that did.
    let fields = json!({
        "repositoryPolicy": repository_allow(json!({"AWS": "999988887777"})),
        "registryPolicy": registry_allow(json!({"AWS": USER}), "ecr:BatchGetImage")
    });
    let evaluation = run(USER, fields);
    assert_eq!(evaluation.decision, Decision::Allowed);
    let text = explained(&evaluation);
    assert!(text.contains("allowed by the registry policy"), "{text}");
    assert!(!text.contains("allowed by the repository policy"), "{text}");
}

#[test]
fn registry_level_actions_are_not_governed_by_the_registry_policy() {
    // Section 7 INFERENCE, ECRPOL: ecr:GetAuthorizationToken comes only "through an IAM policy".
    let fields = json!({"registryPolicy": registry_allow(json!({"AWS": USER}), "ecr:GetAuthorizationToken")});
    let evaluation = run_action(USER, "ecr:GetAuthorizationToken", REPO, fields);
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(!registry_report(&evaluation).applies);
    assert!(explained(&evaluation).contains("come only from identity policies"));
}

#[test]
fn create_pull_through_cache_rule_comes_only_from_identity_policies() {
    // PTCIAM: "This permission must be granted via an identity-based IAM policy"; a registry grant does
    // nothing, and the explanation says so.
    let action = "ecr:CreatePullThroughCacheRule";
    let grant = registry_allow(json!({"AWS": USER}), action);
    let evaluation = run_action(USER, action, REPO, json!({"registryPolicy": grant.clone()}));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    let text = explained(&evaluation);
    assert!(
        text.contains("must be granted through an identity policy"),
        "{text}"
    );
    assert!(
        text.contains("would allow the request and has no effect"),
        "{text}"
    );
    let fields = json!({"registryPolicy": grant, "identityPolicies": [allow(action)]});
    assert_eq!(
        run_action(USER, action, REPO, fields).decision,
        Decision::Allowed
    );
}

#[test]
fn create_repository_comes_from_identity_or_registry_policy_not_the_repository_policy() {
    // PTCIAM: ecr:CreateRepository "can be granted by either an identity-based IAM policy or the private
    // registry permissions policy"; the repository does not exist before the call (section 5).
    let action = "ecr:CreateRepository";
    let repository = json!({"Version": "2012-10-17", "Statement": [{"Sid": "Create", "Effect": "Allow", "Principal": {"AWS": USER}, "Action": action}]});
    let evaluation = run_action(USER, action, REPO, json!({"repositoryPolicy": repository}));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(
        explained(&evaluation)
            .contains("a repository policy cannot grant or deny ecr:CreateRepository")
    );
    for fields in [
        json!({"registryPolicy": registry_allow(json!({"AWS": USER}), action)}),
        json!({"identityPolicies": [allow(action)]}),
    ] {
        assert_eq!(
            run_action(USER, action, REPO, fields).decision,
            Decision::Allowed
        );
    }
}

#[test]
fn batch_import_upstream_image_from_registry_identity_or_repository_policy() {
    // PTCIAM: "can be granted by using the private registry permissions policy, an identity-based IAM
    // policy, or by using the resource-based repository permissions policy".
    let action = "ecr:BatchImportUpstreamImage";
    let repository = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": USER}, "Action": action}]});
    for fields in [
        json!({"registryPolicy": registry_allow(json!({"AWS": USER}), action)}),
        json!({"identityPolicies": [allow(action)]}),
        json!({"repositoryPolicy": repository}),
    ] {
        assert_eq!(
            run_action(USER, action, REPO, fields.clone()).decision,
            Decision::Allowed,
            "{fields}"
        );
    }
    assert_eq!(
        run_action(USER, action, REPO, json!({})).decision,
        Decision::ImplicitDeny
    );
}

#[test]
fn service_principals_are_decided_by_the_repository_and_registry_policies() {
    // Section 8 "Service principals", extended to the registry policy by section 7.
    let grant = registry_allow(json!({"Service": CODEBUILD}), "ecr:BatchGetImage");
    let evaluation = run(CODEBUILD, json!({"registryPolicy": grant}));
    assert_eq!(evaluation.decision, Decision::Allowed);
    let evaluation = run(
        CODEBUILD,
        json!({"registryPolicy": registry_allow(json!({"AWS": USER}), "ecr:BatchGetImage")}),
    );
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(
        evaluation
            .summary
            .contains("authorized by the registry policy alone"),
        "{}",
        evaluation.summary
    );
}

#[test]
fn organization_policies_apply_to_registry_policy_grants() {
    // Section 7: RCPs and SCPs apply as for any request (EVAL steps 2 and 3).
    let grant = registry_allow(json!({"AWS": USER}), "ecr:BatchGetImage");
    let scp = json!({"registryPolicy": grant.clone(), "scps": [[allow("ecr:PutImage")]]});
    assert_eq!(decision(USER, scp), Decision::ImplicitDeny);
    let rcp = json!({"registryPolicy": grant, "rcps": [[rcp_allow("ecr:PutImage")]]});
    assert_eq!(decision(USER, rcp), Decision::ImplicitDeny);
}

#[test]
fn registry_policy_with_errors_makes_the_decision_invalid() {
    // Section 8: a policy with errors is not evaluated; the decision says which one and where.
    let broken = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:ReplicateImage", "Resource": REGISTRY_REPOSITORIES}]});
    let evaluation = run(USER, json!({"registryPolicy": broken}));
    assert_eq!(evaluation.decision, Decision::Invalid);
    assert!(
        evaluation
            .summary
            .starts_with("the registry policy has 1 error"),
        "{}",
        evaluation.summary
    );
    let other_region = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": USER}, "Action": "ecr:BatchGetImage",
        "Resource": "arn:aws:ecr:eu-west-1:111122223333:repository/*"
    }]});
    let evaluation = run(USER, json!({"registryPolicy": other_region}));
    assert_eq!(evaluation.decision, Decision::Invalid);
    assert!(
        evaluation
            .summary
            .contains("not a repository of this registry"),
        "{}",
        evaluation.summary
    );
}

#[test]
fn registry_policy_actions_are_in_the_all_actions_matrix() {
    // Section 7: the three registry-enforced actions take a repository (ECRSAR), so the matrix decides them.
    let scenario = scenario_from_value(json!({
        "registryPolicy": replication_policy(),
        "request": {"principal": SOURCE_ROOT, "action": "ecr:BatchGetImage", "resource": REPO}
    }))
    .unwrap();
    let matrix = prepare(&scenario).matrix(RequestTime(1_780_272_000));
    for action in crate::registry::V1_ENFORCED_ACTIONS {
        let row = matrix.rows.iter().find(|row| row.action == action).unwrap();
        let expected = if action == "ecr:BatchImportUpstreamImage" {
            Decision::ImplicitDeny
        } else {
            Decision::Allowed
        };
        assert_eq!(row.decision, expected, "{action}");
    }
}
