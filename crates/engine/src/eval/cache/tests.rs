//! The policy cache changes nothing but how often policies are parsed and linted.

use super::*;
use crate::eval::{RequestTime, prepare};
use crate::scenario::scenarios_from_text;

const TIME: RequestTime = RequestTime(ecr_policy_test_kit::CORPUS_SECONDS);

fn scenario(repository_policy: &str, resource: &str) -> Scenario {
    let identity = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]}"#;
    let document = serde_json::json!({
        "name": "cache",
        "repositoryPolicy": repository_policy,
        "identityPolicies": [{"name": "pull", "policy": identity}],
        "request": {
            "principal": "arn:aws:iam::111122223333:role/ci",
            "action": "ecr:BatchGetImage",
            "resource": resource,
        },
    });
    scenarios_from_text(&document.to_string())
        .unwrap()
        .pop()
        .unwrap()
}

const ALLOW: &str = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Pull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"}]}"#;
const DENY: &str = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "NoPull", "Effect": "Deny", "Principal": "*", "Action": "ecr:*"}]}"#;
const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

fn json(scenario: &Scenario, cache: &mut PolicyCache) -> (String, String) {
    let cached = cache.prepare(scenario).evaluate_request(TIME);
    let fresh = prepare(scenario).evaluate_request(TIME);
    (
        serde_json::to_string(&cached).unwrap(),
        serde_json::to_string(&fresh).unwrap(),
    )
}

#[test]
fn cached_preparation_gives_what_a_fresh_one_gives() {
    let mut cache = PolicyCache::new();
    for scenario in [
        scenario(ALLOW, REPOSITORY),
        scenario(DENY, REPOSITORY),
        scenario(ALLOW, REPOSITORY),
        scenario("{ broken", REPOSITORY),
        scenario(ALLOW, "arn:aws:ecr:us-east-1:999999999999:repository/other"),
    ] {
        let (cached, fresh) = json(&scenario, &mut cache);
        assert_eq!(cached, fresh);
    }
}

#[test]
fn lint_findings_follow_the_repository_arn_not_only_the_text() {
    // The same policy text linted for another repository can give other findings (RESOURCE lint
    // compares `Resource` with the repository), so the repository is part of what is remembered.
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Pull", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}]}"#;
    let mut cache = PolicyCache::new();
    let mut findings = Vec::new();
    for resource in [
        REPOSITORY,
        "arn:aws:ecr:us-east-1:111122223333:repository/other",
    ] {
        let scenario = scenario(policy, resource);
        let (cached, fresh) = json(&scenario, &mut cache);
        assert_eq!(cached, fresh);
        let prepared = cache.prepare(&scenario);
        findings.push(prepared.policies()[0].diagnostics.len());
    }
    assert_ne!(
        findings[0], findings[1],
        "the two repositories give different findings"
    );
}

#[test]
fn unchanged_policies_are_not_parsed_again() {
    let mut cache = PolicyCache::new();
    let first = scenario(ALLOW, REPOSITORY);
    let parsed = |cache: &mut PolicyCache, scenario: &Scenario| {
        cache
            .prepare(scenario)
            .policies()
            .iter()
            .map(|policy| policy.parsed.clone())
            .collect::<Vec<_>>()
    };
    let before = parsed(&mut cache, &first);
    let after = parsed(&mut cache, &scenario(DENY, REPOSITORY));
    assert!(
        !std::ptr::eq(&*before[0], &*after[0]),
        "the edited policy is parsed anew"
    );
    assert!(
        std::ptr::eq(&*before[1], &*after[1]),
        "the unchanged one is reused"
    );
}

#[test]
fn unchanged_policies_keep_their_statement_shapes() {
    let mut cache = PolicyCache::new();
    let shapes = |cache: &mut PolicyCache, scenario: &Scenario| {
        cache
            .prepare(scenario)
            .policies()
            .iter()
            .map(|policy| policy.shapes.clone())
            .collect::<Vec<_>>()
    };
    let before = shapes(&mut cache, &scenario(ALLOW, REPOSITORY));
    let after = shapes(&mut cache, &scenario(DENY, REPOSITORY));
    let (Some(edited_before), Some(edited_after)) = (&before[0], &after[0]) else {
        panic!("both repository policies parse")
    };
    assert!(
        !std::ptr::eq(&**edited_before, &**edited_after),
        "the edited policy is shaped anew"
    );
    let (Some(unchanged_before), Some(unchanged_after)) = (&before[1], &after[1]) else {
        panic!("the identity policy parses")
    };
    assert!(
        std::ptr::eq(&**unchanged_before, &**unchanged_after),
        "the unchanged one keeps its shapes"
    );
}

#[test]
fn policies_unused_by_the_last_two_preparations_are_forgotten() {
    let mut cache = PolicyCache::new();
    cache.prepare(&scenario(ALLOW, REPOSITORY));
    assert_eq!(cache.len(), 2);
    cache.prepare(&scenario(DENY, REPOSITORY));
    assert_eq!(
        cache.len(),
        3,
        "the previous repository policy is still kept"
    );
    cache.prepare(&scenario("{}", REPOSITORY));
    assert_eq!(
        cache.len(),
        3,
        "ALLOW, unused twice, is gone; DENY, {{}} and the identity policy stay"
    );
}

#[test]
fn lint_findings_follow_the_registry_policy_scope_not_only_the_text() {
    // REGPERM: under scope V1 a registry-policy grant of ecr:BatchGetImage is not enforced and linted as
    // such; the same text under V2 is not. The scope is part of what is remembered.
    let registry = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"}]}"#;
    let mut cache = PolicyCache::new();
    for scope in ["V2", "V1"] {
        let document = serde_json::json!({
            "registryPolicy": registry,
            "registryPolicyScope": scope,
            "request": {"principal": "arn:aws:iam::111122223333:role/ci", "action": "ecr:BatchGetImage", "resource": REPOSITORY},
        });
        let scenario = scenarios_from_text(&document.to_string())
            .unwrap()
            .pop()
            .unwrap();
        let (cached, fresh) = json(&scenario, &mut cache);
        assert_eq!(cached, fresh, "scope {scope}");
    }
}
