//! `evaluate`, `evaluateSuite`, `decideSuite` and `matrix`: a scenario object in, the engine's evaluation
//! (of each request of a suite, only each request's decision, or the all-actions matrix) out, with the
//! scenario's own errors as data.

use ecr_policy_engine::eval::{Decision, Evaluation, Matrix, RequestTime, SuiteEntry};
use ecr_policy_engine::scenario::{Scenario, ScenarioError};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::policies::{POLICIES, prepare};
use crate::{args, convert};

/// What `evaluate` returns: the engine's evaluation, plus what was wrong with the scenario document
/// itself. When `scenarioErrors` is not empty the decision is `invalid`, the reasons repeat the errors,
/// and nothing else was evaluated.
///
/// Converted by [`convert::with_scenario_errors`], not by a `Serialize` derive: serde's `flatten` would
/// add a second serializer of every evaluation type to the module. The serde attributes declare the
/// TypeScript type.
#[derive(Debug, Clone, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct EvaluateResult {
    /// The evaluation.
    #[serde(flatten)]
    pub evaluation: Evaluation,
    /// Why the scenario document could not be read (an unknown field, a wrong type), with the path.
    pub scenario_errors: Vec<ScenarioError>,
}

/// What `matrix` returns: the engine's matrix, plus what was wrong with the scenario document itself.
/// When `scenarioErrors` is not empty there are no rows. Converted as [`EvaluateResult`] is.
#[derive(Debug, Clone, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct MatrixResult {
    /// The rows.
    #[serde(flatten)]
    pub matrix: Matrix,
    /// Why the scenario document could not be read, with the path.
    pub scenario_errors: Vec<ScenarioError>,
}

/// What `evaluateSuite` returns: each request of the scenario with its name, its `expect` and its
/// evaluation (one entry for a scenario with one `request`), plus what was wrong with the scenario
/// document itself. When `scenarioErrors` is not empty there are no requests.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SuiteResult {
    /// Each request, in the document's order.
    pub requests: Vec<SuiteEntry>,
    /// Why the scenario document could not be read, with the path.
    pub scenario_errors: Vec<ScenarioError>,
}

/// One request of a suite with its decision only: what a list of requests shows without explaining them.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct RequestDecision {
    /// The request's name, as in `evaluateSuite`'s entries (`request N` for an unnamed request of a suite).
    pub name: String,
    /// The decision a test expects, when the document gives one.
    pub expect: Option<Decision>,
    /// The decision.
    pub decision: Decision,
    /// The one sentence that says what was decided and why.
    pub summary: String,
}

/// What `decideSuite` returns: each request of the scenario with its decision, plus what was wrong with
/// the scenario document itself. When `scenarioErrors` is not empty there are no requests.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SuiteDecisions {
    /// Each request, in the document's order.
    pub requests: Vec<RequestDecision>,
    /// Why the scenario document could not be read, with the path.
    pub scenario_errors: Vec<ScenarioError>,
}

/// Every request of the scenario evaluated through the module's cache of policies, or why the scenario
/// could not be read; `function` names the caller in a misuse's message.
fn suite_entries(
    function: &str,
    scenario: &JsValue,
    at: &JsValue,
) -> Result<Result<Vec<SuiteEntry>, ScenarioError>, JsValue> {
    let read = convert::scenario(function, scenario)?;
    let time = args::request_time(function, at)?;
    Ok(match read.as_ref() {
        Ok(scenario) => Ok(POLICIES.with_borrow_mut(|cache| cache.evaluate_suite(scenario, time))),
        Err(error) => Err(error.clone()),
    })
}

/// Decides every request of a suite (a scenario with `requests`), or the one request of a scenario,
/// with the policies parsed and linted once for all of them.
///
/// `at` is as for `evaluate`. A malformed scenario gives no requests and `scenarioErrors`. Throws only
/// when `scenario` is not an object or `at` not a number.
#[wasm_bindgen(js_name = evaluateSuite, unchecked_return_type = "SuiteResult")]
pub fn evaluate_suite(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<JsValue, JsValue> {
    let result = match suite_entries("evaluateSuite", &scenario, &at)? {
        Ok(requests) => SuiteResult {
            requests,
            scenario_errors: Vec::new(),
        },
        Err(error) => SuiteResult {
            requests: Vec::new(),
            scenario_errors: vec![error],
        },
    };
    convert::to_js("evaluateSuite", &result)
}

/// Decides every request as `evaluateSuite` does, but returns only each request's name, `expect`,
/// decision and summary: a suite's list of requests at a fraction of the cost of converting every full
/// evaluation (an operation's holds one per action) into JavaScript.
///
/// `at` is as for `evaluate`. A malformed scenario gives no requests and `scenarioErrors`. Throws only
/// when `scenario` is not an object or `at` not a number.
#[wasm_bindgen(js_name = decideSuite, unchecked_return_type = "SuiteDecisions")]
pub fn decide_suite(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<JsValue, JsValue> {
    let result = match suite_entries("decideSuite", &scenario, &at)? {
        Ok(entries) => SuiteDecisions {
            requests: entries
                .into_iter()
                .map(|entry| RequestDecision {
                    name: entry.name,
                    expect: entry.expect,
                    decision: entry.evaluation.decision,
                    summary: entry.evaluation.summary,
                })
                .collect(),
            scenario_errors: Vec::new(),
        },
        Err(error) => SuiteDecisions {
            requests: Vec::new(),
            scenario_errors: vec![error],
        },
    };
    convert::to_js("decideSuite", &result)
}

/// Decides the scenario's request (a suite's first) and explains every step: the decision, the reason chain, every
/// statement of every policy with its spans, the context used and the lint findings.
///
/// `at` is the request time in Unix seconds (for `aws:CurrentTime`, `aws:EpochTime`); left out, it is now.
/// A malformed scenario gives `decision: "invalid"` with `scenarioErrors`; a policy with errors gives
/// `invalid` with its diagnostics. Throws only when `scenario` is not an object or `at` not a number.
#[wasm_bindgen(unchecked_return_type = "EvaluateResult")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<JsValue, JsValue> {
    let read = convert::scenario("evaluate", &scenario)?;
    let time = args::request_time("evaluate", &at)?;
    let result = evaluate_read(&read, time);
    convert::with_scenario_errors("evaluate", &result.evaluation, &result.scenario_errors)
}

/// Decides every operation, every ECR repository action of the catalogue and every registry-level action
/// (on `*`) for the scenario's principal and repository (a suite's first request), the "all actions" view,
/// parsing the policies once.
///
/// `at` is as for `evaluate`. A malformed scenario gives no rows and `scenarioErrors`. Throws only when
/// `scenario` is not an object or `at` not a number.
#[wasm_bindgen(unchecked_return_type = "MatrixResult")]
pub fn matrix(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<JsValue, JsValue> {
    let read = convert::scenario("matrix", &scenario)?;
    let time = args::request_time("matrix", &at)?;
    let result = match read.as_ref() {
        Ok(scenario) => MatrixResult {
            matrix: prepare(scenario).matrix(time),
            scenario_errors: Vec::new(),
        },
        Err(error) => MatrixResult {
            matrix: Matrix {
                rows: Vec::new(),
                operations: Vec::new(),
            },
            scenario_errors: vec![error.clone()],
        },
    };
    convert::with_scenario_errors("matrix", &result.matrix, &result.scenario_errors)
}

/// The evaluation of a scenario as read from JavaScript.
fn evaluate_read(read: &Result<Scenario, ScenarioError>, time: RequestTime) -> EvaluateResult {
    match read {
        Ok(scenario) => EvaluateResult {
            evaluation: prepare(scenario).evaluate_request(time),
            scenario_errors: Vec::new(),
        },
        Err(error) => EvaluateResult {
            evaluation: Evaluation::unreadable(error),
            scenario_errors: vec![error.clone()],
        },
    }
}
