//! `readAccount`, `importIdentity` and `whoCan`: account authorization details in, data out; a broken
//! document is `{ok: false, message}` with its line and column.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{TIME, at, js, length_at, string_at};

const DETAILS: &str = include_str!("../../../../tests/fixtures/account-details/cli-output.json");

#[wasm_bindgen_test]
fn read_account_lists_users_and_roles() {
    let result = ecr_policy_wasm::read_account(JsValue::from_str(DETAILS)).unwrap();
    assert_eq!(at(&result, "ok").as_bool(), Some(true));
    assert_eq!(length_at(&result, "principals"), 4);
    assert_eq!(string_at(&result, "principals.2.kind"), "role");
    assert_eq!(at(&result, "truncated").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn a_broken_document_is_a_message_with_its_position() {
    let result =
        ecr_policy_wasm::read_account(JsValue::from_str("{\n  \"UserDetailList\": [")).unwrap();
    assert_eq!(at(&result, "ok").as_bool(), Some(false));
    assert!(
        string_at(&result, "message").starts_with("line 2, column "),
        "{}",
        string_at(&result, "message")
    );
}

#[wasm_bindgen_test]
fn import_identity_gives_the_policies_and_names_what_is_missing() {
    let result = ecr_policy_wasm::import_identity(
        JsValue::from_str(DETAILS),
        JsValue::from_str("arn:aws:iam::111122223333:user/bob"),
    )
    .unwrap();
    assert_eq!(at(&result, "ok").as_bool(), Some(true));
    assert_eq!(
        string_at(&result, "identity.identityPolicies.0.name"),
        "EcrPullTeam (managed)"
    );
    assert_eq!(
        string_at(&result, "identity.missing.0.name"),
        "AmazonEC2ContainerRegistryPowerUser"
    );
    assert!(string_at(&result, "summary").contains("AmazonEC2ContainerRegistryPowerUser"));
    let unknown = ecr_policy_wasm::import_identity(
        JsValue::from_str(DETAILS),
        JsValue::from_str("arn:aws:iam::111122223333:user/mallory"),
    )
    .unwrap();
    assert_eq!(at(&unknown, "ok").as_bool(), Some(false));
}

#[wasm_bindgen_test]
fn who_can_decides_every_principal() {
    let scenario = js(
        r#"{"request": {"principal": "", "action": "ecr:BatchGetImage",
        "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}"#,
    );
    let result = ecr_policy_wasm::who_can_js(
        JsValue::from_str(DETAILS),
        scenario,
        JsValue::from_f64(TIME),
    )
    .unwrap();
    assert_eq!(at(&result, "ok").as_bool(), Some(true));
    assert_eq!(length_at(&result, "principals"), 4);
    assert_eq!(string_at(&result, "principals.0.decision"), "allowed");
    assert_eq!(string_at(&result, "principals.1.decision"), "implicitDeny");
}
