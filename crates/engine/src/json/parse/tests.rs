//! The parser against serde_json, the reference reader of strict JSON: on valid texts, on mutations of them
//! and on truncations of the scenario corpus, it accepts exactly what serde_json accepts and reads the same
//! value, never panics, puts every error inside the text and every span where a `LineIndex` puts it.
//!
//! The documented differences: a number too large for a float (`1e999`) is read and kept as written
//! (serde_json refuses it; the engine reads numbers as text and says so when it needs their value), and
//! an object keeps every member of a duplicated key (serde_json keeps the last, which is what the
//! comparison keeps too).

use proptest::prelude::*;
use serde_json::{Map, Value};

use super::MAX_DEPTH;
use crate::json::strategies::json_value;
use crate::json::{JsonCode, JsonKind, JsonValue, parse, parse_indexed};
use crate::span::LineIndex;

/// `value` as serde_json's value: numbers read by serde_json from their text, later duplicate keys winning.
fn to_serde(value: &JsonValue<'_>) -> Value {
    match &value.kind {
        JsonKind::Null => Value::Null,
        JsonKind::Bool(flag) => Value::Bool(*flag),
        JsonKind::Number(text) => serde_json::from_str(text).unwrap_or(Value::Null),
        JsonKind::String(text) => Value::String(text.to_string()),
        JsonKind::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        JsonKind::Object(members) => {
            let mut object = Map::new();
            for member in members {
                object.insert(member.key.to_string(), to_serde(&member.value));
            }
            Value::Object(object)
        }
    }
}

/// Every span of `value` (keys included) is the one `index` gives for its byte offsets.
fn spans_agree(value: &JsonValue<'_>, index: &LineIndex<'_>) -> Result<(), String> {
    let expected = index.span(value.span.start as usize, value.span.end as usize);
    if value.span != expected {
        return Err(format!("{:?} is not {expected:?}", value.span));
    }
    match &value.kind {
        JsonKind::Array(items) => items.iter().try_for_each(|item| spans_agree(item, index)),
        JsonKind::Object(members) => members.iter().try_for_each(|member| {
            let key = index.span(member.key_span.start as usize, member.key_span.end as usize);
            if member.key_span != key {
                return Err(format!("key {:?} is not {key:?}", member.key_span));
            }
            spans_agree(&member.value, index)
        }),
        _ => Ok(()),
    }
}

/// The characters of `text` and its whitespace outside strings, read character by character: what the
/// parser counts as it reads.
fn counted_from_characters(text: &str) -> (usize, usize) {
    let (mut in_string, mut escaped, mut whitespace) = (false, false, 0);
    for character in text.chars() {
        match (in_string, escaped, character) {
            (true, true, _) => escaped = false,
            (true, false, '\\') => escaped = true,
            (true, false, '"') => in_string = false,
            (true, false, _) => {}
            (false, _, '"') => in_string = true,
            (false, _, other) if other.is_whitespace() => whitespace += 1,
            (false, _, _) => {}
        }
    }
    (text.chars().count(), whitespace)
}

/// The parser and serde_json agree on `text`, and the parser's answer is well formed.
fn agrees_with_serde_json(text: &str) -> Result<(), String> {
    let ours = parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(value), Ok(expected)) => {
            if &to_serde(value) != expected {
                return Err(format!("{text:?} reads as {:?}", to_serde(value)));
            }
            let index = LineIndex::new(text);
            spans_agree(value, &index)?;
            let Ok(document) = parse_indexed(text, &index) else {
                return Err(format!("{text:?}: parse_indexed refuses it"));
            };
            if &document.value != value {
                return Err(format!("{text:?}: parse_indexed differs from parse"));
            }
            let counted = (document.characters, document.whitespace);
            if counted != counted_from_characters(text) {
                return Err(format!("{text:?}: counted {counted:?}"));
            }
        }
        (Ok(_), Err(error)) if error.to_string().starts_with("number out of range") => {}
        (Ok(_), Err(error)) => return Err(format!("{text:?} is read, serde_json says {error}")),
        (Err(error), Ok(_)) => return Err(format!("{text:?} is refused: {}", error.message)),
        (Err(error), Err(_)) => {
            let span = error.span;
            if span.start > span.end || span.end as usize > text.len() {
                return Err(format!("{text:?}: {span:?} is outside the text"));
            }
            let position = format!(" at line {}, column {}", span.line, span.column);
            if error.code != JsonCode::Empty && !error.message.ends_with(&position) {
                return Err(format!(
                    "{text:?}: {} does not end with{position}",
                    error.message
                ));
            }
        }
    }
    Ok(())
}

/// A character to insert into a text: one of JSON's own, or one that is wrong in it.
fn inserted() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '{', '}', '[', ']', ',', ':', '"', '\\', '/', '*', '\'', '0', '1', '-', '+', '.', 'e', 'E',
        't', 'f', 'n', 'u', 'x', ' ', '\n', '\r', '\t', '\u{0}', '\u{b}', 'é', '😀', '\u{a0}',
    ])
}

/// `text` with characters deleted and inserted at the positions given (taken modulo its length).
fn mutated(text: &str, edits: &[(usize, Option<char>)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(position, insert) in edits {
        let position = position % (chars.len() + 1);
        match insert {
            Some(character) => chars.insert(position, character),
            None if position < chars.len() => {
                chars.remove(position);
            }
            None => {}
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #[test]
    fn valid_json_is_read_as_serde_json_reads_it(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        }
        .unwrap();
        prop_assert_eq!(agrees_with_serde_json(&text), Ok(()));
    }

    #[test]
    fn mutated_json_is_refused_exactly_when_serde_json_refuses_it(
        value in json_value(),
        pretty in any::<bool>(),
        edits in prop::collection::vec((any::<usize>(), prop::option::of(inserted())), 1..4),
    ) {
        let text = if pretty {
            serde_json::to_string_pretty(&value)
        } else {
            serde_json::to_string(&value)
        }
        .unwrap();
        prop_assert_eq!(agrees_with_serde_json(&mutated(&text, &edits)), Ok(()));
    }

    #[test]
    fn whitespace_runs_of_any_length_are_skipped_and_counted(
        runs in prop::collection::vec("[ \t\r\n]{0,3}[ ]{0,19}[\n]?", 6),
    ) {
        // Runs of spaces are skipped eight bytes at a time; any length of run, at the end of the text
        // too, is read, counted and spanned as serde_json and the character count say.
        let text = format!("{}[{}1{},{}\"x\"{}]{}", runs[0], runs[1], runs[2], runs[3], runs[4], runs[5]);
        prop_assert_eq!(agrees_with_serde_json(&text), Ok(()));
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in "[\\[\\]{}\",:0-9a-z\\\\/* \n.eE+-é😀]{0,40}") {
        prop_assert_eq!(agrees_with_serde_json(&text), Ok(()));
    }
}

#[test]
fn truncated_and_cut_corpus_files_are_refused_as_serde_json_refuses_them() {
    for path in ecr_policy_test_kit::corpus_files().unwrap() {
        let text = std::fs::read_to_string(&path).unwrap();
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&offset| text.is_char_boundary(offset))
            .collect();
        let step = (boundaries.len() / 50).max(1);
        for (&cut, &next) in boundaries
            .iter()
            .zip(boundaries.iter().skip(1))
            .step_by(step)
        {
            let truncated = &text[..cut];
            let without = format!("{}{}", &text[..cut], &text[next..]);
            for variant in [truncated, without.as_str()] {
                if let Err(problem) = agrees_with_serde_json(variant) {
                    panic!("{}: {problem}", path.display());
                }
            }
        }
        assert_eq!(agrees_with_serde_json(&text), Ok(()), "{}", path.display());
    }
}

#[test]
fn nesting_is_limited_where_serde_json_limits_it() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH)).is_ok());
    let error = parse(&nested(MAX_DEPTH + 1)).unwrap_err();
    assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH + 1)).is_err());
    assert_eq!(
        error.message,
        "invalid JSON: maximum nesting depth exceeded: objects and arrays may be nested 127 deep at line 1, column 128"
    );
}

#[test]
fn numbers_too_large_for_a_float_are_kept_as_written() {
    let value = parse("[1e999, -1e999]").unwrap();
    let JsonKind::Array(items) = value.kind else {
        panic!("an array")
    };
    assert_eq!(items[0].kind, JsonKind::Number("1e999"));
    assert!(serde_json::from_str::<Value>("1e999").is_err());
}

/// The words and position of the error for `text`.
fn error(text: &str) -> (String, usize, usize) {
    let error = parse(text).unwrap_err();
    (
        error.message,
        error.span.start as usize,
        error.span.end as usize,
    )
}

#[test]
fn each_mistake_is_named_with_the_text_it_is_about() {
    let cases: &[(&str, &str, usize, usize)] = &[
        (
            "{ this is not JSON",
            "invalid JSON: expected a key in double quotes, found `this` at line 1, column 3",
            2,
            6,
        ),
        (
            "hello, world",
            "invalid JSON: expected a value, found `hello` at line 1, column 1",
            0,
            5,
        ),
        (
            "{'a': 1}",
            "invalid JSON: expected a key in double quotes, found `'`: JSON strings are written in double quotes at line 1, column 2",
            1,
            2,
        ),
        (
            "[True]",
            "invalid JSON: expected a value, found `True` at line 1, column 2",
            1,
            5,
        ),
        (
            "[trueish]",
            "invalid JSON: expected a value, found `trueish` at line 1, column 2",
            1,
            8,
        ),
        (
            "{\"a\" 1}",
            "invalid JSON: expected `:` after the key, found `1` at line 1, column 6",
            5,
            6,
        ),
        (
            "[1 : 2]",
            "invalid JSON: expected `,` or `]`, found `:` at line 1, column 4",
            3,
            4,
        ),
        (
            "{} {}",
            "invalid JSON: unexpected `{` after the end of the value at line 1, column 4",
            3,
            4,
        ),
        (
            "[01]",
            "invalid JSON: `01` is not a JSON number (no leading zeros, no `+`, digits on both sides of `.` and after `e`) at line 1, column 2",
            1,
            3,
        ),
        (
            "[1.]",
            "invalid JSON: `1.` is not a JSON number (no leading zeros, no `+`, digits on both sides of `.` and after `e`) at line 1, column 2",
            1,
            3,
        ),
        (
            "[-]",
            "invalid JSON: `-` is not a JSON number (no leading zeros, no `+`, digits on both sides of `.` and after `e`) at line 1, column 2",
            1,
            2,
        ),
        (
            "[\"a\nb\"]",
            "invalid JSON: a line break inside a string: end the string with `\"`, or write the line break as `\\n` at line 1, column 4",
            3,
            4,
        ),
        (
            "[\"a\tb\"]",
            "invalid JSON: a tab inside a string: write it as `\\t` at line 1, column 4",
            3,
            4,
        ),
        (
            "\"\u{1}\"",
            "invalid JSON: control character U+0001 inside a string: write it as `\\u0001` at line 1, column 2",
            1,
            2,
        ),
        (
            "[\"abc",
            "invalid JSON: the string is not closed: end it with `\"` at line 1, column 2",
            1,
            5,
        ),
        (
            "[\"abc\\",
            "invalid JSON: the string is not closed: end it with `\"` at line 1, column 2",
            1,
            6,
        ),
        (
            "\"a\\x\"",
            "invalid JSON: `\\x` is not an escape: JSON knows `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\u` with four hexadecimal digits; write a backslash as `\\\\` at line 1, column 3",
            2,
            4,
        ),
        (
            "\"\\u12\"",
            "invalid JSON: `\\u` must be followed by four hexadecimal digits at line 1, column 2",
            1,
            3,
        ),
        (
            "\"\\uD83D\"",
            "invalid JSON: `\\uD83D` is half of a UTF-16 surrogate pair without its other half at line 1, column 2",
            1,
            7,
        ),
        (
            "\"\\uDE00\"",
            "invalid JSON: `\\uDE00` is half of a UTF-16 surrogate pair without its other half at line 1, column 2",
            1,
            7,
        ),
        (
            "/* a */ {}",
            "comments are not allowed: AWS rejects policies that contain `//` or `/* */`; remove the comment at line 1, column 1",
            0,
            7,
        ),
        (
            "{\"a\": [1,]}",
            "trailing comma: AWS rejects a comma after the last item of an object or array; remove it at line 1, column 9",
            8,
            9,
        ),
    ];
    for &(text, message, start, end) in cases {
        assert_eq!(error(text), (message.to_owned(), start, end), "{text:?}");
    }
}

#[test]
fn escapes_and_surrogate_pairs_are_resolved_and_plain_strings_borrowed() {
    let value = parse(r#"["a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "plain"]"#).unwrap();
    let JsonKind::Array(items) = value.kind else {
        panic!("an array")
    };
    assert_eq!(
        items[0].kind,
        JsonKind::String("a\"\\/\u{8}\u{c}\n\r\té😀".into())
    );
    assert!(matches!(
        &items[1].kind,
        JsonKind::String(std::borrow::Cow::Borrowed("plain"))
    ));
}

#[test]
fn spans_after_non_ascii_strings_count_characters_and_utf16_units() {
    let text = "{\"é😀\": \"x\",\n \"k\": [true]}";
    let value = parse(text).unwrap();
    let JsonKind::Object(members) = &value.kind else {
        panic!("an object")
    };
    let x = members[0].value.span;
    assert_eq!((x.line, x.column, x.utf16_start), (1, 8, 8));
    let array = members[1].value.span;
    assert_eq!(
        (array.line, array.column, array.end_line, array.end_column),
        (2, 7, 2, 13)
    );
    assert_eq!(spans_agree(&value, &LineIndex::new(text)), Ok(()));
}
