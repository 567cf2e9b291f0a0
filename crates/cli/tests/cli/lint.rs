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
    // At the end of the text, where the missing `]` can still go, naming the array it closes.
    assert!(
        run.stdout.starts_with(
            "<stdin>:1:41: error[json-syntax]: invalid JSON: expected `]` (to close the array opened at line 1, column 40)"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn kind_registry_checks_a_registry_policy_under_its_scope() {
    // Section 7: under V2 the AWS replication example and a pull grant are clean; under V1 the pull
    // grant is not enforced (REGPERM), a warning that does not fail the run.
    let policy = fixture("registry-policy.json");
    let v2 = run(&["lint", "--kind", "registry", &policy]);
    assert_eq!((v2.code, v2.stdout.as_str()), (0, ""), "{}", v2.stderr);
    let v1 = run(&["lint", "--kind", "registry", "--scope", "V1", &policy]);
    assert_eq!(v1.code, 0, "{}", v1.stderr);
    assert!(
        v1.stdout.starts_with(
            "tests/fixtures/registry-policy.json:15:17: warning[not-enforced-under-scope-v1]: `ecr:BatchGetImage` is not enforced under scope V1"
        ),
        "{}",
        v1.stdout
    );
    assert_eq!(v1.stdout.lines().count(), 1);
}

#[test]
fn kind_registry_with_a_repository_of_another_region_exits_1() {
    // Section 7: a registry policy names only the repositories of its own account and Region.
    let run = run(&[
        "lint",
        "--kind",
        "registry",
        "--repository",
        "arn:aws:ecr:eu-west-1:111122223333:repository/app",
        "--json",
        &fixture("registry-policy.json"),
    ]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let codes: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| finding["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["resource-outside-registry", "resource-outside-registry"]
    );
}

#[test]
fn an_unknown_scope_exits_2_and_lists_v1_and_v2() {
    let run = run(&[
        "lint",
        "--kind",
        "registry",
        "--scope",
        "v3",
        &fixture("registry-policy.json"),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("[possible values: V1, V2]"),
        "{}",
        run.stderr
    );
}

/// A fixture of AWS CLI output around a policy, shared with the engine's tests.
fn wrapped(name: &str) -> String {
    format!("../engine/tests/wrapped/{name}.json")
}

#[test]
fn wrapped_cli_output_is_linted_from_inside_and_says_so_on_standard_error() {
    let run = run(&["lint", "--strict", &wrapped("get-repository-policy")]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "../engine/tests/wrapped/get-repository-policy.json: note: read the policy from `policyText` \
         of `aws ecr get-repository-policy` output\n"
    );
}

#[test]
fn findings_in_wrapped_output_are_at_the_line_and_column_of_the_pasted_file() {
    // The policy's `Effect` sits on the inner policy's seventh line; in the file `policyText` is line 4.
    let text = std::fs::read_to_string(wrapped("get-repository-policy"))
        .unwrap()
        .replace("\\\"Allow\\\"", "\\\"Alow\\\"");
    let column = text.lines().nth(3).unwrap().find("\\\"Alow").unwrap() + 1;
    let run = run_with(&["lint", "-"], Some(&text), &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with(&format!("<stdin>:4:{column}: error[invalid-effect]: ")),
        "{}",
        run.stdout
    );
}

#[test]
fn json_output_carries_the_wrapper_with_the_plain_policy() {
    let run = run(&[
        "lint",
        "--json",
        "--kind",
        "scp",
        &wrapped("describe-policy-scp"),
    ]);
    let output: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(output["wrapper"]["shape"], "describe-policy");
    assert_eq!(output["wrapper"]["field"], "Policy.Content");
    assert!(
        output["wrapper"]["plainPolicy"]
            .as_str()
            .unwrap()
            .contains("\"ecr:DeleteRepository\"")
    );
}

#[test]
fn a_document_of_no_recognised_shape_gets_the_policy_findings_and_the_shapes_line() {
    let text =
        r#"{"repositoryArn": "arn:aws:ecr:us-east-1:111122223333:repository/app", "policy": {}}"#;
    let run = run_with(&["lint", "-"], Some(text), &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let shapes: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.contains("nor is it a recognised wrapper"))
        .collect();
    assert_eq!(shapes.len(), 1, "{}", run.stdout);
    assert!(
        shapes[0].starts_with("<stdin>:1:1: error["),
        "{}",
        shapes[0]
    );
    assert!(
        shapes[0].contains("`aws iam get-policy-version`"),
        "{}",
        shapes[0]
    );
}
