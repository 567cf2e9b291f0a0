//! How to fix a denial: for a denied request, the smallest change on each side that would allow it, each
//! verified by deciding the edited scenario before it is offered.
//!
//! A fix is found by repair: decide the request, read what denied it ([`gaps`]), make the edit that closes
//! each gap ([`draft`]), decide again, until the request is allowed (the fix is kept) or no edit can close
//! what is left (the attempt is dropped). Where either side could grant (a same-account request, EVAL,
//! ECRPOL), each side is tried: an identity-policy statement, a repository-policy statement, a
//! registry-policy statement where the registry policy governs the actions under its scope (section 7).
//! Explicit denies, organization policies, boundaries and session policies are closed the same way in
//! every attempt, so a fix that needs them says so. What each edit adds follows the rule book:
//! - identity grants name the repository ARN and the needed actions, registry-level actions `*` (ECRSAR,
//!   ECRPOL: `ecr:GetAuthorizationToken` only through an IAM policy);
//! - across accounts both sides must allow (XACCT): one fix carries both edits;
//! - an explicit deny is never weakened silently: the Deny statement gets an exception for the caller and
//!   the description says it narrows that Deny (EVAL: a deny overrides every allow);
//! - SCPs and RCPs need an Allow at every level (SCPEVAL, RCP); changing one is an organization change.

mod draft;
mod gaps;
#[cfg(test)]
mod tests;
mod text;

use serde::Serialize;

use crate::eval::{Decision, Evaluation, RequestTime, evaluate};
use crate::policy::PolicyKind;
use crate::scenario::Scenario;

use self::draft::Draft;
use self::gaps::{Gap, gaps};

/// One way to allow a denied request: what to change, where, and the whole edited scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    /// Whose policies change.
    pub side: FixSide,
    /// What changes and why, in sentences that name each policy and statement.
    pub description: String,
    /// Each policy that changes, with its text before and after.
    pub changes: Vec<PolicyChange>,
    /// The scenario with the change made; deciding it gives `allowed`.
    pub scenario: Scenario,
}

/// Whose policies a fix changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum FixSide {
    /// The caller's side: its identity policies, permissions boundary or session policy.
    Identity,
    /// The repository's side: the repository policy or the registry policy.
    Resource,
    /// Both: the caller's side and the repository's side (a cross-account request, XACCT, or a grant
    /// that also needs a registry-level action only an identity policy can give).
    Both,
    /// The organization: a service or resource control policy (with whatever else the fix changes).
    Organization,
}

/// One policy a fix changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PolicyChange {
    /// The policy's id, as in the evaluation's reports: `repository`, `registry`, `identity:0`,
    /// `boundary`, `session`, `scp:0:1`, `rcp:1:0`.
    pub policy: String,
    /// The kind of policy.
    pub kind: PolicyKind,
    /// Its name for people (an identity policy's tab name).
    pub name: String,
    /// Its text before the change; `None` for a policy the fix adds.
    pub before: Option<String>,
    /// Its text after the change: the text before with the edit made, the rest as written.
    pub after: String,
}

/// How many rounds of decide-and-edit a repair may take: an explicit deny, then an organization level,
/// a grant on each side, a boundary and a session policy is six; more means the edits do not converge.
const MAX_ROUNDS: usize = 8;

/// The fixes for the first request of `scenario` (its only one unless it is a suite) at `time`: none when
/// it is allowed or cannot be evaluated. Every fix's scenario is decided `allowed` at `time`; the fixes
/// differ, and those with fewer changed policies come first.
pub fn suggest_fixes(scenario: &Scenario, time: RequestTime) -> Vec<Fix> {
    let evaluation = evaluate(scenario, time);
    if !matches!(
        evaluation.decision,
        Decision::ExplicitDeny | Decision::ImplicitDeny
    ) {
        return Vec::new();
    }
    let mut fixes: Vec<Fix> = Vec::new();
    for grant in Grant::ALL {
        let Some(fix) = repair(scenario, &evaluation, grant, time) else {
            continue;
        };
        if !fixes.iter().any(|known| known.scenario == fix.scenario) {
            fixes.push(fix);
        }
    }
    fixes.sort_by_key(|fix| fix.changes.len());
    fixes
}

/// Where a grant goes when either side could make it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grant {
    /// An identity policy of the caller.
    Identity,
    /// The repository policy.
    Repository,
    /// The registry policy, where its scope governs the actions (section 7).
    Registry,
}

impl Grant {
    const ALL: [Grant; 3] = [Grant::Identity, Grant::Repository, Grant::Registry];
}

/// Edits `scenario` round by round, `grant` choosing the side of each grant either side could make,
/// until its request is allowed; `None` when an edit cannot be made or the rounds run out. A gap often
/// shows only once an earlier one is closed (an action behind an explicit deny); when the request is
/// allowed, every gap found is closed again at once from the start, so that each policy gets one
/// statement per resource, and that fix is kept when it too is allowed.
fn repair(
    scenario: &Scenario,
    denied: &Evaluation,
    grant: Grant,
    time: RequestTime,
) -> Option<Fix> {
    let mut draft = Draft::new(scenario, denied, grant)?;
    let mut evaluation = denied.clone();
    let mut every_gap: Vec<Gap> = Vec::new();
    for round in 0..MAX_ROUNDS {
        match evaluation.decision {
            Decision::Allowed if round > 1 => {
                return Some(
                    at_once(scenario, denied, grant, &every_gap, time)
                        .unwrap_or_else(|| draft.finish()),
                );
            }
            Decision::Allowed => return Some(draft.finish()),
            Decision::Invalid => return None,
            Decision::ExplicitDeny | Decision::ImplicitDeny => {}
        }
        let found = gaps(&evaluation);
        if found.is_empty() {
            return None;
        }
        draft.close(&found)?;
        every_gap.extend(found);
        evaluation = evaluate(draft.scenario(), time);
    }
    None
}

/// The fix that closes `every_gap` in one round from `scenario`, when that allows the request.
fn at_once(
    scenario: &Scenario,
    denied: &Evaluation,
    grant: Grant,
    every_gap: &[Gap],
    time: RequestTime,
) -> Option<Fix> {
    let mut draft = Draft::new(scenario, denied, grant)?;
    draft.close(every_gap)?;
    (evaluate(draft.scenario(), time).decision == Decision::Allowed).then(|| draft.finish())
}
