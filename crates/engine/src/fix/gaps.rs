//! What denied a request, read from its evaluation as the edits that would close it: the Deny statements
//! that matched, the organization level, boundary or session policy that did not allow, and the grants
//! missing on each side. An operation's gaps are those of each of its actions that is not allowed.

use crate::eval::{Decision, Evaluation, StatementOutcome, Step, Verdict};
use crate::policy::PolicyKind;

/// One thing that denied the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Gap {
    /// A Deny statement that matched (EVAL step 1).
    Deny {
        /// The policy's id.
        policy: String,
        /// The statement's index in it.
        statement: usize,
    },
    /// A policy that must allow the action and does not: an organization level (the level's first
    /// policy), the permissions boundary or the session policy.
    Limit {
        /// Which policy.
        limit: Limit,
        /// What it must allow.
        need: Need,
    },
    /// A grant that is missing.
    Grant {
        /// Which side must grant.
        side: GrantSide,
        /// What it must allow.
        need: Need,
    },
}

/// A policy that limits what a grant can give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Limit {
    /// The service control policies of one level, from 0 (the root) (SCPEVAL).
    Scp(usize),
    /// The resource control policies of one level (RCP).
    Rcp(usize),
    /// The permissions boundary (BOUND).
    Boundary,
    /// The session policy (EVAL step 7).
    Session,
}

/// Which side must grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum GrantSide {
    /// The caller's identity policies (a registry-level action, or the caller's side across accounts).
    Identity,
    /// The repository's side: the repository or registry policy (across accounts, or a caller with no
    /// identity policies).
    Resource,
    /// Either: in the same account one Allow on either side is enough (EVAL, ECRPOL).
    Either,
}

/// An action on a resource that a policy must allow.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Need {
    /// The action.
    pub action: String,
    /// The repository ARN, or `*` for a registry-level action (ECRSAR).
    pub resource: String,
}

/// Every gap of `evaluation`, each action of an operation that is not allowed in turn.
pub(super) fn gaps(evaluation: &Evaluation) -> Vec<Gap> {
    if evaluation.actions.is_empty() {
        return action_gaps(evaluation);
    }
    evaluation
        .actions
        .iter()
        .filter(|action| action.decision != Decision::Allowed)
        .flat_map(|action| action_gaps(&action.evaluation))
        .collect()
}

/// The gaps of one action's evaluation, read from the steps of its reason chain that denied.
fn action_gaps(evaluation: &Evaluation) -> Vec<Gap> {
    let facts = &evaluation.request;
    let need = Need {
        action: facts.action.clone(),
        resource: if facts.registry_level {
            "*".to_owned()
        } else {
            facts.resource.clone()
        },
    };
    let grant = |side| Gap::Grant {
        side,
        need: need.clone(),
    };
    let limit = |limit| Gap::Limit {
        limit,
        need: need.clone(),
    };
    let mut found = Vec::new();
    for reason in evaluation
        .reasons
        .iter()
        .filter(|reason| reason.verdict == Verdict::Deny)
    {
        match reason.step {
            Step::ExplicitDeny => {
                found.extend(reason.statements.iter().map(|reference| Gap::Deny {
                    policy: reference.policy.clone(),
                    statement: reference.statement,
                }))
            }
            Step::ServiceControlPolicies => found.extend(
                unallowed_level(evaluation, PolicyKind::Scp).map(|level| limit(Limit::Scp(level))),
            ),
            Step::ResourceControlPolicies => found.extend(
                unallowed_level(evaluation, PolicyKind::Rcp).map(|level| limit(Limit::Rcp(level))),
            ),
            Step::PermissionsBoundary => found.push(limit(Limit::Boundary)),
            Step::SessionPolicy => found.push(limit(Limit::Session)),
            // Across accounts, or for a caller with no identity side: the repository's side must grant.
            Step::RepositoryPolicy => found.push(grant(GrantSide::Resource)),
            // XACCT: across accounts the caller's side must grant too; in one account either side may,
            // except for a registry-level action, which only an identity policy can grant (ECRPOL).
            Step::IdentityPolicies => {
                found.push(grant(if facts.cross_account || facts.registry_level {
                    GrantSide::Identity
                } else {
                    GrantSide::Either
                }))
            }
            Step::Applicability | Step::Operation | Step::CrossAccount | Step::Decision => {}
        }
    }
    found
}

/// The first organization level of `kind` (SCP or RCP) where no statement allows the request.
fn unallowed_level(evaluation: &Evaluation, kind: PolicyKind) -> Option<usize> {
    let mut levels: Vec<(usize, bool)> = Vec::new();
    for policy in evaluation
        .policies
        .iter()
        .filter(|policy| policy.kind == kind)
    {
        let Some(level) = policy_level(&policy.id) else {
            continue;
        };
        let allows = policy
            .statements
            .iter()
            .any(|statement| statement.outcome == StatementOutcome::AllowMatch);
        match levels.iter_mut().find(|(known, _)| *known == level) {
            Some((_, allowed)) => *allowed |= allows,
            None => levels.push((level, allows)),
        }
    }
    levels.sort_unstable();
    // A level with no policy has no report: the first number missing from the list is that level.
    let first_missing = (0..).find(|level| !levels.iter().any(|(known, _)| known == level));
    levels
        .into_iter()
        .find(|(_, allowed)| !allowed)
        .map(|(level, _)| level)
        .or(first_missing)
}

/// The level of an organization policy's id, `scp:1:0` → 1.
fn policy_level(id: &str) -> Option<usize> {
    id.split(':').nth(1)?.parse().ok()
}
