//! The scenario document: the policies, the request and, for tests, the expected decision.
//! One format for tests, the CLI, the page's state and share links.
//!
//! Reading is strict: an unknown field or a wrong type is an error naming the path to it, such as
//! `request.context["aws:SourceIp"]: expected a string, a number, a boolean or an array of them`.

mod slot;
mod stamp;

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
pub use slot::Slot;
pub use stamp::stamp_engine_version;

use crate::decision::Decision;
use crate::json::{self, JsonCode, JsonKind, JsonValue, PathStep, ReadError};
use crate::operation::Operation;
use crate::registry::RegistryPolicyScope;
use crate::span::Span;

mod written;

pub use written::{PolicyValue, WrittenPolicy};

/// A complete scenario.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    /// A name that says what the scenario shows.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// A longer explanation, shown in the examples gallery.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The ECR repository policy; absent when the repository has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository_policy: Option<PolicySource>,
    /// The private registry policy of the repository's registry (iam-semantics.md section 7); absent when
    /// the registry has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry_policy: Option<PolicySource>,
    /// The registry policy scope, `V1` or `V2`; absent means `V2`, the default (REGSET, section 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry_policy_scope: Option<RegistryPolicyScope>,
    /// The caller's identity policies (user, group or role policies).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identity_policies: Vec<IdentityPolicy>,
    /// The caller's permissions boundary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<PolicySource>,
    /// The session policy, for role sessions and federated users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_policy: Option<PolicySource>,
    /// Service control policies of the principal's account: one list per level, root first, account last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scps: Vec<Vec<PolicySource>>,
    /// Resource control policies of the repository's account: one list per level, root first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rcps: Vec<Vec<PolicySource>>,
    /// The request to decide; absent in a suite, which has `requests` instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Request>,
    /// A suite: several requests, each with its own `name` and `expect`, decided against the one set of
    /// policies. Empty unless the document has no `request`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<Request>,
    /// The decision a test expects of the one `request`; only test runs read it. A suite's requests carry
    /// their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Decision>,
    /// The engine version that wrote the scenario (share links carry it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engine_version: Option<String>,
    /// What the page was showing (selected tab, open panels); opaque to the engine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "JsonValue"))]
    pub view: Option<serde_json::Value>,
}

impl Scenario {
    /// The registry policy scope: as given, or `V2` when absent (REGSET: V2 is the default).
    pub fn registry_scope(&self) -> RegistryPolicyScope {
        self.registry_policy_scope.unwrap_or_default()
    }

    /// The requests to decide: the one `request`, or a suite's `requests`.
    pub fn all_requests(&self) -> &[Request] {
        match &self.request {
            Some(request) => std::slice::from_ref(request),
            None => &self.requests,
        }
    }

    /// The first request (the only one unless the scenario is a suite), or an empty request, which
    /// evaluates as invalid, when a scenario built in code has none.
    pub fn first_request(&self) -> &Request {
        self.all_requests().first().unwrap_or(&NO_REQUEST)
    }

    /// The decision a test expects of `request`: its own `expect` in a suite, the scenario's otherwise.
    pub fn expected(&self, request: &Request) -> Option<Decision> {
        request.expect.or(self.expect)
    }

    /// Whether the scenario is a suite (it has `requests`, not `request`).
    pub fn is_suite(&self) -> bool {
        self.request.is_none()
    }
}

/// The request of a scenario that has none: no principal, so it evaluates as invalid.
static NO_REQUEST: Request = Request {
    name: String::new(),
    principal: String::new(),
    action: String::new(),
    operation: None,
    resource: String::new(),
    federated_by: None,
    context: BTreeMap::new(),
    expect: None,
};

/// A policy given either as a JSON value or as the text exactly as typed (which may be broken JSON).
/// Read by hand ([`PolicySource::from`] of the value read): a derived untagged reader would buffer the
/// value in serde's `Content`, whose code the page's WebAssembly module would carry for this alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum PolicySource {
    /// The text as typed.
    Text(String),
    /// A JSON value: its text is the text written in the scenario document, or, for a value built in
    /// code, the value pretty-printed.
    Value(#[cfg_attr(feature = "wasm", tsify(type = "JsonValue"))] PolicyValue),
}

/// The TypeScript type of the `serde_json::Value` fields: any JSON value.
#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const JSON_VALUE: &str = r#"/** Any JSON value (`serde_json::Value`). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };"#;

impl PolicySource {
    /// The text the parser reads: the typed text; for a value, the text written in the scenario document
    /// (so that the policy is checked exactly as written, duplicate keys included), or for a value built in
    /// code the value pretty-printed with two-space indents. Text the source holds is lent, not copied.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            PolicySource::Text(text) => Cow::Borrowed(text),
            PolicySource::Value(PolicyValue::Written(written)) => Cow::Borrowed(&written.text),
            // Writing a JSON value cannot fail: its keys are strings and its numbers finite.
            PolicySource::Value(PolicyValue::Built(value)) => {
                Cow::Owned(serde_json::to_string_pretty(value).unwrap_or_default())
            }
        }
    }

    /// Where the policy's text is in the scenario document, for a value read from one: spans of the
    /// policy's text become spans of the document with [`Span::within`].
    pub fn written_at(&self) -> Option<Span> {
        match self {
            PolicySource::Value(value) => value.written().map(|written| written.span),
            PolicySource::Text(_) => None,
        }
    }
}

/// An identity policy, named or not. An object with a `name` or `policy` field is read as named (strictly),
/// anything else as a bare policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum IdentityPolicy {
    /// `{"name": ..., "policy": ...}`.
    Named(NamedPolicy),
    /// A bare policy.
    Unnamed(PolicySource),
}

/// A named identity policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(deny_unknown_fields)]
pub struct NamedPolicy {
    /// The name shown on its tab.
    pub name: String,
    /// The policy.
    pub policy: PolicySource,
}

impl<'de> Deserialize<'de> for IdentityPolicy {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Object(object)
                if object.contains_key("name") || object.contains_key("policy") =>
            {
                named_policy(object)
                    .map(IdentityPolicy::Named)
                    .map_err(serde::de::Error::custom)
            }
            other => Ok(IdentityPolicy::Unnamed(PolicySource::from(other))),
        }
    }
}

/// A named identity policy read strictly from its object: `name`, a string, and `policy`, nothing else.
fn named_policy(object: serde_json::Map<String, serde_json::Value>) -> Result<NamedPolicy, String> {
    let (mut name, mut policy) = (None, None);
    for (key, value) in object {
        match (key.as_str(), value) {
            ("name", serde_json::Value::String(text)) => name = Some(text),
            ("name", other) => {
                let other = serde_json::to_string(&other).unwrap_or_default();
                return Err(format!("`name`: expected a string, got {other}"));
            }
            ("policy", value) => policy = Some(PolicySource::from(value)),
            (unknown, _) => {
                return Err(format!(
                    "unknown field `{unknown}`, expected `name` or `policy`"
                ));
            }
        }
    }
    Ok(NamedPolicy {
        name: name.ok_or("missing field `name`")?,
        policy: policy.ok_or("missing field `policy`")?,
    })
}

impl<'de> Deserialize<'de> for PolicySource {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(PolicySource::from)
    }
}

impl From<serde_json::Value> for PolicySource {
    /// A string is the text as typed; any other value is a policy given as JSON, built in code.
    fn from(value: serde_json::Value) -> Self {
        match value {
            serde_json::Value::String(text) => PolicySource::Text(text),
            other => PolicySource::Value(PolicyValue::Built(other)),
        }
    }
}

impl IdentityPolicy {
    /// The policy itself.
    pub fn source(&self) -> &PolicySource {
        match self {
            IdentityPolicy::Named(named) => &named.policy,
            IdentityPolicy::Unnamed(source) => source,
        }
    }

    /// The policy itself, to change.
    pub fn source_mut(&mut self) -> &mut PolicySource {
        match self {
            IdentityPolicy::Named(named) => &mut named.policy,
            IdentityPolicy::Unnamed(source) => source,
        }
    }

    /// The name, or `identity policy N` (counted from 1) for an unnamed one.
    pub fn name(&self, index: usize) -> String {
        match self {
            IdentityPolicy::Named(named) => named.name.clone(),
            IdentityPolicy::Unnamed(_) => format!("identity policy {}", index + 1),
        }
    }
}

/// The request: who asks to do what to which repository, with which context.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Request {
    /// In a suite's `requests`: what the request checks, such as `CI can pull`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The caller: an IAM user, role, assumed-role session, federated user or root ARN, a bare account id,
    /// a service principal such as `codebuild.amazonaws.com`, or `anonymous`.
    pub principal: String,
    /// The action, such as `ecr:BatchGetImage`; empty when the request names an `operation` instead.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// An operation (`pull`, `push`, ...) to decide instead of one action: every action it needs, each on
    /// its resource (iam-semantics.md section 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<Operation>,
    /// The repository ARN, or `*` for registry-level actions.
    pub resource: String,
    /// For a federated-user principal: the ARN of the IAM user who called GetFederationToken. A repository
    /// policy naming that user then names the federated session too (iam-semantics.md section 1 table).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub federated_by: Option<String>,
    /// Condition keys the caller supplies. Derived keys are added unless given here.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub context: BTreeMap<String, ContextInput>,
    /// In a suite's `requests`: the decision a test expects; only test runs read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Decision>,
}

/// A context value as written in a scenario: a scalar, or an array for a multivalued key. Read by hand
/// from the value read, as [`PolicySource`] is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum ContextInput {
    /// One value.
    Single(Scalar),
    /// Several values (a multivalued key); an empty array is an empty set.
    Multi(Vec<Scalar>),
}

/// A scalar context value. Read by hand from the value read, as [`PolicySource`] is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(untagged)]
pub enum Scalar {
    /// A string.
    String(String),
    /// A number.
    Number(#[cfg_attr(feature = "wasm", tsify(type = "number"))] serde_json::Number),
    /// A boolean.
    Bool(bool),
}

impl<'de> Deserialize<'de> for ContextInput {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Array(items) => items
                .into_iter()
                .map(Scalar::from_value)
                .collect::<Option<_>>()
                .map(ContextInput::Multi),
            other => Scalar::from_value(other).map(ContextInput::Single),
        }
        .ok_or_else(|| {
            serde::de::Error::custom("expected a string, a number, a boolean or an array of them")
        })
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Scalar::from_value(serde_json::Value::deserialize(deserializer)?)
            .ok_or_else(|| serde::de::Error::custom("expected a string, a number or a boolean"))
    }
}

impl Scalar {
    /// A string, number or boolean value as a scalar; `None` for any other value.
    fn from_value(value: serde_json::Value) -> Option<Self> {
        match value {
            serde_json::Value::String(text) => Some(Scalar::String(text)),
            serde_json::Value::Number(number) => Some(Scalar::Number(number)),
            serde_json::Value::Bool(flag) => Some(Scalar::Bool(flag)),
            _ => None,
        }
    }

    /// The value as the text a condition compares.
    pub fn text(&self) -> String {
        match self {
            Scalar::String(text) => text.clone(),
            Scalar::Number(number) => number.to_string(),
            Scalar::Bool(flag) => flag.to_string(),
        }
    }
}

/// Why a scenario document could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioError {
    /// Where in the document, such as `request.context["aws:SourceIp"]`; empty for the document itself.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// 1-based line in the document's text, when the text was read.
    pub line: Option<usize>,
    /// 1-based column in the document's text, when the text was read.
    pub column: Option<usize>,
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(formatter, "{line}:{column}: ")?;
        }
        if self.path.is_empty() {
            write!(formatter, "{}", self.message)
        } else {
            write!(formatter, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ScenarioError {}

/// Reads one scenario from a JSON value. Errors name the path; there is no text to give a position in.
/// Its policies given as JSON are values built in code: their text is pretty-printed.
pub fn scenario_from_value(value: serde_json::Value) -> Result<Scenario, ScenarioError> {
    let mut scenario = scenario_from_text(&value.to_string()).map_err(|error| ScenarioError {
        line: None,
        column: None,
        ..error
    })?;
    written::forget(&mut scenario);
    Ok(scenario)
}

/// Reads the text of one scenario document (not a list of them). Errors name the path and the line and
/// column in `text`.
pub fn scenario_from_text(text: &str) -> Result<Scenario, ScenarioError> {
    let mut root = parse(text)?;
    read(text, &mut root, Vec::new())
}

/// Reads the text of a JSON document as `T`, as strictly as a scenario (the adapters read their option
/// objects this way). Errors name the path and the line and column in `text`.
pub fn read_document<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, ScenarioError> {
    let root = parse(text)?;
    json::from_value(&root).map_err(|error| located(Vec::new(), error))
}

/// Reads a file's text: one scenario, a JSON array of them, or `{"scenarios": [...]}`.
/// Errors name the path and the line and column in `text`.
pub fn scenarios_from_text(text: &str) -> Result<Vec<Scenario>, ScenarioError> {
    let mut root = parse(text)?;
    let root_span = root.span;
    let (items, prefix) = match &mut root.kind {
        JsonKind::Array(items) => (items, Vec::new()),
        JsonKind::Object(members) if members.iter().any(|member| member.key == "scenarios") => {
            let steps = vec![PathStep::Key("scenarios".to_owned())];
            let only_a_list = match members.as_mut_slice() {
                [only] => match &mut only.value.kind {
                    JsonKind::Array(items) => Some(items),
                    _ => None,
                },
                _ => None,
            };
            match only_a_list {
                Some(items) => (items, steps),
                None => {
                    return Err(ScenarioError {
                        path: json::display_path(&steps),
                        message: "expected `{\"scenarios\": [ ... ]}` with nothing else beside it"
                            .to_owned(),
                        line: Some(root_span.line as usize),
                        column: Some(root_span.column as usize),
                    });
                }
            }
        }
        _ => {
            return read(text, &mut root, Vec::new()).map(|scenario| vec![scenario]);
        }
    };
    items
        .iter_mut()
        .enumerate()
        .map(|(index, item)| {
            let mut path = prefix.clone();
            path.push(PathStep::Index(index));
            read(text, item, path)
        })
        .collect()
}

/// Reads the scenario document `value` of the document `text`, found at `path`: its fields (each policy
/// given as JSON kept with its text and position in the document), then what they cannot say about its
/// requests.
fn read(text: &str, value: &mut JsonValue, path: Vec<PathStep>) -> Result<Scenario, ScenarioError> {
    let policies = written::take(text, value);
    let mut scenario: Scenario =
        json::from_value(value).map_err(|error| located(path.clone(), error))?;
    written::put(&mut scenario, policies);
    requests::check(value, &path)?;
    Ok(scenario)
}

/// Parses a scenario document's text; a syntax error is a scenario error at its position, worded for
/// a document (the parser's own words for comments and trailing commas are about policies and AWS).
fn parse(text: &str) -> Result<JsonValue<'_>, ScenarioError> {
    json::parse(text).map_err(|error| {
        let (line, column) = (error.span.line, error.span.column);
        let message = match error.code {
            JsonCode::Empty => {
                "invalid JSON: the text is empty: a scenario document is a JSON object such as `{\"request\": {...}}`".to_owned()
            }
            JsonCode::Comment => "invalid JSON: comments are not allowed; remove the comment".to_owned(),
            JsonCode::TrailingComma => {
                "invalid JSON: trailing comma after the last item of an object or array; remove it"
                    .to_owned()
            }
            JsonCode::Syntax => {
                let position = format!(" at line {line}, column {column}");
                let message = &error.message;
                message.strip_suffix(&position).unwrap_or(message).to_owned()
            }
        };
        ScenarioError {
            path: String::new(),
            message,
            line: Some(line as usize),
            column: Some(column as usize),
        }
    })
}

/// A read error as a scenario error, its path after `prefix`.
fn located(mut prefix: Vec<PathStep>, error: ReadError) -> ScenarioError {
    prefix.extend(error.path);
    ScenarioError {
        path: json::display_path(&prefix),
        message: error.message,
        line: error.span.map(|span| span.line as usize),
        column: error.span.map(|span| span.column as usize),
    }
}

mod requests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod written_tests;
