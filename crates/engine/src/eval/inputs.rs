//! The scenario's policies, each parsed and linted once with its kind, a stable id and a name for people.

use crate::diagnostic::Diagnostic;
use crate::lint::{LintOptions, all_findings};
use crate::policy::{ParsedPolicy, PolicyKind, Shared, SharedList, parse_policy};
use crate::scenario::{PolicySource, Scenario};

/// A policy text read as a policy of one kind: the parse and every finding about it.
#[derive(Debug, Clone)]
pub struct CheckedPolicy {
    /// The parse.
    pub parsed: Shared<ParsedPolicy>,
    /// The parser's diagnostics and the lint findings, by position (then by severity).
    pub diagnostics: SharedList<Diagnostic>,
}

/// Parses `text` as a policy of `kind` and lints it with `options`.
pub fn check_policy(text: &str, kind: PolicyKind, options: &LintOptions) -> CheckedPolicy {
    let parsed = parse_policy(text, kind);
    let diagnostics = all_findings(&parsed, options);
    CheckedPolicy {
        parsed: Shared::new(parsed),
        diagnostics: SharedList::from(diagnostics),
    }
}

/// One policy of the scenario, parsed and linted.
#[derive(Debug, Clone)]
pub struct LoadedPolicy {
    /// `repository`, `registry`, `identity:0`, `boundary`, `session`, `scp:0:1`, `rcp:1:0`.
    pub id: String,
    /// The role it plays.
    pub kind: PolicyKind,
    /// A name for people.
    pub name: String,
    /// The organization level (0 = root) for SCPs and RCPs.
    pub level: Option<usize>,
    /// The text that was parsed.
    pub text: String,
    /// The parse.
    pub parsed: Shared<ParsedPolicy>,
    /// The parser's diagnostics and the lint findings, by position (then by severity).
    pub diagnostics: SharedList<Diagnostic>,
}

/// Every policy of `scenario`, in the order the page shows them, each parsed and linted by `check`.
pub fn load_policies(
    scenario: &Scenario,
    mut check: impl FnMut(&str, PolicyKind) -> CheckedPolicy,
) -> Vec<LoadedPolicy> {
    let mut policies = Vec::new();
    let mut push = |id: String,
                    kind: PolicyKind,
                    name: String,
                    level: Option<usize>,
                    source: &PolicySource| {
        let text = source.text();
        let checked = check(&text, kind);
        policies.push(LoadedPolicy {
            id,
            kind,
            name,
            level,
            text,
            parsed: checked.parsed,
            diagnostics: checked.diagnostics,
        });
    };
    if let Some(source) = &scenario.repository_policy {
        push(
            "repository".into(),
            PolicyKind::Repository,
            "repository policy".into(),
            None,
            source,
        );
    }
    if let Some(source) = &scenario.registry_policy {
        push(
            "registry".into(),
            PolicyKind::Registry,
            "registry policy".into(),
            None,
            source,
        );
    }
    for (index, policy) in scenario.identity_policies.iter().enumerate() {
        push(
            format!("identity:{index}"),
            PolicyKind::Identity,
            policy.name(index),
            None,
            policy.source(),
        );
    }
    if let Some(source) = &scenario.permissions_boundary {
        push(
            "boundary".into(),
            PolicyKind::Boundary,
            "permissions boundary".into(),
            None,
            source,
        );
    }
    if let Some(source) = &scenario.session_policy {
        push(
            "session".into(),
            PolicyKind::Session,
            "session policy".into(),
            None,
            source,
        );
    }
    for (prefix, kind, levels) in [
        ("scp", PolicyKind::Scp, &scenario.scps),
        ("rcp", PolicyKind::Rcp, &scenario.rcps),
    ] {
        for (level, sources) in levels.iter().enumerate() {
            for (index, source) in sources.iter().enumerate() {
                let name = format!(
                    "{} {}, policy {}",
                    prefix.to_ascii_uppercase(),
                    level_name(level, levels.len()),
                    index + 1
                );
                push(
                    format!("{prefix}:{level}:{index}"),
                    kind,
                    name,
                    Some(level),
                    source,
                );
            }
        }
    }
    policies
}

/// `level 1 (root)`, `level 2`, `level 3 (account)`.
pub fn level_name(level: usize, count: usize) -> String {
    let position = match (level, count) {
        (0, 1) => "",
        (0, _) => " (root)",
        (last, count) if last + 1 == count => " (account)",
        _ => "",
    };
    format!("level {}{position}", level + 1)
}

/// How messages name a policy: `the repository policy`, `identity policy \`ci-pull\``, `the SCP level 1, policy 1`.
pub fn policy_phrase(kind: PolicyKind, name: &str) -> String {
    match kind {
        PolicyKind::Identity if name.starts_with("identity policy ") => name.to_string(),
        PolicyKind::Identity => format!("identity policy `{name}`"),
        _ => format!("the {name}"),
    }
}
