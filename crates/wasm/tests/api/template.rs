//! `readTemplate`: a template's text in, its policies out; a broken file is `{ok: false, message, line,
//! column}`.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{at, length_at, string_at};

const CFN_YAML: &str = include_str!("../../../../tests/fixtures/templates/ecr-stack.yaml");
const PLAN: &str = include_str!("../../../../tests/fixtures/templates/plan.json");

#[wasm_bindgen_test]
fn read_template_lists_a_yaml_templates_policies_with_their_markers() {
    let result = ecr_policy_wasm::read_template(JsValue::from_str(CFN_YAML)).unwrap();
    assert_eq!(at(&result, "ok").as_bool(), Some(true));
    assert_eq!(string_at(&result, "template.format"), "cloudFormationYaml");
    assert_eq!(length_at(&result, "template.policies"), 5);
    assert_eq!(
        string_at(&result, "template.policies.0.slot"),
        "repositoryPolicy"
    );
    assert_eq!(
        string_at(&result, "template.policies.0.markers.0.text"),
        "{{Fn::GetAtt BuildUser.Arn}}"
    );
    assert_eq!(
        string_at(&result, "template.policies.0.markers.0.kind"),
        "intrinsic"
    );
    assert!(
        string_at(&result, "template.policies.0.policy").contains("{{Fn::GetAtt BuildUser.Arn}}")
    );
}

#[wasm_bindgen_test]
fn read_template_marks_a_terraform_value_unknown_until_apply() {
    let result = ecr_policy_wasm::read_template(JsValue::from_str(PLAN)).unwrap();
    assert_eq!(string_at(&result, "template.format"), "terraformPlan");
    assert_eq!(
        string_at(&result, "template.policies.3.markers.0.kind"),
        "unknown"
    );
    assert_eq!(at(&result, "template.policies.3.line").as_f64(), Some(65.0));
}

#[wasm_bindgen_test]
fn a_broken_template_is_a_message_with_its_position() {
    let result = ecr_policy_wasm::read_template(JsValue::from_str("Resources:\n  A: [\n")).unwrap();
    assert_eq!(at(&result, "ok").as_bool(), Some(false));
    assert_eq!(at(&result, "line").as_f64(), Some(3.0));
    assert!(
        string_at(&result, "message").starts_with("line 3, column 1: not valid YAML"),
        "{}",
        string_at(&result, "message")
    );
}

#[wasm_bindgen_test]
fn a_document_of_no_recognised_shape_names_the_shapes() {
    let result = ecr_policy_wasm::read_template(JsValue::from_str("{\"Statement\": []}")).unwrap();
    assert_eq!(at(&result, "ok").as_bool(), Some(false));
    assert!(string_at(&result, "message").contains("a Terraform plan in JSON"));
}

#[wasm_bindgen_test]
fn read_template_throws_only_when_misused() {
    let error = ecr_policy_wasm::read_template(JsValue::from_f64(1.0)).unwrap_err();
    assert!(
        js_sys::Error::from(error)
            .message()
            .as_string()
            .unwrap()
            .contains("readTemplate")
    );
}
