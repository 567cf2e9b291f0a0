//! Suites: several requests with their own names and expectations, decided against one set of policies
//! parsed once.

use super::*;
use crate::scenario::scenario_from_text;

const SUITE: &str = r#"{
    "name": "CI role",
    "identityPolicies": [{"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}
    ]}],
    "requests": [
        {"name": "can pull", "principal": "arn:aws:iam::111122223333:role/ci", "operation": "pull", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app", "expect": "allowed"},
        {"principal": "arn:aws:iam::111122223333:role/ci", "operation": "push", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app", "expect": "implicitDeny"},
        {"name": "manifest", "principal": "arn:aws:iam::111122223333:role/ci", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}
    ]
}"#;

#[test]
fn a_suite_decides_each_request_with_its_name_and_expect() {
    let scenario = scenario_from_text(SUITE).unwrap();
    let entries = evaluate_suite(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
    let seen: Vec<(&str, Option<Decision>, Decision)> = entries
        .iter()
        .map(|entry| (entry.name.as_str(), entry.expect, entry.evaluation.decision))
        .collect();
    assert_eq!(
        seen,
        [
            ("can pull", Some(Decision::Allowed), Decision::Allowed),
            (
                "request 2",
                Some(Decision::ImplicitDeny),
                Decision::ImplicitDeny
            ),
            ("manifest", None, Decision::Allowed)
        ]
    );
    assert_eq!(entries[0].passed(), Some(true));
    assert_eq!(entries[2].passed(), None);
}

#[test]
fn a_single_request_is_a_suite_of_one_named_after_the_scenario() {
    let scenario = scenario_from_text(
        r#"{"name": "one", "request": {"principal": "anonymous", "action": "ecr:BatchGetImage", "resource": "*"}, "expect": "implicitDeny"}"#,
    )
    .unwrap();
    let entries = evaluate_suite(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].name, "one");
    assert_eq!(entries[0].passed(), Some(true));
    assert_eq!(
        entries[0].evaluation,
        evaluate(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS))
    );
}

#[test]
fn a_suite_of_twenty_requests_parses_its_policies_once() {
    // Every request on the same repository shares each policy's one parse and lint.
    let mut scenario = scenario_from_text(SUITE).unwrap();
    let request = scenario.requests[0].clone();
    scenario.requests = vec![request; 20];
    let entries = evaluate_suite(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
    assert_eq!(entries.len(), 20);
    let first = &entries[0].evaluation.policies[0].diagnostics;
    for entry in &entries {
        assert!(std::ptr::eq(
            entry.evaluation.policies[0].diagnostics.as_ptr(),
            first.as_ptr()
        ));
    }
}
