//! Where in a scenario document an error is: the path serde reports, kept as steps so that it can be
//! both shown (`[1].request.context["aws:SourceIp"]`) and followed through the document's text to the
//! line and column a person can jump to.

use crate::json::{self, JsonKind, JsonValue};

/// One step of a path into a scenario document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PathStep {
    /// An array element.
    Index(usize),
    /// An object member.
    Key(String),
    /// A step serde could not name.
    Unknown,
}

/// The steps of the path serde_path_to_error reports.
pub(super) fn steps(path: &serde_path_to_error::Path) -> Vec<PathStep> {
    use serde_path_to_error::Segment;
    path.iter()
        .map(|segment| match segment {
            Segment::Seq { index } => PathStep::Index(*index),
            Segment::Map { key } | Segment::Enum { variant: key } => PathStep::Key(key.clone()),
            Segment::Unknown => PathStep::Unknown,
        })
        .collect()
}

/// `request.context["aws:SourceIp"]`: fields dotted, keys that are not identifiers quoted in brackets.
pub(super) fn display(steps: &[PathStep]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            PathStep::Index(index) => text.push_str(&format!("[{index}]")),
            PathStep::Key(key) if is_identifier(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            PathStep::Key(key) => text.push_str(&format!("[{key:?}]")),
            PathStep::Unknown => text.push('?'),
        }
    }
    text
}

fn is_identifier(key: &str) -> bool {
    key.chars()
        .all(|character| character.is_ascii_alphanumeric() || character == '_')
}

/// The 1-based line and column in `text` that an error at `steps` with `message` is about: the member an
/// `unknown field` message names, else the deepest value on the path that the text has.
pub(super) fn position(text: &str, steps: &[PathStep], message: &str) -> Option<(usize, usize)> {
    let root = json::parse(text).ok()?;
    let field = unknown_field(message);
    // The path of an unknown field may or may not end in the field itself: walk to its object.
    let steps = match (field, steps.split_last()) {
        (Some(field), Some((PathStep::Key(last), rest))) if last == field => rest,
        _ => steps,
    };
    let mut node = &root;
    for step in steps {
        match child(node, step) {
            Some(next) => node = next,
            None => break,
        }
    }
    if let (Some(field), JsonKind::Object(members)) = (field, &node.kind)
        && let Some(member) = members.iter().rev().find(|member| member.key == field)
    {
        return Some((member.key_span.line, member.key_span.column));
    }
    Some((node.span.line, node.span.column))
}

/// The value one step below `node`; for repeated keys the last one, which is the one serde keeps.
fn child<'a>(node: &'a JsonValue, step: &PathStep) -> Option<&'a JsonValue> {
    match (&node.kind, step) {
        (JsonKind::Array(items), PathStep::Index(index)) => items.get(*index),
        (JsonKind::Object(members), PathStep::Key(key)) => members
            .iter()
            .rev()
            .find(|member| &member.key == key)
            .map(|member| &member.value),
        _ => None,
    }
}

/// The field of serde's "unknown field `name`, expected ..." message.
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.split_once("unknown field `")?.1;
    rest.split_once('`').map(|(field, _)| field)
}
