//! `encodeShare`: writes the engine's share links. Apart from `decodeShare` (`share.rs`) because the page
//! needs it only when a person shares, so it lives in the analyses module with the compressor it brings.

use ecr_policy_engine::share;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::args;

/// Encodes a scenario document's JSON text as the share value `<version>.<payload>`, what follows `#s=`
/// in a link. The text is carried as it is, even when it is not a valid scenario. Throws only when
/// `scenarioJsonText` is not a string.
#[wasm_bindgen(js_name = encodeShare)]
pub fn encode_share(
    #[wasm_bindgen(js_name = scenarioJsonText, unchecked_param_type = "string")] scenario_json_text: JsValue,
) -> Result<String, JsValue> {
    let text = args::string("encodeShare", "scenarioJsonText", &scenario_json_text)?;
    Ok(share::encode(&text))
}
