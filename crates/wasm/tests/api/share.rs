//! `decodeShare` and `longLink`: reading share links (written here by the engine's own encoder, which
//! `encodeShare` of the analyses module wraps); a damaged link is data.

use ecr_policy_engine::share;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{at, string_at};

#[wasm_bindgen_test]
fn a_link_decodes_to_the_text_that_was_encoded() {
    let text = r#"{"name": "Zugriff für Tëam 😀", "request": {"principal": "anonymous", "action": "ecr:BatchGetImage", "resource": "*"}}"#;
    let value = share::encode(text);
    for input in [
        value.clone(),
        format!("https://example.com/play/#s={value}"),
        format!("#s={value}"),
    ] {
        let decoded = ecr_policy_wasm::decode_share(JsValue::from_str(&input)).unwrap();
        assert_eq!(at(&decoded, "ok").as_bool(), Some(true), "{input}");
        assert_eq!(string_at(&decoded, "text"), text);
    }
}

#[wasm_bindgen_test]
fn a_damaged_link_gives_ok_false_and_a_message() {
    let value = share::encode(r#"{"request": {}}"#);
    let cut = &value[..value.len() - 3];
    for input in ["https://example.com/play/", "#s=9.abc", cut] {
        let decoded = ecr_policy_wasm::decode_share(JsValue::from_str(input)).unwrap();
        assert_eq!(at(&decoded, "ok").as_bool(), Some(false), "{input}");
        assert!(!string_at(&decoded, "message").is_empty());
        assert!(at(&decoded, "text").is_undefined());
    }
}

#[wasm_bindgen_test]
fn long_link_is_the_engine_s_limit() {
    assert_eq!(ecr_policy_wasm::long_link(), share::LONG_LINK);
}
