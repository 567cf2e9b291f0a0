//! Finds where in a scenario file an error is. The engine names the place by path
//! (`[1].request.context["aws:SourceIp"]`); this walks that path through the file's JSON, keeping
//! every value's position, to give the line and column a person can jump to.

use ecr_policy_engine::json::{self, JsonKind, JsonValue};

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// `[3]`.
    Index(usize),
    /// `request`, `.context` or `["aws:SourceIp"]`.
    Key(String),
}

/// The 1-based line and column in `text` that an error at `path` with `message` is about: the member
/// an `unknown field` message names, else the deepest value on the path that the text has.
pub fn position(text: &str, path: &str, message: &str) -> Option<(usize, usize)> {
    let root = json::parse(text).ok()?;
    let mut segments = segments(path);
    let field = unknown_field(message);
    // The path of an unknown field may or may not end in the field itself: walk to its object.
    if let (Some(field), Some(Segment::Key(last))) = (field, segments.last())
        && last == field
    {
        segments.pop();
    }
    let mut node = &root;
    for segment in &segments {
        match child(node, segment) {
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

/// The value one segment below `node`; for repeated keys the last one, which is the one that counts.
fn child<'a>(node: &'a JsonValue, segment: &Segment) -> Option<&'a JsonValue> {
    match (&node.kind, segment) {
        (JsonKind::Array(items), Segment::Index(index)) => items.get(*index),
        (JsonKind::Object(members), Segment::Key(key)) => members
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

/// Reads the path syntax of the engine's scenario errors. Stops at anything it does not understand.
fn segments(path: &str) -> Vec<Segment> {
    let mut found = Vec::new();
    let mut chars = path.chars().peekable();
    while let Some(&next) = chars.peek() {
        match next {
            '.' => {
                chars.next();
            }
            '[' => {
                chars.next();
                let segment = if chars.peek() == Some(&'"') {
                    chars.next();
                    quoted_key(&mut chars).map(Segment::Key)
                } else {
                    let digits: String = chars
                        .by_ref()
                        .take_while(|character| *character != ']')
                        .collect();
                    digits.parse().ok().map(Segment::Index)
                };
                match segment {
                    Some(segment) => found.push(segment),
                    None => break,
                }
            }
            character if character.is_ascii_alphanumeric() || character == '_' => {
                let mut key = String::new();
                while let Some(&character) = chars.peek() {
                    if !(character.is_ascii_alphanumeric() || character == '_') {
                        break;
                    }
                    key.push(character);
                    chars.next();
                }
                found.push(Segment::Key(key));
            }
            _ => break,
        }
    }
    found
}

/// A key written as a Rust string literal (`"aws:SourceIp"]`), after its opening quote; consumes `]`.
fn quoted_key(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<String> {
    let mut key = String::new();
    loop {
        match chars.next()? {
            '"' => break,
            '\\' => key.push(match chars.next()? {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                '0' => '\0',
                'u' => {
                    let hex: String = chars
                        .by_ref()
                        .skip_while(|c| *c == '{')
                        .take_while(|c| *c != '}')
                        .collect();
                    char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                }
                other => other,
            }),
            other => key.push(other),
        }
    }
    (chars.next()? == ']').then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_indexes_fields_and_quoted_keys() {
        assert_eq!(
            segments(r#"scenarios[1].request.context["aws:Source\"Ip"]"#),
            vec![
                Segment::Key("scenarios".into()),
                Segment::Index(1),
                Segment::Key("request".into()),
                Segment::Key("context".into()),
                Segment::Key("aws:Source\"Ip".into()),
            ]
        );
    }

    #[test]
    fn an_unknown_field_points_at_its_key() {
        let text = "{\n  \"request\": {\n    \"actionz\": 1\n  }\n}";
        let message = "unknown field `actionz`, expected one of `principal`";
        assert_eq!(position(text, "request", message), Some((3, 5)));
        assert_eq!(position(text, "request.actionz", message), Some((3, 5)));
    }

    #[test]
    fn a_wrong_value_points_at_the_value_and_a_missing_one_at_its_object() {
        let text = "[{}, {\"request\": {\"context\": {\"aws:SourceIp\": {}}}}]";
        assert_eq!(
            position(
                text,
                r#"[1].request.context["aws:SourceIp"]"#,
                "expected a string"
            ),
            Some((1, 47))
        );
        assert_eq!(
            position(text, "[0]", "missing field `request`"),
            Some((1, 2))
        );
    }

    #[test]
    fn a_path_the_text_does_not_have_stops_at_the_deepest_value_it_has() {
        assert_eq!(position("{\"a\": [1]}", "a[7].b", "wrong"), Some((1, 7)));
        assert_eq!(position("not json", "a", "wrong"), None);
    }
}
