//! `ecr-policy who-can`: the account's users and roles, and the principals outside it, with decisions.

use crate::import::account_fixture;
use crate::support::run;

const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

/// `who-can` on the fixtures with `asked` (`--action A` or `--operation O`) and `extra` options.
fn who_can(asked: &[&str], extra: &[&str]) -> crate::support::Run {
    let details = account_fixture("cli-output.json");
    let policy = account_fixture("repository-policy.json");
    let mut args = vec![
        "who-can",
        "--account-details",
        &details,
        "--repository-policy",
        &policy,
        "--resource",
        REPOSITORY,
    ];
    args.extend_from_slice(asked);
    args.extend_from_slice(extra);
    run(&args)
}

#[test]
fn json_lists_every_principal_with_its_decision_and_reason() {
    let answer = who_can(&["--action", "ecr:BatchGetImage"], &["--json"]);
    assert_eq!(answer.code, 0, "{}", answer.stderr);
    let value: serde_json::Value = serde_json::from_str(&answer.stdout).unwrap();
    let rows: Vec<(&str, &str)> = value["principals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            (
                row["arn"].as_str().unwrap(),
                row["decision"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("arn:aws:iam::111122223333:user/alice", "allowed"),
            ("arn:aws:iam::111122223333:user/bob", "implicitDeny"),
            ("arn:aws:iam::111122223333:role/ci/ci-build", "allowed"),
            ("arn:aws:iam::111122223333:role/auditor", "explicitDeny"),
            ("arn:aws:iam::444455556666:role/deployer", "allowed"),
        ]
    );
    for row in value["principals"].as_array().unwrap() {
        assert!(!row["reason"].as_str().unwrap().is_empty());
    }
}

#[test]
fn the_table_names_role_sessions_and_what_outside_principals_still_need() {
    let answer = who_can(&["--operation", "pull"], &["--color", "never"]);
    assert_eq!(answer.code, 0, "{}", answer.stderr);
    let line = |needle: &str| {
        answer
            .stdout
            .lines()
            .find(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("no `{needle}` in {}", answer.stdout))
            .to_owned()
    };
    assert!(line("role/ci/ci-build (any session of the role)").contains("allowed"));
    assert!(
        line("role/deployer (outside the account)")
            .contains("it still needs an identity policy in account 444455556666")
    );
    assert!(
        line("user/bob")
            .contains("left out, not in the account details: AmazonEC2ContainerRegistryPowerUser")
    );
}

#[test]
fn an_action_or_an_operation_is_required() {
    let answer = who_can(&[], &[]);
    assert_eq!(answer.code, 2);
    assert!(answer.stderr.contains("--action"), "{}", answer.stderr);
    let help = run(&["who-can", "--help"]);
    assert!(help.stdout.contains("Examples:\n  ecr-policy who-can"));
}
