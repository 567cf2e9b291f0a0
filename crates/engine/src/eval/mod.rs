//! Evaluation: a scenario in, a decision with its full explanation out.
//!
//! [`prepare`] parses and lints the scenario's policies once; [`Prepared::evaluate`] decides one action,
//! so the all-actions matrix reuses the parse. [`evaluate`] does both for the common case.

mod decide;
mod derive;
mod fixed;
mod inputs;
mod matrix;
#[cfg(test)]
mod prepared_tests;
mod request;
mod result;
mod statement;
#[cfg(test)]
mod tests;
mod unreadable;

pub use derive::RequestTime;
pub use inputs::{LoadedPolicy, level_name, load_policies};
pub use matrix::{Matrix, MatrixRow};
pub use result::{
    Decision, ElementReport, Evaluation, MissingKey, PatternReport, PolicyReport, PrincipalReport,
    Reason, RequestFacts, StatementOutcome, StatementRef, StatementReport, Step, Verdict,
};

use crate::catalog::catalog;
use crate::condition::{ConditionOutcome, ConditionsOutcome, evaluate_condition};
use crate::diagnostic::Diagnostic;
use crate::lint::{LintOptions, lint_parsed};
use crate::matching::{ActionMatch, Caller, RequestAction, ResourceMatch};
use crate::policy::{Policy, PolicyKind, Shared, SharedList, SharedStr};
use crate::scenario::Scenario;

use self::decide::{DecisionInputs, PolicyOutcomes, StatementFacts, decide};
use self::fixed::{FixedStatement, Part};
use self::request::{Contexts, RequestBasics};
use self::statement::{RequestView, action_matches, action_report, outcome, resource_report};

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
    caller: Result<Caller, String>,
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
    let policies = load_policies(scenario);
    let options = LintOptions {
        repository_arn: Some(scenario.request.resource.clone())
            .filter(|resource| resource.starts_with("arn:")),
    };
    let headers: Vec<ReportHeader> = policies
        .iter()
        .map(|policy| {
            let mut all = policy.parsed.diagnostics.clone();
            all.extend(lint_parsed(&policy.parsed, &options));
            all.sort_by_key(|diagnostic| (diagnostic.severity, diagnostic.span.start));
            ReportHeader {
                id: SharedStr::from(&policy.id),
                name: SharedStr::from(&policy.name),
                diagnostics: SharedList::from(all),
            }
        })
        .collect();
    let caller =
        Caller::parse(&scenario.request.principal).map_err(|error| format!("principal: {error}"));
    let diagnostics: Vec<&[Diagnostic]> = headers
        .iter()
        .map(|header| &*header.diagnostics)
        .collect();
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

/// The decision for one action, before the reports are assembled: every statement's outcome, and the
/// parts that had to be decided for this request.
struct Decided<'p> {
    facts: RequestFacts,
    registry_level: bool,
    time: RequestTime,
    policies: Vec<PolicyRun<'p>>,
    decision: Decision,
    /// The applicability notes, then the steps of the procedure.
    reasons: Vec<Reason>,
}

/// One parsed policy's statements for one request.
struct PolicyRun<'p> {
    loaded: &'p LoadedPolicy,
    header: &'p ReportHeader,
    policy: &'p Policy,
    not_applicable: Option<&'static str>,
    statements: Vec<StatementRun<'p>>,
}

/// One statement for one request.
struct StatementRun<'p> {
    fixed: &'p FixedStatement,
    outcome: StatementOutcome,
    /// The `Action` element's report, made only when the reports are wanted.
    action: Option<ElementReport<ActionMatch>>,
    resource: Option<Shared<ElementReport<ResourceMatch>>>,
    conditions: Vec<Option<Shared<ConditionOutcome>>>,
}

/// How much of the explanation deciding an action makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Every element's report, for an [`Evaluation`].
    Reports,
    /// Only what the decision and its summary need, for the matrix.
    DecisionOnly,
}

/// What deciding one action gives: an invalid evaluation, or the decision with what explains it.
enum Run<'p> {
    Invalid(Box<Evaluation>),
    Decided(Decided<'p>),
}

impl Prepared<'_> {
    /// The parsed policies.
    pub fn policies(&self) -> &[LoadedPolicy] {
        &self.policies
    }

    /// Decides `action` for the scenario's principal and resource.
    pub fn evaluate(&self, action: &str, time: RequestTime) -> Evaluation {
        match self.run(action, time, Detail::Reports) {
            Run::Invalid(evaluation) => *evaluation,
            Run::Decided(decided) => decided.into_evaluation(self),
        }
    }

    /// The decision for `action` and its one-sentence summary, without the per-statement reports.
    fn decision(&self, action: &str, time: RequestTime) -> (Decision, String) {
        match self.run(action, time, Detail::DecisionOnly) {
            Run::Invalid(evaluation) => (evaluation.decision, evaluation.summary),
            Run::Decided(decided) => (
                decided.decision,
                summary(decided.decision, &decided.reasons),
            ),
        }
    }

    fn run(&self, action: &str, time: RequestTime, detail: Detail) -> Run<'_> {
        let known_action = catalog().action(action);
        let facts = self
            .request
            .facts(&self.scenario.request, action, known_action);
        let request_errors = self.request.errors_for(action);
        let (Ok(caller), Some(ready), true) =
            (&self.caller, &self.ready, request_errors.is_empty())
        else {
            return Run::Invalid(Box::new(if request_errors.is_empty() {
                self.invalid(facts, Vec::new(), self.request.blocking.clone())
            } else {
                self.invalid(facts, request_errors, Vec::new())
            }));
        };
        let registry_level = facts.registry_level;
        let request_action = RequestAction::new(action);
        let context = ready
            .has_per_request_parts
            .then(|| ready.contexts.at(registry_level, time));
        let view = context.as_ref().map(|context| RequestView {
            caller,
            resource: &self.request.resource,
            context,
            has_boundary: self.scenario.permissions_boundary.is_some(),
            federated_by: self.request.federated_by.as_ref(),
        });
        let policies: Vec<PolicyRun<'_>> = self
            .policies
            .iter()
            .zip(&self.headers)
            .zip(&ready.statements)
            .filter_map(|((loaded, header), fixed)| {
                let policy = loaded.parsed.policy.as_ref()?;
                let fixed = fixed.as_ref()?;
                Some(PolicyRun {
                    loaded,
                    header,
                    policy,
                    not_applicable: not_applicable_because(loaded.kind, caller, registry_level),
                    statements: policy
                        .statements
                        .iter()
                        .zip(fixed)
                        .map(|(statement, fixed)| {
                            run_statement(statement, fixed, policy, &request_action, view, detail)
                        })
                        .collect(),
                })
            })
            .collect();
        let outcomes: Vec<PolicyOutcomes<'_>> = policies
            .iter()
            .filter(|policy| policy.not_applicable.is_none())
            .map(|policy| PolicyOutcomes {
                id: &policy.loaded.id,
                kind: policy.loaded.kind,
                name: &policy.loaded.name,
                level: policy.loaded.level,
                statements: policy
                    .policy
                    .statements
                    .iter()
                    .zip(&policy.statements)
                    .map(|(statement, run)| StatementFacts {
                        index: statement.index,
                        label: &run.fixed.label,
                        outcome: run.outcome,
                        named_as: run.fixed.named_as,
                    })
                    .collect(),
            })
            .collect();
        let levels = |kind: PolicyKind, count: usize| {
            if outcomes.iter().any(|policy| policy.kind == kind) {
                count
            } else {
                0
            }
        };
        let inputs = DecisionInputs {
            caller,
            policies: &outcomes,
            cross_account: facts.cross_account,
            registry_level,
            has_boundary: outcomes
                .iter()
                .any(|policy| policy.kind == PolicyKind::Boundary),
            has_session_policy: outcomes
                .iter()
                .any(|policy| policy.kind == PolicyKind::Session),
            scp_levels: levels(PolicyKind::Scp, self.scenario.scps.len()),
            rcp_levels: levels(PolicyKind::Rcp, self.scenario.rcps.len()),
        };
        let (decision, mut procedure) = decide(&inputs);
        let mut reasons = applicability_notes(&policies);
        reasons.append(&mut procedure);
        Run::Decided(Decided {
            facts,
            registry_level,
            time,
            policies,
            decision,
            reasons,
        })
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
                    statements: Vec::new(),
                })
                .collect(),
            context: Vec::new(),
            missing_keys: Vec::new(),
            request_errors,
        }
    }
}

/// Decides one statement for `action`: the fixed parts as `prepare` matched them, the action, and with
/// `view` (present when some statement has them) the parts that read a per-request key.
fn run_statement<'p>(
    statement: &crate::policy::Statement,
    fixed: &'p FixedStatement,
    policy: &Policy,
    action: &RequestAction,
    view: Option<RequestView<'_>>,
    detail: Detail,
) -> StatementRun<'p> {
    let resource = match (&statement.resource, &fixed.resource, view) {
        (Some(block), Some(Part::PerRequest), Some(view)) => {
            Some(Shared::new(resource_report(block, policy.version, view)))
        }
        _ => None,
    };
    // Left empty, without allocating, when every condition is fixed.
    let conditions: Vec<Option<Shared<ConditionOutcome>>> = match view {
        Some(view) if fixed.has_per_request_conditions() => statement
            .conditions
            .iter()
            .zip(&fixed.conditions)
            .map(|(condition, part)| {
                matches!(part, Part::PerRequest)
                    .then(|| Shared::new(evaluate_condition(condition, view.context, policy.version)))
            })
            .collect(),
        _ => Vec::new(),
    };
    let principal_ok = fixed.principal.as_ref().is_none_or(|report| report.matched);
    let action_report = match detail {
        Detail::Reports => fixed.action.as_ref().map(|element| {
            action_report(element.negated, element.key_span, &element.patterns, action)
        }),
        Detail::DecisionOnly => None,
    };
    let action_ok = match &action_report {
        Some(report) => report.matched,
        None => fixed
            .action
            .as_ref()
            .is_some_and(|element| action_matches(element.negated, &element.patterns, action)),
    };
    let resource_ok = match (&fixed.resource, &resource) {
        (Some(Part::Fixed(report)), _) | (_, Some(report)) => report.matched,
        (None, _) => true,
        (Some(Part::PerRequest), None) => false,
    };
    let conditions_ok = fixed
        .conditions
        .iter()
        .enumerate()
        .all(|(index, part)| match (part, conditions.get(index)) {
            (Part::Fixed(outcome), _) | (_, Some(Some(outcome))) => outcome.matched,
            (Part::PerRequest, _) => false,
        });
    StatementRun {
        fixed,
        outcome: outcome(
            statement.effect(),
            principal_ok,
            action_ok,
            resource_ok,
            conditions_ok,
        ),
        action: action_report,
        resource,
        conditions,
    }
}

impl Decided<'_> {
    /// The whole evaluation: the decision with every statement's report.
    fn into_evaluation(self, prepared: &Prepared<'_>) -> Evaluation {
        let context = prepared
            .ready
            .as_ref()
            .map(|ready| ready.contexts.entries_at(self.registry_level, self.time))
            .unwrap_or_default();
        let reports: Vec<PolicyReport> = self
            .policies
            .into_iter()
            .map(|policy| PolicyReport {
                id: policy.header.id.clone(),
                kind: policy.loaded.kind,
                name: policy.header.name.clone(),
                applies: policy.not_applicable.is_none(),
                note: policy.not_applicable.map(str::to_string),
                diagnostics: policy.header.diagnostics.clone(),
                statements: policy
                    .policy
                    .statements
                    .iter()
                    .zip(policy.statements)
                    .map(|(statement, run)| {
                        let fixed = run.fixed;
                        let mut computed = run.conditions.into_iter();
                        let each: Vec<Shared<ConditionOutcome>> = fixed
                            .conditions
                            .iter()
                            .filter_map(|part| {
                                let computed = computed.next().flatten();
                                match part {
                                    Part::Fixed(outcome) => Some(outcome.clone()),
                                    Part::PerRequest => computed,
                                }
                            })
                            .collect();
                        StatementReport {
                            index: statement.index,
                            sid: fixed.sid.clone(),
                            effect: statement.effect(),
                            span: statement.span,
                            outcome: if policy.not_applicable.is_some() {
                                StatementOutcome::NotApplicable
                            } else {
                                run.outcome
                            },
                            principal: fixed.principal.clone(),
                            action: run.action,
                            resource: match &fixed.resource {
                                Some(Part::Fixed(report)) => Some(report.clone()),
                                Some(Part::PerRequest) => run.resource,
                                None => None,
                            },
                            conditions: ConditionsOutcome {
                                matched: each.iter().all(|outcome| outcome.matched),
                                each,
                            },
                        }
                    })
                    .collect(),
            })
            .collect();
        let missing_keys = missing_keys(&reports);
        Evaluation {
            decision: self.decision,
            summary: summary(self.decision, &self.reasons),
            reasons: self.reasons,
            request: self.facts,
            policies: reports,
            context,
            missing_keys,
            request_errors: Vec::new(),
        }
    }
}

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
        // RCP: RCPs apply to the resources in the action's resource-type column (INFERENCE for registry actions).
        PolicyKind::Rcp if registry_level => Some(
            "resource control policies apply to actions on a resource; this registry-level action has none (RCP)",
        ),
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

fn applicability_notes(policies: &[PolicyRun<'_>]) -> Vec<Reason> {
    policies
        .iter()
        .filter_map(|policy| {
            let note = policy.not_applicable?;
            Some(Reason {
                step: Step::Applicability,
                verdict: Verdict::Info,
                message: format!("the {} does not apply: {note}", policy.loaded.name),
                statements: Vec::new(),
            })
        })
        .collect()
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
