//! `diff`: the access diff of two versions of one policy, for the page's Compare view.

use ecr_policy_engine::diff::{AccessDiff, DiffInput, diff_policies};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{args, convert};

/// Decides the representative requests of two versions of a policy of `kind` (`old` and `new`, texts as
/// typed) under each and returns every request whose decision changed, with `newAccess`, `lostAccess`
/// and the changed statements of each version (their spans with UTF-16 offsets for the editors).
/// `base` is the scenario whose other policies, repository and context the requests are decided with
/// (the policy compared takes its kind's slot); left out, the defaults of the README. `at` is the
/// request time in Unix seconds, now when left out. Either version with errors gives `valid: false` and
/// the errors of both; a malformed `base` gives `valid: false` and `baseErrors`. Throws only when an
/// argument has the wrong type.
#[wasm_bindgen(unchecked_return_type = "AccessDiff")]
pub fn diff(
    #[wasm_bindgen(unchecked_param_type = "string")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] new: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PolicyKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Scenario")] base: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<JsValue, JsValue> {
    let old = args::string("diff", "old", &old)?;
    let new = args::string("diff", "new", &new)?;
    let kind = args::policy_kind("diff", &kind)?;
    let time = args::request_time("diff", &at)?;
    let base = if base.is_undefined() || base.is_null() {
        None
    } else {
        let read = convert::scenario("diff", &base)?;
        if let Err(error) = read.as_ref() {
            let result = AccessDiff::unreadable_base(vec![error.to_string()]);
            return convert::to_js("diff", &result);
        }
        Some(read)
    };
    let result = diff_policies(&DiffInput {
        old: &old,
        new: &new,
        kind,
        base: base.as_deref().and_then(|read| read.as_ref().ok()),
        time,
    });
    convert::to_js("diff", &result)
}
