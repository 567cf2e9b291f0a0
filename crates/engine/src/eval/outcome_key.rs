//! [`OutcomeKey`]: what the decisions of a request prepared to be decided rest on, besides its caller
//! and its resource: each statement's action-independent results. Requests that differ only in their
//! context and whose keys are equal are decided alike for every action, so the access diff decides
//! the contexts that no statement tells apart once.

use crate::matching::NamedAs;

use super::fixed::{FixedConditions, FixedStatement, Part};
use super::reading::Reading;
use super::statement::resource_reading;
use super::{Prepared, Ready};

/// Each statement's action-independent results in a preparation, by policy (`None` for a policy that
/// did not parse), then statement.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OutcomeKey(Vec<Option<Vec<StatementKey>>>);

/// What deciding an action reads of one prepared statement, besides its `Action` element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum StatementKey {
    /// Prepared for decisions only, its `Principal` not naming the caller: it matches nothing.
    Skipped,
    /// Its results.
    Matched {
        /// Whether its `Principal` element matches (or it has none).
        principal: bool,
        /// How a matching `Principal` element names the caller.
        named_as: Option<NamedAs>,
        /// Whether its `Resource` element matches and the reading that rests on, when it has one.
        resource: Option<(bool, Option<Reading>)>,
        /// Whether its conditions match.
        conditions: bool,
    },
}

impl OutcomeKey {
    /// The key of `prepared`; `None` when it is not valid, or some statement has a part decided for
    /// each action or request time, which the key cannot hold.
    pub(super) fn of(prepared: &Prepared<'_>) -> Option<Self> {
        let ready: &Ready = prepared.ready.as_ref()?;
        let policies = ready
            .statements
            .iter()
            .map(|statements| match statements {
                Some(statements) => statements
                    .iter()
                    .map(statement_key)
                    .collect::<Option<Vec<_>>>()
                    .map(Some),
                None => Some(None),
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Self(policies))
    }
}

/// The key of one statement; `None` when a part of it is decided for each request.
fn statement_key(fixed: &FixedStatement) -> Option<StatementKey> {
    let conditions = match &fixed.conditions {
        FixedConditions::Skipped => return Some(StatementKey::Skipped),
        FixedConditions::All(outcome) => outcome.matched,
        FixedConditions::Each(_) => return None,
    };
    let resource = match &fixed.resource {
        None => None,
        Some(Part::Fixed(report)) => Some((report.matched, resource_reading(report))),
        Some(Part::PerRequest) => return None,
    };
    Some(StatementKey::Matched {
        principal: fixed.principal.as_ref().is_none_or(|report| report.matched),
        named_as: fixed.named_as,
        resource,
        conditions,
    })
}
