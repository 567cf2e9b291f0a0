//! Deciding one action of a prepared scenario: each statement's outcome from the parts `prepare` fixed
//! and the action (plus any part that reads a per-request key), with, for an [`Evaluation`], its report
//! made of the shared fixed parts and the action's detail; then the decision procedure.

use crate::catalog::{Action, catalog};
use crate::condition::{ConditionOutcome, ConditionsOutcome, condition_holds, evaluate_condition};
use crate::matching::{Caller, RequestAction};
use crate::policy::{Policy, PolicyKind, Shared, Statement, Version};
use crate::registry::{self, ResourceSideRequest};

use super::decide::{DecisionInputs, PolicyOutcomes, StatementFacts, decide, decide_alone};
use super::fixed::{FixedConditions, FixedStatement, Part};
use super::inputs::policy_phrase;
use super::reading::Reading;
use super::statement::{
    RequestView, action_matches, action_report, outcome, resource_reading, resource_report,
};
use super::{
    Brief, Decision, Evaluation, LoadedPolicy, PolicyReport, Prepared,
    RCPS_SKIP_REGISTRY_LEVEL_ACTIONS, Ready, Reason, ReportHeader, RequestTime, StatementOutcome,
    StatementRef, StatementReport, Step, Verdict, deciding, missing_keys, not_applicable_because,
    summary, with_headline,
};

/// The decision for one action with what explains it, as far as wanted: every statement's outcome, the
/// reason chain and each statement's report.
pub(super) struct Decided<'p> {
    /// The action decided, when it is in the catalogue.
    known_action: Option<&'static Action>,
    registry_level: bool,
    time: RequestTime,
    policies: Vec<PolicyRun<'p>>,
    decision: Decision,
    /// The applicability notes, then the steps of the procedure; empty for the decision alone.
    reasons: Vec<Reason>,
}

/// One parsed policy's statements for one request.
struct PolicyRun<'p> {
    loaded: &'p LoadedPolicy,
    header: &'p ReportHeader,
    not_applicable: Option<&'static str>,
    /// What the decision procedure needs of each statement.
    facts: Vec<StatementFacts<'p>>,
    /// Each statement's report; empty unless the reports are wanted.
    reports: Vec<StatementReport>,
}

/// How much of the explanation deciding an action makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Detail {
    /// Every element's report, for an [`Evaluation`].
    Reports,
    /// The decision and the reason chain its summary is read from, for the matrix: no statement's
    /// report, so the conditions read per request are decided without their outcomes.
    Brief,
    /// The decision alone, for comparing the decisions of many requests: as [`Detail::Brief`], without
    /// the reason chain.
    DecisionOnly,
}

impl Prepared<'_> {
    /// Decides `action`: the decision with what explains it, or, when the request or a policy has
    /// errors, the evaluation that says so.
    pub(super) fn run(
        &self,
        action: &str,
        time: RequestTime,
        detail: Detail,
    ) -> Result<Decided<'_>, Box<Evaluation>> {
        let known_action = catalog().action(action);
        let request_errors = self.request.errors_for(action);
        let facts = || self.request.facts(&self.asked, action, known_action);
        let (Ok(caller), Some(ready), true) = (
            &self.request.principal,
            &self.ready,
            request_errors.is_empty(),
        ) else {
            return Err(Box::new(if request_errors.is_empty() {
                self.invalid(facts(), Vec::new(), self.set.blocking.clone())
            } else {
                self.invalid(facts(), request_errors, Vec::new())
            }));
        };
        let registry_level = self.request.registry_level(known_action);
        let resource_side = ResourceSideRequest {
            action,
            registry_level,
            scope: self.scenario.registry_scope(),
        };
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
        let policies =
            self.run_policies(ready, caller, resource_side, &request_action, view, detail);
        let (decision, mut procedure) = self.procedure(
            caller,
            &policies,
            self.request.cross_account(registry_level),
            registry_level,
            detail,
        );
        let mut reasons = match detail {
            Detail::DecisionOnly => Vec::new(),
            Detail::Reports | Detail::Brief => {
                let mut notes = applicability_notes(&policies);
                notes.extend(rcp_reading(&policies, self.scenario.rcps.len()));
                notes
            }
        };
        reasons.append(&mut procedure);
        Ok(Decided {
            known_action,
            registry_level,
            time,
            policies,
            decision,
            reasons,
        })
    }

    /// Decides every statement of every parsed policy for the action, each policy with why it does not
    /// take part, when it does not.
    fn run_policies<'p>(
        &'p self,
        ready: &'p Ready,
        caller: &Caller,
        resource_side: ResourceSideRequest<'_>,
        request_action: &RequestAction,
        view: Option<RequestView<'_>>,
        detail: Detail,
    ) -> Vec<PolicyRun<'p>> {
        self.set
            .policies
            .iter()
            .zip(&self.set.headers)
            .zip(&ready.statements)
            .filter_map(|((loaded, header), fixed)| {
                let policy = loaded.parsed.policy.as_ref()?;
                let fixed = fixed.as_ref()?;
                let not_applicable =
                    not_applicable_because(loaded.kind, caller, resource_side.registry_level)
                        .or_else(|| registry::not_applicable_because(loaded.kind, resource_side));
                let mut run = PolicyRun {
                    loaded,
                    header,
                    not_applicable,
                    facts: Vec::with_capacity(fixed.len()),
                    reports: Vec::with_capacity(match detail {
                        Detail::Reports => fixed.len(),
                        Detail::Brief | Detail::DecisionOnly => 0,
                    }),
                };
                for (statement, fixed) in policy.statements.iter().zip(fixed) {
                    let request = StatementRequest {
                        policy,
                        action: request_action,
                        view,
                        detail,
                        not_applicable: not_applicable.is_some(),
                    };
                    let (facts, report) = run_statement(statement, fixed, request);
                    run.facts.push(facts);
                    run.reports.extend(report);
                }
                Some(run)
            })
            .collect()
    }

    /// The decision procedure over the policies that take part, and its reasons unless `detail` wants
    /// the decision alone.
    fn procedure(
        &self,
        caller: &Caller,
        policies: &[PolicyRun<'_>],
        cross_account: bool,
        registry_level: bool,
        detail: Detail,
    ) -> (Decision, Vec<Reason>) {
        let outcomes: Vec<PolicyOutcomes<'_>> = policies
            .iter()
            .filter(|policy| policy.not_applicable.is_none())
            .map(|policy| PolicyOutcomes {
                id: &policy.loaded.id,
                kind: policy.loaded.kind,
                name: &policy.loaded.name,
                level: policy.loaded.level,
                statements: &policy.facts,
            })
            .collect();
        // Every level given counts when organization policies of that kind apply to this request, an empty
        // level too: it has no Allow, so it denies (SCPEVAL: an Allow is needed at every level).
        let levels = |kind: PolicyKind, count: usize| {
            if not_applicable_because(kind, caller, registry_level).is_none() {
                count
            } else {
                0
            }
        };
        let inputs = DecisionInputs {
            caller,
            policies: &outcomes,
            cross_account,
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
        match detail {
            Detail::DecisionOnly => (decide_alone(&inputs), Vec::new()),
            Detail::Reports | Detail::Brief => decide(&inputs),
        }
    }
}

/// What a statement is decided for: the policy it is in, the action, and with `view` (present when some
/// statement has them) the parts that read a per-request key.
#[derive(Clone, Copy)]
struct StatementRequest<'a> {
    policy: &'a Policy,
    action: &'a RequestAction,
    view: Option<RequestView<'a>>,
    detail: Detail,
    /// Whether the statement's policy takes no part in the request, so its outcome is `not-applicable`.
    not_applicable: bool,
}

/// Decides one statement: the fixed parts as `prepare` matched them, the action, and the parts that read
/// a per-request key. Gives what the procedure needs and, when the reports are wanted, the report.
fn run_statement<'p>(
    statement: &Statement,
    fixed: &'p FixedStatement,
    request: StatementRequest<'_>,
) -> (StatementFacts<'p>, Option<StatementReport>) {
    let version = request.policy.version;
    // Whether the conditions hold, and their outcome when it is known.
    let (conditions_ok, conditions) = match &fixed.conditions {
        FixedConditions::All(outcome) => (outcome.matched, Some(outcome.clone())),
        FixedConditions::Each(parts) if request.detail == Detail::Reports => {
            let outcome = each_condition(statement, parts, version, request.view);
            (outcome.matched, Some(outcome))
        }
        FixedConditions::Each(parts) => (
            each_condition_holds(statement, parts, version, request.view),
            None,
        ),
        FixedConditions::Hold => (true, None),
        FixedConditions::HoldThenDecide(positions) => (
            per_request_conditions_hold(statement, positions, version, request.view),
            None,
        ),
        FixedConditions::Skipped => {
            let facts = StatementFacts {
                index: statement.index,
                label: &fixed.label,
                outcome: StatementOutcome::NoMatch,
                named_as: None,
                reading: None,
            };
            return (facts, None);
        }
    };
    let resource = match (&statement.resource, &fixed.resource, request.view) {
        (Some(block), Some(Part::PerRequest), Some(view)) => {
            Some(Shared::new(resource_report(block, version, view)))
        }
        (_, Some(Part::Fixed(report)), _) => Some(report.clone()),
        _ => None,
    };
    let action = match request.detail {
        Detail::Reports => fixed.action.as_ref().map(|element| {
            action_report(
                element.negated,
                element.key_span,
                &element.patterns,
                request.action,
            )
        }),
        Detail::Brief | Detail::DecisionOnly => None,
    };
    let action_ok = match &action {
        Some(report) => report.matched,
        None => fixed.action.as_ref().is_some_and(|element| {
            action_matches(element.negated, &element.patterns, request.action)
        }),
    };
    let resource_ok = match (&fixed.resource, &resource) {
        (None, _) => true,
        (Some(_), Some(report)) => report.matched,
        (Some(_), None) => false,
    };
    let decided = outcome(
        statement.effect(),
        fixed.principal.as_ref().is_none_or(|report| report.matched),
        action_ok,
        resource_ok,
        conditions_ok,
    );
    let facts = StatementFacts {
        index: statement.index,
        label: &fixed.label,
        outcome: decided,
        named_as: fixed.named_as,
        reading: resource.as_deref().and_then(resource_reading),
    };
    let report = conditions
        .filter(|_| request.detail == Detail::Reports)
        .map(|conditions| StatementReport {
            index: statement.index,
            sid: fixed.sid.clone(),
            label: fixed.label.clone(),
            effect: statement.effect(),
            span: statement.span,
            outcome: if request.not_applicable {
                StatementOutcome::NotApplicable
            } else {
                decided
            },
            principal: fixed.principal.clone(),
            action,
            resource,
            conditions,
        });
    (facts, report)
}

/// The statement's conditions when some read a per-request key: each decided here, or as `prepare`
/// decided it.
fn each_condition(
    statement: &Statement,
    parts: &[Part<ConditionOutcome>],
    version: Version,
    view: Option<RequestView<'_>>,
) -> Shared<ConditionsOutcome> {
    let each: Vec<ConditionOutcome> = statement
        .conditions
        .iter()
        .zip(parts)
        .filter_map(|(condition, part)| match (part, view) {
            (Part::Fixed(outcome), _) => Some(outcome.clone()),
            (Part::PerRequest, Some(view)) => {
                Some(evaluate_condition(condition, view.context, version))
            }
            (Part::PerRequest, None) => None,
        })
        .collect();
    Shared::new(ConditionsOutcome {
        // A condition that could not be decided counts as not matching.
        matched: each.len() == parts.len() && each.iter().all(|outcome| outcome.matched),
        each,
    })
}

/// Whether the statement's conditions hold when some read a per-request key: each decided here without
/// its outcome, or as `prepare` decided it. A condition that cannot be decided does not hold.
fn each_condition_holds(
    statement: &Statement,
    parts: &[Part<ConditionOutcome>],
    version: Version,
    view: Option<RequestView<'_>>,
) -> bool {
    statement
        .conditions
        .iter()
        .zip(parts)
        .all(|(condition, part)| match part {
            Part::Fixed(outcome) => outcome.matched,
            Part::PerRequest => {
                view.is_some_and(|view| condition_holds(condition, view.context, version))
            }
        })
}

/// Whether the statement's conditions at `positions`, which read a per-request key, hold; `prepare`
/// found that the others do. A condition that cannot be decided does not hold.
fn per_request_conditions_hold(
    statement: &Statement,
    positions: &[usize],
    version: Version,
    view: Option<RequestView<'_>>,
) -> bool {
    view.is_some_and(|view| {
        positions.iter().all(|position| {
            statement
                .conditions
                .get(*position)
                .is_some_and(|condition| condition_holds(condition, view.context, version))
        })
    })
}

impl Decided<'_> {
    /// The decision.
    pub(super) fn decision(&self) -> Decision {
        self.decision
    }

    /// The decision and the sentences that say why.
    pub(super) fn brief(&self) -> Brief {
        let because = deciding(&self.reasons).map(|reason| reason.message.as_str());
        Brief {
            decision: self.decision,
            summary: with_headline(self.decision, because),
            because: because.unwrap_or_default().to_owned(),
        }
    }

    /// The whole evaluation of `action`, the action decided: the decision with every statement's
    /// report.
    pub(super) fn into_evaluation(self, prepared: &Prepared<'_>, action: &str) -> Evaluation {
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
                wrapper: policy.loaded.parsed.wrapper.clone(),
                written_at: policy.header.written_at,
                statements: policy.reports,
            })
            .collect();
        let missing_keys = missing_keys(&reports);
        Evaluation {
            decision: self.decision,
            summary: summary(self.decision, &self.reasons),
            reasons: self.reasons,
            request: prepared
                .request
                .facts(&prepared.asked, action, self.known_action),
            policies: reports,
            context,
            missing_keys,
            request_errors: Vec::new(),
            operation: None,
            actions: Vec::new(),
        }
    }
}

/// When the RCPs were left out by [`Reading::RcpsSkipRegistryLevelActions`] and would have denied the
/// request (a matching Deny, or a level without a matching Allow), the step that says the decision rests
/// on that reading.
fn rcp_reading(policies: &[PolicyRun<'_>], levels: usize) -> Option<Reason> {
    let rcps: Vec<&PolicyRun<'_>> = policies
        .iter()
        .filter(|policy| {
            policy.loaded.kind == PolicyKind::Rcp
                && policy.not_applicable == Some(RCPS_SKIP_REGISTRY_LEVEL_ACTIONS)
        })
        .collect();
    let outcomes = |policy: &&PolicyRun<'_>, wanted: StatementOutcome| {
        policy
            .facts
            .iter()
            .filter(move |statement| statement.outcome == wanted)
            .map(|statement| StatementRef {
                policy: policy.loaded.id.clone(),
                statement: statement.index,
            })
            .collect::<Vec<_>>()
    };
    let denies: Vec<StatementRef> = rcps
        .iter()
        .flat_map(|policy| outcomes(policy, StatementOutcome::DenyMatch))
        .collect();
    let level_without_allow = (0..levels).find(|level| {
        rcps.iter()
            .filter(|policy| policy.loaded.level == Some(*level))
            .all(|policy| outcomes(policy, StatementOutcome::AllowMatch).is_empty())
    });
    let would = if !denies.is_empty() {
        "would deny it explicitly".to_string()
    } else {
        format!("have no Allow for it at level {}", level_without_allow? + 1)
    };
    Some(Reason {
        step: Step::ResourceControlPolicies,
        verdict: Verdict::Info,
        message: format!(
            "the resource control policies {would} if they applied; they are left out because of a reading: {}",
            Reading::RcpsSkipRegistryLevelActions.explanation()
        ),
        statements: denies,
    })
}

/// The first steps of the reason chain: why each policy that does not take part is left out, with, for
/// the repository and registry policies, the statements that match the request and so have no effect
/// (section 7: "say so" when a registry policy grant does nothing).
fn applicability_notes(policies: &[PolicyRun<'_>]) -> Vec<Reason> {
    policies
        .iter()
        .filter_map(|policy| {
            let note = policy.not_applicable?;
            let unenforced: Vec<&StatementFacts<'_>> = policy
                .facts
                .iter()
                .filter(|statement| {
                    policy.loaded.kind.is_ecr_resource_policy()
                        && statement.outcome != StatementOutcome::NoMatch
                })
                .collect();
            let mut message = format!(
                "{} does not apply: {note}",
                policy_phrase(policy.loaded.kind, &policy.loaded.name)
            );
            for statement in &unenforced {
                let effect = match statement.outcome {
                    StatementOutcome::DenyMatch => "deny",
                    _ => "allow",
                };
                message.push_str(&format!(
                    "; its {} would {effect} the request and has no effect",
                    statement.label
                ));
            }
            Some(Reason {
                step: Step::Applicability,
                verdict: Verdict::Info,
                message,
                statements: unenforced
                    .iter()
                    .map(|statement| StatementRef {
                        policy: policy.loaded.id.clone(),
                        statement: statement.index,
                    })
                    .collect(),
            })
        })
        .collect()
}
