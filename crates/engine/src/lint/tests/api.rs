//! The two entry points: `lint_policy` (parser and lint findings together, in source order) and
//! `lint_parsed` (lint findings only, for a parse the caller already has).

use super::*;
use crate::lint::lint_parsed;
use crate::policy::parse_policy;

const BROKEN: &str = r#"{
  "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"},
    {"Effect": "Allow", "Principal": "*", "Action": "ecr:PutImage", "Resource": "*", "Resource": "*"}
  ]
}"#;

#[test]
fn lint_policy_returns_the_parser_and_lint_findings_in_source_order() {
    let findings = lint(BROKEN, PolicyKind::Repository);
    assert_eq!(
        codes_of(&findings),
        [
            Code::from(LintCode::VersionMissing),
            LintCode::PublicAccess.into(),
            LintCode::PublicAccess.into(),
            LintCode::ResourceInRepositoryPolicy.into(),
            ParseCode::DuplicateKey.into(),
        ]
    );
    let starts: Vec<u32> = findings.iter().map(|finding| finding.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(starts, sorted);
}

#[test]
fn lint_parsed_returns_only_the_lint_findings() {
    let parsed = parse_policy(BROKEN, PolicyKind::Repository);
    let findings = lint_parsed(&parsed, &LintOptions::default());
    assert!(
        findings
            .iter()
            .all(|finding| matches!(finding.code, Code::Lint(_)))
    );
    assert_eq!(findings.len(), 4);
    let not_json = parse_policy("{ nope", PolicyKind::Repository);
    assert_eq!(lint_parsed(&not_json, &LintOptions::default()), Vec::new());
}

#[test]
fn statements_without_a_readable_effect_get_no_effect_dependent_findings() {
    // The parser reports the Effect; lint does not guess it (a policy with errors is not evaluated).
    let text =
        policy(r#"    {"Effect": "allow", "Principal": "*", "Action": "ecr:BatchGetImage"}"#);
    assert_eq!(
        codes_of(&lint(&text, PolicyKind::Repository)),
        [ParseCode::InvalidEffect]
    );
}
