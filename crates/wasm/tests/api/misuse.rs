//! Misuse of the API (a value of the wrong type where an argument belongs, a missing argument) throws a
//! JavaScript `Error` whose message names the function and the argument.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{allowed_scenario, js, thrown_message};

#[wasm_bindgen_test]
fn evaluate_throws_when_the_scenario_is_not_an_object() {
    let cases = [
        (JsValue::from(42), "the number `42`"),
        (JsValue::UNDEFINED, "nothing (`undefined`)"),
        (JsValue::NULL, "`null`"),
        (js("[]"), "an array"),
        (JsValue::from_str("{}"), "a string"),
    ];
    for (argument, described) in cases {
        let message = thrown_message(ecr_policy_wasm::evaluate(argument, JsValue::UNDEFINED));
        assert_eq!(
            message,
            format!("evaluate: `scenario` must be an object, got {described}")
        );
    }
}

#[wasm_bindgen_test]
fn evaluate_throws_when_at_is_not_a_number() {
    let message = thrown_message(ecr_policy_wasm::evaluate(
        allowed_scenario(),
        JsValue::from_str("now"),
    ));
    assert!(
        message.starts_with("evaluate: `at` must be Unix seconds"),
        "{message}"
    );
    let message = thrown_message(ecr_policy_wasm::evaluate(
        allowed_scenario(),
        JsValue::from(f64::NAN),
    ));
    assert!(message.starts_with("evaluate: `at`"), "{message}");
}

#[wasm_bindgen_test]
fn evaluate_throws_when_the_scenario_is_not_json_data() {
    let scenario = allowed_scenario();
    js_sys::Reflect::set(&scenario, &"view".into(), &scenario).unwrap();
    let message = thrown_message(ecr_policy_wasm::evaluate(scenario, JsValue::UNDEFINED));
    assert!(
        message.starts_with("evaluate: `scenario` is not JSON data: "),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn matrix_throws_when_the_scenario_is_not_an_object() {
    let message = thrown_message(ecr_policy_wasm::matrix(JsValue::TRUE, JsValue::UNDEFINED));
    assert_eq!(
        message,
        "matrix: `scenario` must be an object, got the boolean `true`"
    );
}

#[wasm_bindgen_test]
fn lint_throws_on_a_text_that_is_not_a_string() {
    let message = thrown_message(ecr_policy_wasm::lint(
        js("{}"),
        JsValue::from_str("identity"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(message, "lint: `text` must be a string, got an object");
}

#[wasm_bindgen_test]
fn lint_throws_on_an_unknown_kind_and_lists_the_known_ones() {
    let message = thrown_message(ecr_policy_wasm::lint(
        JsValue::from_str("{}"),
        JsValue::from_str("bucket"),
        JsValue::UNDEFINED,
    ));
    assert_eq!(
        message,
        "lint: unknown policy kind `bucket`; expected one of `repository`, `identity`, `boundary`, `session`, `scp`, `rcp`, `registry`"
    );
    let message = thrown_message(ecr_policy_wasm::lint(
        JsValue::from_str("{}"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    ));
    assert_eq!(
        message,
        "lint: `kind` must be a string, got nothing (`undefined`)"
    );
}

#[wasm_bindgen_test]
fn lint_throws_on_unknown_options() {
    let options = js(r#"{"repoArn": "arn:aws:ecr:us-east-1:111122223333:repository/app"}"#);
    let message = thrown_message(ecr_policy_wasm::lint(
        JsValue::from_str("{}"),
        JsValue::from_str("repository"),
        options,
    ));
    assert!(
        message.starts_with("lint: `options.repoArn`: unknown field `repoArn`"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn decode_share_throws_when_the_argument_is_not_a_string() {
    let message = thrown_message(ecr_policy_wasm::decode_share(JsValue::UNDEFINED));
    assert_eq!(
        message,
        "decodeShare: `fragmentOrUrl` must be a string, got nothing (`undefined`)"
    );
}
