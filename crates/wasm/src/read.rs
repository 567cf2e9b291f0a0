//! `readScenarios`: the engine's scenario reader, so that the page reads files, links, pasted text and
//! its own saved work with the rules the CLI and the tests read them with.

use ecr_policy_engine::scenario::{Scenario, ScenarioError, scenarios_from_text};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{args, convert};

/// What `readScenarios` returns: every scenario of the text as the engine reads it, or the first thing
/// that keeps the text from being read, with its path, line and column.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(untagged)]
pub enum ReadScenariosResult {
    /// The text was read.
    Read {
        /// Always `true`.
        #[tsify(type = "true")]
        ok: bool,
        /// Every scenario, in the text's order: every field of each, the ones the page does not edit
        /// included.
        scenarios: Vec<Scenario>,
    },
    /// The text is not a scenario document.
    Failed {
        /// Always `false`.
        #[tsify(type = "false")]
        ok: bool,
        /// What is wrong, and where.
        error: ScenarioError,
    },
}

/// Reads the text of a scenario document: one scenario, a JSON array of them or `{"scenarios": [...]}`,
/// as `ecr-policy eval` reads a file. What the text holds comes back as data, never an exception; throws
/// only when `text` is not a string.
#[wasm_bindgen(js_name = readScenarios, unchecked_return_type = "ReadScenariosResult")]
pub fn read_scenarios(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = args::string("readScenarios", "text", &text)?;
    let result = match scenarios_from_text(&text) {
        Ok(scenarios) => ReadScenariosResult::Read {
            ok: true,
            scenarios,
        },
        Err(error) => ReadScenariosResult::Failed { ok: false, error },
    };
    convert::to_js("readScenarios", &result)
}
