//! `accessDenied`: the message read as data (an unreadable one too), and the agreement with a scenario's
//! evaluation.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{TIME, at, js, number_at, string_at};

const MESSAGE: &str = "User: arn:aws:sts::444455556666:assumed-role/ci/build-7 is not authorized to perform: \
    ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:111122223333:repository/app because no \
    resource-based policy allows the ecr:BatchGetImage action";

#[wasm_bindgen_test]
fn a_message_gives_the_request_and_the_blamed_type() {
    let result = ecr_policy_wasm::access_denied(
        JsValue::from_str(MESSAGE),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(
        string_at(&result, "denied.principal"),
        "arn:aws:sts::444455556666:assumed-role/ci/build-7"
    );
    assert_eq!(
        string_at(&result, "denied.blame.policyType"),
        "resource-based-policy"
    );
    assert!(at(&result, "agreement").is_null());
    assert!(at(&result, "error").is_null());
}

#[wasm_bindgen_test]
fn with_a_scenario_it_says_whether_the_evaluation_agrees() {
    let scenario = js(
        r#"{"identityPolicies": [{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
        "Action": "ecr:*", "Resource": "*"}]}], "request": {"principal":
        "arn:aws:sts::444455556666:assumed-role/ci/build-7", "action": "ecr:BatchGetImage",
        "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}"#,
    );
    let result =
        ecr_policy_wasm::access_denied(JsValue::from_str(MESSAGE), scenario, JsValue::from(TIME))
            .unwrap();
    assert_eq!(string_at(&result, "agreement.verdict"), "agrees");
}

#[wasm_bindgen_test]
fn a_text_that_is_no_message_is_an_error_with_its_position() {
    let result = ecr_policy_wasm::access_denied(
        JsValue::from_str("Access Denied"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(at(&result, "denied").is_null());
    assert_eq!(number_at(&result, "error.span.0"), 0.0);
    assert!(string_at(&result, "error.message").contains("not an AccessDenied message"));
}
