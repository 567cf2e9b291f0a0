//! `diff`: the access diff of two policy versions, as data.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{length_at, string_at};

const OLD: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecr:BatchGetImage"}]}"#;
const NEW: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ci", "444455556666"]}, "Action": "ecr:BatchGetImage"}]}"#;

fn diff(old: &str, new: &str) -> JsValue {
    ecr_policy_wasm::diff(
        JsValue::from_str(old),
        JsValue::from_str(new),
        JsValue::from_str("repository"),
        JsValue::UNDEFINED,
        JsValue::from_f64(1_780_272_000.0),
    )
    .unwrap()
}

#[wasm_bindgen_test]
fn an_added_account_is_new_access_with_the_changed_statement_marked() {
    let result = diff(OLD, NEW);
    assert_eq!(string_at(&result, "changes.0.after"), "allowed");
    assert_eq!(
        string_at(&result, "changes.0.principal"),
        "arn:aws:iam::444455556666:root"
    );
    assert_eq!(length_at(&result, "changedStatements.new"), 1);
    assert_eq!(length_at(&result, "changedStatements.old"), 1);
}

#[wasm_bindgen_test]
fn a_broken_version_is_data_with_its_errors_not_an_exception() {
    let result = diff("{", NEW);
    assert_eq!(length_at(&result, "changes"), 0);
    assert!(length_at(&result, "oldErrors") > 0);
    assert_eq!(length_at(&result, "newErrors"), 0);
}
