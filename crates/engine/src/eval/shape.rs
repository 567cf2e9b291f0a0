//! [`StatementShape`]: what preparing a statement needs of it that depends only on its text and its
//! policy's version, made once with the policy's parse (and remembered with it by the
//! [`PolicyCache`](super::PolicyCache)) instead of for every request prepared on it: its label and
//! `Sid` as shared text, its `Principal` element's entries and its `Action` element's patterns, each
//! read once, and which of its parts read a key in [`PER_REQUEST_KEYS`].

use crate::condition::{referenced_keys, variables_in};
use crate::matching::{ActionPattern, PrincipalName};
use crate::policy::{
    Condition, ParsedPolicy, ResourceBlock, Shared, SharedList, SharedStr, Statement, Version,
};
use crate::span::Span;

use super::derive::PER_REQUEST_KEYS;

/// One statement's request-independent parts.
#[derive(Debug, Clone)]
pub struct StatementShape {
    /// ``statement `Sid` `` or `statement 2`.
    pub label: SharedStr,
    /// The `Sid`, when present.
    pub sid: Option<SharedStr>,
    /// The entries of the `Principal`/`NotPrincipal` element, read, in source order; empty without one.
    pub principal: Vec<PrincipalName>,
    /// The `Action`/`NotAction` element.
    pub action: Option<Shared<ActionPatterns>>,
    /// Whether the `Resource`/`NotResource` element reads a per-request key.
    pub resource_per_request: bool,
    /// For each condition, in source order, whether it reads a per-request key; empty when none does.
    pub conditions_per_request: Vec<bool>,
}

/// An `Action`/`NotAction` element, its patterns shared so that every report can hold them.
#[derive(Debug, Clone)]
pub struct ActionPatterns {
    /// `true` for `NotAction`.
    pub negated: bool,
    /// The element name.
    pub key_span: Span,
    /// Each pattern with its span, in source order.
    pub patterns: Vec<(Span, ActionPattern)>,
}

/// The shapes of the statements of `parsed`, in source order; `None` when it did not parse.
pub fn statement_shapes(parsed: &ParsedPolicy) -> Option<SharedList<StatementShape>> {
    let policy = parsed.policy.as_ref()?;
    let shapes: Vec<StatementShape> = policy
        .statements
        .iter()
        .map(|statement| StatementShape::new(statement, policy.version))
        .collect();
    Some(SharedList::from(shapes))
}

impl StatementShape {
    /// The shape of `statement` in a policy of `version`.
    fn new(statement: &Statement, version: Version) -> Self {
        let conditions_per_request: Vec<bool> = statement
            .conditions
            .iter()
            .map(|condition| condition_reads_per_request_key(condition, version))
            .collect();
        Self {
            label: SharedStr::from(statement.label()),
            sid: statement
                .sid
                .as_ref()
                .map(|sid| SharedStr::from(&sid.value)),
            principal: statement
                .principal
                .iter()
                .flat_map(|block| &block.entries)
                .map(|entry| PrincipalName::read(entry.kind, &entry.value))
                .collect(),
            action: statement.action.as_ref().map(|block| {
                Shared::new(ActionPatterns {
                    negated: block.negated,
                    key_span: block.key_span,
                    patterns: block
                        .patterns
                        .iter()
                        .map(|pattern| (pattern.span, ActionPattern::new(&pattern.value)))
                        .collect(),
                })
            }),
            resource_per_request: statement
                .resource
                .as_ref()
                .is_some_and(|block| resource_reads_per_request_key(block, version)),
            conditions_per_request: if conditions_per_request.contains(&true) {
                conditions_per_request
            } else {
                Vec::new()
            },
        }
    }
}

fn is_per_request_key(key: &str) -> bool {
    PER_REQUEST_KEYS
        .iter()
        .any(|per_request| per_request.eq_ignore_ascii_case(key))
}

/// A condition reads its key and, where they are substituted, its variables' keys.
fn condition_reads_per_request_key(condition: &Condition, version: Version) -> bool {
    referenced_keys(condition, version)
        .iter()
        .any(|key| is_per_request_key(key))
}

/// A resource pattern reads the keys of its variables, which are substituted only under 2012-10-17.
fn resource_reads_per_request_key(block: &ResourceBlock, version: Version) -> bool {
    version.supports_variables()
        && block.patterns.iter().any(|pattern| {
            variables_in(&pattern.value)
                .iter()
                .any(|key| is_per_request_key(key))
        })
}
