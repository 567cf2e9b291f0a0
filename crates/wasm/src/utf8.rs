//! JavaScript strings copied into the module as UTF-8 by the platform's `TextEncoder`, in one call.
//! wasm-bindgen's own copy (`String::from(&JsString)`, `JsValue::as_string`) writes the ASCII part of
//! a string into the module one character at a time in JavaScript: for the 11,500 characters of the
//! keystroke benchmark's scenario that loop measured 40 µs in Node.js, `TextEncoder.encode` and the
//! copy of its bytes 5.6 µs.

use js_sys::JsString;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// The platform's `TextEncoder` (browsers, their workers and Node.js all have one).
    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    /// `text` as UTF-8, a lone surrogate written as U+FFFD (as wasm-bindgen's own copy writes it).
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &JsString) -> Vec<u8>;
}

thread_local! {
    /// One encoder for every call.
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// `text` as a Rust string.
pub fn string_of(text: &JsString) -> String {
    let bytes = ENCODER.with(|encoder| encoder.encode(text));
    // `TextEncoder` writes only UTF-8; should it ever not, wasm-bindgen's copy is the way that stays.
    String::from_utf8(bytes).unwrap_or_else(|_| String::from(text))
}

/// `value` as a Rust string, when it is a JavaScript string.
pub fn as_string(value: &JsValue) -> Option<String> {
    value.dyn_ref::<JsString>().map(string_of)
}
