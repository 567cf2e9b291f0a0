//! Lint tests: every code shown by a fixture and absent from clean, realistic policies; the blog-post
//! policy a newcomer pastes; and one module per group of checks, each test named after its rule.

mod access;
mod actions;
mod api;
mod blog;
mod conditions;
mod fixtures;
mod principals;
mod public;
mod redundancy;
mod registry;
mod resources;
mod robustness;
mod services;
mod structure;
mod variables;

use super::{LintOptions, lint_policy};
use crate::diagnostic::{Code, Diagnostic, LintCode, ParseCode, Severity};
use crate::policy::PolicyKind;
use crate::registry::RegistryPolicyScope;

/// The repository the scenarios are about.
const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

/// A public repository, for the ECR Public checks.
const PUBLIC_REPOSITORY: &str = "arn:aws:ecr-public::111122223333:repository/app";

/// Every finding (parser and lint) for `text` as `kind`, with the repository known.
fn lint(text: &str, kind: PolicyKind) -> Vec<Diagnostic> {
    lint_scoped(text, kind, RegistryPolicyScope::V2)
}

/// The same under the registry policy scope `scope`.
fn lint_scoped(text: &str, kind: PolicyKind, scope: RegistryPolicyScope) -> Vec<Diagnostic> {
    lint_policy(
        text,
        kind,
        &LintOptions {
            repository_arn: Some(REPOSITORY.to_string()),
            registry_scope: scope,
        },
    )
}

/// The same for the repository `repository`.
fn lint_for(text: &str, kind: PolicyKind, repository: &str) -> Vec<Diagnostic> {
    lint_policy(
        text,
        kind,
        &LintOptions {
            repository_arn: Some(repository.to_string()),
            registry_scope: RegistryPolicyScope::V2,
        },
    )
}

/// The same without knowing the repository.
fn lint_unknown_repository(text: &str, kind: PolicyKind) -> Vec<Diagnostic> {
    lint_policy(text, kind, &LintOptions::default())
}

/// A 2012-10-17 policy with these statements.
fn policy(statements: &str) -> String {
    format!("{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n{statements}\n  ]\n}}")
}

/// The codes of `findings`.
fn codes_of(findings: &[Diagnostic]) -> Vec<Code> {
    findings.iter().map(|finding| finding.code).collect()
}

/// The findings with `code`.
fn with_code(findings: &[Diagnostic], code: impl Into<Code>) -> Vec<&Diagnostic> {
    let code = code.into();
    findings
        .iter()
        .filter(|finding| finding.code == code)
        .collect()
}

/// The only finding with `code`; fails the test when there is not exactly one.
fn only(findings: &[Diagnostic], code: impl Into<Code>) -> &Diagnostic {
    let code = code.into();
    let found = with_code(findings, code);
    assert_eq!(found.len(), 1, "expected one `{code}` in {findings:#?}");
    found[0]
}

/// The policy text a finding points at.
fn text_at<'a>(text: &'a str, finding: &Diagnostic) -> &'a str {
    &text[finding.span.range()]
}

/// The policy texts `findings` point at, in order.
fn texts_at<'a>(text: &'a str, findings: &[&Diagnostic]) -> Vec<&'a str> {
    findings
        .iter()
        .map(|finding| text_at(text, finding))
        .collect()
}

/// Fails the test unless every one of `findings` has `severity`.
fn assert_all(findings: &[&Diagnostic], severity: Severity) {
    assert!(
        findings.iter().all(|finding| finding.severity == severity),
        "expected every finding to be {severity:?}: {findings:#?}"
    );
}
