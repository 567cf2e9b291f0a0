//! Statements that another statement already covers (STMT). Deliberately conservative: a statement is
//! reported only when another one of the same effect, without conditions, surely matches every request
//! it matches: the same or a wider principal, action and resource set. Negated elements are never
//! compared.
//!
//! A statement is compared only with the statements that could cover it by their Principal
//! ([`Candidates`]), not with every other one: a repository policy of a hundred statements, one per
//! account, makes a hundred comparisons instead of ten thousand, on every edit.

use super::grants::is_catalogued;
use super::{Input, docs};
use crate::catalog::catalog;
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::matching::{glob_match_ignore_case, has_wildcard, match_resource};
use crate::policy::{
    ActionBlock, Effect, PrincipalBlock, PrincipalEntry, PrincipalKind, ResourceBlock, Statement,
};

/// Reports each statement covered by another; of two identical statements, the later one.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    let statements = &input.policy.statements;
    let candidates = Candidates::of(statements);
    for narrow in statements {
        let wider = |position: &usize| {
            statements.get(*position).is_some_and(|wide| {
                wide.index != narrow.index
                    && covers(wide, narrow)
                    && (wide.index < narrow.index || !covers(narrow, wide))
            })
        };
        let first_wider = candidates.first(narrow, wider);
        if let Some(wide) = first_wider.and_then(|position| statements.get(position)) {
            let (verbs, verb) = match narrow.effect() {
                Effect::Allow => ("allows", "allow"),
                Effect::Deny => ("denies", "deny"),
            };
            findings.push(
                Diagnostic::new(
                    Severity::Suggestion,
                    LintCode::RedundantStatement,
                    format!(
                        "{} {verbs} nothing that {} does not already {verb}: remove it, or merge the two",
                        narrow.label(),
                        wide.label()
                    ),
                    narrow.span,
                )
                .with_docs(docs::STMT),
            );
        }
    }
}

/// The statements of a policy by what their Principal names: every statement that [`covers`] another
/// one either has no Principal when the other has none, or names everyone, or names each of the other's
/// entries and so its first one ([`principals_cover`]).
struct Candidates<'a> {
    /// The positions of the statements without a Principal element, in order.
    without_principal: Vec<usize>,
    /// The positions of the statements with an entry that names everyone, in order.
    naming_everyone: Vec<usize>,
    /// Every principal entry's text and kind with its statement's position, sorted by text, then
    /// position: the statements naming one entry are a run of it, in order.
    naming: Vec<(&'a str, PrincipalKind, usize)>,
}

impl<'a> Candidates<'a> {
    /// The statements of `statements` by their Principal.
    fn of(statements: &'a [Statement]) -> Self {
        let mut candidates = Candidates {
            without_principal: Vec::new(),
            naming_everyone: Vec::new(),
            naming: Vec::new(),
        };
        for (position, statement) in statements.iter().enumerate() {
            let Some(principal) = &statement.principal else {
                candidates.without_principal.push(position);
                continue;
            };
            if principal.entries.iter().any(names_everyone) {
                candidates.naming_everyone.push(position);
            }
            for entry in &principal.entries {
                candidates.naming.push((&entry.value, entry.kind, position));
            }
        }
        candidates
            .naming
            .sort_unstable_by(|a, b| (a.0, a.2).cmp(&(b.0, b.2)));
        candidates
    }

    /// The position of the first statement, in the policy's order, that could cover `narrow` by its
    /// Principal and that `accepts`.
    fn first(&self, narrow: &Statement, mut accepts: impl FnMut(&usize) -> bool) -> Option<usize> {
        match &narrow.principal {
            None => self.without_principal.iter().copied().find(&mut accepts),
            Some(principal) if principal.negated => None,
            Some(principal) => {
                let first = principal.entries.first()?;
                let text: &str = &first.value;
                let start = self.naming.partition_point(|named| named.0 < text);
                let named = self
                    .naming
                    .iter()
                    .skip(start)
                    .take_while(|named| named.0 == text)
                    .filter(|named| named.1 == first.kind)
                    .map(|named| named.2)
                    .find(&mut accepts);
                let naming_everyone = self.naming_everyone.iter().copied().find(accepts);
                named.into_iter().chain(naming_everyone).min()
            }
        }
    }
}

/// Whether a principal entry names everyone: `"*"`, or `{"AWS": "*"}`.
fn names_everyone(entry: &PrincipalEntry) -> bool {
    entry.kind == PrincipalKind::Everyone
        || (entry.kind == PrincipalKind::Aws && entry.value == "*")
}

/// Whether `wide` matches every request `narrow` matches.
pub(super) fn covers(wide: &Statement, narrow: &Statement) -> bool {
    let (Some(wide_effect), Some(narrow_effect)) = (&wide.effect, &narrow.effect) else {
        return false;
    };
    let (Some(wide_actions), Some(narrow_actions)) = (&wide.action, &narrow.action) else {
        return false;
    };
    wide_effect.value == narrow_effect.value
        && wide.conditions.is_empty()
        && wide.condition_span.is_none()
        && principals_cover(wide.principal.as_ref(), narrow.principal.as_ref())
        && actions_cover(wide_actions, narrow_actions)
        && resources_cover(wide.resource.as_ref(), narrow.resource.as_ref())
}

/// Both without a principal (identity-based kinds), or every narrow entry named by a wide one.
fn principals_cover(wide: Option<&PrincipalBlock>, narrow: Option<&PrincipalBlock>) -> bool {
    match (wide, narrow) {
        (None, None) => true,
        (Some(wide), Some(narrow)) if !wide.negated && !narrow.negated => {
            let everyone = wide.entries.iter().any(names_everyone);
            !narrow.entries.is_empty()
                && narrow.entries.iter().all(|entry| {
                    everyone
                        || wide
                            .entries
                            .iter()
                            .any(|other| other.kind == entry.kind && other.value == entry.value)
                })
        }
        _ => false,
    }
}

/// Every narrow pattern is covered by some wide pattern.
fn actions_cover(wide: &ActionBlock, narrow: &ActionBlock) -> bool {
    !wide.negated
        && !narrow.negated
        && !narrow.patterns.is_empty()
        && narrow.patterns.iter().all(|pattern| {
            wide.patterns
                .iter()
                .any(|other| action_covers(&other.value, &pattern.value))
        })
}

/// `*`; the same pattern (case-insensitive, ACT); a pattern matching the narrow action name; or, for
/// `ecr`/`ecr-public`, a pattern matching every catalogue action the narrow pattern matches.
fn action_covers(wide: &str, narrow: &str) -> bool {
    if wide == "*" || wide.eq_ignore_ascii_case(narrow) {
        return true;
    }
    if !has_wildcard(narrow) {
        return glob_match_ignore_case(wide, narrow);
    }
    let catalogued = |pattern: &str| {
        pattern
            .split_once(':')
            .is_some_and(|(prefix, _)| is_catalogued(prefix))
    };
    if !catalogued(narrow) {
        return false;
    }
    let mut covered = catalog().covered_by(narrow).peekable();
    covered.peek().is_some()
        && covered.all(|action| glob_match_ignore_case(wide, &action.full_name()))
}

/// Both without `Resource` (a repository policy's own repository), a wide `*`, or every narrow pattern
/// matched by a wide one.
fn resources_cover(wide: Option<&ResourceBlock>, narrow: Option<&ResourceBlock>) -> bool {
    match (wide, narrow) {
        (None, None) => true,
        (Some(wide), _)
            if !wide.negated && wide.patterns.iter().any(|pattern| pattern.value == "*") =>
        {
            narrow.is_none_or(|narrow| !narrow.negated)
        }
        (Some(wide), Some(narrow)) if !wide.negated && !narrow.negated => {
            !narrow.patterns.is_empty()
                && narrow.patterns.iter().all(|pattern| {
                    wide.patterns.iter().any(|other| {
                        other.value == pattern.value
                            || (!has_wildcard(&pattern.value)
                                && match_resource(&other.value, &pattern.value).matched)
                    })
                })
        }
        _ => false,
    }
}
