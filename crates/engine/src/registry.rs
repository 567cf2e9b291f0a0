//! The private registry policy (iam-semantics.md section 7): its scope, and which requests it and the
//! repository policy take part in. The decision procedure treats an applicable registry policy as a second
//! ECR resource-based policy beside the repository policy (section 8, "How the registry policy combines").
//!
//! Sources, pages of the ECR user guide: REGPERM `registry-permissions-create.html`, REGSET
//! `registry-permissions-account-settings.html`, REGEX `registry-permissions-examples.html`, PTCIAM
//! `pull-through-cache-iam.html`; ECRPOL `repository-policies.html`.

use serde::{Deserialize, Serialize};

use crate::policy::PolicyKind;

/// The registry policy scope, the account setting `REGISTRY_POLICY_SCOPE` (REGPERM, REGSET).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(expecting = "`V1` or `V2`")]
pub enum RegistryPolicyScope {
    /// REGPERM: "Amazon ECR only enforces the following permissions at the private registry level":
    /// [`V1_ENFORCED_ACTIONS`].
    V1,
    /// REGPERM: "Amazon ECR allows all ECR actions in the policy and enforces the registry policy in all
    /// ECR requests". The default (REGSET; section 8, "Registry policy scope").
    #[default]
    V2,
}

impl RegistryPolicyScope {
    /// Both scopes, in the order AWS numbers them.
    pub const ALL: [RegistryPolicyScope; 2] = [RegistryPolicyScope::V1, RegistryPolicyScope::V2];

    /// The name in scenario documents, on the command line and in AWS: `V1` or `V2`.
    pub fn as_str(self) -> &'static str {
        match self {
            RegistryPolicyScope::V1 => "V1",
            RegistryPolicyScope::V2 => "V2",
        }
    }

    /// Reads `V1` or `V2`, exactly as AWS spells them.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.as_str() == name)
    }
}

/// REGPERM: the only actions a scope V1 registry policy is enforced for.
pub const V1_ENFORCED_ACTIONS: [&str; 3] = [
    "ecr:ReplicateImage",
    "ecr:BatchImportUpstreamImage",
    "ecr:CreateRepository",
];

/// PTCIAM: "This permission must be granted via an identity-based IAM policy".
pub const CREATE_PULL_THROUGH_CACHE_RULE: &str = "ecr:CreatePullThroughCacheRule";

/// PTCIAM: created by an identity policy or the registry policy, never by a repository policy.
pub const CREATE_REPOSITORY: &str = "ecr:CreateRepository";

/// Whether a scope V1 registry policy is enforced for `action` (REGPERM). Action names are
/// case-insensitive (section 8).
pub fn enforced_under_v1(action: &str) -> bool {
    V1_ENFORCED_ACTIONS
        .iter()
        .any(|enforced| enforced.eq_ignore_ascii_case(action))
}

/// What an ECR resource-based policy needs to know about a request to tell whether it takes part.
#[derive(Debug, Clone, Copy)]
pub struct ResourceSideRequest<'a> {
    /// The action, as the request names it.
    pub action: &'a str,
    /// Whether the action takes no repository (ECRSAR), or the request names `*`.
    pub registry_level: bool,
    /// The registry policy's scope.
    pub scope: RegistryPolicyScope,
}

/// Why the repository policy or the registry policy takes no part in `request` for the reasons of
/// section 7, or `None` when it does (or when `kind` is another kind, or the repository policy on a
/// registry-level action, which `eval` already explains).
pub fn not_applicable_because(
    kind: PolicyKind,
    request: ResourceSideRequest<'_>,
) -> Option<&'static str> {
    match kind {
        // PTCIAM: `ecr:CreateRepository` "can be granted by either an identity-based IAM policy or the
        // private registry permissions policy"; the repository does not exist before the call (section 5).
        PolicyKind::Repository
            if !request.registry_level
                && request.action.eq_ignore_ascii_case(CREATE_REPOSITORY) =>
        {
            Some(
                "a repository policy cannot grant or deny ecr:CreateRepository, because the repository does not exist before the call; only identity policies and the registry policy govern it (PTCIAM)",
            )
        }
        PolicyKind::Registry
            if request
                .action
                .eq_ignore_ascii_case(CREATE_PULL_THROUGH_CACHE_RULE) =>
        {
            Some(
                "ecr:CreatePullThroughCacheRule must be granted through an identity policy, so a registry policy statement about it does nothing (PTCIAM)",
            )
        }
        // ECRPOL: ecr:GetAuthorizationToken comes "through an IAM policy"; actions with no resource type
        // cannot be named by a registry policy's repository `Resource` (section 8).
        PolicyKind::Registry if request.registry_level => Some(
            "a registry policy governs requests on the registry's repositories; registry-level actions such as ecr:GetAuthorizationToken come only from identity policies (ECRPOL)",
        ),
        PolicyKind::Registry
            if request.scope == RegistryPolicyScope::V1 && !enforced_under_v1(request.action) =>
        {
            Some(
                "not enforced under scope V1: ECR enforces a V1 registry policy only for ecr:ReplicateImage, ecr:BatchImportUpstreamImage and ecr:CreateRepository (REGPERM)",
            )
        }
        _ => None,
    }
}
