//! [`OutcomeKey`]: what the decisions of a request prepared to be decided rest on, besides its caller
//! and its resource: each statement's action-independent results. Requests that differ only in their
//! context and whose keys are equal are decided alike for every action, so the access diff decides
//! the contexts that no statement tells apart once.

use super::fixed::{FixedConditions, FixedStatement, Part};
use super::statement::resource_reading;
use super::{Prepared, Ready};

/// Each statement's action-independent results in a preparation, by policy, then statement, each
/// statement's as one number (`statement_code`): the key is hashed for every preparation, and a flat
/// list of numbers hashes in one pass.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OutcomeKey(Vec<u32>);

/// What stands for a policy that did not parse; any other policy is its number of statements, then
/// their codes.
const UNPARSED: u32 = u32::MAX;

impl OutcomeKey {
    /// The key of `prepared`; `None` when it is not valid, or some statement has a part decided for
    /// each action or request time, which the key cannot hold.
    pub(super) fn of(prepared: &Prepared<'_>) -> Option<Self> {
        let ready: &Ready = prepared.ready.as_ref()?;
        let mut codes = Vec::with_capacity(
            ready.statements.len()
                + ready
                    .statements
                    .iter()
                    .flatten()
                    .map(Vec::len)
                    .sum::<usize>(),
        );
        for statements in &ready.statements {
            match statements {
                Some(statements) => {
                    codes.push(u32::try_from(statements.len()).ok()?);
                    for fixed in statements {
                        codes.push(statement_code(fixed)?);
                    }
                }
                None => codes.push(UNPARSED),
            }
        }
        Some(Self(codes))
    }
}

/// What deciding an action reads of one prepared statement, besides its `Action` element, as one
/// number; `None` when a part of it is decided for each request. `0`: prepared for decisions only,
/// its `Principal` not naming the caller or a condition not holding, it matches nothing. Otherwise bit
/// 0 is set; bit 1: its `Principal` element matches (or it has none); bit 2: its conditions match;
/// bits 3 to 6: whether it has a `Resource` element, whether that matches and the reading that rests
/// on; from bit 8, how a matching `Principal` element names the caller.
fn statement_code(fixed: &FixedStatement) -> Option<u32> {
    let conditions = match &fixed.conditions {
        FixedConditions::Skipped => return Some(0),
        FixedConditions::All(outcome) => outcome.matched,
        FixedConditions::Hold => true,
        FixedConditions::Each(_) | FixedConditions::HoldThenDecide(_) => return None,
    };
    let resource = match &fixed.resource {
        None => 0,
        Some(Part::Fixed(report)) => {
            let reading = resource_reading(report).map_or(0, |reading| reading as u32 + 1);
            1 | u32::from(report.matched) << 1 | reading << 2
        }
        Some(Part::PerRequest) => return None,
    };
    let principal = fixed.principal.as_ref().is_none_or(|report| report.matched);
    let named_as = fixed.named_as.map_or(0, |named_as| named_as as u32 + 1);
    Some(1 | u32::from(principal) << 1 | u32::from(conditions) << 2 | resource << 3 | named_as << 8)
}
