//! `readScenarios`: the engine's scenario reader, every field of every scenario kept; what cannot be read
//! is data with its path, line and column.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{at, length_at, number_at, string_at};

#[wasm_bindgen_test]
fn every_scenario_of_a_file_is_read_with_the_fields_the_page_does_not_edit() {
    let text = r#"{"scenarios": [
        {"request": {"principal": "arn:aws:sts::111122223333:federated-user/dev", "action": "ecr:BatchGetImage",
                     "resource": "*", "federatedBy": "arn:aws:iam::111122223333:user/dev"},
         "registryPolicyScope": "V1", "expect": "allowed"},
        {"requests": [{"name": "pull", "principal": "anonymous", "operation": "pull", "resource": "*", "expect": "implicitDeny"}]}
    ]}"#;
    let read = ecr_policy_wasm::read_scenarios(JsValue::from_str(text)).unwrap();
    assert_eq!(at(&read, "ok").as_bool(), Some(true));
    assert_eq!(length_at(&read, "scenarios"), 2);
    assert_eq!(
        string_at(&read, "scenarios.0.request.federatedBy"),
        "arn:aws:iam::111122223333:user/dev"
    );
    assert_eq!(string_at(&read, "scenarios.0.registryPolicyScope"), "V1");
    assert_eq!(string_at(&read, "scenarios.0.expect"), "allowed");
    assert_eq!(string_at(&read, "scenarios.1.requests.0.operation"), "pull");
    assert_eq!(
        string_at(&read, "scenarios.1.requests.0.expect"),
        "implicitDeny"
    );
}

#[wasm_bindgen_test]
fn what_cannot_be_read_is_data_with_the_path_line_and_column() {
    let text = "{\n  \"request\": {\"principal\": \"anonymous\", \"action\": \"ecr:BatchGetImage\", \"resource\": \"*\"},\n  \"registryPolicyScope\": \"V3\"\n}";
    let read = ecr_policy_wasm::read_scenarios(JsValue::from_str(text)).unwrap();
    assert_eq!(at(&read, "ok").as_bool(), Some(false));
    assert_eq!(string_at(&read, "error.path"), "registryPolicyScope");
    assert!(
        string_at(&read, "error.message").contains("V1"),
        "the message names the scopes"
    );
    assert_eq!(number_at(&read, "error.line"), 3.0);
    assert!(at(&read, "scenarios").is_undefined());
}

#[wasm_bindgen_test]
fn a_text_that_is_not_a_string_is_misuse() {
    assert!(ecr_policy_wasm::read_scenarios(JsValue::from_f64(1.0)).is_err());
}
