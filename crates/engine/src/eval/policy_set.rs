//! [`PolicySet`]: a scenario's policies parsed and linted once, with what every evaluation of them
//! repeats, so that many requests (each caller, context and resource of an access diff, each request of
//! a suite) are prepared on them without parsing, linting or copying them again.

use std::borrow::Cow;

use crate::scenario::{Request, Scenario};

use super::inputs::{LoadedPolicy, check_policy, load_policies};
use super::request::blocking;
use super::run::Detail;
use super::{
    Decision, Matching, Prepared, Ready, ReportHeader, RequestTime, lint_options, prepare_loaded,
};
use crate::policy::SharedStr;

/// A scenario's policies, parsed and linted once, ready to prepare any request of the scenario on them.
#[derive(Debug, Clone)]
pub struct PolicySet {
    /// The policies, in the order the page shows them.
    pub(super) policies: Vec<LoadedPolicy>,
    /// What every report of each policy starts with, in the same order.
    pub(super) headers: Vec<ReportHeader>,
    /// One message per policy whose errors keep every request from being evaluated.
    pub(super) blocking: Vec<String>,
}

impl PolicySet {
    /// The policies of `scenario`, parsed and linted as for `request` (the lint reads its repository
    /// ARN): they serve every request of the scenario on the same repository.
    pub fn load(scenario: &Scenario, request: &Request) -> Self {
        let options = lint_options(scenario, request);
        Self::new(load_policies(scenario, |text, kind| {
            check_policy(text, kind, &options)
        }))
    }

    /// The set of `policies`, already loaded.
    pub(super) fn new(policies: Vec<LoadedPolicy>) -> Self {
        let headers: Vec<ReportHeader> = policies
            .iter()
            .map(|policy| ReportHeader {
                id: SharedStr::from(&policy.id),
                name: SharedStr::from(&policy.name),
                diagnostics: policy.diagnostics.clone(),
                written_at: policy.written_at,
            })
            .collect();
        let blocking = blocking(&policies);
        Self {
            policies,
            headers,
            blocking,
        }
    }

    /// The policies.
    pub fn policies(&self) -> &[LoadedPolicy] {
        &self.policies
    }

    /// Prepares `request`, one of `scenario`'s or made from one on the same repository, on these
    /// policies: what [`prepare_request`](super::prepare_request) gives, without parsing or linting.
    pub fn prepare<'a>(
        &'a self,
        scenario: &'a Scenario,
        request: Cow<'a, Request>,
    ) -> Prepared<'a> {
        prepare_loaded(scenario, request, Cow::Borrowed(self), Matching::REPORTS)
    }

    /// Prepares `request` as [`PolicySet::prepare`] does, but only to decide actions: the statements
    /// whose `Principal` does not name the caller are not matched any further, since they decide
    /// nothing for it.
    pub fn decider<'a>(&'a self, scenario: &'a Scenario, request: Request) -> Decider<'a> {
        Decider::new(self, scenario, request, None)
    }
}

/// A request prepared only to be decided, for comparing the decisions of many requests: it gives each
/// action's decision, the same as [`Prepared::evaluate`] gives, and no explanation.
#[derive(Debug, Clone)]
pub struct Decider<'a> {
    set: &'a PolicySet,
    prepared: Prepared<'a>,
}

impl<'a> Decider<'a> {
    /// Prepares `request` on `set`, with the `Principal` results of `same_caller` (a preparation of
    /// the same caller) when given.
    fn new(
        set: &'a PolicySet,
        scenario: &'a Scenario,
        request: Request,
        same_caller: Option<&Ready>,
    ) -> Self {
        let matching = Matching {
            detail: Detail::DecisionOnly,
            same_caller,
        };
        let prepared = prepare_loaded(scenario, Cow::Owned(request), Cow::Borrowed(set), matching);
        Decider { set, prepared }
    }

    /// Prepares `request`, another context or resource of this one's scenario, to be decided: when
    /// its caller (principal and `federatedBy`) is this one's, the statements' `Principal` elements
    /// are not matched again.
    pub fn with_request(&self, request: Request) -> Decider<'a> {
        let asked = self.prepared.request();
        let same_caller = (asked.principal == request.principal
            && asked.federated_by == request.federated_by)
            .then_some(self.prepared.ready.as_ref())
            .flatten();
        Decider::new(self.set, self.prepared.scenario, request, same_caller)
    }

    /// The decision for `action`.
    pub fn decide(&self, action: &str, time: RequestTime) -> Decision {
        self.prepared.decision_alone(action, time)
    }
}
