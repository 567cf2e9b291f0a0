//! Between JavaScript values and the engine's types.
//!
//! Arguments are read as `JSON.stringify` sees them (properties that are `undefined` are left out, as in
//! the JSON a share link carries), then by the engine's JSON reader, strictly: unknown fields are rejected
//! and errors name the path, as for a scenario file. (serde-wasm-bindgen reads only the fields a struct
//! knows, so it cannot reject the others, and its code would make the module larger.)
//!
//! Results are built by serde-wasm-bindgen with its JSON-compatible serializer: plain objects shaped as
//! the engine's JSON (`None` is `null`, a map an object), so that `JSON.stringify` writes the engine's
//! JSON. In Node and in Chromium it measured faster than JSON text written by serde_json in the module
//! and read by `JSON.parse`, for small, typical and 100-statement results alike (README, "Performance").
//!
//! The scenario argument read last is kept with its JSON text ([`scenario`]): the page passes one
//! scenario to several functions in turn, and the same text is read once.

use std::cell::RefCell;
use std::rc::Rc;

use ecr_policy_engine::scenario::{Scenario, ScenarioError, scenario_from_text};
use js_sys::JsString;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::{args, utf8};

/// A scenario argument as read: the scenario, or why its document could not be read.
pub type ReadScenario = Rc<Result<Scenario, ScenarioError>>;

thread_local! {
    /// The scenario argument read last, by its JSON text, kept as a JavaScript string. The page passes
    /// one scenario to several functions in turn (`evaluate` then `decideSuite` or `matrix`), and again
    /// when nothing in it changed (a re-evaluation at a new time): the same text is read once, and is
    /// compared on the JavaScript side without being copied into the module.
    static LAST_READ: RefCell<Option<(JsString, ReadScenario)>> = const { RefCell::new(None) };
}

/// Reads the `scenario` argument of `function`. A value that is not an object, or not JSON data (a
/// cycle, a `BigInt`), is misuse and the outer `Err`; a malformed scenario is user input and the inner one.
/// The same JSON text as the last call's is not read again.
pub fn scenario(function: &str, value: &JsValue) -> Result<ReadScenario, JsValue> {
    let text = json_text(function, "scenario", value)?;
    Ok(LAST_READ.with_borrow_mut(|last| match last {
        Some((last_text, read)) if *last_text == text => Rc::clone(read),
        _ => {
            let document = utf8::string_of(&text);
            let read = Rc::new(
                scenario_from_text(&document).map_err(|error| ScenarioError {
                    line: None,
                    column: None,
                    ..error
                }),
            );
            *last = Some((text, Rc::clone(&read)));
            read
        }
    }))
}

/// Reads an options object of `function`, strictly (unknown fields rejected). Anything wrong is misuse.
/// Used by `lint` only, so built into the first-load module only.
#[cfg(feature = "first-load")]
pub fn options<T: for<'de> serde::Deserialize<'de>>(
    function: &str,
    argument: &str,
    value: &JsValue,
) -> Result<T, JsValue> {
    let text = utf8::string_of(&json_text(function, argument, value)?);
    ecr_policy_engine::scenario::read_document(&text).map_err(|error| {
        let at = match error.path.strip_prefix('[') {
            Some(_) => format!("{argument}{}", error.path),
            None if error.path.is_empty() => argument.to_owned(),
            None => format!("{argument}.{}", error.path),
        };
        args::misuse(function, &format!("`{at}`: {}", error.message))
    })
}

/// The object `value` as `JSON.stringify` writes it, a JavaScript string.
fn json_text(function: &str, argument: &str, value: &JsValue) -> Result<JsString, JsValue> {
    let object = args::object(function, argument, value)?;
    let json = js_sys::JSON::stringify(object).map_err(|error| {
        let message = error_message(&error);
        args::misuse(
            function,
            &format!("`{argument}` is not JSON data: {message}"),
        )
    })?;
    if json.is_string() {
        Ok(json)
    } else {
        Err(args::misuse(
            function,
            &format!("`{argument}` is not JSON data: `JSON.stringify` gave nothing"),
        ))
    }
}

/// `value` as a plain JavaScript object, built by serde-wasm-bindgen field by field with its
/// JSON-compatible serializer. The engine's types always serialize; should one not, that is a bug
/// reported as an `Error` rather than a panic.
pub fn to_js<T: Serialize>(function: &str, value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| unconvertible(function, &error))
}

/// `value` as [`to_js`] converts it, with the property `scenarioErrors` added: the results of `evaluate`
/// and `matrix`.
/// Used by `evaluate` and `matrix` only, so built into the first-load module only.
#[cfg(feature = "first-load")]
pub fn with_scenario_errors<T: Serialize>(
    function: &str,
    value: &T,
    errors: &[ScenarioError],
) -> Result<JsValue, JsValue> {
    let object = to_js(function, value)?;
    js_sys::Reflect::set(
        &object,
        &JsValue::from_str("scenarioErrors"),
        &to_js(function, &errors)?,
    )?;
    Ok(object)
}

/// The `Error` for a result that could not be converted.
fn unconvertible(function: &str, error: &dyn std::fmt::Display) -> JsValue {
    js_sys::Error::new(&format!(
        "{function}: the result could not be converted: {error}"
    ))
    .into()
}

/// The message of a thrown JavaScript value.
fn error_message(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}
