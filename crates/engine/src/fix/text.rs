//! Edits of a policy's JSON text that keep everything else as the person wrote it: a statement added to
//! the `Statement` list, an item added to a string-or-list element (`Action`, a condition's values) and a
//! member added to an object (`Condition` and its blocks). Each edit inserts or replaces one span of the
//! text, found with the engine's position-keeping JSON reader, and follows the layout around it: an item
//! on its own line gets a line of its own at the same indent, an item in a one-line list stays on it.

use serde_json::Value;

use crate::json::{self, JsonKind, JsonMember, JsonValue};

/// A JSON value written compactly with a space after each `:` and `,`, as people write short values.
pub(super) fn compact(value: &Value) -> String {
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(compact).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(members) => {
            let members: Vec<String> = members
                .iter()
                .map(|(key, value)| format!("{}: {}", Value::from(key.as_str()), compact(value)))
                .collect();
            format!("{{{}}}", members.join(", "))
        }
        other => other.to_string(),
    }
}

/// A statement's members in the order people write them (`Sid`, `Effect`, `Principal`, `Action`,
/// `Resource`, `Condition`), one per line at `indent` plus `unit`, or on one line when `indent` is `None`.
pub(super) fn statement_text(members: &[(&str, Value)], indent: Option<(&str, &str)>) -> String {
    let each = members
        .iter()
        .map(|(key, value)| format!("{}: {}", Value::from(*key), compact(value)));
    match indent {
        Some((indent, unit)) => {
            let lines: Vec<String> = each
                .map(|member| format!("{indent}{unit}{member}"))
                .collect();
            format!("{{\n{}\n{indent}}}", lines.join(",\n"))
        }
        None => format!("{{{}}}", each.collect::<Vec<_>>().join(", ")),
    }
}

/// A policy's text read for editing: the text and its root object's members.
pub(super) struct PolicyText<'a> {
    text: &'a str,
    root: JsonValue<'a>,
}

impl<'a> PolicyText<'a> {
    /// Reads `text`; `None` unless it is a JSON object (a wrapped policy, such as `get-repository-policy`
    /// output, is not edited in place).
    pub(super) fn read(text: &'a str) -> Option<Self> {
        let root = json::parse(text).ok()?;
        matches!(root.kind, JsonKind::Object(_)).then_some(Self { text, root })
    }

    /// The `Statement` member.
    fn statement_member(&self) -> Option<&JsonMember<'_>> {
        self.root.member("Statement")
    }

    /// The statement at `index`: the item of the list, or the one object.
    pub(super) fn statement(&self, index: usize) -> Option<&JsonValue<'_>> {
        let value = &self.statement_member()?.value;
        match &value.kind {
            JsonKind::Array(items) => items.get(index),
            JsonKind::Object(_) if index == 0 => Some(value),
            _ => None,
        }
    }

    /// The `Sid` of every statement.
    pub(super) fn sids(&self) -> Vec<String> {
        let Some(value) = self.statement_member().map(|member| &member.value) else {
            return Vec::new();
        };
        let statements = match &value.kind {
            JsonKind::Array(items) => items.iter().collect(),
            _ => vec![value],
        };
        statements
            .into_iter()
            .filter_map(|statement| match &statement.member("Sid")?.value.kind {
                JsonKind::String(sid) => Some(sid.to_string()),
                _ => None,
            })
            .collect()
    }

    /// The text with `members` added as a new statement after the last one.
    pub(super) fn add_statement(&self, members: &[(&str, Value)]) -> Option<String> {
        let statement = self.statement_member()?;
        let value = &statement.value;
        let key_indent = line_indent(self.text, statement.key_span.start as usize);
        match &value.kind {
            JsonKind::Array(items) => match items.last() {
                Some(last) => {
                    let layout = own_line(self.text, last.span.start as usize).then(|| {
                        let indent = line_indent(self.text, last.span.start as usize);
                        (indent.to_owned(), unit(indent, key_indent))
                    });
                    let added = match &layout {
                        Some((indent, unit)) => format!(
                            ",\n{indent}{}",
                            statement_text(members, Some((indent, unit)))
                        ),
                        None => format!(", {}", statement_text(members, None)),
                    };
                    Some(splice(
                        self.text,
                        last.span.end as usize,
                        last.span.end as usize,
                        &added,
                    ))
                }
                None => {
                    let inside = if self.multiline() {
                        let indent = format!("{key_indent}{}", unit("", ""));
                        format!(
                            "[\n{indent}{}\n{key_indent}]",
                            statement_text(members, Some((&indent, unit("", ""))))
                        )
                    } else {
                        format!("[{}]", statement_text(members, None))
                    };
                    Some(splice(
                        self.text,
                        value.span.start as usize,
                        value.span.end as usize,
                        &inside,
                    ))
                }
            },
            JsonKind::Object(_) => {
                let original = self.text.get(value.span.range())?;
                let list = if self.multiline() {
                    format!(
                        "[{original},\n{key_indent}{}]",
                        statement_text(members, Some((key_indent, unit("", ""))))
                    )
                } else {
                    format!("[{original}, {}]", statement_text(members, None))
                };
                Some(splice(
                    self.text,
                    value.span.start as usize,
                    value.span.end as usize,
                    &list,
                ))
            }
            _ => None,
        }
    }

    /// Whether the policy is written over several lines.
    fn multiline(&self) -> bool {
        self.text.trim().contains('\n')
    }
}

/// `text` with `value` added to the string-or-list `element`: a string becomes a list of it and the new
/// item; a list gets the item after its last one.
pub(super) fn add_to_list(text: &str, element: &JsonValue, value: &Value) -> Option<String> {
    let item = compact(value);
    match &element.kind {
        JsonKind::String(_) => {
            let original = text.get(element.span.range())?;
            Some(splice(
                text,
                element.span.start as usize,
                element.span.end as usize,
                &format!("[{original}, {item}]"),
            ))
        }
        JsonKind::Array(items) => match items.last() {
            Some(last) => {
                let separator = separator_before(text, last.span.start as usize);
                Some(splice(
                    text,
                    last.span.end as usize,
                    last.span.end as usize,
                    &format!(",{separator}{item}"),
                ))
            }
            None => Some(splice(
                text,
                element.span.start as usize,
                element.span.end as usize,
                &format!("[{item}]"),
            )),
        },
        _ => None,
    }
}

/// `text` with the member `key: value` added to `object` after its last member.
pub(super) fn add_member(
    text: &str,
    object: &JsonValue,
    key: &str,
    value: &Value,
) -> Option<String> {
    let JsonKind::Object(members) = &object.kind else {
        return None;
    };
    let added = format!("{}: {}", Value::from(key), compact(value));
    match members.last() {
        Some(last) => {
            let separator = separator_before(text, last.key_span.start as usize);
            Some(splice(
                text,
                last.value.span.end as usize,
                last.value.span.end as usize,
                &format!(",{separator}{added}"),
            ))
        }
        None => Some(splice(
            text,
            object.span.start as usize,
            object.span.end as usize,
            &format!("{{{added}}}"),
        )),
    }
}

/// `text` with the bytes from `start` to `end` replaced by `with`.
fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    let (before, after) = (
        text.get(..start).unwrap_or(text),
        text.get(end..).unwrap_or(""),
    );
    format!("{before}{with}{after}")
}

/// What goes between a new item and the one before it: a line break and the indent of the item at
/// `start` when it starts its own line, else a space.
fn separator_before(text: &str, start: usize) -> String {
    if own_line(text, start) {
        format!("\n{}", line_indent(text, start))
    } else {
        " ".to_owned()
    }
}

/// Whether only spaces and tabs come before `start` on its line.
fn own_line(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let line = before.rsplit('\n').next().unwrap_or(before);
    before.contains('\n')
        && line
            .chars()
            .all(|character| character == ' ' || character == '\t')
}

/// The spaces and tabs that begin the line holding `start`.
fn line_indent(text: &str, start: usize) -> &str {
    let before = text.get(..start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |index| index + 1);
    let line = text.get(line_start..).unwrap_or("");
    let width = line
        .find(|character: char| character != ' ' && character != '\t')
        .unwrap_or(line.len());
    line.get(..width).unwrap_or("")
}

/// One level of indent: what `inner` adds to `outer`, or two spaces when that says nothing.
fn unit<'t>(inner: &'t str, outer: &str) -> &'t str {
    match inner.strip_prefix(outer) {
        Some(rest) if !rest.is_empty() => rest,
        _ => "  ",
    }
}
