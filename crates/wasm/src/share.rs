//! `decodeShare` and `longLink`: reading the engine's share links (`encodeShare`, in `encode.rs`, writes them).

use ecr_policy_engine::share;
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{args, convert};

/// What `decodeShare` returns: the scenario document's JSON text, or why the link cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(untagged)]
pub enum DecodeShareResult {
    /// The link was read.
    Decoded {
        /// Always `true`.
        #[tsify(type = "true")]
        ok: bool,
        /// The scenario document's JSON text, exactly as it was encoded.
        text: String,
    },
    /// The link could not be read.
    Failed {
        /// Always `false`.
        #[tsify(type = "false")]
        ok: bool,
        /// Why, in words for the person who pasted it.
        message: String,
    },
}

/// The length, in characters, above which a link risks being cut by chat tools and mail clients.
#[wasm_bindgen(js_name = longLink)]
#[must_use]
pub fn long_link() -> usize {
    share::LONG_LINK
}

/// Decodes a share link, its fragment `#s=...`, `s=...` or the bare `<version>.<payload>` back to the
/// scenario document's JSON text. A link that cannot be read gives `{ok: false, message}`, never an
/// exception; throws only when `fragmentOrUrl` is not a string.
#[wasm_bindgen(js_name = decodeShare, unchecked_return_type = "DecodeShareResult")]
pub fn decode_share(
    #[wasm_bindgen(js_name = fragmentOrUrl, unchecked_param_type = "string")]
    fragment_or_url: JsValue,
) -> Result<JsValue, JsValue> {
    let input = args::string("decodeShare", "fragmentOrUrl", &fragment_or_url)?;
    let result = match share::decode(&input) {
        Ok(text) => DecodeShareResult::Decoded { ok: true, text },
        Err(error) => DecodeShareResult::Failed {
            ok: false,
            message: error.to_string(),
        },
    };
    convert::to_js("decodeShare", &result)
}
