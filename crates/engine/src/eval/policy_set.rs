//! [`PolicySet`]: a scenario's policies parsed and linted once, with what every evaluation of them
//! repeats, so that many requests (each caller, context and resource of an access diff, each request of
//! a suite) are prepared on them without parsing, linting or copying them again.

use std::borrow::Cow;

use crate::scenario::{Request, Scenario};

use super::inputs::{LoadedPolicy, check_policy, load_policies};
use super::outcome_key::OutcomeKey;
use super::request::blocking;
use super::run::Detail;
use super::twins::StatementTwins;
use super::{
    Decision, Known, Matching, Prepared, Ready, ReportHeader, RequestTime, Twin, lint_options,
    prepare_loaded,
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

    /// Prepares `request` as [`PolicySet::prepare`] does, but only to decide actions: a statement whose
    /// `Principal` does not name the caller, or one of whose conditions that read no per-request key
    /// does not hold, is not matched any further, since it decides nothing for the caller.
    pub fn decider<'a>(&'a self, scenario: &'a Scenario, request: Request) -> Decider<'a> {
        Decider::new(self, scenario, request, None, None, Known::NOTHING)
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
    /// the same caller), the statements' results of `twin` and what `known` holds of the request when
    /// given.
    fn new(
        set: &'a PolicySet,
        scenario: &'a Scenario,
        request: Request,
        same_caller: Option<&Ready>,
        twin: Option<Twin<'_>>,
        known: Known<'_>,
    ) -> Self {
        let matching = Matching {
            detail: Detail::DecisionOnly,
            same_caller,
            twin,
            known,
        };
        let prepared = prepare_loaded(scenario, Cow::Owned(request), Cow::Borrowed(set), matching);
        Decider { set, prepared }
    }

    /// The request this decider decides.
    pub fn request(&self) -> &Request {
        self.prepared.request()
    }

    /// Prepares `request`, another context or resource of this one's scenario, to be decided: when
    /// its caller (principal and `federatedBy`) is this one's, the statements' `Principal` elements
    /// are not matched again, and when its resource is this one's too, nor is the request read again.
    pub fn with_request(&self, request: Request) -> Decider<'a> {
        let same_caller = self.same_caller_ready(&request);
        let same_facts =
            self.is_same_caller(&request) && request.resource == self.request().resource;
        let known = Known {
            basics: same_facts.then_some(&self.prepared.request),
            contexts: None,
        };
        Decider::new(
            self.set,
            self.prepared.scenario,
            request,
            same_caller,
            None,
            known,
        )
    }

    /// Prepares this decider's request on `set` with `scenario`, another version of its scenario's
    /// policies (`twins` pairs the statements of `set` with their twins in this one's), to be decided:
    /// the statements with a twin take its results, and when `same_caller` is a decider on `set` of
    /// the same caller, the other statements' `Principal` elements are not matched again. With a
    /// permissions boundary in one scenario and not the other no statement is taken, as the
    /// statements' results may differ. The request's facts and contexts are this one's.
    pub fn on_twin<'b>(
        &self,
        set: &'b PolicySet,
        scenario: &'b Scenario,
        twins: &StatementTwins,
        same_caller: Option<&Decider<'b>>,
    ) -> Decider<'b> {
        let request = self.request().clone();
        let same_boundary = scenario.permissions_boundary.is_some()
            == self.prepared.scenario.permissions_boundary.is_some();
        let twin = self
            .prepared
            .ready
            .as_ref()
            .filter(|_| same_boundary)
            .map(|ready| Twin { ready, twins });
        let same_caller = same_caller.and_then(|decider| decider.same_caller_ready(&request));
        // The request is this one's: what was read of it does not depend on the policies.
        let known = Known {
            basics: Some(&self.prepared.request),
            contexts: self.prepared.ready.as_ref().map(|ready| &ready.contexts),
        };
        Decider::new(set, scenario, request, same_caller, twin, known)
    }

    /// Whether `request` is by this one's caller (principal and `federatedBy`).
    fn is_same_caller(&self, request: &Request) -> bool {
        let asked = self.prepared.request();
        asked.principal == request.principal && asked.federated_by == request.federated_by
    }

    /// This preparation's results, when `request` is by the same caller.
    fn same_caller_ready(&self, request: &Request) -> Option<&Ready> {
        self.is_same_caller(request)
            .then_some(self.prepared.ready.as_ref())
            .flatten()
    }

    /// What this decider's decisions rest on besides its caller and resource: deciders on the same
    /// policies whose requests differ only in their context, with equal keys, decide every action
    /// alike. `None` when the request is not valid or a statement has a part decided per action.
    pub fn outcome_key(&self) -> Option<OutcomeKey> {
        OutcomeKey::of(&self.prepared)
    }

    /// The decision for `action`.
    pub fn decide(&self, action: &str, time: RequestTime) -> Decision {
        self.prepared.decision_alone(action, time)
    }
}
