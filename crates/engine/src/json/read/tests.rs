//! Reading typed values from parsed JSON: every JSON kind, and errors with their path and position.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{PathStep, display_path, from_value};
use crate::json::parse;

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Sample {
    name: String,
    #[serde(default)]
    count: Option<u32>,
    #[serde(default)]
    ratio: f64,
    #[serde(default)]
    flags: Vec<bool>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    mode: Option<Mode>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Mode {
    Fast,
    Exact,
}

fn read(text: &str) -> Result<Sample, super::ReadError> {
    let value = parse(text).unwrap();
    from_value(&value)
}

#[test]
fn every_json_kind_reads_into_its_rust_type() {
    let sample = read(
        r#"{"name": "a\u00e9", "count": 7, "ratio": -2.5, "flags": [true, false],
            "labels": {"x": "y"}, "mode": "exact"}"#,
    )
    .unwrap();
    assert_eq!(sample.name, "aé");
    assert_eq!(sample.count, Some(7));
    assert!((sample.ratio + 2.5).abs() < f64::EPSILON);
    assert_eq!(sample.flags, [true, false]);
    assert_eq!(sample.labels.get("x").map(String::as_str), Some("y"));
    assert_eq!(sample.mode, Some(Mode::Exact));
    assert_eq!(read(r#"{"name": "b", "count": null}"#).unwrap().count, None);
}

#[test]
fn an_unknown_field_is_placed_at_its_key() {
    let error = read("{\n  \"name\": \"a\",\n  \"colour\": 1\n}").unwrap_err();
    assert_eq!(error.path, [PathStep::Key("colour".into())]);
    assert!(
        error.message.starts_with("unknown field `colour`"),
        "{}",
        error.message
    );
    let span = error.span.unwrap();
    assert_eq!((span.line, span.column), (3, 3));
}

#[test]
fn a_wrong_type_deep_inside_is_placed_at_the_value_with_its_path() {
    let error = read(r#"{"name": "a", "flags": [true, "no"]}"#).unwrap_err();
    assert_eq!(
        error.path,
        [PathStep::Key("flags".into()), PathStep::Index(1)]
    );
    assert_eq!(
        error.message,
        "invalid type: string \"no\", expected a boolean"
    );
    assert_eq!(error.span.unwrap().column, 31);
}

#[test]
fn a_missing_field_is_placed_at_its_object() {
    let error = read(r#"{"count": 1}"#).unwrap_err();
    assert!(error.path.is_empty());
    assert_eq!(error.message, "missing field `name`");
    assert_eq!(error.span.unwrap().column, 1);
}

#[test]
fn numbers_are_checked_against_the_type_asked_for() {
    let error = read(r#"{"name": "a", "count": -1}"#).unwrap_err();
    assert_eq!(error.path, [PathStep::Key("count".into())]);
    assert!(error.message.contains("integer `-1`"), "{}", error.message);
    let error = read(r#"{"name": "a", "count": 1.5}"#).unwrap_err();
    assert!(
        error.message.contains("floating point `1.5`"),
        "{}",
        error.message
    );
    let error = read(r#"{"name": "a", "ratio": 1e999}"#).unwrap_err();
    assert!(error.message.contains("out of range"), "{}", error.message);
}

#[test]
fn an_enum_is_read_from_its_name_only() {
    let error = read(r#"{"name": "a", "mode": "slow"}"#).unwrap_err();
    assert!(
        error.message.starts_with("unknown variant `slow`"),
        "{}",
        error.message
    );
    let error = read(r#"{"name": "a", "mode": 3}"#).unwrap_err();
    assert_eq!(error.path, [PathStep::Key("mode".into())]);
    assert!(error.message.contains("integer `3`"), "{}", error.message);
}

#[test]
fn paths_dot_identifiers_and_bracket_other_keys_and_indexes() {
    let path = [
        PathStep::Index(1),
        PathStep::Key("request".into()),
        PathStep::Key("context".into()),
        PathStep::Key("aws:SourceIp".into()),
        PathStep::Index(0),
    ];
    assert_eq!(
        display_path(&path),
        r#"[1].request.context["aws:SourceIp"][0]"#
    );
    assert_eq!(display_path(&[PathStep::Key(String::new())]), r#"[""]"#);
}

#[test]
fn unexpected_values_are_worded_as_serde_words_them() {
    use serde::de::Unexpected;
    let values = [
        Unexpected::Float(1.5),
        Unexpected::Float(1000.0),
        Unexpected::Float(-0.0),
        Unexpected::Float(1e21),
        Unexpected::Float(f64::NAN),
        Unexpected::Float(f64::NEG_INFINITY),
        Unexpected::Bool(true),
        Unexpected::Unsigned(42),
        Unexpected::Signed(-42),
        Unexpected::Char('é'),
        Unexpected::Str("a \"quoted\"\n\u{301}"),
        Unexpected::Other("the number 1e999"),
        Unexpected::Bytes(b"x"),
        Unexpected::Unit,
        Unexpected::Option,
        Unexpected::NewtypeStruct,
        Unexpected::Seq,
        Unexpected::Map,
        Unexpected::Enum,
        Unexpected::UnitVariant,
        Unexpected::NewtypeVariant,
        Unexpected::TupleVariant,
        Unexpected::StructVariant,
    ];
    for value in values {
        assert_eq!(super::unexpected_text(value), value.to_string());
    }
}
