//! `ecr-policy matrix`: every repository action for the scenario's caller, with its decision.

use crate::support::{fixture, run};

#[test]
fn every_repository_action_gets_a_decision() {
    // Every repository action for the scenario's caller, with decision.
    let run = run(&["matrix", &fixture("allowed.json")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let row = |action: &str| {
        run.stdout
            .lines()
            .find(|line| line.split_whitespace().next() == Some(action))
            .unwrap_or_else(|| panic!("no row for {action} in {}", run.stdout))
            .to_string()
    };
    assert!(
        row("ecr:BatchGetImage").contains(" allowed "),
        "{}",
        row("ecr:BatchGetImage")
    );
    assert!(row("ecr:GetDownloadUrlForLayer").contains(" allowed "));
    assert!(row("ecr:PutImage").contains(" implicitDeny "));
}

#[test]
fn json_rows_carry_action_access_level_and_decision() {
    let run = run(&["matrix", "--json", &fixture("denied.json")]);
    let matrix: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rows = matrix["rows"].as_array().unwrap();
    assert!(rows.len() > 20, "{}", rows.len());
    // A repository policy does not govern ecr:CreateRepository (PTCIAM) or the registry-level actions
    // (ECRPOL): the identity policy allows them.
    assert!(rows.iter().all(|row| {
        let expected = if row["action"] == "ecr:CreateRepository" || row["registryLevel"] == true {
            "allowed"
        } else {
            "explicitDeny"
        };
        row["decision"] == expected
    }));
    assert_eq!(
        rows.iter()
            .find(|row| row["registryLevel"] == true)
            .map(|row| &row["action"]),
        Some(&serde_json::json!("ecr:GetAuthorizationToken"))
    );
    // The pull stops at its first repository action, which the repository policy denies.
    assert_eq!(matrix["operations"][0]["operation"], "pull");
    assert_eq!(matrix["operations"][0]["decision"], "explicitDeny");
    assert_eq!(
        matrix["operations"][0]["failingAction"],
        "ecr:BatchGetImage"
    );
    assert!(
        rows.iter()
            .any(|row| row["action"] == "ecr:PutImage" && row["accessLevel"] == "Write")
    );
}

#[test]
fn a_scenario_with_policy_errors_exits_2() {
    assert_eq!(run(&["matrix", &fixture("broken-policy.json")]).code, 2);
}

#[test]
fn the_registry_actions_a_registry_policy_affects_are_rows() {
    // Section 7: ReplicateImage, BatchImportUpstreamImage and CreateRepository take a repository (ECRSAR),
    // so the matrix decides them; the replication grant allows two of them.
    let run = run(&["matrix", "--json", &fixture("registry-replication.json")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let matrix: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let decision = |action: &str| {
        matrix["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["action"] == action)
            .map(|row| row["decision"].clone())
    };
    assert_eq!(decision("ecr:ReplicateImage"), Some("allowed".into()));
    assert_eq!(decision("ecr:CreateRepository"), Some("allowed".into()));
    assert_eq!(
        decision("ecr:BatchImportUpstreamImage"),
        Some("implicitDeny".into())
    );
}
