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
#[cfg(test)]
mod prepared_tests;
mod reading;
mod request;
mod result;
mod run;
mod statement;
#[cfg(test)]
mod tests;
mod unreadable;

pub use crate::decision::Decision;
pub use crate::time::{RequestTime, RequestTimeError};
pub use cache::PolicyCache;
pub use inputs::{CheckedPolicy, LoadedPolicy, check_policy, level_name, load_policies};
pub use matrix::{Matrix, MatrixRow};
pub use result::{
    ElementReport, Evaluation, MissingKey, PatternReport, PolicyReport, PrincipalReport, Reason,
    RequestFacts, StatementOutcome, StatementRef, StatementReport, Step, Verdict,
};

use crate::diagnostic::Diagnostic;
use crate::lint::LintOptions;
use crate::matching::{Caller, CallerError};
use crate::policy::{PolicyKind, SharedList, SharedStr};
use crate::scenario::Scenario;
use crate::span::Span;

use self::fixed::FixedStatement;
use self::request::{Contexts, RequestBasics};
use self::run::Detail;
use self::statement::RequestView;

/// Evaluates `scenario` at `time`.
pub fn evaluate(scenario: &Scenario, time: RequestTime) -> Evaluation {
    prepare(scenario).evaluate(&scenario.request.action, time)
}

/// A scenario with its policies parsed and linted, and everything that does not depend on the action
/// decided, ready to decide any action.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    scenario: &'a Scenario,
    policies: Vec<LoadedPolicy>,
    /// What every report of each policy starts with.
    headers: Vec<ReportHeader>,
    caller: Result<Caller, CallerError>,
    request: RequestBasics,
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
    contexts: Contexts,
    statements: Vec<Option<Vec<FixedStatement>>>,
    has_per_request_parts: bool,
}

/// Parses and lints the policies of `scenario`, reads its principal, and matches every part of every
/// statement that does not depend on the action.
pub fn prepare(scenario: &Scenario) -> Prepared<'_> {
    let options = lint_options(scenario);
    let policies = load_policies(scenario, |text, kind| check_policy(text, kind, &options));
    prepare_loaded(scenario, policies)
}

/// What the policies of `scenario` are linted with: its repository ARN, when it is one, and its registry
/// policy scope.
fn lint_options(scenario: &Scenario) -> LintOptions {
    LintOptions {
        repository_arn: Some(scenario.request.resource.clone())
            .filter(|resource| resource.starts_with("arn:")),
        registry_scope: scenario.registry_scope(),
    }
}

/// [`prepare`] with the policies already loaded.
fn prepare_loaded(scenario: &Scenario, policies: Vec<LoadedPolicy>) -> Prepared<'_> {
    let headers: Vec<ReportHeader> = policies
        .iter()
        .map(|policy| ReportHeader {
            id: SharedStr::from(&policy.id),
            name: SharedStr::from(&policy.name),
            diagnostics: policy.diagnostics.clone(),
            written_at: policy.written_at,
        })
        .collect();
    let caller = Caller::parse(&scenario.request.principal);
    let diagnostics: Vec<&[Diagnostic]> =
        headers.iter().map(|header| &*header.diagnostics).collect();
    let request = RequestBasics::new(&scenario.request, &caller, &policies, &diagnostics);
    let ready = match &caller {
        Ok(caller)
            if request.errors.is_empty()
                && request.federated_error.is_none()
                && request.blocking.is_empty() =>
        {
            Some(Ready::new(scenario, &policies, caller, &request))
        }
        _ => None,
    };
    Prepared {
        scenario,
        policies,
        headers,
        caller,
        request,
        ready,
    }
}

impl Ready {
    fn new(
        scenario: &Scenario,
        policies: &[LoadedPolicy],
        caller: &Caller,
        request: &RequestBasics,
    ) -> Self {
        let contexts = Contexts::new(&scenario.request, caller, request);
        let view = RequestView {
            caller,
            resource: &request.resource,
            context: contexts.untimed(false),
            has_boundary: scenario.permissions_boundary.is_some(),
            federated_by: request.federated_by.as_ref(),
        };
        let statements: Vec<Option<Vec<FixedStatement>>> = policies
            .iter()
            .map(|policy| {
                let parsed = policy.parsed.policy.as_ref()?;
                Some(
                    parsed
                        .statements
                        .iter()
                        .map(|statement| FixedStatement::new(statement, parsed, view))
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
        &self.policies
    }

    /// Decides `action` for the scenario's principal and resource.
    pub fn evaluate(&self, action: &str, time: RequestTime) -> Evaluation {
        match self.run(action, time, Detail::Reports) {
            Ok(decided) => decided.into_evaluation(self),
            Err(invalid) => *invalid,
        }
    }

    /// The decision for `action` and its one-sentence summary, without the per-statement reports.
    fn decision(&self, action: &str, time: RequestTime) -> (Decision, String) {
        match self.run(action, time, Detail::DecisionOnly) {
            Ok(decided) => decided.decision_and_summary(),
            Err(invalid) => (invalid.decision, invalid.summary),
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
                .policies
                .iter()
                .zip(&self.headers)
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

fn summary(decision: Decision, reasons: &[Reason]) -> String {
    let deciding = reasons
        .iter()
        .rev()
        .find(|reason| reason.verdict != Verdict::Info && reason.step != Step::Decision)
        .or_else(|| reasons.last());
    let headline = match decision {
        Decision::Allowed => "Allowed",
        Decision::ExplicitDeny => "Explicitly denied",
        Decision::ImplicitDeny => "Implicitly denied",
        Decision::Invalid => "Not evaluated",
    };
    match deciding {
        Some(reason) => format!("{headline}: {}", reason.message),
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
