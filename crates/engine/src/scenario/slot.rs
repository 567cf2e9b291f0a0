//! Where a policy is in a scenario, and the policy found there.

use super::{IdentityPolicy, PolicySource, Scenario};

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
    /// The slot of a policy id as the evaluation gives it (`repository`, `identity:0`, `scp:1:0`, ...);
    /// `None` for any other text.
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
