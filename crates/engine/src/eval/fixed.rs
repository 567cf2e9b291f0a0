//! What `prepare` decides once per statement: everything that is the same for every action and every
//! request time of a prepared scenario. The caller, the repository and the context (apart from the keys
//! in [`PER_REQUEST_KEYS`](super::derive::PER_REQUEST_KEYS)) do not change between actions, so the
//! `Principal` element, the `Resource` element and most conditions are matched here once; `evaluate`
//! then matches only the action, and the parts that read a per-request key. What depends on the
//! statement alone (its label, its `Action` patterns) comes from its [`StatementShape`].

use crate::condition::{
    ConditionOutcome, ConditionsOutcome, evaluate_condition, evaluate_conditions,
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
    /// Not decided, nor the `Resource` element (`resource` is `None`): the statement was prepared for
    /// decisions only and its `Principal` element does not name the caller, so it matches no request
    /// of this preparation whatever they say.
    Skipped,
}

impl FixedStatement {
    /// Matches the action-independent parts of `statement` of `policy`, whose shape is `shape`, for
    /// `request`, whose context has every key except the per-request ones. The `Principal` element's
    /// result is `same_caller`'s when given: the statement prepared for the same caller. For
    /// [`Detail::DecisionOnly`], a statement whose `Principal` element does not name the caller is
    /// matched no further ([`FixedConditions::Skipped`]).
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
        if detail == Detail::DecisionOnly
            && principal.as_ref().is_some_and(|report| !report.matched)
        {
            return Self {
                label,
                sid,
                principal,
                named_as,
                action: None,
                resource: None,
                conditions: FixedConditions::Skipped,
            };
        }
        let action = shape.action.clone();
        let resource = statement.resource.as_ref().map(|block| {
            if shape.resource_per_request {
                Part::PerRequest
            } else {
                Part::Fixed(Shared::new(resource_report(block, policy.version, request)))
            }
        });
        let conditions = if shape.conditions_per_request.is_empty() {
            FixedConditions::All(Shared::new(evaluate_conditions(
                &statement.conditions,
                request.context,
                policy.version,
            )))
        } else {
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
        };
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
            || matches!(self.conditions, FixedConditions::Each(_))
    }
}
