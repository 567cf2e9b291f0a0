//! Helpers to build JavaScript values and read results.

use js_sys::{JSON, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The corpus's clock, as the page passes times: Unix seconds in a JavaScript number.
pub const TIME: f64 = ecr_policy_test_kit::CORPUS_SECONDS as f64;

/// A JavaScript value from JSON text.
pub fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

/// A same-account scenario whose identity policy allows the pull it asks for.
#[cfg(feature = "first-load")]
pub fn allowed_scenario() -> JsValue {
    js(r#"{
        "name": "same-account pull",
        "identityPolicies": [{"name": "pull", "policy": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}
        ]}}],
        "request": {
            "principal": "arn:aws:iam::111122223333:user/bob",
            "action": "ecr:BatchGetImage",
            "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"
        }
    }"#)
}

/// The value at `path` (dot-separated property names and array indexes) under `value`; `value` itself
/// for the empty path.
pub fn at(value: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .filter(|key| !key.is_empty())
        .fold(value.clone(), |current, key| {
            assert!(current.is_object(), "`{key}` of `{path}`: not an object");
            Reflect::get(&current, &JsValue::from_str(key)).unwrap()
        })
}

/// The string at `path`.
pub fn string_at(value: &JsValue, path: &str) -> String {
    at(value, path)
        .as_string()
        .unwrap_or_else(|| panic!("`{path}` is not a string"))
}

/// The number at `path`.
pub fn number_at(value: &JsValue, path: &str) -> f64 {
    at(value, path)
        .as_f64()
        .unwrap_or_else(|| panic!("`{path}` is not a number"))
}

/// The length of the array at `path`.
pub fn length_at(value: &JsValue, path: &str) -> u32 {
    at(value, path)
        .dyn_into::<js_sys::Array>()
        .unwrap()
        .length()
}

/// Whether `value` is a plain object (its prototype is `Object.prototype`), not a `Map` or a class.
#[cfg(feature = "first-load")]
pub fn is_plain_object(value: &JsValue) -> bool {
    let prototype = js_sys::Object::get_prototype_of(value);
    let object_prototype = js_sys::Object::get_prototype_of(&js_sys::Object::new());
    JsValue::from(prototype) == JsValue::from(object_prototype)
}

/// The message of the `Error` a call threw; fails when it did not throw an `Error`.
pub fn thrown_message<T: std::fmt::Debug>(result: Result<T, JsValue>) -> String {
    let error = result.expect_err("the call should have thrown");
    let error: js_sys::Error = error
        .dyn_into()
        .expect("the thrown value should be an Error");
    error.message().into()
}
