//! AccessDenied messages as AWS writes them: `User: ARN is not authorized to perform: ACTION on resource:
//! ARN because no identity-based policy allows the ACTION action` and its kin (the forms of AWS's
//! "Troubleshoot access denied error messages": an explicit deny in, or no Allow of, a service control
//! policy, a resource control policy, an identity-based or resource-based policy, a session policy, a
//! permissions boundary or a VPC endpoint policy, optionally followed by the denying policy's ARN; and the
//! older form with no reason). [`parse`] reads the request and the policy type AWS blamed; [`compare`]
//! says whether the playground's evaluation of that request agrees.

mod compare;
mod parse;
#[cfg(test)]
mod tests;

use serde::Serialize;

pub use self::compare::{Agreement, AgreementVerdict, compare};
pub use self::parse::parse;
use crate::span::Span;

/// What an AccessDenied message says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AccessDenied {
    /// The caller, as the message names it: an ARN, or `anonymous`.
    pub principal: String,
    /// The action, such as `ecr:BatchGetImage`.
    pub action: String,
    /// The resource, when the message names one.
    pub resource: Option<String>,
    /// Why AWS denied it; `None` for the older messages that say only that the caller is not authorized.
    pub blame: Option<Blame>,
}

/// The reason an AccessDenied message gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Blame {
    /// An explicit deny, or no Allow.
    pub denial: Denial,
    /// The type of policy it names.
    pub policy_type: BlamedPolicy,
    /// The denying policy's ARN, which newer messages add after the type.
    pub policy_arn: Option<String>,
}

/// How the blamed policy type denied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum Denial {
    /// `with an explicit deny in a ...`.
    ExplicitDeny,
    /// `because no ... allows the ... action`.
    NoAllow,
}

/// The policy types AccessDenied messages name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum BlamedPolicy {
    /// `service control policy`.
    ServiceControlPolicy,
    /// `resource control policy`.
    ResourceControlPolicy,
    /// `identity-based policy`.
    IdentityBasedPolicy,
    /// `resource-based policy`: for ECR, the repository policy or the registry policy.
    ResourceBasedPolicy,
    /// `session policy`.
    SessionPolicy,
    /// `permissions boundary`.
    PermissionsBoundary,
    /// `VPC endpoint policy`, which the playground does not model.
    VpcEndpointPolicy,
}

impl BlamedPolicy {
    /// Every type, with the words a message names it by.
    pub const ALL: [(BlamedPolicy, &'static str); 7] = [
        (BlamedPolicy::ServiceControlPolicy, "service control policy"),
        (
            BlamedPolicy::ResourceControlPolicy,
            "resource control policy",
        ),
        (BlamedPolicy::IdentityBasedPolicy, "identity-based policy"),
        (BlamedPolicy::ResourceBasedPolicy, "resource-based policy"),
        (BlamedPolicy::SessionPolicy, "session policy"),
        (BlamedPolicy::PermissionsBoundary, "permissions boundary"),
        (BlamedPolicy::VpcEndpointPolicy, "VPC endpoint policy"),
    ];

    /// The words a message names the type by.
    pub fn words(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(kind, _)| *kind == self)
            .map_or("policy", |(_, words)| words)
    }

    /// Where to look in the playground for a policy of this type.
    fn where_to_look(self) -> &'static str {
        match self {
            BlamedPolicy::ServiceControlPolicy => {
                "the SCPs (every level from the root to the caller's account)"
            }
            BlamedPolicy::ResourceControlPolicy => {
                "the RCPs (every level from the root to the repository's account)"
            }
            BlamedPolicy::IdentityBasedPolicy => {
                "the identity policies (the caller's inline and attached managed policies, and its groups')"
            }
            BlamedPolicy::ResourceBasedPolicy => "the repository policy (and the registry policy)",
            BlamedPolicy::SessionPolicy => {
                "the session policy (passed when the session was created)"
            }
            BlamedPolicy::PermissionsBoundary => "the permissions boundary",
            BlamedPolicy::VpcEndpointPolicy => {
                "the policy of the VPC endpoint the request went through"
            }
        }
    }
}

/// Why a text is not an AccessDenied message the parser reads, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AccessDeniedError {
    /// What is wrong, in words.
    pub message: String,
    /// Where in the text.
    pub span: Span,
}
