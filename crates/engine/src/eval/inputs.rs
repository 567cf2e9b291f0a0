//! The scenario's policies, each parsed and linted once with its kind, a stable id and a name for people.

use std::borrow::Cow;

use crate::diagnostic::Diagnostic;
use crate::lint::{LintOptions, all_findings};
use crate::policy::{ParsedPolicy, PolicyKind, Shared, SharedList, parse_policy};
use crate::scenario::{PolicySource, Scenario, Slot};
use crate::span::Span;

use super::shape::{StatementShape, statement_shapes};

/// A policy text read as a policy of one kind: the parse, every finding about it and its statements'
/// shapes.
#[derive(Debug, Clone)]
pub struct CheckedPolicy {
    /// The parse.
    pub parsed: Shared<ParsedPolicy>,
    /// The parser's diagnostics and the lint findings, by position (then by severity).
    pub diagnostics: SharedList<Diagnostic>,
    /// The shapes of its statements; `None` when it did not parse.
    pub(crate) shapes: Option<SharedList<StatementShape>>,
}

/// Parses `text` as a policy of `kind`, lints it with `options` and shapes its statements.
pub fn check_policy(text: &str, kind: PolicyKind, options: &LintOptions) -> CheckedPolicy {
    let parsed = parse_policy(text, kind);
    let diagnostics = all_findings(&parsed, options);
    let shapes = statement_shapes(&parsed);
    CheckedPolicy {
        parsed: Shared::new(parsed),
        diagnostics: SharedList::from(diagnostics),
        shapes,
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
    /// Where that text is in the scenario document, for a policy written there as a JSON object.
    pub written_at: Option<Span>,
    /// The parse.
    pub parsed: Shared<ParsedPolicy>,
    /// The parser's diagnostics and the lint findings, by position (then by severity).
    pub diagnostics: SharedList<Diagnostic>,
    /// The shapes of its statements; `None` when it did not parse.
    pub(crate) shapes: Option<SharedList<StatementShape>>,
}

/// Every policy of `scenario`, in the order the page shows them, each parsed and linted by `check`.
pub fn load_policies(
    scenario: &Scenario,
    mut check: impl FnMut(&str, PolicyKind) -> CheckedPolicy,
) -> Vec<LoadedPolicy> {
    policy_slots(scenario)
        .into_iter()
        .map(|slot| {
            let text = slot.source.text();
            let checked = check(&text, slot.kind);
            LoadedPolicy {
                id: slot.id,
                kind: slot.kind,
                name: slot.name,
                level: slot.level,
                written_at: slot.source.written_at(),
                parsed: checked.parsed,
                diagnostics: checked.diagnostics,
                shapes: checked.shapes,
            }
        })
        .collect()
}

/// The text of each policy of `scenario` ([`PolicySource::text`]), in the order [`load_policies`] loads
/// them.
pub(super) fn policy_texts(scenario: &Scenario) -> Vec<Cow<'_, str>> {
    policy_slots(scenario)
        .into_iter()
        .map(|slot| slot.source.text())
        .collect()
}

/// Where one policy of a scenario sits, before it is read.
struct PolicySlot<'a> {
    id: String,
    kind: PolicyKind,
    name: String,
    level: Option<usize>,
    source: &'a PolicySource,
}

/// The policies of `scenario` in the order the page shows them, with their ids and names.
fn policy_slots(scenario: &Scenario) -> Vec<PolicySlot<'_>> {
    let slot = |place: Slot, name: String, level, source| PolicySlot {
        id: place.id(),
        kind: place.kind(),
        name,
        level,
        source,
    };
    let mut slots = Vec::new();
    if let Some(source) = &scenario.repository_policy {
        let name = "repository policy".into();
        slots.push(slot(Slot::Repository, name, None, source));
    }
    if let Some(source) = &scenario.registry_policy {
        let name = "registry policy".into();
        slots.push(slot(Slot::Registry, name, None, source));
    }
    for (index, policy) in scenario.identity_policies.iter().enumerate() {
        let name = policy.name(index);
        slots.push(slot(Slot::Identity(index), name, None, policy.source()));
    }
    if let Some(source) = &scenario.permissions_boundary {
        let name = "permissions boundary".into();
        slots.push(slot(Slot::Boundary, name, None, source));
    }
    if let Some(source) = &scenario.session_policy {
        let name = "session policy".into();
        slots.push(slot(Slot::Session, name, None, source));
    }
    for (label, place, levels) in [
        ("SCP", Slot::Scp as fn(usize, usize) -> Slot, &scenario.scps),
        ("RCP", Slot::Rcp, &scenario.rcps),
    ] {
        for (level, sources) in levels.iter().enumerate() {
            for (index, source) in sources.iter().enumerate() {
                let name = format!(
                    "{label} {}, policy {}",
                    level_name(level, levels.len()),
                    index + 1
                );
                slots.push(slot(place(level, index), name, Some(level), source));
            }
        }
    }
    slots
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
