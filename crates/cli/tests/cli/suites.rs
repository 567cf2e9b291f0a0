//! Operations and suites on the command line: `eval --operation`, a suite's requests printed and as a
//! JSON list, `test` counting each request, and the errors of a request with both `action` and
//! `operation`.

use crate::support::{assert_one_line_error, fixture, run};

#[test]
fn eval_operation_overrides_the_action_and_gives_each_action_in_json() {
    // `--operation pull` replaces the document's action; the result has `operation` and `actions`.
    let run = run(&[
        "eval",
        "--json",
        "--operation",
        "pull",
        &fixture("allowed.json"),
    ]);
    let result: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(result["operation"], "pull");
    let actions: Vec<(&str, &str)> = result["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|action| {
            (
                action["action"].as_str().unwrap(),
                action["resource"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(actions[0], ("ecr:GetAuthorizationToken", "*"));
    assert_eq!(actions.len(), 3);
    assert!(result["actions"][1]["evaluation"]["policies"].is_array());
    let code = match result["decision"].as_str() {
        Some("allowed") => 0,
        _ => 1,
    };
    assert_eq!(run.code, code, "{}", run.stdout);
}

#[test]
fn an_unknown_operation_on_the_command_line_lists_the_known_ones() {
    let run = run(&["eval", "--operation", "pul", &fixture("allowed.json")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("`pull`, `push`, `pull-through-cache`, `replicate`, `mount-layer`"),
        "{}",
        run.stderr
    );
}

#[test]
fn eval_prints_each_request_of_a_suite_and_exits_with_the_worst() {
    let run = run(&["eval", &fixture("suite.json")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for name in [
        "ci role › can pull",
        "ci role › cannot push",
        "ci role › no expectation",
    ] {
        assert!(
            run.stdout.contains(&format!("scenario   {name}\n")),
            "{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("operation  push\n"), "{}", run.stdout);
}

#[test]
fn eval_json_of_a_suite_is_a_list_of_named_requests() {
    let run = run(&["eval", "--json", &fixture("suite.json")]);
    let result: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let entries = result.as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0]["name"], "can pull");
    assert_eq!(entries[0]["expect"], "allowed");
    assert_eq!(entries[0]["evaluation"]["decision"], "allowed");
    assert_eq!(entries[1]["evaluation"]["decision"], "implicitDeny");
    assert_eq!(entries[2]["expect"], serde_json::Value::Null);
}

#[test]
fn test_counts_each_request_of_a_suite_as_a_test() {
    // Each request with an `expect` is a case; the one without is noted as not run.
    let folder = std::env::temp_dir().join(format!("ecr-policy-suite-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let report = folder.join("report.xml");
    let run = run(&[
        "test",
        &fixture("suite.json"),
        "--junit",
        &report.display().to_string(),
    ]);
    let xml = std::fs::read_to_string(&report).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.lines().last(), Some("1 passed, 1 failed"));
    assert!(
        run.stdout
            .starts_with("FAIL tests/fixtures/suite.json: ci role › cannot push\n"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stderr, "note: 1 request without `expect` was not run\n");
    assert!(xml.contains("tests=\"2\" failures=\"1\""), "{xml}");
    assert!(
        xml.contains("<testcase name=\"ci role › can pull\""),
        "{xml}"
    );
}

#[test]
fn a_request_with_both_action_and_operation_is_an_error_with_its_position() {
    let run = run(&["eval", &fixture("both-action-and-operation.json")]);
    assert_one_line_error(&run, "tests/fixtures/both-action-and-operation.json:5:5: ");
    assert!(
        run.stderr
            .contains("5:5: request.operation: give `action` or `operation`, not both"),
        "{}",
        run.stderr
    );
}
