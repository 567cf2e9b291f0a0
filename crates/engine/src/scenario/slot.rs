//! Where a policy is in a scenario, the id the evaluation gives it, and the policy found there.

use super::{IdentityPolicy, PolicySource, Scenario};
use crate::policy::PolicyKind;

/// Where a policy is in a scenario: one of its single policies, or a policy of one of its lists by
/// position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The repository policy.
    Repository,
    /// The registry policy.
    Registry,
    /// The permissions boundary.
    Boundary,
    /// The session policy.
    Session,
    /// The identity policy at this index.
    Identity(usize),
    /// The SCP at (level, index).
    Scp(usize, usize),
    /// The RCP at (level, index).
    Rcp(usize, usize),
}

impl Slot {
    /// The id the evaluation gives the policy in this slot: `repository`, `registry`, `boundary`,
    /// `session`, `identity:0`, `scp:1:0` (level, index), `rcp:1:0`.
    pub fn id(self) -> String {
        match self {
            Slot::Repository => "repository".to_owned(),
            Slot::Registry => "registry".to_owned(),
            Slot::Boundary => "boundary".to_owned(),
            Slot::Session => "session".to_owned(),
            Slot::Identity(index) => format!("identity:{index}"),
            Slot::Scp(level, index) => format!("scp:{level}:{index}"),
            Slot::Rcp(level, index) => format!("rcp:{level}:{index}"),
        }
    }

    /// The kind of policy the slot holds.
    pub fn kind(self) -> PolicyKind {
        match self {
            Slot::Repository => PolicyKind::Repository,
            Slot::Registry => PolicyKind::Registry,
            Slot::Boundary => PolicyKind::Boundary,
            Slot::Session => PolicyKind::Session,
            Slot::Identity(_) => PolicyKind::Identity,
            Slot::Scp(..) => PolicyKind::Scp,
            Slot::Rcp(..) => PolicyKind::Rcp,
        }
    }

    /// The slot of a policy id as [`Slot::id`] writes it; `None` for any other text.
    pub fn from_id(id: &str) -> Option<Self> {
        let mut parts = id.split(':');
        let kind = parts.next()?;
        let mut number = || parts.next()?.parse::<usize>().ok();
        Some(match kind {
            "repository" => Slot::Repository,
            "registry" => Slot::Registry,
            "boundary" => Slot::Boundary,
            "session" => Slot::Session,
            "identity" => Slot::Identity(number()?),
            "scp" => Slot::Scp(number()?, number()?),
            "rcp" => Slot::Rcp(number()?, number()?),
            _ => return None,
        })
    }
}

impl Scenario {
    /// The policy in `slot`, when the scenario has one there.
    pub fn policy(&self, slot: Slot) -> Option<&PolicySource> {
        match slot {
            Slot::Repository => self.repository_policy.as_ref(),
            Slot::Registry => self.registry_policy.as_ref(),
            Slot::Boundary => self.permissions_boundary.as_ref(),
            Slot::Session => self.session_policy.as_ref(),
            Slot::Identity(index) => self
                .identity_policies
                .get(index)
                .map(IdentityPolicy::source),
            Slot::Scp(level, index) => self.scps.get(level)?.get(index),
            Slot::Rcp(level, index) => self.rcps.get(level)?.get(index),
        }
    }

    /// The policy in `slot`, to change, when the scenario has one there.
    pub fn policy_mut(&mut self, slot: Slot) -> Option<&mut PolicySource> {
        match slot {
            Slot::Repository => self.repository_policy.as_mut(),
            Slot::Registry => self.registry_policy.as_mut(),
            Slot::Boundary => self.permissions_boundary.as_mut(),
            Slot::Session => self.session_policy.as_mut(),
            Slot::Identity(index) => self
                .identity_policies
                .get_mut(index)
                .map(IdentityPolicy::source_mut),
            Slot::Scp(level, index) => self.scps.get_mut(level)?.get_mut(index),
            Slot::Rcp(level, index) => self.rcps.get_mut(level)?.get_mut(index),
        }
    }
}
