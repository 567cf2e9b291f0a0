//! The access diff: each kind of difference the representative requests must catch, and the changes
//! that are no difference at all.

use super::{AccessDiff, DiffInput, diff_policies};
use crate::eval::{Decision, RequestTime};
use crate::policy::PolicyKind;

/// 2026-06-01T00:00:00Z.
const TIME: RequestTime = RequestTime(1_780_272_000);

fn diff(kind: PolicyKind, old: &str, new: &str) -> AccessDiff {
    diff_policies(&DiffInput {
        old,
        new,
        kind,
        base: None,
        time: TIME,
    })
}

fn repository(statements: &str) -> String {
    format!(r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#)
}

const PULL_FOR_CI: &str = r#"{"Sid": "Pull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}"#;

#[test]
fn xacct_granting_another_account_is_new_access_for_its_callers() {
    let old = repository(PULL_FOR_CI);
    let new = repository(&format!(
        r#"{PULL_FOR_CI}, {{"Effect": "Allow", "Principal": {{"AWS": "444455556666"}}, "Action": "ecr:BatchGetImage"}}"#
    ));
    let result = diff(PolicyKind::Repository, &old, &new);
    assert!(result.valid && result.new_access && !result.lost_access);
    let principals: Vec<&str> = result
        .changes
        .iter()
        .map(|change| change.principal.as_str())
        .collect();
    for caller in [
        "arn:aws:iam::444455556666:root",
        "arn:aws:iam::444455556666:user/comparison-user",
        "arn:aws:sts::444455556666:assumed-role/comparison-role/comparison-session",
    ] {
        assert!(
            principals.contains(&caller),
            "{caller} missing from {principals:?}"
        );
    }
    assert!(
        result
            .changes
            .iter()
            .all(|change| change.action == "ecr:BatchGetImage"
                && change.before == Decision::ImplicitDeny
                && change.after == Decision::Allowed)
    );
    assert_eq!(result.changed_statements.new.len(), 1);
    assert_eq!(result.changed_statements.new[0].index, 1);
    assert!(result.changed_statements.old.is_empty());
}

#[test]
fn eval_an_added_deny_is_lost_access_only() {
    let old = repository(PULL_FOR_CI);
    let new = repository(&format!(
        r#"{PULL_FOR_CI}, {{"Effect": "Deny", "Principal": "*", "Action": "ecr:GetDownloadUrlForLayer"}}"#
    ));
    let result = diff(PolicyKind::Repository, &old, &new);
    assert!(result.lost_access && !result.new_access);
    assert!(result.changes.iter().any(|change| change.principal
        == "arn:aws:iam::111122223333:role/ci"
        && change.action == "ecr:GetDownloadUrlForLayer"
        && change.after == Decision::ExplicitDeny));
}

#[test]
fn ops_ip_address_partition_finds_the_widened_block() {
    let statement = |cidr: &str| {
        repository(&format!(
            r#"{{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::111122223333:role/ci"}}, "Action": "ecr:BatchGetImage", "Condition": {{"IpAddress": {{"aws:SourceIp": "{cidr}"}}}}}}"#
        ))
    };
    let result = diff(
        PolicyKind::Repository,
        &statement("10.0.0.0/16"),
        &statement("10.0.0.0/8"),
    );
    assert!(result.new_access);
    let addresses: Vec<&str> = result
        .changes
        .iter()
        .filter_map(|change| change.context.get("aws:SourceIp").map(String::as_str))
        .collect();
    assert_eq!(
        addresses,
        vec!["10.1.0.0"],
        "only the region between the blocks changes"
    );
}

#[test]
fn ops_string_pattern_values_match_each_pattern_and_none() {
    let statement = |pattern: &str| {
        repository(&format!(
            r#"{{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": {{"StringLike": {{"aws:PrincipalOrgID": "{pattern}"}}}}}}"#
        ))
    };
    let result = diff(
        PolicyKind::Repository,
        &statement("o-abc"),
        &statement("o-a*"),
    );
    assert!(result.new_access);
    let values: std::collections::BTreeSet<&str> = result
        .changes
        .iter()
        .filter_map(|change| change.context.get("aws:PrincipalOrgID").map(String::as_str))
        .collect();
    // The pattern filled in and the pattern as literal text both match only the new version; `o-abc`,
    // the value matching no pattern and an absent key decide the same under both.
    assert_eq!(values, ["o-a*", "o-ax"].into());
    assert!(
        result
            .changes
            .iter()
            .all(|change| change.context.contains_key("aws:PrincipalOrgID"))
    );
}

#[test]
fn gck_caller_keys_vary_the_caller_not_the_context() {
    let statement = |pattern: &str| {
        repository(&format!(
            r#"{{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": {{"ArnLike": {{"aws:PrincipalArn": "{pattern}"}}}}}}"#
        ))
    };
    let result = diff(
        PolicyKind::Repository,
        &statement("arn:aws:iam::111122223333:role/ci-*"),
        &statement("arn:aws:iam::111122223333:role/*"),
    );
    assert!(
        result
            .changes
            .iter()
            .all(|change| change.context.is_empty())
    );
    assert!(result.changes.iter().any(|change| change.principal
        == "arn:aws:sts::111122223333:assumed-role/comparison-role/comparison-session"));
    assert!(
        !result
            .changes
            .iter()
            .any(|change| change.principal.contains("role/ci-x"))
    );
}

#[test]
fn ecrsar_registry_level_actions_are_compared_for_identity_policies() {
    let statement = |action: &str| {
        format!(
            r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": "{action}", "Resource": "*"}}]}}"#
        )
    };
    let result = diff(
        PolicyKind::Identity,
        &statement("ecr:BatchGetImage"),
        &statement("ecr:Get*"),
    );
    assert!(
        result
            .changes
            .iter()
            .any(|change| change.action == "ecr:GetAuthorizationToken" && change.resource == "*")
    );
}

#[test]
fn ecrpol_registry_level_actions_are_not_compared_for_repository_policies() {
    let statement = |action: &str| {
        repository(&format!(
            r#"{{"Effect": "Allow", "Principal": "*", "Action": "{action}"}}"#
        ))
    };
    let result = diff(
        PolicyKind::Repository,
        &statement("ecr:BatchGetImage"),
        &statement("ecr:*"),
    );
    assert!(result.new_access);
    assert!(result.changes.iter().all(|change| change.resource != "*"));
}

#[test]
fn act_reordered_reformatted_and_recased_policy_has_no_change() {
    let old = repository(&format!(
        r#"{PULL_FOR_CI}, {{"Effect": "Deny", "Principal": "*", "Action": "ecr:PutImage", "Condition": {{"NotIpAddress": {{"aws:SourceIp": "10.0.0.0/8"}}}}}}"#
    ));
    let new = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Deny", "Principal": "*", "Action": "ECR:putimage",
     "Condition": {"NotIpAddress": {"aws:sourceip": ["10.0.0.0/8"]}}},
    {"Sid": "Renamed", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ci"]},
     "Action": ["ecr:GetDownloadUrlForLayer", "ecr:batchgetimage"]}
  ]
}"#;
    let result = diff(PolicyKind::Repository, &old, new);
    assert!(result.valid);
    assert!(result.changes.is_empty(), "{:?}", result.changes);
    assert_eq!(result.changed_statements, Default::default());
    assert!(result.requests > 0);
}

#[test]
fn grammar_either_side_invalid_gives_both_sides_errors() {
    let result = diff(
        PolicyKind::Repository,
        "{",
        r#"{"Statement": [{"Effect": "Maybe"}]}"#,
    );
    assert!(!result.valid);
    assert!(!result.old_errors.is_empty() && !result.new_errors.is_empty());
    assert!(result.changes.is_empty());
}

#[test]
fn scpeval_scp_diff_is_decided_with_an_identity_policy_that_allows_everything() {
    let scp = |action: &str| {
        format!(
            r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": "{action}", "Resource": "*"}}]}}"#
        )
    };
    let result = diff(
        PolicyKind::Scp,
        &scp("ecr:BatchGetImage"),
        &scp("ecr:BatchGet*"),
    );
    assert!(result.new_access);
    assert!(result.changes.iter().all(|change| change.action
        == "ecr:BatchGetRepositoryScanningConfiguration"
        || change.action.starts_with("ecr:BatchGet")));
}

#[test]
fn prin_a_caller_gets_the_contexts_of_the_statements_that_name_it_after_others_that_do_not() {
    // PRIN: role/b is named after role/a, an entry of the same kind that does not name it; the
    // condition of role/b's statement still gives role/b its contexts.
    let statement = |vpce: &str| {
        format!(
            r#"{{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::111122223333:role/a"}}, "Action": "ecr:BatchGetImage"}}, {{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::111122223333:role/b"}}, "Action": "ecr:BatchGetImage", "Condition": {{"StringEquals": {{"aws:SourceVpce": "{vpce}"}}}}}}"#
        )
    };
    let result = diff(
        PolicyKind::Repository,
        &repository(&statement("vpce-1")),
        &repository(&statement("vpce-2")),
    );
    assert!(result.changes.iter().any(|change| {
        change.principal == "arn:aws:iam::111122223333:role/b"
            && change.is_new_access()
            && change.context.get("aws:SourceVpce").map(String::as_str) == Some("vpce-2")
    }));
}

#[test]
fn vars_a_resource_variable_tells_apart_contexts_that_every_condition_decides_alike() {
    // VARS: the Allow's Resource names the repository only when aws:SourceVpce is `app`; the only
    // condition on that key never matches, whatever its value, so the Resource alone tells the
    // contexts apart.
    let deny = r#"{"Effect": "Deny", "Action": "ecr:PutImage", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "app", "aws:username": "nobody"}}}"#;
    let allow = r#"{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/${aws:SourceVpce}"}"#;
    let result = diff(
        PolicyKind::Identity,
        &repository(&format!("{allow}, {deny}")),
        &repository(deny),
    );
    assert!(result.changes.iter().any(|change| {
        change.is_lost_access()
            && change.resource == super::setup::DEFAULT_REPOSITORY
            && change.context.get("aws:SourceVpce").map(String::as_str) == Some("app")
    }));
}
