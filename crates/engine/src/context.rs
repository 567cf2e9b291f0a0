//! The request context: the condition keys a request carries, each with its values, and whether the
//! caller supplied it or the engine derived it from the request (GCK).
//!
//! Key names compare case-insensitively (COND), including the tag-key part of `aws:ResourceTag/K`,
//! `aws:RequestTag/K` and `aws:PrincipalTag/K` (GCK); values keep their case.

use serde::Serialize;

use crate::policy::{SharedList, SharedStr};

/// Where a context value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ContextSource {
    /// Given in the scenario's `request.context`.
    Caller,
    /// Derived by the engine from the principal, the resource or the clock.
    Derived,
}

/// One condition key of the request and its values, shared: every evaluation of a prepared request
/// repeats its context, and each condition's outcome the values of its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ContextEntry {
    /// The key as given or as AWS spells it (`aws:PrincipalArn`).
    pub key: SharedStr,
    /// The values as text. Booleans are `true`/`false`, numbers as written.
    pub values: SharedList<SharedStr>,
    /// Whether the key was given as an array (a multivalued key, MV). An empty array is an empty set.
    /// Left out of the JSON when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multivalued: bool,
    /// Who supplied it.
    pub source: ContextSource,
}

/// The request context: keys and their values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Context {
    entries: Vec<ContextEntry>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Self {
        Self::default()
    }

    /// The entry for `key`, compared case-insensitively (COND, GCK).
    pub fn get(&self, key: &str) -> Option<&ContextEntry> {
        self.entries
            .iter()
            .find(|entry| entry.key.eq_ignore_ascii_case(key))
    }

    /// Adds or replaces the entry with the same key (case-insensitively).
    pub fn insert(&mut self, entry: ContextEntry) {
        match self
            .entries
            .iter_mut()
            .find(|existing| existing.key.eq_ignore_ascii_case(&entry.key))
        {
            Some(existing) => *existing = entry,
            None => self.entries.push(entry),
        }
    }

    /// Adds the entry only when no entry with that key exists: the caller's values take precedence over
    /// derived ones.
    pub fn insert_if_absent(&mut self, entry: ContextEntry) {
        if self.get(&entry.key).is_none() {
            self.entries.push(entry);
        }
    }

    /// Every entry, in insertion order.
    pub fn entries(&self) -> &[ContextEntry] {
        &self.entries
    }
}

impl ContextEntry {
    /// A single-valued entry.
    pub fn single(
        key: impl Into<SharedStr>,
        value: impl Into<SharedStr>,
        source: ContextSource,
    ) -> Self {
        Self {
            key: key.into(),
            values: SharedList::from([value.into()]),
            multivalued: false,
            source,
        }
    }

    /// A multivalued entry.
    pub fn multi(key: impl Into<SharedStr>, values: Vec<SharedStr>, source: ContextSource) -> Self {
        Self {
            key: key.into(),
            values: SharedList::from(values),
            multivalued: true,
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn condition_key_names_are_case_insensitive() {
        // COND: "Condition key names are not case-sensitive".
        let mut context = Context::new();
        context.insert(ContextEntry::single(
            "aws:SourceIp",
            "203.0.113.7",
            ContextSource::Caller,
        ));
        assert!(context.get("AWS:SOURCEIP").is_some());
    }

    #[test]
    fn tag_key_part_is_case_insensitive_and_value_keeps_its_case() {
        // GCK: the tag-key part of aws:ResourceTag/K is case-insensitive, the value case-sensitive.
        let mut context = Context::new();
        context.insert(ContextEntry::single(
            "aws:ResourceTag/Team",
            "Blue",
            ContextSource::Caller,
        ));
        let entry = context.get("aws:resourcetag/team");
        assert_eq!(
            entry.map(|entry| entry.values.clone()),
            Some(SharedList::from(["Blue".into()]))
        );
    }

    #[test]
    fn caller_values_take_precedence_over_derived_ones() {
        let mut context = Context::new();
        context.insert(ContextEntry::single(
            "aws:SecureTransport",
            "false",
            ContextSource::Caller,
        ));
        context.insert_if_absent(ContextEntry::single(
            "aws:SecureTransport",
            "true",
            ContextSource::Derived,
        ));
        let entry = context.get("aws:SecureTransport");
        assert_eq!(entry.map(|entry| entry.source), Some(ContextSource::Caller));
    }
}
