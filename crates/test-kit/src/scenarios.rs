//! The corpus read as scenarios, once per test binary.

use std::sync::OnceLock;

use ecr_policy_engine::scenario::{Request, Scenario, scenarios_from_text};

use crate::corpus_files;

/// Every scenario of the corpus, in file order, read once, each request of a suite as a scenario of its
/// own (so that every property holds of every request). A file that cannot be read or parsed adds
/// nothing here: the corpus test (`crates/engine/tests/scenarios.rs`) reports it by name.
pub fn corpus_scenarios() -> &'static [Scenario] {
    static SCENARIOS: OnceLock<Vec<Scenario>> = OnceLock::new();
    SCENARIOS.get_or_init(|| {
        let files = corpus_files().unwrap_or_default();
        files
            .iter()
            .filter_map(|file| std::fs::read_to_string(file).ok())
            .flat_map(|text| scenarios_from_text(&text).unwrap_or_default())
            .flat_map(|scenario| each_request(&scenario))
            .collect()
    })
}

/// `scenario` as one scenario per request: itself when it has one `request`, and for a suite, its
/// policies with each of its requests, the request's `name` and `expect` moved beside it.
pub fn each_request(scenario: &Scenario) -> Vec<Scenario> {
    if !scenario.is_suite() {
        return vec![scenario.clone()];
    }
    scenario
        .requests
        .iter()
        .map(|request| Scenario {
            name: format!("{} › {}", scenario.name, request.name),
            expect: request.expect,
            request: Some(Request {
                name: String::new(),
                expect: None,
                ..request.clone()
            }),
            requests: Vec::new(),
            ..scenario.clone()
        })
        .collect()
}
