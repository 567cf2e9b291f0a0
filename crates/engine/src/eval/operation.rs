//! Deciding an operation (iam-semantics.md section 7, "Operations"): every action of its table row, each
//! on its resource, from one preparation of the policies. Allowed only when every action is; otherwise the
//! decision of the first action not allowed, in the table's order, and the reason chain starts with that
//! action in words.

use crate::operation::{Operation, OperationStep, Target};

use super::{
    Brief, Decision, Evaluation, OperationAction, Prepared, Reason, RequestTime, Step, Verdict,
    with_headline,
};

/// What decides an operation: its decision, the step that decided (`None` when every action is allowed)
/// and the reason that says so.
pub(super) struct OperationOutcome {
    pub decision: Decision,
    pub failing: Option<usize>,
    pub reason: Reason,
}

impl OperationOutcome {
    /// Decides `operation` from its actions' briefs, given in the table's order.
    pub(super) fn new(operation: Operation, briefs: &[Brief]) -> Self {
        let steps = operation.steps();
        let failing = briefs
            .iter()
            .position(|brief| brief.decision != Decision::Allowed);
        let (decision, message) =
            match failing.and_then(|index| Some((steps.get(index)?, briefs.get(index)?))) {
                Some((step, brief)) => (brief.decision, needs(operation, step, &brief.because)),
                None => (
                    Decision::Allowed,
                    format!(
                        "{} needs {} actions, each on its resource, and every one is allowed",
                        operation.phrase(),
                        steps.len()
                    ),
                ),
            };
        OperationOutcome {
            decision,
            failing,
            reason: Reason {
                step: Step::Operation,
                verdict: if decision == Decision::Allowed {
                    Verdict::Allow
                } else {
                    Verdict::Deny
                },
                message,
                statements: Vec::new(),
            },
        }
    }

    /// The one sentence that says what was decided and why.
    pub(super) fn summary(&self) -> String {
        with_headline(self.decision, Some(&self.reason.message))
    }
}

/// "a docker pull needs `ecr:GetAuthorizationToken`, which only an identity policy can grant; no identity
/// policy allows it".
fn needs(operation: Operation, step: &OperationStep, because: &str) -> String {
    let why = step.why.map(|why| format!(", {why}")).unwrap_or_default();
    format!(
        "{} needs `{}`{why}; {because}",
        operation.phrase(),
        step.action
    )
}

impl Prepared<'_> {
    /// The preparation that decides `step`: this one, or the same request on `*` for a registry-level
    /// action.
    pub(super) fn for_step<'p>(
        &'p self,
        step: &OperationStep,
        registry: &'p Option<Prepared<'p>>,
    ) -> &'p Prepared<'p> {
        match (step.target, registry) {
            (Target::Registry, Some(registry)) => registry,
            _ => self,
        }
    }

    /// The same request on `*` when one of `operation`'s actions is registry-level.
    pub(super) fn registry_for(&self, operation: Operation) -> Option<Prepared<'_>> {
        operation
            .steps()
            .iter()
            .any(|step| step.target == Target::Registry)
            .then(|| self.on_registry())
    }

    /// Decides every action of `operation`, each with its full evaluation.
    pub(super) fn evaluate_operation(&self, operation: Operation, time: RequestTime) -> Evaluation {
        let registry = self.registry_for(operation);
        let actions: Vec<OperationAction> = operation
            .steps()
            .iter()
            .map(|step| {
                let evaluation = self.for_step(step, &registry).evaluate(step.action, time);
                OperationAction {
                    action: step.action.to_owned(),
                    resource: evaluation.request.resource.clone(),
                    decision: evaluation.decision,
                    evaluation,
                }
            })
            .collect();
        let briefs: Vec<Brief> = actions
            .iter()
            .map(|action| Brief::of(&action.evaluation))
            .collect();
        let outcome = OperationOutcome::new(operation, &briefs);
        // The deciding action's evaluation: the first not allowed, or the last when every one is.
        let deciding = outcome
            .failing
            .and_then(|index| actions.get(index))
            .or_else(|| actions.last());
        let mut evaluation = deciding.map_or_else(
            || self.evaluate(&self.asked.action, time),
            |action| action.evaluation.clone(),
        );
        evaluation.summary = outcome.summary();
        evaluation.decision = outcome.decision;
        evaluation.reasons.insert(0, outcome.reason);
        evaluation.operation = Some(operation);
        evaluation.actions = actions;
        evaluation
    }
}
