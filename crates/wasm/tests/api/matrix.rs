//! `matrix`: every repository action decided for the scenario's caller; a malformed scenario is data.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{TIME, allowed_scenario, js, length_at, string_at};

#[wasm_bindgen_test]
fn matrix_decides_every_repository_action() {
    let result = ecr_policy_wasm::matrix(allowed_scenario(), JsValue::from(TIME)).unwrap();
    let rows = length_at(&result, "rows");
    assert!(rows > 10, "only {rows} rows");
    assert_eq!(length_at(&result, "scenarioErrors"), 0);
    let decisions: Vec<(String, String)> = (0..rows)
        .map(|index| {
            (
                string_at(&result, &format!("rows.{index}.action")),
                string_at(&result, &format!("rows.{index}.decision")),
            )
        })
        .collect();
    assert!(decisions.contains(&("ecr:BatchGetImage".to_owned(), "allowed".to_owned())));
    assert!(decisions.contains(&("ecr:PutImage".to_owned(), "implicitDeny".to_owned())));
}

#[wasm_bindgen_test]
fn matrix_of_a_malformed_scenario_has_no_rows_and_the_error() {
    let result = ecr_policy_wasm::matrix(js(r#"{"request": 7}"#), JsValue::from(TIME)).unwrap();
    assert_eq!(length_at(&result, "rows"), 0);
    assert_eq!(string_at(&result, "scenarioErrors.0.path"), "request");
}
