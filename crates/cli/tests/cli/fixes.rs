//! `ecr-policy eval --suggest-fixes`: the fixes after the explanation, `fixes` in the JSON result, and
//! every fix's `scenario` decided allowed by `ecr-policy eval`.

use crate::support::{fixture, run, run_with};

#[test]
fn each_fix_scenario_of_a_denied_cross_account_pull_is_allowed_by_eval() {
    // XACCT: both accounts must allow, so the fix changes both sides.
    let run = run(&[
        "eval",
        &fixture("cross-account-pull.json"),
        "--suggest-fixes",
        "--json",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let result: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(result["decision"], "implicitDeny");
    let fixes = result["fixes"].as_array().unwrap();
    assert!(!fixes.is_empty());
    assert!(fixes.iter().any(|fix| fix["side"] == "both"), "{fixes:?}");
    for fix in fixes {
        assert!(
            fix["description"]
                .as_str()
                .is_some_and(|text| !text.is_empty())
        );
        let scenario = serde_json::to_string(&fix["scenario"]).unwrap();
        let decided = run_with(&["eval", "-", "--json"], Some(&scenario), &[]);
        assert_eq!(
            decided.code, 0,
            "{}\n{}",
            fix["description"], decided.stdout
        );
        let evaluation: serde_json::Value = serde_json::from_str(&decided.stdout).unwrap();
        assert_eq!(evaluation["decision"], "allowed");
    }
}

#[test]
fn the_text_output_lists_each_fix_with_its_side_and_new_text_after_the_explanation() {
    let run = run(&[
        "eval",
        &fixture("cross-account-pull.json"),
        "--suggest-fixes",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (explanation, fixes) = run.stdout.split_once("\nhow to fix\n").unwrap();
    assert!(
        explanation.contains("decision   implicitDeny"),
        "{explanation}"
    );
    assert!(
        fixes.starts_with("  1. [both] In the caller's account 444455556666"),
        "{fixes}"
    );
    assert!(
        fixes.contains("changes repository policy (repository):"),
        "{fixes}"
    );
    assert!(
        fixes.contains("\"Principal\": {\"AWS\": \"arn:aws:iam::444455556666:user/carol\"}"),
        "{fixes}"
    );
}

#[test]
fn an_allowed_request_has_nothing_to_fix() {
    let run = run(&[
        "eval",
        &fixture("allowed.json"),
        "--suggest-fixes",
        "--json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let result: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(result["fixes"], serde_json::json!([]));
}

#[test]
fn a_suite_is_refused_with_exit_2() {
    let run = run(&["eval", &fixture("suite.json"), "--suggest-fixes"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("--suggest-fixes decides one request"),
        "{}",
        run.stderr
    );
}
