//! The kinds of policy the engine reads. Grammar rules differ by kind (iam-semantics.md section 2).

use serde::{Deserialize, Serialize};

/// Which role a policy plays in a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PolicyKind {
    /// The ECR repository policy (resource-based).
    Repository,
    /// An identity-based policy of the caller (user, group or role policy).
    Identity,
    /// The caller's permissions boundary.
    Boundary,
    /// The session policy passed when the session was created.
    Session,
    /// A service control policy of one organization level.
    Scp,
    /// A resource control policy of one organization level.
    Rcp,
    /// The private registry policy: resource-based, for the repositories of one account and Region
    /// (iam-semantics.md section 7).
    Registry,
}

impl PolicyKind {
    /// Every kind: the order the page lists them, then the registry policy, which came later.
    pub const ALL: [PolicyKind; 7] = [
        PolicyKind::Repository,
        PolicyKind::Identity,
        PolicyKind::Boundary,
        PolicyKind::Session,
        PolicyKind::Scp,
        PolicyKind::Rcp,
        PolicyKind::Registry,
    ];

    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Repository => "repository",
            PolicyKind::Identity => "identity",
            PolicyKind::Boundary => "boundary",
            PolicyKind::Session => "session",
            PolicyKind::Scp => "scp",
            PolicyKind::Rcp => "rcp",
            PolicyKind::Registry => "registry",
        }
    }

    /// Parses the command-line name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == name)
    }

    /// A phrase for messages: "the repository policy", "an identity policy".
    pub fn describe(self) -> &'static str {
        match self {
            PolicyKind::Repository => "a repository policy",
            PolicyKind::Identity => "an identity policy",
            PolicyKind::Boundary => "a permissions boundary",
            PolicyKind::Session => "a session policy",
            PolicyKind::Scp => "a service control policy",
            PolicyKind::Rcp => "a resource control policy",
            PolicyKind::Registry => "a registry policy",
        }
    }

    /// Resource-based kinds name who they apply to with `Principal` (GRAM, PRIN; RCPSYN for RCPs; REGEX
    /// for the registry policy, section 7).
    pub fn requires_principal(self) -> bool {
        matches!(
            self,
            PolicyKind::Repository | PolicyKind::Rcp | PolicyKind::Registry
        )
    }

    /// The ECR resource-based policies, whose Allow grants access on the resource side: the repository
    /// policy and the registry policy (section 7, section 8 "How the registry policy combines").
    pub fn is_ecr_resource_policy(self) -> bool {
        matches!(self, PolicyKind::Repository | PolicyKind::Registry)
    }

    /// Identity-based kinds, where `Id` must not appear (GRAM) and `Resource` is required (RES).
    pub fn is_identity_based(self) -> bool {
        matches!(
            self,
            PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session
        )
    }

    /// `NotPrincipal` is allowed only in resource policies other than RCPs (NOTPRIN).
    pub fn allows_not_principal(self) -> bool {
        self.is_ecr_resource_policy()
    }

    /// The size limit in characters and whether whitespace counts (QUOTA, ECRAPI, RCP; REGAPI for the
    /// registry policy).
    /// Identity policies use the managed-policy limit; the inline aggregates depend on the principal type.
    pub fn size_limit(self) -> (usize, bool) {
        match self {
            PolicyKind::Repository | PolicyKind::Registry => (10_240, true),
            PolicyKind::Identity | PolicyKind::Boundary => (6_144, false),
            PolicyKind::Session => (2_048, false),
            PolicyKind::Scp | PolicyKind::Rcp => (5_120, true),
        }
    }
}
