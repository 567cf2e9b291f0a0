//! The kinds of policy the engine reads. Grammar rules differ by kind (iam-semantics.md section 2).

use serde::{Deserialize, Serialize};

/// Which role a policy plays in a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
}

impl PolicyKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [PolicyKind; 6] = [
        PolicyKind::Repository,
        PolicyKind::Identity,
        PolicyKind::Boundary,
        PolicyKind::Session,
        PolicyKind::Scp,
        PolicyKind::Rcp,
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
        }
    }

    /// Resource-based kinds name who they apply to with `Principal` (GRAM, PRIN; RCPSYN for RCPs).
    pub fn requires_principal(self) -> bool {
        matches!(self, PolicyKind::Repository | PolicyKind::Rcp)
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
        self == PolicyKind::Repository
    }

    /// The size limit in characters and whether whitespace counts (QUOTA, ECRAPI, RCP).
    /// Identity policies use the managed-policy limit; the inline aggregates depend on the principal type.
    pub fn size_limit(self) -> (usize, bool) {
        match self {
            PolicyKind::Repository => (10_240, true),
            PolicyKind::Identity | PolicyKind::Boundary => (6_144, false),
            PolicyKind::Session => (2_048, false),
            PolicyKind::Scp | PolicyKind::Rcp => (5_120, true),
        }
    }
}
