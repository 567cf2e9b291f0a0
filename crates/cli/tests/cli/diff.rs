//! `ecr-policy diff`: the changes between two versions of a policy, their JSON, and the exit codes CI
//! relies on.

use serde_json::Value;

use super::support::{fixture, run, run_with};

fn diff(extra: &[&str]) -> super::support::Run {
    let (old, new) = (fixture("diff/old.json"), fixture("diff/new.json"));
    let mut args = vec!["diff", old.as_str(), new.as_str()];
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn new_access_exits_0_without_the_flag_and_1_with_it() {
    assert_eq!(diff(&[]).code, 0);
    assert_eq!(diff(&["--fail-on-new-access"]).code, 1);
}

#[test]
fn json_lists_each_changed_request_with_both_decisions() {
    let result = diff(&["--json"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let json: Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(json["newAccess"], true);
    assert_eq!(json["lostAccess"], true);
    let changes = json["changes"].as_array().unwrap();
    let gained = changes
        .iter()
        .find(|change| change["principal"] == "arn:aws:iam::444455556666:root")
        .unwrap();
    assert_eq!(gained["before"], "implicitDeny");
    assert_eq!(gained["after"], "allowed");
    assert_eq!(gained["context"]["aws:SourceIp"], "10.0.0.0");
    for field in ["principal", "action", "context", "before", "after"] {
        assert!(
            changes.iter().all(|change| change.get(field).is_some()),
            "{field}"
        );
    }
}

#[test]
fn text_groups_changes_by_principal() {
    let result = diff(&["--color", "never"]);
    let headers: Vec<&str> = result
        .stdout
        .lines()
        .filter(|line| line.starts_with("arn:"))
        .collect();
    assert_eq!(
        headers,
        [
            "arn:aws:iam::111122223333:role/ci",
            "arn:aws:iam::444455556666:root",
            "arn:aws:iam::444455556666:user/comparison-user",
            "arn:aws:sts::444455556666:assumed-role/comparison-role/comparison-session",
        ]
    );
    assert!(result.stdout.contains(
        "  + ecr:BatchGetImage on arn:aws:ecr:us-east-1:111122223333:repository/app [aws:SourceIp=10.0.0.0]: implicitDeny -> allowed"
    ));
    assert!(
        result
            .stdout
            .ends_with("new access and lost access: 12 of 46 representative requests changed\n")
    );
}

#[test]
fn reordered_reformatted_and_recased_policy_reports_no_change() {
    let (old, same) = (fixture("diff/old.json"), fixture("diff/old-reordered.json"));
    let result = run(&["diff", &old, &same, "--fail-on-new-access", "--json"]);
    assert_eq!(result.code, 0);
    let json: Value = serde_json::from_str(&result.stdout).unwrap();
    assert_eq!(json["changes"], Value::Array(Vec::new()));
    assert_eq!(json["newAccess"], false);
    assert_eq!(json["lostAccess"], false);
}

#[test]
fn invalid_input_on_either_side_exits_2_with_both_sides_errors() {
    let broken = fixture("diff/broken.json");
    let result = run(&["diff", &broken, &broken, "--color", "never"]);
    assert_eq!(result.code, 2);
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", result.stdout);
    assert!(
        lines
            .iter()
            .all(|line| line.starts_with("tests/fixtures/diff/broken.json:1:"))
    );
}

#[test]
fn identity_kind_reads_old_from_stdin_and_compares_registry_level_actions_on_star() {
    let old = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "*"}]}"#;
    let new = fixture("diff/identity-wider.json");
    let result = run_with(
        &["diff", "-", &new, "--kind", "identity", "--json"],
        Some(old),
        &[],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let json: Value = serde_json::from_str(&result.stdout).unwrap();
    let token = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|change| change["action"] == "ecr:GetAuthorizationToken")
        .unwrap();
    assert_eq!(token["resource"], "*");
    assert_eq!(token["after"], "allowed");
}

#[test]
fn both_sides_from_stdin_is_a_usage_error() {
    let result = run(&["diff", "-", "-"]);
    assert_eq!(result.code, 2);
    assert!(result.stderr.contains("only one of OLD and NEW"));
}
