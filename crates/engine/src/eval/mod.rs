//! Evaluation: a scenario in, a decision with its full explanation out.
//!
//! [`prepare`] parses and lints the scenario's policies once and decides everything that is the same for
//! every action (the request facts, the context, each statement's principal, resource and conditions);
//! [`Prepared::evaluate`] then decides one action, and the all-actions matrix decides them all from one
//! preparation. [`evaluate`] does both for the common case.

mod cache;
mod decide;
mod derive;
mod fixed;
mod inputs;
mod matrix;
mod operation;
mod outcome_key;
mod policy_set;
#[cfg(test)]
mod prepared_tests;
mod reading;
mod request;
mod result;
mod run;
mod shape;
mod statement;
mod suite;
#[cfg(test)]
mod tests;
mod twins;
mod unreadable;

pub use crate::decision::Decision;
pub use crate::time::{RequestTime, RequestTimeError};
pub use cache::PolicyCache;
pub use inputs::{
    CheckedPolicy, LoadedPolicy, check_policy, level_name, load_policies, policy_phrase,
};
pub use matrix::OperationRow;
pub use matrix::{Matrix, MatrixRow};
pub use outcome_key::OutcomeKey;
pub use policy_set::{Decider, PolicySet};
pub use result::{
    ElementReport, Evaluation, MissingKey, OperationAction, PatternDetail, PatternReport,
    PolicyReport, PrincipalReport, Reason, RequestFacts, StatementOutcome, StatementRef,
    StatementReport, Step, Verdict,
};
pub use suite::{SuiteEntry, evaluate_suite};
pub use twins::StatementTwins;

use std::borrow::Cow;

use crate::diagnostic::Diagnostic;
use crate::lint::LintOptions;
use crate::matching::Caller;
use crate::policy::{PolicyKind, Shared, SharedList, SharedStr};
use crate::scenario::{Request, Scenario};
use crate::span::Span;

use self::fixed::FixedStatement;
use self::request::{Contexts, RequestBasics};
use self::run::Detail;
use self::statement::RequestView;

/// Evaluates the first request of `scenario` (its only one unless it is a suite) at `time`: its action, or
/// every action of its operation.
pub fn evaluate(scenario: &Scenario, time: RequestTime) -> Evaluation {
    prepare(scenario).evaluate_request(time)
}

/// A scenario with its policies parsed and linted, and everything that does not depend on the action
/// decided, ready to decide any action.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    scenario: &'a Scenario,
    /// The request decided: one of the scenario's, or one made from it for a registry-level action.
    asked: Cow<'a, Request>,
    /// The policies, loaded for this preparation or shared by many.
    set: Cow<'a, PolicySet>,
    /// The request's action-independent facts, read for this preparation or shared with another of
    /// the same principal, resource and `federatedBy`.
    request: Shared<RequestBasics>,
    /// Present when the principal, the resource, `federatedBy` and every policy are valid.
    ready: Option<Ready>,
}

/// The parts of a policy's report that every evaluation repeats: its id, its name and its findings.
#[derive(Debug, Clone)]
struct ReportHeader {
    id: SharedStr,
    name: SharedStr,
    diagnostics: SharedList<Diagnostic>,
    written_at: Option<Span>,
}

/// What a valid scenario's requests share: the contexts and each policy's statements with their
/// action-independent parts matched (`None` for a policy that did not parse).
#[derive(Debug, Clone)]
struct Ready {
    /// Derived for this preparation, or shared with another of the same request.
    contexts: Shared<Contexts>,
    statements: Vec<Option<Vec<FixedStatement>>>,
    has_per_request_parts: bool,
}

/// Parses and lints the policies of `scenario`, reads the principal of its first request (its only one
/// unless it is a suite), and matches every part of every statement that does not depend on the action.
pub fn prepare(scenario: &Scenario) -> Prepared<'_> {
    prepare_request(scenario, scenario.first_request())
}

/// [`prepare`] for `request`, one of the scenario's requests.
pub fn prepare_request<'a>(scenario: &'a Scenario, request: &'a Request) -> Prepared<'a> {
    let set = PolicySet::load(scenario, request);
    prepare_loaded(
        scenario,
        Cow::Borrowed(request),
        Cow::Owned(set),
        Matching::REPORTS,
    )
}

/// What the policies of `scenario` are linted with for `request`: its repository ARN, when it is one,
/// and the registry policy scope.
fn lint_options(scenario: &Scenario, request: &Request) -> LintOptions {
    LintOptions {
        repository_arn: Some(request.resource.clone())
            .filter(|resource| resource.starts_with("arn:")),
        registry_scope: scenario.registry_scope(),
    }
}

/// How far `prepare` matches the statements, and what it already knows of them.
#[derive(Debug, Clone, Copy)]
struct Matching<'r> {
    /// For an evaluation, every part of every statement; for decisions only, not the rest of a
    /// statement whose `Principal` does not name the caller.
    detail: Detail,
    /// A preparation of the same scenario and policies for the same caller (principal and
    /// `federatedBy`), whose `Principal` results hold for this one.
    same_caller: Option<&'r Ready>,
    /// The same request prepared in the same detail on another version of the policies, whose
    /// results hold for the statements it has a twin of.
    twin: Option<Twin<'r>>,
    /// What a preparation of the same request, or of one with the same principal, resource and
    /// `federatedBy`, already read of it.
    known: Known<'r>,
}

/// What another preparation already read of the request, which does not depend on the policies.
#[derive(Debug, Clone, Copy)]
struct Known<'r> {
    /// The facts of a request with the same principal, resource and `federatedBy`.
    basics: Option<&'r Shared<RequestBasics>>,
    /// The contexts of the same request.
    contexts: Option<&'r Shared<Contexts>>,
}

impl Matching<'_> {
    /// Everything, for an evaluation.
    const REPORTS: Self = Matching {
        detail: Detail::Reports,
        same_caller: None,
        twin: None,
        known: Known::NOTHING,
    };
}

impl Known<'_> {
    /// Nothing known: the request is read for the preparation.
    const NOTHING: Self = Known {
        basics: None,
        contexts: None,
    };
}

/// A preparation of the same request on another version of the policies, and the twins there of
/// this set's statements.
#[derive(Debug, Clone, Copy)]
struct Twin<'r> {
    ready: &'r Ready,
    twins: &'r StatementTwins,
}

impl<'r> Twin<'r> {
    /// The twin of statement `statement` of policy `policy` as prepared there.
    fn of(&self, policy: usize, statement: usize) -> Option<&'r FixedStatement> {
        let (at, index) = self.twins.of(policy, statement)?;
        self.ready.statements.get(at)?.as_ref()?.get(index)
    }
}

/// [`prepare`] for `asked` with the policies already loaded, its statements matched as `matching` says.
fn prepare_loaded<'a>(
    scenario: &'a Scenario,
    asked: Cow<'a, Request>,
    set: Cow<'a, PolicySet>,
    matching: Matching<'_>,
) -> Prepared<'a> {
    let request = matching
        .known
        .basics
        .cloned()
        .unwrap_or_else(|| Shared::new(RequestBasics::new(&asked)));
    let ready = match &request.principal {
        Ok(caller)
            if request.errors.is_empty()
                && request.federated_error.is_none()
                && set.blocking.is_empty() =>
        {
            Some(Ready::new(
                scenario, &asked, &set, caller, &request, matching,
            ))
        }
        _ => None,
    };
    Prepared {
        scenario,
        asked,
        set,
        request,
        ready,
    }
}

impl Ready {
    fn new(
        scenario: &Scenario,
        asked: &Request,
        set: &PolicySet,
        caller: &Caller,
        request: &RequestBasics,
        matching: Matching<'_>,
    ) -> Self {
        let contexts = matching
            .known
            .contexts
            .cloned()
            .unwrap_or_else(|| Shared::new(Contexts::new(asked, caller, request)));
        let view = RequestView {
            caller,
            resource: &request.resource,
            context: contexts.untimed(false),
            has_boundary: scenario.permissions_boundary.is_some(),
            federated_by: request.federated_by.as_ref(),
        };
        let statements: Vec<Option<Vec<FixedStatement>>> = set
            .policies
            .iter()
            .enumerate()
            .map(|(index, policy)| {
                let parsed = policy.parsed.policy.as_ref()?;
                let shapes = policy.shapes.as_ref()?;
                let known = matching
                    .same_caller
                    .and_then(|ready| ready.statements.get(index)?.as_deref());
                Some(
                    parsed
                        .statements
                        .iter()
                        .zip(shapes)
                        .enumerate()
                        .map(|(at, (statement, shape))| {
                            if let Some(twin) = matching.twin.and_then(|twin| twin.of(index, at)) {
                                return FixedStatement::from_twin(shape, twin);
                            }
                            let principal = known.and_then(|known| known.get(at));
                            FixedStatement::new(
                                statement,
                                shape,
                                parsed,
                                view,
                                matching.detail,
                                principal,
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        let has_per_request_parts = statements
            .iter()
            .flatten()
            .flatten()
            .any(FixedStatement::has_per_request_parts);
        Self {
            contexts,
            statements,
            has_per_request_parts,
        }
    }
}

impl Prepared<'_> {
    /// The parsed policies.
    pub fn policies(&self) -> &[LoadedPolicy] {
        self.set.policies()
    }

    /// The request this preparation decides.
    pub fn request(&self) -> &Request {
        &self.asked
    }

    /// Decides what the request asks: its action, or every action of its operation.
    pub fn evaluate_request(&self, time: RequestTime) -> Evaluation {
        match self.asked.operation {
            Some(operation) => self.evaluate_operation(operation, time),
            None => self.evaluate(&self.asked.action, time),
        }
    }

    /// This preparation for a registry-level action: the same policies, parsed and linted once, and the
    /// same request on `*` (ECRSAR: such an action has no resource type), by the same caller.
    fn on_registry(&self) -> Prepared<'_> {
        let request = Request {
            resource: "*".to_owned(),
            ..self.asked.as_ref().clone()
        };
        // The caller is the same, so the statements' `Principal` results are this preparation's.
        let matching = Matching {
            same_caller: self.ready.as_ref(),
            ..Matching::REPORTS
        };
        prepare_loaded(
            self.scenario,
            Cow::Owned(request),
            Cow::Borrowed(self.set.as_ref()),
            matching,
        )
    }

    /// Decides `action` for the request's principal and resource.
    pub fn evaluate(&self, action: &str, time: RequestTime) -> Evaluation {
        match self.run(action, time, Detail::Reports) {
            Ok(decided) => decided.into_evaluation(self, action),
            Err(invalid) => *invalid,
        }
    }

    /// The decision for `action` alone, without its explanation: what comparing many requests needs.
    fn decision_alone(&self, action: &str, time: RequestTime) -> Decision {
        match self.run(action, time, Detail::DecisionOnly) {
            Ok(decided) => decided.decision(),
            Err(invalid) => invalid.decision,
        }
    }

    /// The decision for `action` and why, without the per-statement reports.
    fn decision(&self, action: &str, time: RequestTime) -> Brief {
        match self.run(action, time, Detail::Brief) {
            Ok(decided) => decided.brief(),
            Err(invalid) => Brief::of(&invalid),
        }
    }

    fn invalid(
        &self,
        facts: RequestFacts,
        request_errors: Vec<String>,
        policy_errors: Vec<String>,
    ) -> Evaluation {
        let reasons: Vec<Reason> = request_errors
            .iter()
            .chain(&policy_errors)
            .map(|message| Reason {
                step: Step::Decision,
                verdict: Verdict::Deny,
                message: message.clone(),
                statements: Vec::new(),
            })
            .collect();
        Evaluation {
            decision: Decision::Invalid,
            summary: reasons.first().map_or_else(
                || "the input is invalid".to_string(),
                |reason| reason.message.clone(),
            ),
            reasons,
            request: facts,
            policies: self
                .set
                .policies
                .iter()
                .zip(&self.set.headers)
                .map(|(policy, header)| PolicyReport {
                    id: header.id.clone(),
                    kind: policy.kind,
                    name: header.name.clone(),
                    applies: false,
                    note: Some("not evaluated: the input has errors".to_string()),
                    diagnostics: header.diagnostics.clone(),
                    wrapper: policy.parsed.wrapper.clone(),
                    written_at: header.written_at,
                    statements: Vec::new(),
                })
                .collect(),
            context: Vec::new(),
            missing_keys: Vec::new(),
            request_errors,
            operation: None,
            actions: Vec::new(),
        }
    }
}

/// Why resource control policies take no part in a registry-level request (RCP, section 8).
const RCPS_SKIP_REGISTRY_LEVEL_ACTIONS: &str = "resource control policies apply to actions on a resource; this registry-level action has none (RCP)";

/// Why a policy of `kind` does not take part in this request, or `None` when it does.
fn not_applicable_because(
    kind: PolicyKind,
    caller: &Caller,
    registry_level: bool,
) -> Option<&'static str> {
    let iam_principal = !matches!(caller, Caller::Service { .. } | Caller::Anonymous);
    match kind {
        // ECRPOL: GetAuthorizationToken and other registry-level actions must be allowed through IAM.
        PolicyKind::Repository if registry_level => Some(
            "a repository policy does not govern registry-level actions such as ecr:GetAuthorizationToken (ECRPOL)",
        ),
        // RCP: RCPs apply to the resources in the action's resource-type column; for registry-level
        // actions, which have none, this is the reading `Reading::RcpsSkipRegistryLevelActions`.
        PolicyKind::Rcp if registry_level => Some(RCPS_SKIP_REGISTRY_LEVEL_ACTIONS),
        PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session | PolicyKind::Scp
            if !iam_principal =>
        {
            Some(
                "service principals and anonymous callers have no identity policies, boundaries, sessions or organization account",
            )
        }
        PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session
            if matches!(caller, Caller::Root { .. }) =>
        {
            Some(
                "policies cannot be attached to the root user, which has full access in its own account (EVAL)",
            )
        }
        PolicyKind::Session if !caller.is_session() => {
            Some("session policies apply only to role sessions and federated users")
        }
        _ => None,
    }
}

/// An action's decision with the sentences that say why: the summary, and the deciding reason alone.
#[derive(Debug, Clone)]
struct Brief {
    decision: Decision,
    summary: String,
    /// The deciding step's message (for an invalid input, the summary).
    because: String,
}

impl Brief {
    /// The brief of a whole evaluation.
    fn of(evaluation: &Evaluation) -> Self {
        let because = match evaluation.decision {
            Decision::Invalid => None,
            _ => deciding(&evaluation.reasons).map(|reason| reason.message.clone()),
        };
        Brief {
            decision: evaluation.decision,
            because: because.unwrap_or_else(|| evaluation.summary.clone()),
            summary: evaluation.summary.clone(),
        }
    }
}

/// The step of the reason chain that decided: the last one that allowed or denied, or else the last.
fn deciding(reasons: &[Reason]) -> Option<&Reason> {
    reasons
        .iter()
        .rev()
        .find(|reason| reason.verdict != Verdict::Info && reason.step != Step::Decision)
        .or_else(|| reasons.last())
}

fn summary(decision: Decision, reasons: &[Reason]) -> String {
    with_headline(
        decision,
        deciding(reasons).map(|reason| reason.message.as_str()),
    )
}

/// `Implicitly denied: ` and the reason.
fn with_headline(decision: Decision, reason: Option<&str>) -> String {
    let headline = match decision {
        Decision::Allowed => "Allowed",
        Decision::ExplicitDeny => "Explicitly denied",
        Decision::ImplicitDeny => "Implicitly denied",
        Decision::Invalid => "Not evaluated",
    };
    match reason {
        Some(reason) => format!("{headline}: {reason}"),
        None => headline.to_string(),
    }
}

/// Keys that applicable statements' conditions reference and the request lacks.
fn missing_keys(reports: &[PolicyReport]) -> Vec<MissingKey> {
    let mut missing: Vec<MissingKey> = Vec::new();
    for report in reports.iter().filter(|report| report.applies) {
        for statement in &report.statements {
            for condition in statement
                .conditions
                .each
                .iter()
                .filter(|condition| condition.missing_key)
            {
                let reference = StatementRef {
                    policy: report.id.to_string(),
                    statement: statement.index,
                };
                match missing
                    .iter_mut()
                    .find(|key| key.key.eq_ignore_ascii_case(&condition.key))
                {
                    Some(key) if !key.references.contains(&reference) => {
                        key.references.push(reference)
                    }
                    Some(_) => {}
                    None => missing.push(MissingKey {
                        key: condition.key.to_string(),
                        references: vec![reference],
                    }),
                }
            }
        }
    }
    missing
}
