//! Between JavaScript values and the engine's types.
//!
//! Objects are read as `JSON.stringify` sees them (properties that are `undefined` are left out, as in
//! the JSON a share link carries), then by the engine's JSON reader, strictly: unknown fields are rejected. Results are
//! written as JSON text and read back by `JSON.parse`, so every result is a plain object that
//! `JSON.stringify` writes as the engine's JSON.

use ecr_policy_engine::json;
use ecr_policy_engine::scenario::{Scenario, ScenarioError, scenario_from_text};
use serde::Deserialize;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::args;

/// Reads the `scenario` argument of `function`. A value that is not an object, or not JSON data (a
/// cycle, a `BigInt`), is misuse and the outer `Err`; a malformed scenario is user input and the inner one.
pub fn scenario(
    function: &str,
    value: &JsValue,
) -> Result<Result<Scenario, ScenarioError>, JsValue> {
    let text = json_text(function, "scenario", value)?;
    Ok(scenario_from_text(&text).map_err(|error| ScenarioError {
        line: None,
        column: None,
        ..error
    }))
}

/// Reads an options object of `function`, strictly (unknown fields rejected). Anything wrong is misuse.
pub fn options<T: for<'de> Deserialize<'de>>(
    function: &str,
    argument: &str,
    value: &JsValue,
) -> Result<T, JsValue> {
    let text = json_text(function, argument, value)?;
    let misuse = |at: &str, message: &str| args::misuse(function, &format!("`{at}`: {message}"));
    let parsed = json::parse(&text).map_err(|diagnostic| misuse(argument, &diagnostic.message))?;
    json::from_value(&parsed).map_err(|error| {
        let path = json::display_path(&error.path);
        let at = match path.strip_prefix('[') {
            Some(_) => format!("{argument}{path}"),
            None if path.is_empty() => argument.to_owned(),
            None => format!("{argument}.{path}"),
        };
        misuse(&at, &error.message)
    })
}

/// The object `value` as `JSON.stringify` writes it.
fn json_text(function: &str, argument: &str, value: &JsValue) -> Result<String, JsValue> {
    let object = args::object(function, argument, value)?;
    let json = js_sys::JSON::stringify(object)
        .map_err(|error| {
            let message = error_message(&error);
            args::misuse(
                function,
                &format!("`{argument}` is not JSON data: {message}"),
            )
        })
        .map(JsValue::from)?;
    json.as_string().ok_or_else(|| {
        args::misuse(
            function,
            &format!("`{argument}` is not JSON data: `JSON.stringify` gave nothing"),
        )
    })
}

/// `value` as a plain JavaScript object: its JSON text, written by the engine's JSON writer (what
/// serde_json writes, faster in this size-optimized module) and read by `JSON.parse`. One string crosses
/// the boundary instead of a call per field. The engine's types always serialize; should one not, that
/// is a bug reported as an `Error` rather than a panic.
pub fn to_js<T: Serialize>(function: &str, value: &T) -> Result<JsValue, JsValue> {
    let text = json::to_string(value).map_err(|error| -> JsValue {
        js_sys::Error::new(&format!(
            "{function}: the result could not be converted: {error}"
        ))
        .into()
    })?;
    js_sys::JSON::parse(&text)
}

/// The message of a thrown JavaScript value.
fn error_message(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
