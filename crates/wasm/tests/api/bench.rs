//! `benchEvaluate`: the mean time of one `evaluate` call, for the benchmarks.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::allowed_scenario;

#[wasm_bindgen_test]
fn bench_evaluate_gives_a_positive_time_per_call_in_microseconds() {
    let micros = ecr_policy_wasm::bench_evaluate(allowed_scenario(), JsValue::from(20)).unwrap();
    assert!(micros.is_finite() && micros > 0.0, "{micros}");
    // One evaluation of a one-statement scenario takes far less than a second, even unoptimized.
    assert!(micros < 1_000_000.0, "{micros}");
}
