//! Why the parser stopped, and the [`SyntaxError`] a person reads: its code, its words and its span.

use super::unclosed;
use super::{JsonCode, SyntaxError};
use crate::span::LineIndex;

/// Where the parser stopped and why: byte offsets into the text it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fault {
    /// What is wrong.
    pub kind: FaultKind,
    /// Byte offset of the start of the text it is about.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
}

/// The kinds of mistake the parser stops at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FaultKind {
    /// The text is only whitespace.
    Empty,
    /// A `//` or `/* */` comment.
    Comment,
    /// A comma before the closing bracket.
    TrailingComma,
    /// Something else than what the grammar allows there: the text at the fault (empty at the end of the
    /// text).
    Expected(Expected),
    /// Two values of an object or array without a comma between them: at the end of the first. The byte
    /// is the container's closing bracket.
    MissingComma(u8),
    /// A control character (U+0000 to U+001F) written as itself inside a string.
    ControlCharacter,
    /// A string without its closing quote: from its opening quote to the end of the text.
    UnclosedString,
    /// A backslash followed by something that is not an escape.
    UnknownEscape,
    /// `\u` without four hexadecimal digits.
    ShortUnicodeEscape,
    /// `\uD800` to `\uDFFF` that is not one half of a surrogate pair.
    LoneSurrogate,
    /// A number not written as JSON writes numbers.
    BadNumber,
    /// Objects and arrays nested deeper than [`MAX_DEPTH`](super::parse::MAX_DEPTH).
    TooDeep,
}

/// What the grammar allows where the parser stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expected {
    /// A value: after `:`, `[` or `,` in an array, or at the start of the text.
    Value,
    /// A key: after `{` or `,` in an object.
    Key,
    /// The `:` after a key.
    Colon,
    /// After a value in an object or array: `,` or its closing bracket (the byte).
    CommaOr(u8),
    /// The end of the text, after the value.
    End,
}

/// The error a person reads for `fault` in `text`, its span made by `index`.
pub(super) fn describe(fault: Fault, text: &str, index: &LineIndex<'_>) -> SyntaxError {
    let code = match fault.kind {
        FaultKind::Empty => JsonCode::Empty,
        FaultKind::Comment => JsonCode::Comment,
        FaultKind::TrailingComma => JsonCode::TrailingComma,
        _ => JsonCode::Syntax,
    };
    if code == JsonCode::Empty {
        // About the whole text: no position to give.
        return SyntaxError {
            code,
            message: words(fault.kind, ""),
            span: index.whole(),
        };
    }
    let (message, span) = match unclosed_behind(fault, text) {
        Some(unclosed) => {
            let opened = index.span(unclosed.opened_at, unclosed.opened_at + 1);
            let expected = unclosed.describe(opened.line as usize, opened.column as usize);
            (
                format!("invalid JSON: {expected}"),
                index.span(unclosed.fix_at, unclosed.fix_at),
            )
        }
        None => {
            let found = text.get(fault.start..fault.end).unwrap_or_default();
            (words(fault.kind, found), index.span(fault.start, fault.end))
        }
    };
    SyntaxError {
        code,
        message: format!("{message} at line {}, column {}", span.line, span.column),
        span,
    }
}

/// The object or array a fault leaves open, when the fault is about a missing closing bracket or comma:
/// a closing bracket where a value, key, comma or the other bracket belongs, the end of the text inside an
/// object or array, or a missing comma.
fn unclosed_behind(fault: Fault, text: &str) -> Option<unclosed::Unclosed> {
    match fault.kind {
        FaultKind::MissingComma(_) => unclosed::unclosed(text, fault.start, true),
        FaultKind::Expected(Expected::Value | Expected::Key | Expected::CommaOr(_))
            if fault.start == text.len() || text.get(fault.start..)?.starts_with(['}', ']']) =>
        {
            unclosed::unclosed(text, fault.start, false)
        }
        _ => None,
    }
}

/// What is wrong, in words, for a fault that is about `found`, the text at it.
fn words(kind: FaultKind, found: &str) -> String {
    let syntax = match kind {
        FaultKind::Empty => {
            return "the text is empty: a policy is a JSON object such as `{\"Version\": \"2012-10-17\", \"Statement\": []}`".to_owned();
        }
        FaultKind::Comment => {
            return "comments are not allowed: AWS rejects policies that contain `//` or `/* */`; remove the comment".to_owned();
        }
        FaultKind::TrailingComma => {
            return "trailing comma: AWS rejects a comma after the last item of an object or array; remove it".to_owned();
        }
        FaultKind::Expected(expected) => {
            let what = match expected {
                Expected::End => {
                    return format!(
                        "invalid JSON: unexpected {} after the end of the value",
                        quoted(found)
                    );
                }
                Expected::Value => "a value".to_owned(),
                Expected::Key => "a key in double quotes".to_owned(),
                Expected::Colon => "`:` after the key".to_owned(),
                Expected::CommaOr(close) => format!("`,` or `{}`", char::from(close)),
            };
            let hint = if found.starts_with('\'') {
                ": JSON strings are written in double quotes"
            } else {
                ""
            };
            format!("expected {what}, found {}{hint}", quoted(found))
        }
        FaultKind::MissingComma(close) => format!("expected `,` or `{}`", char::from(close)),
        FaultKind::ControlCharacter => match found {
            "\n" => "a line break inside a string: end the string with `\"`, or write the line break as `\\n`".to_owned(),
            "\t" => "a tab inside a string: write it as `\\t`".to_owned(),
            _ => format!(
                "control character U+{:04X} inside a string: write it as `\\u{:04X}`",
                first_char(found),
                first_char(found)
            ),
        },
        FaultKind::UnclosedString => {
            "the string is not closed: end it with `\"`".to_owned()
        }
        FaultKind::UnknownEscape => format!(
            "{} is not an escape: JSON knows `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\u` with four hexadecimal digits; write a backslash as `\\\\`",
            quoted(found)
        ),
        FaultKind::ShortUnicodeEscape => {
            "`\\u` must be followed by four hexadecimal digits".to_owned()
        }
        FaultKind::LoneSurrogate => format!(
            "{} is half of a UTF-16 surrogate pair without its other half",
            quoted(found)
        ),
        FaultKind::BadNumber => format!(
            "{} is not a JSON number (no leading zeros, no `+`, digits on both sides of `.` and after `e`)",
            quoted(found)
        ),
        FaultKind::TooDeep => format!(
            "maximum nesting depth exceeded: objects and arrays may be nested {} deep",
            super::parse::MAX_DEPTH
        ),
    };
    format!("invalid JSON: {syntax}")
}

/// `found` in backticks, shortened to its first characters; "the end of the text" when empty.
fn quoted(found: &str) -> String {
    const SHOWN: usize = 24;
    if found.is_empty() {
        return "the end of the text".to_owned();
    }
    match found.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("`{}…`", found.get(..cut).unwrap_or(found)),
        None => format!("`{found}`"),
    }
}

fn first_char(text: &str) -> u32 {
    text.chars().next().map_or(0, u32::from)
}
