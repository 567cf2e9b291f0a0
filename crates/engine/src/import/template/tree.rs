//! The one tree that templates are read into, whether the text was JSON or YAML: values with the line
//! and column where each starts in the file as given. YAML's short-form tags (`!Ref X`) are already
//! turned into the long form (`{"Ref": "X"}`) here, so the CloudFormation reader sees one shape.

use crate::json::{JsonKind, JsonValue};

/// Where a value starts in the file: 1-based line and column (counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct At {
    pub line: usize,
    pub column: usize,
}

/// A value of the template with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node {
    pub kind: NodeKind,
    pub at: At,
}

/// The kinds of value: JSON's.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum NodeKind {
    Null,
    Bool(bool),
    /// A number as written.
    Number(String),
    String(String),
    List(Vec<Node>),
    /// Keys in the file's order.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// The member `key` of a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.members()
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value)
    }

    /// A map's members; nothing for any other value.
    pub fn members(&self) -> &[(String, Node)] {
        match &self.kind {
            NodeKind::Map(members) => members,
            _ => &[],
        }
    }

    /// A list's items; nothing for any other value.
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::List(items) => items,
            _ => &[],
        }
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(text) => Some(text),
            _ => None,
        }
    }

    /// The string at `key`, when there is one.
    pub fn str_at(&self, key: &str) -> Option<&str> {
        self.get(key).and_then(Node::as_str)
    }

    /// The value as JSON, with nothing replaced.
    pub fn to_json(&self) -> serde_json::Value {
        match &self.kind {
            NodeKind::Null => serde_json::Value::Null,
            NodeKind::Bool(value) => serde_json::Value::Bool(*value),
            NodeKind::Number(text) => number(text),
            NodeKind::String(text) => serde_json::Value::String(text.clone()),
            NodeKind::List(items) => items.iter().map(Node::to_json).collect(),
            NodeKind::Map(members) => members
                .iter()
                .map(|(key, value)| (key.clone(), value.to_json()))
                .collect(),
        }
    }
}

impl Node {
    /// The value as JSON text with two-space indents, keys in the file's order (the order a person
    /// wrote the policy in, which a JSON map would sort).
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write_pretty(&mut out, 0);
        out
    }

    fn write_pretty(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, depth: usize| out.push_str(&"  ".repeat(depth));
        match &self.kind {
            NodeKind::List(items) if !items.is_empty() => {
                out.push_str("[\n");
                for (index, item) in items.iter().enumerate() {
                    indent(out, depth + 1);
                    item.write_pretty(out, depth + 1);
                    out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
                }
                indent(out, depth);
                out.push(']');
            }
            NodeKind::Map(members) if !members.is_empty() => {
                out.push_str("{\n");
                for (index, (key, value)) in members.iter().enumerate() {
                    indent(out, depth + 1);
                    out.push_str(&serde_json::Value::String(key.clone()).to_string());
                    out.push_str(": ");
                    value.write_pretty(out, depth + 1);
                    out.push_str(if index + 1 < members.len() {
                        ",\n"
                    } else {
                        "\n"
                    });
                }
                indent(out, depth);
                out.push('}');
            }
            _ => out.push_str(&self.to_json().to_string()),
        }
    }
}

/// A number written as `text`, kept exactly (as a string when JSON cannot hold it as a number).
pub(super) fn number(text: &str) -> serde_json::Value {
    serde_json::from_str::<serde_json::Number>(text)
        .map(serde_json::Value::Number)
        .unwrap_or_else(|_| serde_json::Value::String(text.to_owned()))
}

impl From<&JsonValue<'_>> for Node {
    fn from(value: &JsonValue<'_>) -> Self {
        let kind = match &value.kind {
            JsonKind::Null => NodeKind::Null,
            JsonKind::Bool(value) => NodeKind::Bool(*value),
            JsonKind::Number(text) => NodeKind::Number((*text).to_owned()),
            JsonKind::String(text) => NodeKind::String(text.to_string()),
            JsonKind::Array(items) => NodeKind::List(items.iter().map(Node::from).collect()),
            JsonKind::Object(members) => NodeKind::Map(
                members
                    .iter()
                    .map(|member| (member.key.to_string(), Node::from(&member.value)))
                    .collect(),
            ),
        };
        Node {
            kind,
            at: At {
                line: value.span.line as usize,
                column: value.span.column as usize,
            },
        }
    }
}
