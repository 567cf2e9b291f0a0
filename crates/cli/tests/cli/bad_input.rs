//! Bad input gives one clear line naming the file and, where known, the line and column, and exit 2:
//! never a panic or a backtrace.

use crate::support::{assert_one_line_error, fixture, run};

#[test]
fn a_missing_file_is_named() {
    assert_one_line_error(
        &run(&["eval", "no-such-scenario.json"]),
        "no-such-scenario.json: cannot read: no such file",
    );
}

#[test]
fn invalid_json_gives_the_line_and_column() {
    assert_one_line_error(
        &run(&["eval", &fixture("invalid-json.json")]),
        "tests/fixtures/invalid-json.json:4:34: invalid JSON: trailing comma",
    );
}

#[test]
fn a_missing_brace_names_the_object_it_closes() {
    // The `request` object is never closed: the parser reads to the end, and the message says which
    // object wants its `}` and where it can still go (after the last member, not past the end).
    assert_one_line_error(
        &run(&["eval", &fixture("unclosed-object.json")]),
        "tests/fixtures/unclosed-object.json:6:2: invalid JSON: expected `}` (to close the object opened at line 1, column 1)",
    );
}

#[test]
fn an_unknown_field_gives_its_path_and_position() {
    let run = run(&["eval", "--scenario", "1", &fixture("unknown-field.json")]);
    assert_one_line_error(
        &run,
        "tests/fixtures/unknown-field.json:12:7: [1].request.acton: unknown field `acton`",
    );
}

#[test]
fn a_garbage_link_says_what_is_wrong_with_it() {
    assert_one_line_error(
        &run(&["eval", "--link", "https://playground.example/#s=1.@@@"]),
        "--link: the share link has an invalid character `@` at position 1 of its payload",
    );
    assert_one_line_error(
        &run(&["eval", "--link", "hello"]),
        "--link: no share link in `hello`",
    );
}

#[test]
fn a_folder_given_as_a_scenario_is_refused() {
    assert_one_line_error(
        &run(&["link", "tests/fixtures"]),
        "tests/fixtures: cannot read: it is a directory",
    );
}

#[test]
fn a_bad_time_is_a_usage_error() {
    let run = run(&["eval", "--time", "yesterday", &fixture("allowed.json")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: invalid value 'yesterday' for '--time <WHEN>'"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_usage_error_exits_2() {
    assert_eq!(run(&["evaluate", &fixture("allowed.json")]).code, 2);
    assert_eq!(run(&["eval"]).code, 2);
    assert_eq!(
        run(&["eval", &fixture("allowed.json"), "--link", "x"]).code,
        2
    );
}
