//! A suite: every request of a scenario decided against its one set of policies. The policies are parsed
//! and linted once for all the requests on one repository (the lint reads the repository ARN).

use serde::Serialize;

use super::{Decision, Evaluation, PolicyCache, RequestTime};
use crate::scenario::Scenario;

/// One request of a scenario with its evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SuiteEntry {
    /// The request's name: its `name`, or `request N` (from 1) for an unnamed request of a suite, or the
    /// scenario's name for its one `request`.
    pub name: String,
    /// The decision a test expects, when the document gives one.
    pub expect: Option<Decision>,
    /// The evaluation.
    pub evaluation: Evaluation,
}

impl SuiteEntry {
    /// Whether the decision is the expected one; `None` when nothing is expected.
    pub fn passed(&self) -> Option<bool> {
        self.expect
            .map(|expected| expected == self.evaluation.decision)
    }
}

/// Evaluates every request of `scenario` at `time`: one entry for a scenario with one `request`, one per
/// request of a suite.
pub fn evaluate_suite(scenario: &Scenario, time: RequestTime) -> Vec<SuiteEntry> {
    PolicyCache::new().evaluate_suite(scenario, time)
}

impl PolicyCache {
    /// [`evaluate_suite`], parsing and linting only the policies this cache does not hold.
    pub fn evaluate_suite(&mut self, scenario: &Scenario, time: RequestTime) -> Vec<SuiteEntry> {
        (0..scenario.all_requests().len())
            .filter_map(|index| self.evaluate_entry(scenario, index, time))
            .collect()
    }

    /// Evaluates request `index` (from 0) of `scenario` at `time`; `None` when it has no such request.
    pub fn evaluate_entry(
        &mut self,
        scenario: &Scenario,
        index: usize,
        time: RequestTime,
    ) -> Option<SuiteEntry> {
        let request = scenario.all_requests().get(index)?;
        Some(SuiteEntry {
            name: match (request.name.is_empty(), scenario.is_suite()) {
                (false, _) => request.name.clone(),
                (true, true) => format!("request {}", index + 1),
                (true, false) => scenario.name.clone(),
            },
            expect: scenario.expected(request),
            evaluation: self
                .prepare_request(scenario, request)
                .evaluate_request(time),
        })
    }
}
