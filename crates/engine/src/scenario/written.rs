//! Policies written as JSON objects inside a scenario document keep their own text and where it is, so the
//! one policy parser reads them exactly as written: a repeated key is still a `duplicate-key` error, and
//! every finding has a position in the scenario document. Serialized again (a share link made from a
//! scenario the CLI could not edit in place, a test), such a policy is written as its value, an object
//! again; one whose text no JSON value can hold (an object repeats a key; a number is beyond a float's
//! range, which the parser keeps as written) is written as its text in a string, which the reader takes as
//! the policy's text, so the text travels whole and the scenario decides the same.
//!
//! The reader takes such a policy out of the document's tree before the scenario's fields are read
//! ([`take`]) and puts its text in its place afterwards ([`put`]): the fields' reader would otherwise build
//! a `serde_json::Value` of every policy, which nothing but tests and share links look at, only to drop it.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{IdentityPolicy, PolicySource, Scenario, Slot};
use crate::json::{self, JsonKind, JsonValue};
use crate::span::Span;

/// A policy given as JSON (not as a string): a value built in code, or the text of one read from a
/// scenario document. Two are equal when they are written back the same ([`WrittenBack`]): how a text is
/// laid out and where it sits do not count, so a scenario read back from its own serialization equals the
/// original.
#[derive(Debug, Clone)]
pub enum PolicyValue {
    /// A value built in code; the parser reads it pretty-printed.
    Built(serde_json::Value),
    /// A policy read from a scenario document, kept as its text there, which the parser reads.
    Written(WrittenPolicy),
}

/// A policy's text exactly as written inside a scenario document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenPolicy {
    /// The text, from its `{` to its `}`.
    pub text: String,
    /// Where the text is in the document.
    pub span: Span,
    /// Whether some object in the text has a key twice, which a JSON value cannot show.
    pub repeats_a_key: bool,
}

impl PolicyValue {
    /// The policy as a JSON value, for code that builds or inspects scenarios. A written policy is read
    /// from its text when asked, so an object that repeats a key keeps only its last value here, and a
    /// text with a number beyond a float's range, which no JSON value can hold, is `null`.
    pub fn value(&self) -> Cow<'_, serde_json::Value> {
        match self {
            PolicyValue::Built(value) => Cow::Borrowed(value),
            PolicyValue::Written(written) => Cow::Owned(written.value().unwrap_or_default()),
        }
    }

    /// The text and its place in the scenario document, for a policy read from one.
    pub fn written(&self) -> Option<&WrittenPolicy> {
        match self {
            PolicyValue::Built(_) => None,
            PolicyValue::Written(written) => Some(written),
        }
    }

    /// What the policy is written back as (see the module comment).
    fn written_back(&self) -> WrittenBack<'_> {
        match self {
            PolicyValue::Built(value) => WrittenBack::Value(Cow::Borrowed(value)),
            PolicyValue::Written(written) => match written.value() {
                Some(value) if !written.repeats_a_key => WrittenBack::Value(Cow::Owned(value)),
                _ => WrittenBack::Text(&written.text),
            },
        }
    }
}

impl WrittenPolicy {
    /// The text read as a JSON value (the text was read as JSON with the document around it, so it reads
    /// again); `None` when it has a number beyond a float's range, which a JSON value cannot hold.
    fn value(&self) -> Option<serde_json::Value> {
        let tree = json::parse(&self.text).ok()?;
        serde_json::Value::deserialize(&tree).ok()
    }
}

/// A policy as it is written back: its JSON value, or the text of a written policy that no JSON value
/// can hold.
#[derive(PartialEq)]
enum WrittenBack<'a> {
    Value(Cow<'a, serde_json::Value>),
    Text(&'a str),
}

impl PartialEq for PolicyValue {
    fn eq(&self, other: &Self) -> bool {
        self.written_back() == other.written_back()
    }
}

impl Serialize for PolicyValue {
    /// The value; for a written text that no JSON value can hold, that text as a string.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.written_back() {
            WrittenBack::Value(value) => value.serialize(serializer),
            WrittenBack::Text(text) => serializer.serialize_str(text),
        }
    }
}

/// Takes every policy given as JSON out of the scenario document `value` (the text `document`), leaving an
/// empty object in its place, and returns the policies' texts with their slots. A `null` where a scenario
/// has at most one policy is left alone: it means no policy.
pub(super) fn take(document: &str, value: &mut JsonValue) -> Vec<(Slot, WrittenPolicy)> {
    let mut taken = Vec::new();
    let JsonKind::Object(members) = &mut value.kind else {
        return taken;
    };
    let mut take_at = |slot: Slot, value: &mut JsonValue, null_is_none: bool| {
        let policy_given = match value.kind {
            JsonKind::String(_) => false,
            JsonKind::Null => !null_is_none,
            _ => true,
        };
        if let (true, Some(text)) = (policy_given, document.get(value.span.range())) {
            let written = WrittenPolicy {
                text: text.to_owned(),
                span: value.span,
                repeats_a_key: repeats_a_key(value),
            };
            value.kind = JsonKind::Object(Vec::new());
            taken.push((slot, written));
        }
    };
    for member in members {
        let value = &mut member.value;
        match member.key.as_ref() {
            "repositoryPolicy" => take_at(Slot::Repository, value, true),
            "registryPolicy" => take_at(Slot::Registry, value, true),
            "permissionsBoundary" => take_at(Slot::Boundary, value, true),
            "sessionPolicy" => take_at(Slot::Session, value, true),
            "identityPolicies" => {
                for (index, item) in items(value).iter_mut().enumerate() {
                    if let Some(policy) = identity_policy(item) {
                        take_at(Slot::Identity(index), policy, false);
                    }
                }
            }
            key @ ("scps" | "rcps") => {
                for (level, level_value) in items(value).iter_mut().enumerate() {
                    for (index, item) in items(level_value).iter_mut().enumerate() {
                        let slot = if key == "scps" {
                            Slot::Scp(level, index)
                        } else {
                            Slot::Rcp(level, index)
                        };
                        take_at(slot, item, false);
                    }
                }
            }
            _ => {}
        }
    }
    taken
}

/// Puts the policies [`take`] took out of a scenario's document into the scenario read from it.
pub(super) fn put(scenario: &mut Scenario, taken: Vec<(Slot, WrittenPolicy)>) {
    for (slot, written) in taken {
        if let Some(PolicySource::Value(value)) = scenario.policy_mut(slot) {
            *value = PolicyValue::Written(written);
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
        .chain(identity_policies.iter_mut().map(IdentityPolicy::source_mut))
        .chain(scps.iter_mut().chain(rcps.iter_mut()).flatten());
    for source in sources {
        if let PolicySource::Value(value) = source
            && let PolicyValue::Written(_) = value
        {
            *value = PolicyValue::Built(value.value().into_owned());
        }
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
fn items<'v, 'a>(value: &'v mut JsonValue<'a>) -> &'v mut [JsonValue<'a>] {
    match &mut value.kind {
        JsonKind::Array(items) => items,
        _ => &mut [],
    }
}

/// The value that is the policy of an identity policy's item: the item itself for a bare policy, its
/// first `policy` member for one written with its name (an object with a `name` or `policy` member, as
/// [`IdentityPolicy`] reads it), `None` when that has no `policy`.
fn identity_policy<'v, 'a>(item: &'v mut JsonValue<'a>) -> Option<&'v mut JsonValue<'a>> {
    if item.member("name").is_none() && item.member("policy").is_none() {
        return Some(item);
    }
    match &mut item.kind {
        JsonKind::Object(members) => members
            .iter_mut()
            .find(|member| member.key == "policy")
            .map(|member| &mut member.value),
        _ => None,
    }
}
