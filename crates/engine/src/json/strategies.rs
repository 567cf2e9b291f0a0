//! Generated JSON values for the property tests of the parser and of the readers built on it.

use proptest::prelude::*;
use serde_json::Value;

/// JSON values with strings that need escapes, non-ASCII characters and numbers of every kind.
pub(crate) fn json_value() -> impl Strategy<Value = Value> {
    let string = "([a-z \"\\\\/]|[\u{0}-\u{1f}]|é|€|😀|\u{2028}){0,20}";
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |float| float.is_finite())
            .prop_map(Value::from),
        string.prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 40, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((string, inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}
