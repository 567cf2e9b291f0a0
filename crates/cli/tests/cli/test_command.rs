//! `ecr-policy test`: the scenario corpus passes; failures are reported with the reason chain; the last
//! line is `N passed, M failed`; JUnit XML for CI.

use ecr_policy_test_kit::corpus_dir;

use crate::support::{corpus_time, fixture, run};

#[test]
fn every_scenario_of_the_corpus_passes() {
    // Integration tests that run the binary over `tests/scenarios/`.
    let corpus = corpus_dir().display().to_string();
    let run = run(&["test", &corpus, "--time", &corpus_time()]);
    let last = run.stdout.lines().last().unwrap_or_default().to_string();
    assert!(last.ends_with(" passed, 0 failed"), "{}", run.stdout);
    let passed: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(passed > 0, "{last}");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn a_failure_prints_scenario_expected_actual_and_reasons_and_exits_1() {
    // For each failure the scenario, expected, actual and the reason chain; non-zero exit.
    let run = run(&["test", &fixture("mixed")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "FAIL tests/fixtures/mixed/nested/wrong-expectation.json: a scenario whose expectation is wrong\n  expected  allowed\n  actual    implicitDeny\n  reason chain\n    1. "
        ),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().last(), Some("1 passed, 1 failed"));
    assert_eq!(run.stderr, "note: 1 request without `expect` was not run\n");
}

#[test]
fn junit_xml_has_one_case_per_scenario_and_a_failure_element() {
    // `--junit FILE` writes JUnit XML for CI systems.
    let folder = std::env::temp_dir().join(format!("ecr-policy-junit-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let report = folder.join("report.xml");
    let run = run(&[
        "test",
        &fixture("mixed"),
        "--junit",
        &report.display().to_string(),
    ]);
    assert_eq!(run.code, 1);
    let xml = std::fs::read_to_string(&report).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ecr-policy\" tests=\"2\" failures=\"1\" errors=\"0\""), "{xml}");
    assert!(xml.contains("<testcase name=\"same account: an identity policy allows the pull\" classname=\"tests/fixtures/mixed/allowed.json\""), "{xml}");
    assert!(
        xml.contains(
            "<failure message=\"expected allowed, got implicitDeny\" type=\"wrong-decision\">"
        ),
        "{xml}"
    );
    assert!(!xml.contains('\u{1b}'));
}

#[test]
fn an_unreadable_file_counts_as_a_failure_and_exits_2() {
    let run = run(&[
        "test",
        &fixture("allowed.json"),
        &fixture("invalid-json.json"),
        "missing-folder",
    ]);
    assert_eq!(run.code, 2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "error: tests/fixtures/invalid-json.json:4:34: invalid JSON: trailing comma after the last item of an object or array; remove it",
            "error: missing-folder: no such file or folder",
            "1 passed, 2 failed",
        ]
    );
}

#[test]
fn finding_nothing_to_run_is_an_error() {
    let run = run(&["test", &fixture("broken-policy.json")]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stdout,
        "error: no request with an `expect` was found\n0 passed, 0 failed\n"
    );
}
