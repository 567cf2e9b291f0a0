//! Statements that another statement already covers (STMT). Deliberately conservative: a statement is
//! reported only when another one of the same effect, without conditions, surely matches every request
//! it matches: the same or a wider principal, action and resource set. Negated elements are never
//! compared.
//!
//! Before two statements' elements are compared, a summary of their Principals in one word
//! ([`PrincipalSummary`]) rules out most pairs with a bit test: in a repository policy of a hundred
//! statements, one per account, some hundred pairs are compared instead of ten thousand, on every edit.

use super::grants::is_catalogued;
use super::{Input, docs};
use crate::catalog::catalog;
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::matching::{glob_match_ignore_case, match_resource};
use crate::policy::{
    ActionBlock, Effect, PrincipalBlock, PrincipalEntry, PrincipalKind, ResourceBlock, Statement,
    has_wildcard,
};

/// Reports each statement covered by another; of two identical statements, the later one.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    let statements = &input.policy.statements;
    let principals: Vec<PrincipalSummary> = statements.iter().map(PrincipalSummary::of).collect();
    for (narrow, narrow_principal) in statements.iter().zip(&principals) {
        let wider = statements
            .iter()
            .zip(&principals)
            .find(|(wide, wide_principal)| {
                wide_principal.may_cover(narrow_principal)
                    && wide.index != narrow.index
                    && covers(wide, narrow)
                    && (wide.index < narrow.index || !covers(narrow, wide))
            })
            .map(|(wide, _)| wide);
        if let Some(wide) = wider {
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

/// What a statement's Principal names, in a few bits, to rule out most pairs of statements before
/// comparing their elements: a statement that [`principals_cover`] another one names each of the
/// other's entries, so its entry bits include the other's, unless it names everyone.
#[derive(Debug, Clone, Copy)]
enum PrincipalSummary {
    /// No Principal element (identity-based kinds).
    Absent,
    /// `NotPrincipal`, or a Principal naming nothing: never compared.
    Uncomparable,
    /// A Principal naming some entries.
    Named {
        /// Whether one of them names everyone.
        everyone: bool,
        /// One bit per entry, chosen by its kind and text ([`entry_bit`]).
        bits: u64,
    },
}

impl PrincipalSummary {
    /// The summary of `statement`'s Principal.
    fn of(statement: &Statement) -> Self {
        match &statement.principal {
            None => PrincipalSummary::Absent,
            Some(principal) if principal.negated || principal.entries.is_empty() => {
                PrincipalSummary::Uncomparable
            }
            Some(principal) => PrincipalSummary::Named {
                everyone: principal.entries.iter().any(names_everyone),
                bits: principal
                    .entries
                    .iter()
                    .map(entry_bit)
                    .fold(0, |bits, bit| bits | bit),
            },
        }
    }

    /// Whether a statement with this summary could cover one with `narrow`'s: false only when
    /// [`principals_cover`] surely is.
    fn may_cover(self, narrow: &Self) -> bool {
        match (self, *narrow) {
            (PrincipalSummary::Absent, PrincipalSummary::Absent) => true,
            (
                PrincipalSummary::Named { everyone, bits },
                PrincipalSummary::Named {
                    bits: narrow_bits, ..
                },
            ) => everyone || narrow_bits & !bits == 0,
            _ => false,
        }
    }
}

/// The one bit of a 64-bit word that stands for a principal entry: its kind and text hashed (FNV-1a),
/// so that equal entries have equal bits.
fn entry_bit(entry: &PrincipalEntry) -> u64 {
    let kind = [entry.kind as u8];
    let hash = kind
        .iter()
        .chain(entry.value.as_bytes())
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
        });
    1 << (hash % 64)
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
