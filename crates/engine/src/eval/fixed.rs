//! What `prepare` decides once per statement: everything that is the same for every action and every
//! request time of a prepared scenario. The caller, the repository and the context (apart from the keys
//! in [`PER_REQUEST_KEYS`](super::derive::PER_REQUEST_KEYS)) do not change between actions, so the
//! `Principal` element, the `Resource` element and most conditions are matched here once; `evaluate`
//! then matches only the action, and the parts that read a per-request key. What depends on the
//! statement alone (its label, its `Action` patterns) comes from its [`StatementShape`].

use crate::condition::{
    ConditionOutcome, ConditionsOutcome, condition_holds, evaluate_condition, evaluate_conditions,
};
use crate::matching::NamedAs;
use crate::policy::{Policy, Shared, SharedStr, Statement};

use super::result::{ElementReport, PrincipalReport};
use super::run::Detail;
use super::shape::{ActionPatterns, StatementShape};
use super::statement::{RequestView, principal_report, resource_report, strongest_grant};
use crate::matching::ResourceMatch;

/// A part of a statement's result: decided once, or to be decided for each request because it reads a
/// key in [`PER_REQUEST_KEYS`](super::derive::PER_REQUEST_KEYS).
#[derive(Debug, Clone)]
pub enum Part<T> {
    /// The same for every request of the prepared scenario.
    Fixed(T),
    /// Depends on the action or the request time.
    PerRequest,
}

/// One statement with its action-independent parts matched.
#[derive(Debug, Clone)]
pub struct FixedStatement {
    /// ``statement `Sid` `` or `statement 2`, for the reason chain and the statement's report.
    pub label: SharedStr,
    /// The `Sid`, when present.
    pub sid: Option<SharedStr>,
    /// The `Principal`/`NotPrincipal` element's result.
    pub principal: Option<Shared<PrincipalReport>>,
    /// How a matching, non-negated `Principal` element names the caller (the section 1 table).
    pub named_as: Option<NamedAs>,
    /// The `Action`/`NotAction` element: whether it is negated, its name's span and its patterns.
    pub action: Option<Shared<ActionPatterns>>,
    /// The `Resource`/`NotResource` element's result.
    pub resource: Option<Part<Shared<ElementReport<ResourceMatch>>>>,
    /// The conditions' results.
    pub conditions: FixedConditions,
}

/// A statement's conditions: all decided once (the usual case), or some of them for each request.
#[derive(Debug, Clone)]
pub enum FixedConditions {
    /// Every condition is the same for every request.
    All(Shared<ConditionsOutcome>),
    /// Each condition's result, in source order, at least one of them decided per request.
    Each(Vec<Part<ConditionOutcome>>),
    /// For decisions only: every condition holds, each decided once.
    Hold,
    /// For decisions only: the conditions decided once hold; those at these positions (in source
    /// order) read a per-request key and are decided for each request.
    HoldThenDecide(Vec<usize>),
    /// Not decided, nor the `Resource` element (`resource` is `None`): the statement was prepared for
    /// decisions only and its `Principal` element does not name the caller, or one of its conditions
    /// that reads no per-request key does not hold, so it matches no request of this preparation
    /// whatever they say.
    Skipped,
}

impl FixedStatement {
    /// Matches the action-independent parts of `statement` of `policy`, whose shape is `shape`, for
    /// `request`, whose context has every key except the per-request ones. The `Principal` element's
    /// result is `same_caller`'s when given: the statement prepared for the same caller. For
    /// [`Detail::DecisionOnly`], the conditions are decided without their outcomes, and a statement
    /// whose `Principal` element does not name the caller, or whose conditions decided once do not all
    /// hold, is matched no further ([`FixedConditions::Skipped`]).
    pub fn new(
        statement: &Statement,
        shape: &StatementShape,
        policy: &Policy,
        request: RequestView<'_>,
        detail: Detail,
        same_caller: Option<&FixedStatement>,
    ) -> Self {
        let (principal, named_as) = match same_caller {
            Some(known) => (known.principal.clone(), known.named_as),
            None => {
                let principal = statement
                    .principal
                    .as_ref()
                    .map(|block| Shared::new(principal_report(block, &shape.principal, request)));
                let named_as = principal
                    .as_ref()
                    .filter(|report| report.matched && !report.negated)
                    .and_then(|report| strongest_grant(&report.entries));
                (principal, named_as)
            }
        };
        let (label, sid) = (shape.label.clone(), shape.sid.clone());
        let skipped = |principal, named_as| Self {
            label: label.clone(),
            sid: sid.clone(),
            principal,
            named_as,
            action: None,
            resource: None,
            conditions: FixedConditions::Skipped,
        };
        let conditions = if detail == Detail::DecisionOnly {
            if principal.as_ref().is_some_and(|report| !report.matched) {
                return skipped(principal, named_as);
            }
            match conditions_held(statement, shape, policy, request) {
                Some(conditions) => conditions,
                None => return skipped(principal, named_as),
            }
        } else {
            explained_conditions(statement, shape, policy, request)
        };
        let action = shape.action.clone();
        let resource = statement.resource.as_ref().map(|block| {
            if shape.resource_per_request {
                Part::PerRequest
            } else {
                Part::Fixed(Shared::new(resource_report(block, policy.version, request)))
            }
        });
        Self {
            label,
            sid,
            principal,
            named_as,
            action,
            resource,
            conditions,
        }
    }

    /// A statement of shape `shape` prepared as its twin `twin` was: the same text in another version
    /// of the policies, prepared for the same request in the same detail, so the results are the same
    /// but for the label, which is the statement's own.
    pub fn from_twin(shape: &StatementShape, twin: &FixedStatement) -> Self {
        Self {
            label: shape.label.clone(),
            ..twin.clone()
        }
    }

    /// Whether any part must be decided for each request.
    pub fn has_per_request_parts(&self) -> bool {
        matches!(self.resource, Some(Part::PerRequest))
            || matches!(
                self.conditions,
                FixedConditions::Each(_) | FixedConditions::HoldThenDecide(_)
            )
    }
}

/// The conditions of `statement`, of shape `shape` in `policy`, with their outcomes: each decided for
/// `request` once, except those that read a per-request key.
fn explained_conditions(
    statement: &Statement,
    shape: &StatementShape,
    policy: &Policy,
    request: RequestView<'_>,
) -> FixedConditions {
    if shape.conditions_per_request.is_empty() {
        return FixedConditions::All(Shared::new(evaluate_conditions(
            &statement.conditions,
            request.context,
            policy.version,
        )));
    }
    FixedConditions::Each(
        statement
            .conditions
            .iter()
            .zip(&shape.conditions_per_request)
            .map(|(condition, per_request)| {
                if *per_request {
                    Part::PerRequest
                } else {
                    Part::Fixed(evaluate_condition(
                        condition,
                        request.context,
                        policy.version,
                    ))
                }
            })
            .collect(),
    )
}

/// The conditions of `statement`, of shape `shape` in `policy`, for decisions only: each that reads no
/// per-request key decided for `request` once, without its outcome. `None` when one of them does not
/// hold, so the statement matches no request of the preparation.
fn conditions_held(
    statement: &Statement,
    shape: &StatementShape,
    policy: &Policy,
    request: RequestView<'_>,
) -> Option<FixedConditions> {
    let mut per_request = Vec::new();
    for (index, condition) in statement.conditions.iter().enumerate() {
        if shape.conditions_per_request.get(index) == Some(&true) {
            per_request.push(index);
        } else if !condition_holds(condition, request.context, policy.version) {
            return None;
        }
    }
    Some(if per_request.is_empty() {
        FixedConditions::Hold
    } else {
        FixedConditions::HoldThenDecide(per_request)
    })
}
