//! The diff's fast path (each version's policies parsed and linted once, each request prepared only to
//! be decided) gives the same changes as deciding every representative request through the ordinary
//! full path: its own scenario, prepared and evaluated with every report.

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value, json};

use ecr_policy_test_kit::vocabulary::{
    ACTION_PATTERNS, CONDITIONS, PRINCIPAL_VALUES, RESOURCE_PATTERNS,
};

use super::setup::Setup;
use super::{AccessChange, DiffInput, diff_policies, representative_requests};
use crate::eval::{RequestTime, evaluate};
use crate::policy::PolicyKind;
use crate::scenario::{Request, Scenario, scenario_from_text};

/// 2026-06-01T00:00:00Z.
const TIME: RequestTime = RequestTime(1_780_272_000);

/// The changes of `input` found by deciding each representative request in a scenario of its own
/// through [`evaluate`], sorted as the diff sorts them.
fn changes_through_the_full_path(input: &DiffInput<'_>) -> Vec<AccessChange> {
    let setup = Setup::new(input.base, input.kind);
    let parse = |text: &str| crate::policy::parse_policy(text, input.kind).policy;
    let (Some(old), Some(new)) = (parse(input.old), parse(input.new)) else {
        return Vec::new();
    };
    let decide = |text: &str, request: &Request| {
        let scenario = Scenario {
            request: Some(request.clone()),
            ..setup.scenario(text, setup.other_account(&request.principal))
        };
        evaluate(&scenario, input.time).decision
    };
    let mut changes = Vec::new();
    for group in representative_requests(&[&old, &new], &setup) {
        for action in &group.actions {
            let request = Request {
                action: action.clone(),
                ..group.request.clone()
            };
            let (before, after) = (decide(input.old, &request), decide(input.new, &request));
            if before != after {
                changes.push(AccessChange {
                    principal: request.principal.clone(),
                    action: action.clone(),
                    resource: request.resource.clone(),
                    context: group.context.clone(),
                    before,
                    after,
                });
            }
        }
    }
    changes.sort_by(|a, b| {
        (&a.principal, &a.action, &a.resource, &a.context).cmp(&(
            &b.principal,
            &b.action,
            &b.resource,
            &b.context,
        ))
    });
    changes
}

/// Asserts that the diff of `old` and `new` is valid and finds exactly the full path's changes.
fn assert_same_changes(kind: PolicyKind, old: &str, new: &str, base: Option<&Scenario>) {
    let input = DiffInput {
        old,
        new,
        kind,
        base,
        time: TIME,
    };
    let diff = diff_policies(&input);
    assert!(diff.valid, "{diff:?}");
    assert_eq!(diff.changes, changes_through_the_full_path(&input));
}

fn policy(statements: &[&str]) -> String {
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
        statements.join(", ")
    )
}

#[test]
fn eval_fast_path_finds_the_full_paths_changes_for_each_kind() {
    let pull = r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}"#;
    let other_account = r#"{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "ecr:*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}"#;
    let not_principal = r#"{"Effect": "Deny", "NotPrincipal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/ci"]}, "Action": "ecr:PutImage"}"#;
    assert_same_changes(
        PolicyKind::Repository,
        &policy(&[pull]),
        &policy(&[pull, other_account, not_principal]),
        None,
    );
    let read = r#"{"Effect": "Allow", "Action": "ecr:Get*", "Resource": "arn:aws:ecr:*:111122223333:repository/team/*"}"#;
    let push = r#"{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:PutImage"], "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}"#;
    let deny_tagged = r#"{"Effect": "Deny", "Action": "ecr:PutImage", "Resource": "arn:aws:ecr:*:*:repository/${aws:username}", "Condition": {"StringNotEquals": {"ecr:ResourceTag/team": "web"}}}"#;
    for kind in [PolicyKind::Identity, PolicyKind::Boundary, PolicyKind::Scp] {
        assert_same_changes(kind, &policy(&[read]), &policy(&[push, deny_tagged]), None);
    }
    let replicate = r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": ["ecr:CreateRepository", "ecr:ReplicateImage"], "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"}"#;
    assert_same_changes(
        PolicyKind::Registry,
        &policy(&[&replicate.replace(", \"ecr:ReplicateImage\"", "")]),
        &policy(&[replicate]),
        None,
    );
    let rcp = |action: &str| {
        policy(&[&format!(
            r#"{{"Effect": "Deny", "Principal": "*", "Action": "{action}", "Resource": "*", "Condition": {{"StringNotEqualsIfExists": {{"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}}}}"#
        )])
    };
    assert_same_changes(PolicyKind::Rcp, &rcp("ecr:PutImage"), &rcp("ecr:*"), None);
}

#[test]
fn eval_fast_path_finds_the_full_paths_changes_in_a_base_scenario() {
    let base = scenario_from_text(
        r#"{
  "identityPolicies": [{"name": "ci", "policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]}}],
  "permissionsBoundary": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:PutImage"], "Resource": "*"}]},
  "request": {"principal": "arn:aws:iam::111122223333:role/ci", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:eu-west-1:111122223333:repository/web", "context": {"aws:SourceIp": "198.51.100.7"}}
}"#,
    )
    .unwrap();
    let grant = |principal: &str| {
        policy(&[&format!(
            r#"{{"Effect": "Allow", "Principal": {{"AWS": "{principal}"}}, "Action": ["ecr:BatchGetImage", "ecr:PutImage"], "Condition": {{"NotIpAddress": {{"aws:SourceIp": "10.0.0.0/8"}}}}}}"#
        )])
    };
    assert_same_changes(
        PolicyKind::Repository,
        &grant("arn:aws:iam::111122223333:role/ci"),
        &grant("*"),
        Some(&base),
    );
}

/// The most representative requests a generated case may have: each is evaluated twice through the
/// full path, slow in a debug build, so the widest patterns (`*`, `ecr:*`, `NotAction`), which make
/// hundreds, are left to the diff's own tests.
const MAX_REQUESTS: usize = 300;

/// A statement of the vocabulary for a policy of `kind`: a principal for a repository policy, a
/// `Resource` for the others.
fn statement(kind: PolicyKind) -> impl Strategy<Value = Value> {
    let narrow: Vec<&str> = ACTION_PATTERNS
        .iter()
        .copied()
        .filter(|pattern| !matches!(*pattern, "*" | "ecr:*"))
        .collect();
    (
        prop_oneof![3 => Just("Allow"), 1 => Just("Deny")],
        select(PRINCIPAL_VALUES),
        select(narrow),
        select(RESOURCE_PATTERNS),
        prop::option::weighted(0.5, select(CONDITIONS)),
    )
        .prop_map(move |(effect, principal, action, resource, condition)| {
            let mut statement = Map::new();
            statement.insert("Effect".into(), json!(effect));
            if kind == PolicyKind::Repository {
                let principal: Value = serde_json::from_str(principal).unwrap();
                statement.insert("Principal".into(), principal);
            } else {
                statement.insert("Resource".into(), json!(resource));
            }
            statement.insert("Action".into(), json!(action));
            if let Some(condition) = condition {
                let condition: Value = serde_json::from_str(condition).unwrap();
                statement.insert("Condition".into(), condition);
            }
            Value::Object(statement)
        })
}

/// Two versions of a policy of `kind`, one to three statements each.
fn versions(kind: PolicyKind) -> impl Strategy<Value = (String, String)> {
    let policy = move || {
        prop::collection::vec(statement(kind), 1..=3).prop_map(|statements| {
            json!({"Version": "2012-10-17", "Statement": statements}).to_string()
        })
    };
    (policy(), policy())
}

/// Two versions of a policy of `kind` that share statements: the new one is the old one with one
/// statement added or replaced, its order turned, so that the statements both have are written at
/// other positions (the diff matches such statements once, for both versions).
fn edited_versions(kind: PolicyKind) -> impl Strategy<Value = (String, String)> {
    (
        prop::collection::vec(statement(kind), 1..=3),
        statement(kind),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(|(old, edit, at, add)| {
            let mut new = old.clone();
            if add {
                new.push(edit);
            } else {
                new[at.index(old.len())] = edit;
            }
            new.rotate_left(1);
            let policy =
                |statements| json!({"Version": "2012-10-17", "Statement": statements}).to_string();
            (policy(old), policy(new))
        })
}

/// The kinds the generated cases are of.
const KINDS: [PolicyKind; 3] = [
    PolicyKind::Repository,
    PolicyKind::Identity,
    PolicyKind::Scp,
];

fn kind_and_versions() -> impl Strategy<Value = (PolicyKind, (String, String))> {
    select(&KINDS[..]).prop_flat_map(|kind| (Just(kind), versions(kind)))
}

fn kind_and_edited_versions() -> impl Strategy<Value = (PolicyKind, (String, String))> {
    select(&KINDS[..]).prop_flat_map(|kind| (Just(kind), edited_versions(kind)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn eval_fast_path_finds_the_full_paths_changes_for_generated_policies(
        (kind, (old, new)) in kind_and_versions()
    ) {
        let input = DiffInput { old: &old, new: &new, kind, base: None, time: TIME };
        let diff = diff_policies(&input);
        prop_assume!(diff.valid && diff.requests <= MAX_REQUESTS);
        prop_assert_eq!(diff.changes, changes_through_the_full_path(&input));
    }

    #[test]
    fn eval_fast_path_finds_the_full_paths_changes_for_edited_policies(
        (kind, (old, new)) in kind_and_edited_versions()
    ) {
        let input = DiffInput { old: &old, new: &new, kind, base: None, time: TIME };
        let diff = diff_policies(&input);
        prop_assume!(diff.valid && diff.requests <= MAX_REQUESTS);
        prop_assert_eq!(diff.changes, changes_through_the_full_path(&input));
    }
}
