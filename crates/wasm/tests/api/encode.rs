//! `encodeShare`: a share value the engine's decoder reads back to the very text; misuse throws.

use ecr_policy_engine::share;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{js, thrown_message};

#[wasm_bindgen_test]
fn a_share_value_decodes_to_the_text_that_was_encoded() {
    let text = r#"{"name": "Zugriff für Tëam 😀", "request": {"principal": "anonymous", "action": "ecr:BatchGetImage", "resource": "*"}}"#;
    let value = ecr_policy_wasm::encode_share(JsValue::from_str(text)).unwrap();
    assert!(value.starts_with("1."), "{value}");
    assert_eq!(share::decode(&format!("#s={value}")).unwrap(), text);
}

#[wasm_bindgen_test]
fn encode_share_throws_when_the_argument_is_not_a_string() {
    let message = thrown_message(ecr_policy_wasm::encode_share(js("{}")));
    assert_eq!(
        message,
        "encodeShare: `scenarioJsonText` must be a string, got an object"
    );
}
