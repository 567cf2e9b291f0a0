//! `benchEngine`: the native benchmarks' cases (`crates/engine/benches/engine.rs`) timed inside this
//! WebAssembly module, so that the engine's speed as WebAssembly compares with its native speed on the
//! same work, without the cost of crossing into JavaScript.

use ecr_policy_engine::eval;
use ecr_policy_engine::policy::{PolicyKind, parse_policy};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::{args, convert};

/// Times `iterations` runs of the benchmark `case` on `input` and returns the mean time of one run in
/// microseconds. The cases are the native benchmarks':
///
/// - `"parse"`: `input` is a policy text, parsed as a repository policy;
/// - `"evaluate"`: `input` is a scenario, prepared once (parsed and linted), then its action evaluated;
/// - `"matrix"`: the same preparation, then every repository action decided;
/// - `"prepareEvaluate"`: the scenario parsed, linted and evaluated each time, as after an edit.
///
/// `at` is as for `evaluate`. The clock is `performance.now()` where there is one, `Date.now()`
/// otherwise. Throws when `case` is none of these, `input` does not fit it (a scenario must be valid),
/// or `iterations` is not a whole number of at least 1.
#[wasm_bindgen(js_name = benchEngine)]
pub fn bench_engine(
    #[wasm_bindgen(
        unchecked_param_type = "\"parse\" | \"evaluate\" | \"matrix\" | \"prepareEvaluate\""
    )]
    case: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Scenario")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] iterations: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<f64, JsValue> {
    const FUNCTION: &str = "benchEngine";
    let case = args::string(FUNCTION, "case", &case)?;
    let count = count(FUNCTION, "iterations", &iterations)?;
    let time = args::request_time(FUNCTION, &at)?;
    if case == "parse" {
        let text = args::string(FUNCTION, "input", &input)?;
        return Ok(mean_micros(count, || {
            std::hint::black_box(parse_policy(&text, PolicyKind::Repository));
        }));
    }
    let read = convert::scenario(FUNCTION, &input)?;
    let scenario = read
        .as_ref()
        .as_ref()
        .map_err(|error| args::misuse(FUNCTION, &format!("`input`: {error}")))?;
    match case.as_str() {
        "evaluate" => {
            let prepared = eval::prepare(scenario);
            Ok(mean_micros(count, || {
                std::hint::black_box(prepared.evaluate_request(time));
            }))
        }
        "matrix" => {
            let prepared = eval::prepare(scenario);
            Ok(mean_micros(count, || {
                std::hint::black_box(prepared.matrix(time));
            }))
        }
        "prepareEvaluate" => Ok(mean_micros(count, || {
            std::hint::black_box(eval::prepare(scenario).evaluate_request(time));
        })),
        other => Err(args::misuse(
            FUNCTION,
            &format!(
                "unknown case `{other}`; expected `parse`, `evaluate`, `matrix` or `prepareEvaluate`"
            ),
        )),
    }
}

/// A positive whole number, such as an iteration count.
fn count(function: &str, argument: &str, value: &JsValue) -> Result<u32, JsValue> {
    match value.as_f64() {
        Some(number) if number >= 1.0 && number <= f64::from(u32::MAX) && number.fract() == 0.0 => {
            Ok(number as u32)
        }
        _ => Err(args::misuse(
            function,
            &format!(
                "`{argument}` must be a whole number of at least 1, got {}",
                args::describe(value)
            ),
        )),
    }
}

/// The mean time of one call of `work` over `count` calls, in microseconds.
fn mean_micros(count: u32, mut work: impl FnMut()) -> f64 {
    let clock = Clock::new();
    let start = clock.now_ms();
    for _ in 0..count {
        work();
    }
    (clock.now_ms() - start) * 1000.0 / f64::from(count)
}

/// A millisecond clock: `performance.now()` when the global object has `performance`, else `Date.now()`.
struct Clock {
    performance: Option<web_sys::Performance>,
}

impl Clock {
    fn new() -> Self {
        let performance =
            js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
                .ok()
                .filter(JsValue::is_object)
                .map(JsCast::unchecked_into);
        Self { performance }
    }

    fn now_ms(&self) -> f64 {
        self.performance
            .as_ref()
            .map_or_else(js_sys::Date::now, web_sys::Performance::now)
    }
}
