//! A suite: every request of a scenario decided against its one set of policies. The policies are parsed
//! and linted once for all the requests on one repository (the lint reads the repository ARN), and
//! loaded once for each run of requests on the same repository.

use std::borrow::Cow;

use serde::Serialize;

use super::{Decision, Evaluation, PolicyCache, PolicySet, RequestTime, lint_options};
use crate::lint::LintOptions;
use crate::scenario::{Request, Scenario};

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
    /// [`evaluate_suite`], parsing and linting only the policies this cache does not hold, and loading
    /// them once for all the requests on one repository.
    pub fn evaluate_suite(&mut self, scenario: &Scenario, time: RequestTime) -> Vec<SuiteEntry> {
        let mut loaded: Option<(LintOptions, PolicySet)> = None;
        let mut entries = Vec::with_capacity(scenario.all_requests().len());
        for (index, request) in scenario.all_requests().iter().enumerate() {
            let options = lint_options(scenario, request);
            let set = match loaded.take() {
                Some((kept, set)) if kept == options => set,
                _ => self.load(scenario, &options),
            };
            let evaluation = set
                .prepare(scenario, Cow::Borrowed(request))
                .evaluate_request(time);
            entries.push(entry(scenario, index, request, evaluation));
            loaded = Some((options, set));
        }
        entries
    }

    /// Evaluates request `index` (from 0) of `scenario` at `time`; `None` when it has no such request.
    pub fn evaluate_entry(
        &mut self,
        scenario: &Scenario,
        index: usize,
        time: RequestTime,
    ) -> Option<SuiteEntry> {
        let request = scenario.all_requests().get(index)?;
        let evaluation = self
            .prepare_request(scenario, request)
            .evaluate_request(time);
        Some(entry(scenario, index, request, evaluation))
    }
}

/// The entry of request `index` (from 0) of `scenario`, `request`, evaluated as `evaluation`.
fn entry(
    scenario: &Scenario,
    index: usize,
    request: &Request,
    evaluation: Evaluation,
) -> SuiteEntry {
    SuiteEntry {
        name: match (request.name.is_empty(), scenario.is_suite()) {
            (false, _) => request.name.clone(),
            (true, true) => format!("request {}", index + 1),
            (true, false) => scenario.name.clone(),
        },
        expect: scenario.expected(request),
        evaluation,
    }
}
