//! `ecr-policy lint`: `file:line:column: severity[code]: message` lines, `--json`, `--kind`, `--strict`.

use crate::support::{fixture, run, run_with};

#[test]
fn findings_are_printed_as_file_line_column_severity_code_message() {
    // Findings as `file:line:column: severity[code]: message`.
    let run = run(&["lint", &fixture("public-repository-policy.json")]);
    assert!(
        run.stdout.starts_with(
            "tests/fixtures/public-repository-policy.json:7:20: security-warning[public-access]: "
        ),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn security_warnings_exit_0_unless_strict() {
    // Non-zero exit on errors, and with `--strict` on security warnings too.
    assert_eq!(
        run(&["lint", &fixture("public-repository-policy.json")]).code,
        0
    );
    assert_eq!(
        run(&[
            "lint",
            "--strict",
            &fixture("public-repository-policy.json")
        ])
        .code,
        1
    );
}

#[test]
fn a_clean_policy_prints_nothing_and_exits_0_even_when_strict() {
    let run = run(&["lint", "--strict", &fixture("team-pull.json")]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
}

#[test]
fn kind_changes_the_grammar_and_errors_exit_1() {
    // `--kind repository|identity|boundary|session|scp|rcp`; GRAM: identity policies need a
    // Resource and take no Principal.
    let as_identity = run(&[
        "lint",
        "--kind",
        "identity",
        &fixture("identity-without-resource.json"),
    ]);
    assert_eq!(as_identity.code, 1);
    assert!(
        as_identity.stdout.contains(
            "tests/fixtures/identity-without-resource.json:4:5: error[missing-element]: "
        ),
        "{}",
        as_identity.stdout
    );
    let bad_kind = run(&["lint", "--kind", "bucket", &fixture("team-pull.json")]);
    assert_eq!(bad_kind.code, 2);
    assert!(
        bad_kind
            .stderr
            .contains("repository, identity, boundary, session, scp, rcp"),
        "{}",
        bad_kind.stderr
    );
}

#[test]
fn json_has_findings_with_severity_code_message_line_and_column() {
    // `{"findings":[{"severity", "code", "message", "line", "column"}]}`.
    let run = run(&[
        "lint",
        "--json",
        "--kind",
        "identity",
        &fixture("identity-without-resource.json"),
    ]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for finding in findings {
        let mut keys: Vec<&str> = finding
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "column", "line", "message", "severity"]);
    }
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["code"], "missing-element");
    assert_eq!(
        (findings[0]["line"].as_u64(), findings[0]["column"].as_u64()),
        (Some(4), Some(5))
    );
}

#[test]
fn a_syntax_error_is_a_finding_with_its_position_read_from_stdin() {
    let run = run_with(
        &["lint", "-"],
        Some("{\"Version\": \"2012-10-17\", \"Statement\": ["),
        &[],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with("<stdin>:1:40: error[json-syntax]: "),
        "{}",
        run.stdout
    );
}
