//! `suggestFixes`: for a denied request, the engine's fixes (each verified by deciding its edited
//! scenario), as the page's "How to fix" section shows them. A scenario that cannot be read comes back
//! as `{ok: false, message}`.

use ecr_policy_engine::fix::{Fix, suggest_fixes};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::account::Failed;
use crate::{args, convert};

/// What `suggestFixes` returns: the fixes (none for an allowed or invalid request), or why the scenario
/// cannot be read.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(untagged)]
pub enum SuggestFixesResult {
    /// The fixes, those that change fewer policies first.
    Suggested {
        /// Always `true`.
        #[tsify(type = "true")]
        ok: bool,
        /// Each fix: its side, description, changed policies and the whole edited scenario.
        fixes: Vec<Fix>,
    },
    /// The scenario could not be read.
    Failed(Failed),
}

/// The fixes for `scenario`'s first request (its only one unless it is a suite). `at` is as for
/// `evaluate`. Throws only on misuse (not an object, not a number).
#[wasm_bindgen(js_name = suggestFixes, unchecked_return_type = "SuggestFixesResult")]
pub fn suggest_fixes_js(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<JsValue, JsValue> {
    let read = convert::scenario("suggestFixes", &scenario)?;
    let time = args::request_time("suggestFixes", &at)?;
    let result = match read.as_ref() {
        Ok(scenario) => SuggestFixesResult::Suggested {
            ok: true,
            fixes: suggest_fixes(scenario, time),
        },
        Err(error) => SuggestFixesResult::Failed(Failed::read(error)),
    };
    convert::to_js("suggestFixes", &result)
}
