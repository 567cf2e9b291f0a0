//! `accessDenied`: an AccessDenied message read, and whether the evaluation of a scenario agrees with
//! the reason AWS gave.

use ecr_policy_engine::denied::{self, AccessDenied, AccessDeniedError, Agreement};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::policies::prepare;
use crate::{args, convert};

/// What `accessDenied` returns: the message read, or why it is not one; and, given a scenario, whether
/// its evaluation agrees.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AccessDeniedResult {
    /// What the message says: principal, action, resource and the blamed policy type; null when the text
    /// is no AccessDenied message.
    pub denied: Option<AccessDenied>,
    /// Why the text is no AccessDenied message, with its span; null when it is one.
    pub error: Option<AccessDeniedError>,
    /// Whether the evaluation of the scenario's request agrees with AWS's reason, and if not which
    /// policy to look at; null without a scenario, for a malformed one, or when the text is no message.
    pub agreement: Option<Agreement>,
}

/// Reads the AccessDenied message `text` (`User: ARN is not authorized to perform: ACTION on resource:
/// ARN because no identity-based policy allows ...`, every form of AWS's access denied messages) and,
/// given `scenario`, evaluates its request (a suite's first) and compares. `at` is as for `evaluate`.
/// A text that is no such message gives `error`, never an exception. Throws only when `text` is not a
/// string, `scenario` not an object or `at` not a number.
#[wasm_bindgen(js_name = accessDenied, unchecked_return_type = "AccessDeniedResult")]
pub fn access_denied(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<JsValue, JsValue> {
    let text = args::string("accessDenied", "text", &text)?;
    let time = args::request_time("accessDenied", &at)?;
    let read = if scenario.is_undefined() {
        None
    } else {
        Some(convert::scenario("accessDenied", &scenario)?)
    };
    let result = match denied::parse(&text) {
        Ok(message) => AccessDeniedResult {
            agreement: read
                .as_deref()
                .and_then(|read| read.as_ref().ok())
                .map(|scenario| {
                    denied::compare(&message, &prepare(scenario).evaluate_request(time))
                }),
            denied: Some(message),
            error: None,
        },
        Err(error) => AccessDeniedResult {
            denied: None,
            error: Some(error),
            agreement: None,
        },
    };
    convert::to_js("accessDenied", &result)
}
