//! The statements that changed: those of one version that the other has no equal of, compared by what
//! they mean as written (effect, principals, actions, resources, conditions), so that the order of
//! statements and of the values in them, the `Sid`, the layout and the case of action names (ACT: action
//! names are case-insensitive) do not count.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::policy::{Policy, Statement};
use crate::span::Span;

/// The changed statements of each version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ChangedStatements {
    /// The old version's statements that the new one does not have.
    pub old: Vec<StatementMark>,
    /// The new version's statements that the old one did not have.
    pub new: Vec<StatementMark>,
}

/// One changed statement and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct StatementMark {
    /// Its position in its policy, from 0.
    pub index: usize,
    /// How messages name it: ``statement `Sid` `` or `statement 2` ([`crate::policy::statement_label`]).
    pub label: String,
    /// The statement object in its policy's text.
    pub span: Span,
}

impl ChangedStatements {
    /// The statements of `old` and of `new` that the other version has no equal of (each statement
    /// of one version pairs with at most one of the other).
    pub fn between(old: &Policy, new: &Policy) -> Self {
        let meanings =
            |policy: &Policy| -> Vec<String> { policy.statements.iter().map(meaning).collect() };
        let (old_meanings, new_meanings) = (meanings(old), meanings(new));
        ChangedStatements {
            old: unmatched(old, &old_meanings, &new_meanings),
            new: unmatched(new, &new_meanings, &old_meanings),
        }
    }
}

/// The statements of `policy`, whose statements' meanings are `meanings`, left when each is paired
/// with an equal one of another policy, whose statements' meanings are `others`.
fn unmatched(policy: &Policy, meanings: &[String], others: &[String]) -> Vec<StatementMark> {
    let mut available: BTreeMap<&str, usize> = BTreeMap::new();
    for other in others {
        *available.entry(other).or_default() += 1;
    }
    policy
        .statements
        .iter()
        .zip(meanings)
        .filter(|(_, meaning)| match available.get_mut(meaning.as_str()) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        })
        .map(|(statement, _)| StatementMark {
            index: statement.index,
            label: statement.label(),
            span: statement.span,
        })
        .collect()
}

/// What a statement says, as one text that two statements share exactly when they say the same.
fn meaning(statement: &Statement) -> String {
    let sorted = |mut values: Vec<String>| {
        values.sort();
        values.dedup();
        values.join("\u{1f}")
    };
    let principal = statement.principal.as_ref().map(|block| {
        let entries = block
            .entries
            .iter()
            .map(|entry| format!("{:?}={}", entry.kind, entry.value))
            .collect();
        (block.negated, sorted(entries))
    });
    let action = statement.action.as_ref().map(|block| {
        let patterns = block
            .patterns
            .iter()
            .map(|pattern| pattern.value.to_ascii_lowercase())
            .collect();
        (block.negated, sorted(patterns))
    });
    let resource = statement.resource.as_ref().map(|block| {
        let patterns = block
            .patterns
            .iter()
            .map(|pattern| pattern.value.to_string())
            .collect();
        (block.negated, sorted(patterns))
    });
    let conditions = sorted(
        statement
            .conditions
            .iter()
            .map(|condition| {
                let values = condition
                    .values
                    .iter()
                    .map(|value| value.text.to_string())
                    .collect();
                format!(
                    "{}\u{1e}{}\u{1e}{}",
                    condition.operator_text.value,
                    condition.key.value.to_ascii_lowercase(),
                    sorted(values)
                )
            })
            .collect(),
    );
    format!(
        "{:?}\u{1d}{principal:?}\u{1d}{action:?}\u{1d}{resource:?}\u{1d}{conditions}",
        statement.effect()
    )
}
