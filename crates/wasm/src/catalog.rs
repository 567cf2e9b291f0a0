//! `catalog`: the ECR and ECR Public actions, resource types and condition keys the engine knows.

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::convert;

/// The catalogue of ECR and ECR Public actions (with descriptions, access levels, resource types and
/// condition keys) and the global `aws:` condition keys, for the action picker and the context table.
#[wasm_bindgen(unchecked_return_type = "Catalog")]
pub fn catalog() -> Result<JsValue, JsValue> {
    convert::to_js("catalog", ecr_policy_engine::catalog::catalog())
}
