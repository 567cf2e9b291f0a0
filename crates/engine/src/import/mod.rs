//! Importing what AWS gives out about an account: the output of `aws iam
//! get-account-authorization-details` (the `GetAccountAuthorizationDetails` API) read into its users,
//! groups, roles and managed policies ([`AccountDetails`]), and one user's or role's whole identity side
//! taken from it ([`ImportedIdentity`]): inline policies, attached managed policies at their default
//! version, a user's groups' policies and the permissions boundary. And importing infrastructure as
//! code: the policies of a CloudFormation template or a Terraform plan ([`read_template`]).

mod account;
mod identity;
mod template;
#[cfg(test)]
mod tests;

pub use account::{AccountDetails, AccountPrincipal, IdentityKind, policy_from_text};
pub use identity::{ImportError, ImportedIdentity, MissingPolicy};
pub(crate) use identity::{arn_part, session_arn};
pub use template::{
    MarkerKind, PolicySlot, RECOGNISED_SHAPES, TemplateFormat, TemplatePolicies, TemplatePolicy,
    ValueMarker, read_template,
};
