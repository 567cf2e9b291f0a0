//! JSON text to values that remember where they came from.
//!
//! The engine reads JSON with its own strict parser ([`parse()`]): no comments, trailing commas, single
//! quotes or other JSON5 forms (AWS rejects them), each a mistake with its own code, words and position.
//! It builds [`JsonValue`]s directly from the text, keeping every member of an object in order,
//! duplicates included, so the policy parser can report duplicate keys by position.

use std::borrow::Cow;

use crate::span::{LineIndex, Span};

mod cursor;
mod fault;
mod number;
mod parse;
mod read;
#[cfg(test)]
pub(crate) mod strategies;
mod string;
mod unclosed;

pub use read::{PathStep, ReadError, display_path, from_value};

named_enum! {
    /// Why text is not strict JSON: the codes of the reader's errors.
    pub enum JsonCode {
        /// The text is not valid JSON (position where the parser stopped).
        Syntax = "json-syntax",
        /// The text contains a comment.
        Comment = "json-comment",
        /// The text has a trailing comma.
        TrailingComma = "json-trailing-comma",
        /// The text is empty.
        Empty = "json-empty",
    }
}

/// Why text could not be read as JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What kind of mistake it is.
    pub code: JsonCode,
    /// What is wrong and what to do, in words, ending with the line and column.
    pub message: String,
    /// Where the parser stopped (the whole text when it is empty).
    pub span: Span,
}

/// A JSON value with the span of its text. Its strings and numbers borrow the text they were read from
/// (a string is copied only when it has an escape to resolve), so reading allocates per array and
/// object, not per token.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonValue<'a> {
    /// What the value is.
    pub kind: JsonKind<'a>,
    /// Where it is, quotes and brackets included.
    pub span: Span,
}

/// The kinds of JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as written so nothing is lost to floating point.
    Number(&'a str),
    /// A string, escapes resolved.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<JsonValue<'a>>),
    /// An object's members in source order, duplicates kept.
    Object(Vec<JsonMember<'a>>),
}

/// A text read as one JSON value, with what the parser counted of the text on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonDocument<'a> {
    /// The value.
    pub value: JsonValue<'a>,
    /// The characters of the text.
    pub characters: usize,
    /// The whitespace between tokens, outside strings (each whitespace character is one byte).
    pub whitespace: usize,
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonMember<'a> {
    /// The key, escapes resolved.
    pub key: Cow<'a, str>,
    /// Where the key is, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: JsonValue<'a>,
}

impl<'a> JsonValue<'a> {
    /// The first member named `key`, when this is an object that has one.
    pub fn member(&self, key: &str) -> Option<&JsonMember<'a>> {
        match &self.kind {
            JsonKind::Object(members) => members.iter().find(|member| member.key == key),
            _ => None,
        }
    }
}

impl JsonValue<'_> {
    /// A short name of the value's type for messages (`string`, `array`, ...).
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "boolean",
            JsonKind::Number(_) => "number",
            JsonKind::String(_) => "string",
            JsonKind::Array(_) => "array",
            JsonKind::Object(_) => "object",
        }
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            JsonKind::String(text) => Some(text),
            _ => None,
        }
    }
}

/// Parses JSON text strictly. The error is at the position where the parser stopped.
pub fn parse(text: &str) -> Result<JsonValue<'_>, Box<SyntaxError>> {
    parse::parse(text)
        .map(|document| document.value)
        .map_err(|fault| Box::new(fault::describe(fault, text, &LineIndex::new(text))))
}

/// [`parse()`] with the spans made by `index` (for a policy decoded from a pasted text, an index of the
/// pasted text mapped through the decoding), and the text's counts.
pub fn parse_indexed<'a>(
    text: &'a str,
    index: &LineIndex<'_>,
) -> Result<JsonDocument<'a>, Box<SyntaxError>> {
    let mut document =
        parse::parse(text).map_err(|fault| Box::new(fault::describe(fault, text, index)))?;
    if !index.is_of(text) {
        remap(&mut document.value, index);
    }
    Ok(document)
}

/// Replaces every span of `value`, counted in the text it was parsed from, with the span `index` gives
/// for the same byte offsets.
fn remap(value: &mut JsonValue<'_>, index: &LineIndex<'_>) {
    value.span = index.span(value.span.start as usize, value.span.end as usize);
    match &mut value.kind {
        JsonKind::Array(items) => {
            for item in items {
                remap(item, index);
            }
        }
        JsonKind::Object(members) => {
            for member in members {
                member.key_span =
                    index.span(member.key_span.start as usize, member.key_span.end as usize);
                remap(&mut member.value, index);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_keep_order_duplicates_and_key_spans() {
        let text = "{\"a\": 1, \"a\": \"x\"}";
        let value = parse(text).unwrap();
        let JsonKind::Object(members) = value.kind else {
            panic!("expected object")
        };
        assert_eq!(members.len(), 2);
        assert_eq!(
            &text[members[1].key_span.start as usize..members[1].key_span.end as usize],
            "\"a\""
        );
        assert_eq!(
            &text[members[1].value.span.start as usize..members[1].value.span.end as usize],
            "\"x\""
        );
    }

    #[test]
    fn comments_are_rejected_with_their_position() {
        let error = parse("{\n  // note\n  \"a\": 1\n}").unwrap_err();
        assert_eq!(error.code, JsonCode::Comment);
        assert_eq!((error.span.line, error.span.column), (2, 3));
    }

    #[test]
    fn trailing_commas_are_rejected_with_their_position() {
        let error = parse("{\"a\": [1, 2,]}").unwrap_err();
        assert_eq!(error.code, JsonCode::TrailingComma);
        assert_eq!(error.span.line, 1);
        assert!(error.message.contains("line 1"));
    }

    #[test]
    fn syntax_errors_say_where_the_parser_stopped() {
        let error = parse("{\n\"a\": tru\n}").unwrap_err();
        assert_eq!(error.code, JsonCode::Syntax);
        assert_eq!(error.span.line, 2);
    }

    /// The policy of a statement whose `Principal` object lost its `}`: the parser reads on to the
    /// statement's `}` and stops at the `]`.
    const MISSING_BRACE: &str = "{\n  \"Statement\": [\n    {\n      \"Principal\": {\"AWS\": \"*\",\n      \"Action\": \"ecr:*\"\n    }\n  ]\n}";

    #[test]
    fn a_missing_brace_names_the_object_it_closes_and_where_it_can_go() {
        let error = parse(MISSING_BRACE).unwrap_err();
        assert_eq!(error.code, JsonCode::Syntax);
        assert_eq!(
            error.message,
            "invalid JSON: expected `}` (to close the object opened at line 3, column 5) at line 6, column 6"
        );
        assert_eq!((error.span.line, error.span.column), (6, 6));
        let mut fixed = MISSING_BRACE.to_owned();
        fixed.insert(error.span.start as usize, '}');
        assert!(parse(&fixed).is_ok(), "inserting `}}` there fixes it");
    }

    #[test]
    fn a_missing_bracket_names_the_array() {
        let error = parse("{\"a\": [1, 2\n}").unwrap_err();
        assert_eq!(
            error.message,
            "invalid JSON: expected `]` (to close the array opened at line 1, column 7) at line 1, column 12"
        );
    }

    #[test]
    fn an_unterminated_object_points_after_its_last_text_not_past_the_end() {
        let error = parse("{\n  \"a\": {\"b\": 1}\n\n").unwrap_err();
        assert_eq!(
            error.message,
            "invalid JSON: expected `}` (to close the object opened at line 1, column 1) at line 2, column 16"
        );
    }

    #[test]
    fn a_missing_comma_between_members_says_either_would_do() {
        let error = parse("{\"a\": 1 \"b\": 2}").unwrap_err();
        assert!(
            error.message.starts_with(
                "invalid JSON: expected `,` or `}` (to close the object opened at line 1, column 1)"
            ),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_missing_value_is_not_taken_for_a_missing_bracket() {
        for text in ["{\"a\": }", "{\"a\": [1,", "{\"a\":"] {
            let error = parse(text).unwrap_err();
            assert!(
                !error.message.contains("to close"),
                "{text}: {}",
                error.message
            );
        }
    }

    #[test]
    fn empty_text_is_a_clear_error() {
        assert_eq!(parse("  \n").unwrap_err().code, JsonCode::Empty);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = "[".repeat(100_000);
        assert!(parse(&text).is_err());
    }

    #[test]
    fn numbers_keep_their_text() {
        let value = parse("1.50").unwrap();
        assert_eq!(value.kind, JsonKind::Number("1.50"));
    }
}
