//! `benchEvaluate`: how long `evaluate` takes inside this WebAssembly module, for the benchmarks that run
//! it in Node.js and in Chromium.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use crate::{args, convert, evaluate};

/// Calls `evaluate(scenario)` `iterations` times and returns the mean time of one call in microseconds.
/// Each call does everything `evaluate` does: reads the JavaScript object, parses and evaluates, and
/// builds the result object. The clock is `performance.now()` where there is one, `Date.now()` otherwise.
/// Throws when `scenario` is not an object or `iterations` is not a whole number of at least 1.
#[wasm_bindgen(js_name = benchEvaluate)]
pub fn bench_evaluate(
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] iterations: JsValue,
) -> Result<f64, JsValue> {
    let count = args::count("benchEvaluate", "iterations", &iterations)?;
    let time = args::now();
    let clock = Clock::new();
    let start = clock.now_ms();
    for _ in 0..count {
        let read = convert::scenario("benchEvaluate", &scenario)?;
        let result = convert::to_js("benchEvaluate", &evaluate::evaluate_read(read, time))?;
        std::hint::black_box(result);
    }
    Ok((clock.now_ms() - start) * 1000.0 / f64::from(count))
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
