//! What `prepare` decides once per statement: everything that is the same for every action and every
//! request time of a prepared scenario. The caller, the repository and the context (apart from the keys in
//! [`PER_REQUEST_KEYS`]) do not change between actions, so the `Principal` element, the `Resource` element
//! and most conditions are matched here once; `evaluate` then matches only the action, and the parts that
//! read a per-request key.

use crate::condition::{
    ConditionOutcome, ConditionsOutcome, evaluate_condition, evaluate_conditions, referenced_keys,
    variables_in,
};
use crate::matching::{ActionPattern, NamedAs};
use crate::policy::{Condition, Policy, ResourceBlock, Shared, SharedStr, Statement, Version};
use crate::span::Span;

use super::derive::PER_REQUEST_KEYS;
use super::result::{ElementReport, PrincipalReport};
use super::run::Detail;
use super::statement::{RequestView, principal_report, resource_report, strongest_grant};
use crate::matching::ResourceMatch;

/// A part of a statement's result: decided once, or to be decided for each request because it reads a
/// key in [`PER_REQUEST_KEYS`].
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
    pub action: Option<ActionPatterns>,
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

/// An `Action`/`NotAction` element, its patterns shared so that every report can hold them.
#[derive(Debug, Clone)]
pub struct ActionPatterns {
    /// `true` for `NotAction`.
    pub negated: bool,
    /// The element name.
    pub key_span: Span,
    /// Each pattern with its span, in source order.
    pub patterns: Vec<(Span, ActionPattern)>,
}

impl FixedStatement {
    /// Matches the action-independent parts of `statement` of `policy` for `request`, whose context has
    /// every key except those in [`PER_REQUEST_KEYS`]. The `Principal` element's result is `same_caller`'s
    /// when given: the statement prepared for the same caller. For [`Detail::DecisionOnly`], a statement
    /// whose `Principal` element does not name the caller is matched no further
    /// ([`FixedConditions::Skipped`]).
    pub fn new(
        statement: &Statement,
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
                    .map(|block| Shared::new(principal_report(block, request)));
                let named_as = principal
                    .as_ref()
                    .filter(|report| report.matched && !report.negated)
                    .and_then(|report| strongest_grant(&report.entries));
                (principal, named_as)
            }
        };
        let (label, sid) = match same_caller {
            Some(known) => (known.label.clone(), known.sid.clone()),
            None => (
                SharedStr::from(statement.label()),
                statement
                    .sid
                    .as_ref()
                    .map(|sid| SharedStr::from(&sid.value)),
            ),
        };
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
        let action = statement.action.as_ref().map(|block| ActionPatterns {
            negated: block.negated,
            key_span: block.key_span,
            patterns: block
                .patterns
                .iter()
                .map(|pattern| (pattern.span, ActionPattern::new(&pattern.value)))
                .collect(),
        });
        let resource = statement.resource.as_ref().map(|block| {
            if resource_reads_per_request_key(block, policy.version) {
                Part::PerRequest
            } else {
                Part::Fixed(Shared::new(resource_report(block, policy.version, request)))
            }
        });
        let conditions = if statement
            .conditions
            .iter()
            .any(|condition| condition_reads_per_request_key(condition, policy.version))
        {
            FixedConditions::Each(
                statement
                    .conditions
                    .iter()
                    .map(|condition| {
                        if condition_reads_per_request_key(condition, policy.version) {
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
        } else {
            FixedConditions::All(Shared::new(evaluate_conditions(
                &statement.conditions,
                request.context,
                policy.version,
            )))
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

    /// `statement` prepared as its twin `twin` was: the same text in another version of the policies,
    /// prepared for the same request in the same detail, so the results are the same. The label and
    /// the `Sid` are the twin's when it is at the same position (`same_position`), else `statement`'s.
    pub fn from_twin(statement: &Statement, twin: &FixedStatement, same_position: bool) -> Self {
        if same_position {
            return twin.clone();
        }
        Self {
            label: SharedStr::from(statement.label()),
            sid: twin.sid.clone(),
            ..twin.clone()
        }
    }

    /// Whether any part must be decided for each request.
    pub fn has_per_request_parts(&self) -> bool {
        matches!(self.resource, Some(Part::PerRequest))
            || matches!(self.conditions, FixedConditions::Each(_))
    }
}

fn is_per_request_key(key: &str) -> bool {
    PER_REQUEST_KEYS
        .iter()
        .any(|per_request| per_request.eq_ignore_ascii_case(key))
}

/// A condition reads its key and, where they are substituted, its variables' keys.
fn condition_reads_per_request_key(condition: &Condition, version: Version) -> bool {
    referenced_keys(condition, version)
        .iter()
        .any(|key| is_per_request_key(key))
}

/// A resource pattern reads the keys of its variables, which are substituted only under 2012-10-17.
fn resource_reads_per_request_key(block: &ResourceBlock, version: Version) -> bool {
    version.supports_variables()
        && block.patterns.iter().any(|pattern| {
            variables_in(&pattern.value)
                .iter()
                .any(|key| is_per_request_key(key))
        })
}
