//! `benchEngine`: the native benchmarks' cases timed inside the module.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{allowed_scenario, thrown_message};

/// A time per run that a real measurement gives: positive, and far less than a second for a
/// one-statement scenario, even unoptimized.
fn assert_plausible(micros: f64) {
    assert!(micros.is_finite() && micros > 0.0, "{micros}");
    assert!(micros < 1_000_000.0, "{micros}");
}

#[wasm_bindgen_test]
fn bench_engine_times_every_scenario_case_in_microseconds() {
    for case in ["evaluate", "matrix", "prepareEvaluate"] {
        let micros = ecr_policy_wasm::bench_engine(
            JsValue::from_str(case),
            allowed_scenario(),
            JsValue::from(20),
            JsValue::UNDEFINED,
        )
        .unwrap();
        assert_plausible(micros);
    }
}

#[wasm_bindgen_test]
fn bench_engine_parse_times_a_policy_text() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}"#;
    let micros = ecr_policy_wasm::bench_engine(
        JsValue::from_str("parse"),
        JsValue::from_str(text),
        JsValue::from(20),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_plausible(micros);
}

#[wasm_bindgen_test]
fn bench_engine_throws_on_an_unknown_case_or_an_invalid_scenario() {
    let unknown = thrown_message(ecr_policy_wasm::bench_engine(
        JsValue::from_str("compile"),
        allowed_scenario(),
        JsValue::from(1),
        JsValue::UNDEFINED,
    ));
    assert!(
        unknown.starts_with("benchEngine: unknown case `compile`"),
        "{unknown}"
    );
    let invalid = thrown_message(ecr_policy_wasm::bench_engine(
        JsValue::from_str("evaluate"),
        js_sys::JSON::parse(r#"{"request": {}}"#).unwrap(),
        JsValue::from(1),
        JsValue::UNDEFINED,
    ));
    assert!(invalid.starts_with("benchEngine: `input`: "), "{invalid}");
}

#[wasm_bindgen_test]
fn bench_engine_throws_when_iterations_is_not_a_positive_whole_number() {
    for iterations in [
        JsValue::from(0),
        JsValue::from(2.5),
        JsValue::from_str("10"),
        JsValue::UNDEFINED,
    ] {
        let message = thrown_message(ecr_policy_wasm::bench_engine(
            JsValue::from_str("evaluate"),
            allowed_scenario(),
            iterations,
            JsValue::UNDEFINED,
        ));
        assert!(
            message.starts_with("benchEngine: `iterations` must be a whole number of at least 1"),
            "{message}"
        );
    }
}
