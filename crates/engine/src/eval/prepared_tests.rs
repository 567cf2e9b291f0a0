//! A prepared scenario decides the parts of each statement that do not depend on the action once; these
//! tests show that every action and every request time is still decided exactly as a fresh evaluation
//! decides it, including the keys that change between requests (the clock, and the repository's account
//! for registry-level actions).

use ecr_policy_test_kit::CORPUS_SECONDS;
use serde_json::{Value, json};

use super::*;
use crate::operation::Operation;
use crate::scenario::scenario_from_value;

const REPO: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";
const USER: &str = "arn:aws:iam::111122223333:user/bob";
const OTHER_ACCOUNT_USER: &str = "arn:aws:iam::444455556666:user/alice";
/// 2026-06-01T00:00:00Z, the corpus's clock.
const JUNE: RequestTime = RequestTime(CORPUS_SECONDS);
/// 2026-07-01T00:00:00Z, thirty days later.
const JULY: RequestTime = RequestTime(CORPUS_SECONDS + 30 * 86_400);

fn scenario(principal: &str, resource: &str, fields: Value) -> Scenario {
    let mut fields = fields;
    fields["request"] =
        json!({"principal": principal, "action": "ecr:BatchGetImage", "resource": resource});
    scenario_from_value(fields).unwrap()
}

fn identity(statement: Value) -> Value {
    json!({"identityPolicies": [{"Version": "2012-10-17", "Statement": [statement]}]})
}

fn context_value(evaluation: &Evaluation, key: &str) -> Option<String> {
    evaluation
        .context
        .iter()
        .find(|entry| entry.key == key)
        .map(|entry| entry.values.join(","))
}

#[test]
fn conditions_on_the_clock_are_decided_at_each_request_time() {
    // GCK: aws:CurrentTime is the time of each request; OPS: DateLessThan compares it with the policy date.
    let fields = identity(json!({
        "Effect": "Allow", "Action": "ecr:*", "Resource": "*",
        "Condition": {"DateLessThan": {"aws:CurrentTime": "2026-06-15T00:00:00Z"}}
    }));
    let scenario = scenario(USER, REPO, fields);
    let prepared = prepare(&scenario);
    let june = prepared.evaluate("ecr:BatchGetImage", JUNE);
    let july = prepared.evaluate("ecr:BatchGetImage", JULY);
    assert_eq!(june.decision, Decision::Allowed);
    assert_eq!(july.decision, Decision::ImplicitDeny);
    assert_eq!(
        context_value(&july, "aws:CurrentTime").as_deref(),
        Some("2026-07-01T00:00:00Z")
    );
    let condition = &july.policies[0].statements[0].conditions.each[0];
    assert_eq!(
        condition.request_values,
        Some(SharedList::from(["2026-07-01T00:00:00Z".into()]))
    );
}

#[test]
fn resource_variables_that_read_the_clock_are_substituted_at_each_request_time() {
    // VARS: a Resource's variables take the request's values, here aws:EpochTime of each request.
    let repository = format!("arn:aws:ecr:us-east-1:111122223333:repository/{}", JUNE.0);
    let fields = identity(json!({
        "Effect": "Allow", "Action": "ecr:BatchGetImage",
        "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/${aws:EpochTime}"
    }));
    let scenario = scenario(USER, &repository, fields);
    let prepared = prepare(&scenario);
    assert_eq!(
        prepared.evaluate("ecr:BatchGetImage", JUNE).decision,
        Decision::Allowed
    );
    let july = prepared.evaluate("ecr:BatchGetImage", JULY);
    assert_eq!(july.decision, Decision::ImplicitDeny);
    let resource = july.policies[0].statements[0].resource.as_ref().unwrap();
    assert_eq!(
        resource.patterns[0].detail.pattern,
        format!("arn:aws:ecr:us-east-1:111122223333:repository/{}", JULY.0)
    );
}

#[test]
fn a_registry_level_action_reads_the_callers_account_as_the_resource_account() {
    // ECRSAR: a registry-level action such as GetAuthorizationToken takes no repository, so
    // aws:ResourceAccount is the caller's account there and the repository's account elsewhere.
    let fields = identity(json!({
        "Effect": "Allow", "Action": "ecr:*", "Resource": "*",
        "Condition": {"StringEquals": {"aws:ResourceAccount": "444455556666"}}
    }));
    let scenario = scenario(OTHER_ACCOUNT_USER, REPO, fields);
    let prepared = prepare(&scenario);
    let token = prepared.evaluate("ecr:GetAuthorizationToken", JUNE);
    let pull = prepared.evaluate("ecr:BatchGetImage", JUNE);
    assert_eq!(token.decision, Decision::Allowed);
    assert_eq!(
        context_value(&token, "aws:ResourceAccount").as_deref(),
        Some("444455556666")
    );
    assert_eq!(pull.decision, Decision::ImplicitDeny);
    assert_eq!(
        context_value(&pull, "aws:ResourceAccount").as_deref(),
        Some("111122223333")
    );
    assert!(!pull.policies[0].statements[0].conditions.matched);
}

#[test]
fn a_registry_level_actions_context_on_a_repository_is_derived_with_the_callers_account() {
    // ECRSAR: on a repository, a registry-level action's context is made from the repository
    // actions' one; it holds what deriving it with the caller's account as the resource's gives, the
    // keys in the same order, and no aws:ResourceAccount for a caller without an account.
    let fields = identity(json!({"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}));
    for principal in [USER, "codebuild.amazonaws.com", "anonymous"] {
        let scenario = scenario(principal, REPO, fields.clone());
        let caller = Caller::parse(principal).unwrap();
        let derived = derive::derive_untimed(
            scenario.first_request(),
            &caller,
            caller.account(),
            Some("us-east-1"),
        );
        let evaluation = prepare(&scenario).evaluate("ecr:GetAuthorizationToken", JUNE);
        assert_eq!(
            evaluation.context,
            derive::with_time(derived, JUNE).entries(),
            "{principal}"
        );
    }
}

/// A scenario with a bit of everything: a repository policy with a Deny, identity policies with
/// conditions on fixed and per-request keys, a boundary and a session policy.
fn mixed() -> Scenario {
    let fields = json!({
        "repositoryPolicy": {"Version": "2012-10-17", "Statement": [
            {"Sid": "Pull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]},
            {"Sid": "NoDelete", "Effect": "Deny", "Principal": "*", "Action": "ecr:Delete*"}
        ]},
        "identityPolicies": [{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2026-06-15T00:00:00Z"}}},
            {"Effect": "Allow", "NotAction": "ecr:Put*", "Resource": REPO, "Condition": {"StringEquals": {"aws:PrincipalType": "AssumedRole"}}}
        ]}],
        "permissionsBoundary": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ecr:Batch*", "ecr:Get*", "ecr:Put*"], "Resource": "*"}]},
        "sessionPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]},
        "request": {"principal": "arn:aws:sts::111122223333:assumed-role/ci/run-1", "action": "ecr:BatchGetImage", "resource": REPO}
    });
    scenario_from_value(fields).unwrap()
}

/// Actions a prepared scenario is asked about: repository actions it allows and does not, every
/// action, and one without a service prefix.
const SOME_ACTIONS: [&str; 5] = [
    "ecr:PutImage",
    "ecr:DeleteRepository",
    "ecr:BatchGetImage",
    "*",
    "nocolon",
];

/// `scenario` with its request's action replaced by `action`.
fn with_action(scenario: &Scenario, action: &str) -> Scenario {
    let mut fresh = scenario.clone();
    if let Some(request) = fresh.request.as_mut() {
        request.action = action.to_string();
    }
    fresh
}

#[test]
fn a_prepared_scenario_decides_every_action_as_a_fresh_evaluation_does() {
    // EVAL: the decision for an action depends only on the request; deciding other actions first,
    // at other times, changes nothing.
    let scenario = mixed();
    let prepared = prepare(&scenario);
    for time in [JULY, JUNE] {
        for action in SOME_ACTIONS {
            assert_eq!(
                prepared.evaluate(action, time),
                evaluate(&with_action(&scenario, action), time),
                "{action}"
            );
        }
    }
}

/// One statement allowing a window of time, with two conditions on the clock and one on a fixed key
/// that holds, and one whose condition on a fixed key does not hold.
fn windowed() -> Scenario {
    let fields = json!({
        "identityPolicies": [{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": {
                "DateGreaterThan": {"aws:CurrentTime": "2026-06-15T00:00:00Z"},
                "StringEquals": {"aws:PrincipalType": "AssumedRole"},
                "DateLessThan": {"aws:EpochTime": "1784073600"}
            }},
            {"Effect": "Allow", "Action": "ecr:PutImage", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalType": "User"}}}
        ]}],
        "request": {"principal": "arn:aws:sts::111122223333:assumed-role/ci/run-1", "action": "ecr:BatchGetImage", "resource": REPO}
    });
    scenario_from_value(fields).unwrap()
}

#[test]
fn a_decider_decides_every_action_at_every_time_as_a_fresh_evaluation_does() {
    // EVAL, GCK: prepared for the decision alone, a statement's conditions on the clock are still
    // decided at each request time, and all of them must hold (MV); its other conditions hold once.
    let mut decisions = Vec::new();
    for scenario in [mixed(), windowed()] {
        let request = scenario.first_request();
        let set = PolicySet::load(&scenario, request);
        let decider = set.decider(&scenario, request.clone());
        for time in [JUNE, JULY] {
            for action in SOME_ACTIONS {
                let decision = decider.decide(action, time);
                let fresh = with_action(&scenario, action);
                assert_eq!(decision, evaluate(&fresh, time).decision, "{action}");
                decisions.push(decision);
            }
        }
    }
    assert!(decisions.contains(&Decision::Allowed));
    assert!(decisions.contains(&Decision::ImplicitDeny));
}

#[test]
fn every_matrix_row_says_what_a_full_evaluation_says() {
    // EVAL: the matrix decides each repository action with the same procedure as one evaluation.
    let scenario = mixed();
    let prepared = prepare(&scenario);
    let matrix = prepared.matrix(JUNE);
    assert!(matrix.rows.len() > 20);
    for row in &matrix.rows {
        let evaluation = prepared.evaluate(&row.action, JUNE);
        assert_eq!(
            (row.decision, row.summary.as_str()),
            (evaluation.decision, evaluation.summary.as_str()),
            "{}",
            row.action
        );
    }
    let decisions: Vec<Decision> = matrix.rows.iter().map(|row| row.decision).collect();
    assert!(decisions.contains(&Decision::Allowed));
    assert!(decisions.contains(&Decision::ExplicitDeny));
    assert!(decisions.contains(&Decision::ImplicitDeny));
}

#[test]
fn every_matrix_operation_says_what_deciding_the_operation_alone_says() {
    // Section 7 (Operations): the matrix decides each operation's actions once, with its rows; every
    // operation row still says what deciding that operation on its own says.
    let scenario = mixed();
    let prepared = prepare(&scenario);
    let matrix = prepared.matrix(JUNE);
    assert_eq!(matrix.operations.len(), Operation::ALL.len());
    for row in &matrix.operations {
        let evaluation = prepared.evaluate_operation(row.operation, JUNE);
        assert_eq!(
            (row.decision, row.summary.as_str()),
            (evaluation.decision, evaluation.summary.as_str()),
            "{:?}",
            row.operation
        );
    }
    let decisions: Vec<Decision> = matrix.operations.iter().map(|row| row.decision).collect();
    assert!(
        decisions
            .iter()
            .any(|decision| *decision != Decision::Allowed)
    );
}

#[test]
fn evaluations_and_prepared_scenarios_can_cross_threads() {
    // The shared parts of a result are counted atomically, so a caller may evaluate on other threads.
    fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<Evaluation>();
    send_and_sync::<Prepared<'static>>();
    send_and_sync::<Matrix>();
}
