//! The whole scenario corpus (`tests/scenarios/`) through the WebAssembly API: every request of every
//! scenario (each of a suite's), passed as a JavaScript object to `evaluateSuite`, gives its `expect`
//! decision, and `evaluateSuite`, `evaluate` and `matrix` give exactly the engine's own results, field for
//! field, once turned into JSON.
//!
//! The files are embedded at compile time by `build.rs`, so a new corpus file is picked up without
//! editing anything here. Runs in Node.js and in headless Chromium (`scripts/test-wasm`).
//!
//! In Chromium the test runner reads the page through WebDriver while the tests run, and gives up when
//! the page does not answer for about 20 seconds; a whole corpus pass takes longer than that on a busy
//! machine. So the tests are asynchronous and let the page's other tasks run after every few scenarios
//! (`let_other_tasks_run`).

// `cfg(test)` so that crates/clippy.toml's test allowances (unwrap, panic...) cover `wasm_bindgen_test`
// functions. The functions tested are in the first-load module.
#![cfg(test)]
#![cfg(feature = "first-load")]

use ecr_policy_engine::eval::{evaluate, evaluate_suite, prepare};
use ecr_policy_engine::scenario::{Scenario, scenario_from_text, scenarios_from_text};
use ecr_policy_test_kit::{CORPUS_SECONDS, CORPUS_TIME};
use js_sys::JSON;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{console_log, wasm_bindgen_test};

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

#[wasm_bindgen]
extern "C" {
    /// The global `setTimeout`, in Node.js and in browsers.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, milliseconds: i32);
}

/// How many scenarios a test decides between two chances for the page's other tasks.
const SCENARIOS_BETWEEN_YIELDS: usize = 10;

/// Resolves in a later task of the event loop, after the tasks waiting now (WebDriver's among them) ran.
async fn let_other_tasks_run() {
    let later = js_sys::Promise::new(&mut |resolve, _| set_timeout(&resolve, 0));
    JsFuture::from(later).await.unwrap();
}

/// After every `SCENARIOS_BETWEEN_YIELDS`-th scenario (counting from `index`), lets other tasks run.
async fn pace(index: usize) {
    if index % SCENARIOS_BETWEEN_YIELDS == SCENARIOS_BETWEEN_YIELDS - 1 {
        let_other_tasks_run().await;
    }
}

/// The scenario as the page would pass it: a plain JavaScript object.
fn to_js_object(scenario: &Scenario) -> JsValue {
    let text = serde_json::to_string(scenario).unwrap();
    JSON::parse(&text).unwrap()
}

/// A result object as JSON, without the wasm-only `scenarioErrors`, after checking that it is empty.
fn to_json_without_scenario_errors(result: &JsValue) -> serde_json::Value {
    let text = JSON::stringify(result).unwrap().as_string().unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors = value
        .as_object_mut()
        .unwrap()
        .remove("scenarioErrors")
        .unwrap();
    assert_eq!(
        errors,
        serde_json::json!([]),
        "a corpus scenario was not read"
    );
    value
}

/// Every corpus scenario as the engine reads the document `evaluate` reads for its JavaScript object: the
/// object as `JSON.stringify` writes it, so that policies given as objects have the same text (and so the
/// same spans) on both sides.
fn corpus() -> Vec<(&'static str, Scenario)> {
    assert!(
        !CORPUS.is_empty(),
        "build.rs found no .json file under tests/scenarios"
    );
    let mut scenarios = Vec::new();
    for (path, text) in CORPUS {
        let read = scenarios_from_text(text).unwrap_or_else(|error| panic!("{path}: {error}"));
        scenarios.extend(read.into_iter().map(|scenario| {
            let passed = JSON::stringify(&to_js_object(&scenario))
                .unwrap()
                .as_string()
                .unwrap();
            let as_passed =
                scenario_from_text(&passed).unwrap_or_else(|error| panic!("{path}: {error}"));
            (*path, as_passed)
        }));
    }
    scenarios
}

#[wasm_bindgen_test]
async fn every_corpus_request_gives_its_expected_decision_through_wasm() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let scenarios = corpus();
    for (index, (path, scenario)) in scenarios.iter().enumerate() {
        pace(index).await;
        let result = ecr_policy_wasm::evaluate_suite(
            to_js_object(scenario),
            JsValue::from(CORPUS_SECONDS as f64),
        )
        .unwrap();
        let result = to_json_without_scenario_errors(&result);
        let native = serde_json::to_value(evaluate_suite(scenario, CORPUS_TIME)).unwrap();
        assert_eq!(result["requests"], native, "{path}: `{}`", scenario.name);
        for entry in result["requests"].as_array().unwrap() {
            let expected = entry["expect"].as_str().unwrap_or_else(|| {
                panic!(
                    "{path}: `{}` › `{}` has no `expect`",
                    scenario.name, entry["name"]
                )
            });
            let decision = &entry["evaluation"]["decision"];
            checked += 1;
            if decision != expected {
                failures.push(format!(
                    "{path}: `{}` › `{}`: expected {expected}, got {decision} ({})",
                    scenario.name, entry["name"], entry["evaluation"]["summary"]
                ));
            }
        }
    }
    console_log!(
        "{checked} corpus requests checked from {} files",
        CORPUS.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} requests failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
async fn every_corpus_evaluation_crosses_the_boundary_unchanged() {
    for (index, (path, scenario)) in corpus().into_iter().enumerate() {
        pace(index).await;
        let result = ecr_policy_wasm::evaluate(
            to_js_object(&scenario),
            JsValue::from(CORPUS_SECONDS as f64),
        )
        .unwrap();
        let native = serde_json::to_value(evaluate(&scenario, CORPUS_TIME)).unwrap();
        assert_eq!(
            to_json_without_scenario_errors(&result),
            native,
            "{path}: `{}`",
            scenario.name
        );
    }
}

#[wasm_bindgen_test]
async fn every_corpus_matrix_crosses_the_boundary_unchanged() {
    for (index, (path, scenario)) in corpus().into_iter().enumerate() {
        pace(index).await;
        let result = ecr_policy_wasm::matrix(
            to_js_object(&scenario),
            JsValue::from(CORPUS_SECONDS as f64),
        )
        .unwrap();
        let native = serde_json::to_value(prepare(&scenario).matrix(CORPUS_TIME)).unwrap();
        assert_eq!(
            to_json_without_scenario_errors(&result),
            native,
            "{path}: `{}`",
            scenario.name
        );
    }
}
