//! Policies written as JSON objects inside a scenario document keep their own text and where it is, so the
//! one policy parser reads them exactly as written: a repeated key is still a `duplicate-key` error, and
//! every finding has a position in the scenario file. Serialized again (a share link made from a scenario
//! the CLI could not edit in place, a test), such a policy is written as its value, an object again; one
//! whose text repeats a key, which an object cannot hold, is written as its text in a string, which the
//! reader takes as the policy's text, so the repeated key travels and the scenario decides the same.

use serde::{Deserialize, Serialize};

use super::{IdentityPolicy, PolicySource, Scenario};
use crate::json::{JsonKind, JsonValue};
use crate::span::Span;

/// A policy given as JSON (not as a string). Two are equal when their values are and neither text repeats a
/// key (or both texts do and are the same): how a text is laid out and where it sits do not count, so a
/// scenario read back from its own serialization equals the original.
#[derive(Debug, Clone)]
pub struct PolicyValue {
    /// The value, for code that builds or inspects scenarios. It is JSON after reading, so an object that
    /// repeats a key keeps only its last value there; the policy itself is read from `written`.
    pub value: serde_json::Value,
    /// For a policy read from a scenario document: its text there and where; `None` for one built in code.
    pub written: Option<WrittenPolicy>,
}

/// A policy's text exactly as written inside a scenario document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenPolicy {
    /// The text, from its `{` to its `}`.
    pub text: String,
    /// Where the text is in the document.
    pub span: Span,
    /// Whether some object in the text has a key twice, which the value cannot show.
    pub repeats_a_key: bool,
}

impl PartialEq for PolicyValue {
    fn eq(&self, other: &Self) -> bool {
        let repeated = |value: &PolicyValue| {
            value
                .written
                .as_ref()
                .filter(|written| written.repeats_a_key)
                .map(|written| written.text.clone())
        };
        self.value == other.value && repeated(self) == repeated(other)
    }
}

impl Serialize for PolicyValue {
    /// The value; for a written text that repeats a key, that text as a string (see the module comment).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.written {
            Some(written) if written.repeats_a_key => serializer.serialize_str(&written.text),
            _ => self.value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for PolicyValue {
    /// The value only: the scenario reader records the written text afterwards ([`record`]).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(PolicyValue {
            value: serde_json::Value::deserialize(deserializer)?,
            written: None,
        })
    }
}

/// Records, for every policy of `scenario` given as JSON, its text in `document` and its span, from the
/// scenario's `value` in the document.
pub(super) fn record(scenario: &mut Scenario, document: &str, value: &JsonValue) {
    let JsonKind::Object(members) = &value.kind else {
        return;
    };
    let written = |value: &JsonValue| {
        document.get(value.span.range()).map(|text| WrittenPolicy {
            text: text.to_owned(),
            span: value.span,
            repeats_a_key: repeats_a_key(value),
        })
    };
    for member in members {
        let value = &member.value;
        match member.key.as_ref() {
            "repositoryPolicy" => set(scenario.repository_policy.as_mut(), written(value)),
            "registryPolicy" => set(scenario.registry_policy.as_mut(), written(value)),
            "permissionsBoundary" => set(scenario.permissions_boundary.as_mut(), written(value)),
            "sessionPolicy" => set(scenario.session_policy.as_mut(), written(value)),
            "identityPolicies" => {
                for (policy, item) in scenario.identity_policies.iter_mut().zip(items(value)) {
                    let item = match policy {
                        IdentityPolicy::Named(_) => member_value(item, "policy"),
                        IdentityPolicy::Unnamed(_) => Some(item),
                    };
                    set(Some(identity_source(policy)), item.and_then(written));
                }
            }
            "scps" | "rcps" => {
                let levels = if member.key == "scps" {
                    &mut scenario.scps
                } else {
                    &mut scenario.rcps
                };
                for (level, level_value) in levels.iter_mut().zip(items(value)) {
                    for (source, item) in level.iter_mut().zip(items(level_value)) {
                        set(Some(source), written(item));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Drops the written text of every policy of `scenario`: its policies given as JSON become values built
/// in code.
pub(super) fn forget(scenario: &mut Scenario) {
    let Scenario {
        repository_policy,
        registry_policy,
        identity_policies,
        permissions_boundary,
        session_policy,
        scps,
        rcps,
        ..
    } = scenario;
    let singles = [
        repository_policy,
        registry_policy,
        permissions_boundary,
        session_policy,
    ];
    let sources = singles
        .into_iter()
        .filter_map(Option::as_mut)
        .chain(identity_policies.iter_mut().map(identity_source))
        .chain(scps.iter_mut().chain(rcps.iter_mut()).flatten());
    for source in sources {
        if let PolicySource::Value(value) = source {
            value.written = None;
        }
    }
}

fn identity_source(policy: &mut IdentityPolicy) -> &mut PolicySource {
    match policy {
        IdentityPolicy::Named(named) => &mut named.policy,
        IdentityPolicy::Unnamed(source) => source,
    }
}

/// Sets the written text of `source` when it is a policy given as JSON.
fn set(source: Option<&mut PolicySource>, written: Option<WrittenPolicy>) {
    if let Some(PolicySource::Value(value)) = source {
        value.written = written;
    }
}

/// Whether some object in `value` has a key twice.
fn repeats_a_key(value: &JsonValue) -> bool {
    match &value.kind {
        JsonKind::Object(members) => members.iter().enumerate().any(|(index, member)| {
            members
                .iter()
                .take(index)
                .any(|earlier| earlier.key == member.key)
                || repeats_a_key(&member.value)
        }),
        JsonKind::Array(items) => items.iter().any(repeats_a_key),
        _ => false,
    }
}

/// The items of an array; nothing for any other value.
fn items<'a>(value: &'a JsonValue<'a>) -> &'a [JsonValue<'a>] {
    match &value.kind {
        JsonKind::Array(items) => items,
        _ => &[],
    }
}

/// The value of the member `key` of an object.
fn member_value<'a>(value: &'a JsonValue<'a>, key: &str) -> Option<&'a JsonValue<'a>> {
    match &value.kind {
        JsonKind::Object(members) => members
            .iter()
            .find(|member| member.key == key)
            .map(|member| &member.value),
        _ => None,
    }
}
