//! `ecr-policy eval`: decision, reason chain, statement table, colour, JSON and exit codes.

use crate::support::{fixture, run, run_with};

#[test]
fn an_allowed_request_exits_0_and_shows_decision_reasons_and_statements() {
    // The decision, the reason chain and a table of statements with their outcome.
    let run = run(&["eval", &fixture("allowed.json")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("decision   allowed\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\nreason chain\n  1. "),
        "{}",
        run.stdout
    );
    let allow_step = run
        .stdout
        .lines()
        .find(|line| line.contains(". allow  "))
        .unwrap();
    assert!(
        allow_step.ends_with("[ci-pull #1 \"Pull\"]"),
        "{allow_step}"
    );
    let table_row = run
        .stdout
        .lines()
        .find(|line| line.starts_with("  ci-pull"))
        .unwrap();
    assert!(
        table_row.contains("Pull") && table_row.contains("allow-match"),
        "{table_row}"
    );
}

#[test]
fn an_explicit_deny_exits_1_and_names_the_deny_statement() {
    // Distinct exit codes for allowed and denied.
    let run = run(&["eval", &fixture("denied.json")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("decision   explicitDeny\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("[repository policy #1 \"DenyOutsideOffice\"]"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("deny-match"), "{}", run.stdout);
}

#[test]
fn an_implicit_deny_exits_1() {
    let run = run(&[
        "eval",
        "--scenario",
        "2",
        &ecr_policy_test_kit::corpus_dir()
            .join("smoke/basics.json")
            .display()
            .to_string(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("decision   implicitDeny\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_policy_with_errors_makes_the_decision_invalid_and_exits_2() {
    // A policy with errors is not evaluated: `invalid` with the diagnostics that block it.
    let run = run(&["eval", &fixture("broken-policy.json")]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stdout.contains("decision   invalid\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("repository policy:1:41: error[json-syntax]: "),
        "{}",
        run.stdout
    );
}

#[test]
fn json_prints_the_engines_result_object() {
    // `--json` prints the engine's result object (it has at least `decision`).
    let run = run(&["eval", "--json", &fixture("denied.json")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let result: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(result["decision"], "explicitDeny");
    assert_eq!(
        result["policies"][0]["statements"][0]["outcome"],
        "deny-match"
    );
    assert!(
        result["reasons"]
            .as_array()
            .is_some_and(|reasons| !reasons.is_empty())
    );
}

#[test]
fn a_dash_reads_the_scenario_from_standard_input() {
    // `-` for stdin.
    let text = std::fs::read_to_string(fixture_path("allowed.json")).unwrap();
    let run = run_with(&["eval", "-", "--json"], Some(&text), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let result: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(result["decision"], "allowed");
}

#[test]
fn output_is_plain_when_piped_and_coloured_when_asked() {
    // Coloured on a terminal and plain when piped; NO_COLOR and `--color never` turn it off. Every run
    // uses one clock, so the outputs differ only in colour.
    let time = ["--time", "2026-06-01T00:00:00Z"];
    let piped = run(&["eval", time[0], time[1], &fixture("allowed.json")]);
    assert!(!piped.stdout.contains('\u{1b}'));
    let always = run(&[
        "eval",
        time[0],
        time[1],
        "--color",
        "always",
        &fixture("allowed.json"),
    ]);
    assert!(
        always.stdout.contains("\u{1b}[32mallowed\u{1b}[0m"),
        "{}",
        always.stdout
    );
    let never = run(&[
        "eval",
        time[0],
        time[1],
        "--color",
        "never",
        &fixture("allowed.json"),
    ]);
    assert_eq!(never.stdout, piped.stdout);
    let no_color = run_with(
        &["eval", time[0], time[1], &fixture("allowed.json")],
        None,
        &[("NO_COLOR", "1")],
    );
    assert_eq!(no_color.stdout, piped.stdout);
}

#[test]
fn a_file_with_several_scenarios_needs_scenario_to_choose_one() {
    let basics = ecr_policy_test_kit::corpus_dir()
        .join("smoke/basics.json")
        .display()
        .to_string();
    let unchosen = run(&["eval", &basics]);
    crate::support::assert_one_line_error(
        &unchosen,
        &format!("{basics}: the file holds 3 scenarios: choose one"),
    );
    let by_name = run(&[
        "eval",
        &basics,
        "--scenario",
        "explicit deny in the repository policy beats an identity allow (EVAL step 1)",
    ]);
    assert_eq!(by_name.code, 1);
    assert!(
        by_name.stdout.contains("decision   explicitDeny"),
        "{}",
        by_name.stdout
    );
}

#[test]
fn time_fixes_the_derived_clock_keys() {
    let run = run(&[
        "eval",
        "--json",
        "--time",
        "2026-06-01T00:00:00Z",
        &fixture("allowed.json"),
    ]);
    let result: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let context = result["context"].as_array().unwrap();
    let epoch = context
        .iter()
        .find(|entry| entry["key"] == "aws:EpochTime")
        .unwrap();
    assert_eq!(
        epoch["values"][0],
        ecr_policy_test_kit::CORPUS_SECONDS.to_string()
    );
    assert_eq!(epoch["source"], "derived");
}

fn fixture_path(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture(name))
}

#[test]
fn a_registry_policy_grant_is_named_in_the_reason_chain_and_the_table() {
    // Section 7 (REGEX): cross-account replication, allowed by the destination's registry policy.
    let run = run(&["eval", &fixture("registry-replication.json")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("decision   allowed\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "statement `ReplicationAccessCrossAccount` of the registry policy allows the caller's account side"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("[registry policy #1 \"ReplicationAccessCrossAccount\"]"),
        "{}",
        run.stdout
    );
}

#[test]
fn findings_of_a_policy_written_as_an_object_show_the_line_and_column_in_the_scenario_file() {
    // Section 8 "Duplicate JSON keys": the object keeps its repeated key, and the finding points into the
    // scenario file.
    let scenario = r#"{
  "repositoryPolicy": {
    "Version": "2012-10-17",
    "Statement": [
      {"Effect": "Allow", "Effect": "Deny", "Principal": "*", "Action": "ecr:BatchGetImage"}
    ]
  },
  "request": {"principal": "arn:aws:iam::111122223333:user/bob", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}
}"#;
    let run = run_with(&["eval", "-"], Some(scenario), &[]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stdout.contains("decision   invalid\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "  repository policy (scenario):5:27: error[duplicate-key]: `Effect` appears twice"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("first, at line 5, column 27 of the scenario"),
        "{}",
        run.stdout
    );
}
