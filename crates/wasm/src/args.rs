//! Checks of the arguments JavaScript passes. A wrong argument is misuse of the API, not user input, so
//! it becomes a thrown `Error` whose message names the function, the argument and what it got.

use ecr_policy_engine::eval::RequestTime;
use ecr_policy_engine::float::float_text;
use ecr_policy_engine::policy::PolicyKind;
use wasm_bindgen::JsValue;

use crate::utf8;

/// A JavaScript `Error` for misuse of `function`, as the `Err` that wasm-bindgen throws.
pub fn misuse(function: &str, message: &str) -> JsValue {
    js_sys::Error::new(&format!("{function}: {message}")).into()
}

/// The argument as a string, or an error naming `argument`.
pub fn string(function: &str, argument: &str, value: &JsValue) -> Result<String, JsValue> {
    utf8::as_string(value).ok_or_else(|| {
        misuse(
            function,
            &format!("`{argument}` must be a string, got {}", describe(value)),
        )
    })
}

/// The argument as a plain object (not an array, not `null`), or an error naming `argument`.
pub fn object<'a>(
    function: &str,
    argument: &str,
    value: &'a JsValue,
) -> Result<&'a JsValue, JsValue> {
    if value.is_object() && !js_sys::Array::is_array(value) {
        Ok(value)
    } else {
        Err(misuse(
            function,
            &format!("`{argument}` must be an object, got {}", describe(value)),
        ))
    }
}

/// The `kind` argument of `function`, one of the names of [`PolicyKind`].
pub fn policy_kind(function: &str, value: &JsValue) -> Result<PolicyKind, JsValue> {
    let name = string(function, "kind", value)?;
    PolicyKind::from_name(&name).ok_or_else(|| {
        let known: Vec<String> = PolicyKind::ALL
            .iter()
            .map(|kind| format!("`{}`", kind.as_str()))
            .collect();
        misuse(
            function,
            &format!(
                "unknown policy kind `{name}`; expected one of {}",
                known.join(", ")
            ),
        )
    })
}

/// The optional `at` argument, Unix seconds: the current time when it is `undefined`.
pub fn request_time(function: &str, value: &JsValue) -> Result<RequestTime, JsValue> {
    if value.is_undefined() {
        return Ok(now());
    }
    match value.as_f64() {
        Some(seconds) if seconds.is_finite() => Ok(RequestTime(seconds.floor() as i64)),
        _ => Err(misuse(
            function,
            &format!(
                "`at` must be Unix seconds as a finite number, or left out, got {}",
                describe(value)
            ),
        )),
    }
}

/// The current time: JavaScript's clock in whole seconds since the Unix epoch.
pub fn now() -> RequestTime {
    RequestTime((js_sys::Date::now() / 1000.0).floor() as i64)
}

/// What a value is, for messages: ``the number `42` ``, `a string`, `an object`, ``nothing (`undefined`)``.
pub fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "nothing (`undefined`)".to_owned()
    } else if value.is_null() {
        "`null`".to_owned()
    } else if js_sys::Array::is_array(value) {
        "an array".to_owned()
    } else if let Some(number) = value.as_f64() {
        format!("the number `{}`", float_text(number))
    } else if let Some(flag) = value.as_bool() {
        format!("the boolean `{flag}`")
    } else if value.is_string() {
        "a string".to_owned()
    } else if value.is_object() {
        "an object".to_owned()
    } else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        format!("a value of type `{kind}`")
    }
}
