//! The section 8 readings in the reason chain: when a decision rests on one, the chain says that AWS does
//! not document it, what the engine follows, and which section 8 row to verify; when none decides, the
//! chain does not mention it.

use super::*;

/// The reasons that say the decision rests on a reading.
fn reading_steps(evaluation: &Evaluation) -> Vec<&Reason> {
    evaluation
        .reasons
        .iter()
        .filter(|reason| reason.message.contains("AWS does not document"))
        .collect()
}

fn pull_for_everyone() -> Value {
    repository_allow(json!("*"))
}

fn push_only() -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:PutImage", "Resource": "*"}]})
}

#[test]
fn a_grant_to_everyone_that_a_session_policy_would_deny_says_it_rests_on_the_everyone_reading() {
    // Section 8, "`"*"` principal without condition, same account": not limited by the session policy.
    let evaluation = run(
        SESSION,
        json!({"repositoryPolicy": pull_for_everyone(), "sessionPolicy": push_only()}),
    );
    assert_eq!(evaluation.decision, Decision::Allowed);
    let steps = reading_steps(&evaluation);
    assert_eq!(steps.len(), 1, "{:#?}", evaluation.reasons);
    assert_eq!(steps[0].step, Step::SessionPolicy);
    assert_eq!(steps[0].verdict, Verdict::Info);
    assert!(
        steps[0]
            .message
            .starts_with("the session policy does not allow the request")
    );
    assert!(steps[0].message.contains("the grant to `\"*\"` allows the request anyway, and this rests on a reading: AWS does not document whether a same-account grant to `\"*\"` is limited"));
    assert!(steps[0].message.ends_with(
        "(iam-semantics.md section 8, \"`\"*\"` principal without condition, same account\")"
    ));
}

#[test]
fn a_grant_to_everyone_that_a_boundary_would_deny_says_it_rests_on_the_everyone_reading() {
    let evaluation = run(
        USER,
        json!({"repositoryPolicy": pull_for_everyone(), "permissionsBoundary": push_only()}),
    );
    assert_eq!(evaluation.decision, Decision::Allowed);
    let steps = reading_steps(&evaluation);
    assert_eq!(steps.len(), 1, "{:#?}", evaluation.reasons);
    assert_eq!(steps[0].step, Step::PermissionsBoundary);
}

#[test]
fn a_grant_to_everyone_within_the_limits_or_beside_a_grant_to_the_caller_mentions_no_reading() {
    // Nothing rests on the reading when the session policy allows anyway, or when the caller's own ARN
    // is also granted (documented: not limited).
    let within = run(
        SESSION,
        json!({"repositoryPolicy": pull_for_everyone(), "sessionPolicy": allow("ecr:BatchGetImage")}),
    );
    let named = run(
        SESSION,
        json!({
            "repositoryPolicy": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"},
                {"Effect": "Allow", "Principal": {"AWS": SESSION}, "Action": "ecr:BatchGetImage"}
            ]},
            "sessionPolicy": push_only()
        }),
    );
    for evaluation in [within, named] {
        assert_eq!(evaluation.decision, Decision::Allowed);
        assert!(
            reading_steps(&evaluation).is_empty(),
            "{:#?}",
            evaluation.reasons
        );
    }
}

/// An identity policy that allows ECR but denies deletes outside the caller's own namespace.
fn delete_only_own() -> Value {
    json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"},
        {"Sid": "DeleteOnlyOwn", "Effect": "Deny", "Action": "ecr:BatchDeleteImage",
         "NotResource": "arn:aws:ecr:us-east-1:111122223333:repository/${aws:username}/*"}
    ]})
}

#[test]
fn a_not_resource_whose_variable_has_no_value_excludes_nothing_and_says_it_rests_on_a_reading() {
    // Section 8, "`NotResource` with a variable that has no value": a role session has no aws:username.
    let evaluation = run_action(
        SESSION,
        "ecr:BatchDeleteImage",
        REPO,
        json!({"identityPolicies": [delete_only_own()]}),
    );
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    let steps = reading_steps(&evaluation);
    assert_eq!(steps.len(), 1, "{:#?}", evaluation.reasons);
    assert_eq!(steps[0].step, Step::ExplicitDeny);
    assert!(
        steps[0]
            .message
            .starts_with("statement `DeleteOnlyOwn` of identity policy 1 denies the request")
    );
    assert!(steps[0].message.contains("; it applies because of a reading: AWS does not document what `NotResource` does with a variable that has no value"));
    assert!(steps[0].message.ends_with(
        "(iam-semantics.md section 8, \"`NotResource` with a variable that has no value\")"
    ));
    let entry = &evaluation.policies[0].statements[1]
        .resource
        .as_ref()
        .unwrap()
        .patterns[0];
    assert_eq!(
        entry.detail.mismatch,
        Some(crate::matching::ResourceMismatch::UnresolvedVariable)
    );
}

#[test]
fn a_not_resource_whose_variable_has_a_value_mentions_no_reading() {
    let evaluation = run_action(
        USER,
        "ecr:BatchDeleteImage",
        "arn:aws:ecr:us-east-1:111122223333:repository/bob/tools",
        json!({"identityPolicies": [delete_only_own()]}),
    );
    assert_eq!(evaluation.decision, Decision::Allowed);
    assert!(
        reading_steps(&evaluation).is_empty(),
        "{:#?}",
        evaluation.reasons
    );
}

fn login(rcps: Value) -> Evaluation {
    run_action(
        USER,
        "ecr:GetAuthorizationToken",
        "*",
        json!({"identityPolicies": [allow("ecr:GetAuthorizationToken")], "rcps": rcps}),
    )
}

#[test]
fn rcps_that_would_deny_a_registry_level_action_say_they_are_left_out_by_a_reading() {
    // Section 8, "RCPs and registry-level actions (no resource type)".
    let rcp_deny = json!({"Version": "2012-10-17", "Statement": [{"Sid": "NoEcr", "Effect": "Deny", "Principal": "*", "Action": "ecr:*", "Resource": "*"}]});
    for (rcps, would) in [
        (json!([[rcp_deny]]), "would deny it explicitly"),
        (
            json!([[rcp_allow("ecr:BatchGetImage")]]),
            "have no Allow for it at level 1",
        ),
    ] {
        let evaluation = login(rcps);
        assert_eq!(evaluation.decision, Decision::Allowed);
        let steps = reading_steps(&evaluation);
        assert_eq!(steps.len(), 1, "{:#?}", evaluation.reasons);
        assert_eq!(steps[0].step, Step::ResourceControlPolicies);
        assert!(steps[0].message.starts_with(&format!("the resource control policies {would} if they applied; they are left out because of a reading: AWS does not document whether resource control policies restrict an action with no resource type")));
        assert!(steps[0].message.ends_with(
            "(iam-semantics.md section 8, \"RCPs and registry-level actions (no resource type)\")"
        ));
    }
}

#[test]
fn rcps_that_would_allow_a_registry_level_action_mention_no_reading() {
    let evaluation = login(json!([[rcp_allow("*")]]));
    assert_eq!(evaluation.decision, Decision::Allowed);
    assert!(
        reading_steps(&evaluation).is_empty(),
        "{:#?}",
        evaluation.reasons
    );
}
