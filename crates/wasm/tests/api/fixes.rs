//! `suggestFixes`: a denied request's fixes as plain objects, each fix's scenario decided allowed by
//! the engine (`evaluate` is in the other module); an unreadable scenario is `{ok: false, message}`.

use ecr_policy_engine::eval::{Decision, evaluate};
use ecr_policy_engine::scenario::scenario_from_text;
use ecr_policy_test_kit::CORPUS_TIME;
use js_sys::JSON;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{TIME, at, js, length_at, string_at, thrown_message};

const CROSS_ACCOUNT_PULL: &str =
    include_str!("../../../cli/tests/fixtures/cross-account-pull.json");

#[wasm_bindgen_test]
fn a_denied_cross_account_pull_gets_fixes_whose_scenarios_are_allowed() {
    // XACCT: the fix changes both accounts' policies.
    let result =
        ecr_policy_wasm::suggest_fixes_js(js(CROSS_ACCOUNT_PULL), JsValue::from_f64(TIME)).unwrap();
    assert_eq!(at(&result, "ok").as_bool(), Some(true));
    let count = length_at(&result, "fixes");
    assert!(count > 0);
    assert_eq!(string_at(&result, "fixes.0.side"), "both");
    assert_eq!(string_at(&result, "fixes.0.changes.0.policy"), "identity:0");
    for index in 0..count {
        let scenario = at(&result, &format!("fixes.{index}.scenario"));
        let text = JSON::stringify(&scenario).unwrap().as_string().unwrap();
        let scenario = scenario_from_text(&text).unwrap();
        assert_eq!(evaluate(&scenario, CORPUS_TIME).decision, Decision::Allowed);
    }
}

#[wasm_bindgen_test]
fn an_unreadable_scenario_is_a_message_and_an_allowed_one_has_no_fixes() {
    let broken =
        ecr_policy_wasm::suggest_fixes_js(js(r#"{"request": 3}"#), JsValue::UNDEFINED).unwrap();
    assert_eq!(at(&broken, "ok").as_bool(), Some(false));
    assert!(string_at(&broken, "message").contains("request"));
    let allowed = js(
        r#"{"request": {"principal": "111122223333", "action": "ecr:BatchGetImage",
            "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}"#,
    );
    let result = ecr_policy_wasm::suggest_fixes_js(allowed, JsValue::UNDEFINED).unwrap();
    assert_eq!(length_at(&result, "fixes"), 0);
}

#[wasm_bindgen_test]
fn a_scenario_that_is_not_an_object_is_misuse() {
    let message = thrown_message(ecr_policy_wasm::suggest_fixes_js(
        JsValue::from_f64(4.0),
        JsValue::UNDEFINED,
    ));
    assert!(message.starts_with("suggestFixes: "), "{message}");
}
