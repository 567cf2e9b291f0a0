//! The writer gives what serde_json gives, for every shape serde can hand it.

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

use super::to_string;

fn same_as_serde_json<T: Serialize + ?Sized>(value: &T) {
    assert_eq!(
        to_string(value).unwrap(),
        serde_json::to_string(value).unwrap()
    );
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Shape {
    Unit,
    Newtype(u8),
    Tuple(i32, bool),
    Struct { side: f64, label: Option<String> },
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
enum Tagged {
    Circle { radius: u32 },
    Empty,
}

#[derive(Serialize)]
struct Wrapper(Vec<char>);

#[test]
fn strings_escape_quotes_backslashes_and_control_characters_as_serde_json_does() {
    same_as_serde_json("plain");
    same_as_serde_json("quote \" backslash \\ slash /");
    same_as_serde_json("\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f} é ✓ 𝄞");
    same_as_serde_json(&'\n');
    same_as_serde_json("");
}

#[test]
fn numbers_booleans_and_nothing_are_written_as_serde_json_does() {
    same_as_serde_json(&(u64::MAX, i64::MIN, 0u8, -1i8, u128::MAX, i128::MIN));
    same_as_serde_json(&(1.5f64, -0.0f64, 1e300f64, 0.1f32, f64::NAN, f64::INFINITY));
    same_as_serde_json(&(true, false, (), None::<u8>, Some(3)));
}

#[test]
fn every_enum_representation_is_written_as_serde_json_does() {
    same_as_serde_json(&[
        Shape::Unit,
        Shape::Newtype(7),
        Shape::Tuple(-2, true),
        Shape::Struct {
            side: 2.5,
            label: None,
        },
        Shape::Struct {
            side: 0.0,
            label: Some("a\"b".into()),
        },
    ]);
    same_as_serde_json(&[Tagged::Circle { radius: 3 }, Tagged::Empty]);
    same_as_serde_json(&Wrapper(vec!['a', '"']));
    same_as_serde_json(&Vec::<u8>::new());
    same_as_serde_json(&serde_bytes_like());
}

/// Bytes through `serialize_bytes`, which serde_json writes as an array of numbers.
fn serde_bytes_like() -> impl Serialize {
    struct Bytes;
    impl Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(&[0, 1, 255])
        }
    }
    Bytes
}

#[test]
fn map_keys_are_strings_and_numbers_and_booleans_are_quoted() {
    same_as_serde_json(&BTreeMap::from([("b", 1), ("a\n", 2)]));
    same_as_serde_json(&BTreeMap::from([(3u32, "x"), (1, "y")]));
    same_as_serde_json(&BTreeMap::from([(-4i64, 'c')]));
    same_as_serde_json(&BTreeMap::from([(true, 0)]));
    same_as_serde_json(&BTreeMap::<String, u8>::new());
    let error = to_string(&BTreeMap::from([((1, 2), 3)])).unwrap_err();
    assert_eq!(error.to_string(), "key must be a string");
}

fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::from),
            prop::collection::btree_map(any::<String>(), inner, 0..8)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_value_is_written_as_serde_json_writes_it(value in any_value()) {
        prop_assert_eq!(to_string(&value).unwrap(), serde_json::to_string(&value).unwrap());
    }
}

#[test]
fn nested_documents_are_written_as_serde_json_does() {
    same_as_serde_json(&json!({"a": [1, {"b": null, "c": [true, "d"]}], "": {}, "e": []}));
}
