//! The account authorization details document: the fields of `GetAccountAuthorizationDetails` that say
//! what a user or role may do. Every other field (dates, ids, tags, instance profiles, last use) is read
//! past. A policy document is a JSON object in the AWS CLI's output and a URL-encoded string in the raw
//! API's; both are read.

use serde::{Deserialize, Serialize};

use crate::json;
use crate::scenario::{PolicySource, ScenarioError, read_document};
use crate::unwrap::url_decoded;

/// A `GetAccountAuthorizationDetails` response: the account's users, groups, roles and managed policies.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AccountDetails {
    #[serde(default)]
    pub(super) user_detail_list: Vec<UserDetail>,
    #[serde(default)]
    pub(super) group_detail_list: Vec<GroupDetail>,
    #[serde(default)]
    pub(super) role_detail_list: Vec<RoleDetail>,
    #[serde(default)]
    pub(super) policies: Vec<ManagedPolicyDetail>,
    #[serde(default)]
    pub(super) is_truncated: bool,
}

/// `UserDetailList[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct UserDetail {
    pub arn: String,
    pub user_name: String,
    #[serde(default)]
    pub user_policy_list: Vec<InlinePolicy>,
    #[serde(default)]
    pub group_list: Vec<String>,
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
    #[serde(default)]
    pub permissions_boundary: Option<Boundary>,
}

/// `GroupDetailList[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct GroupDetail {
    pub group_name: String,
    #[serde(default)]
    pub group_policy_list: Vec<InlinePolicy>,
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
}

/// `RoleDetailList[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct RoleDetail {
    pub arn: String,
    pub role_name: String,
    #[serde(default)]
    pub role_policy_list: Vec<InlinePolicy>,
    #[serde(default)]
    pub attached_managed_policies: Vec<AttachedPolicy>,
    #[serde(default)]
    pub permissions_boundary: Option<Boundary>,
}

/// An inline policy: `UserPolicyList[]`, `GroupPolicyList[]`, `RolePolicyList[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct InlinePolicy {
    pub policy_name: String,
    pub policy_document: serde_json::Value,
}

/// `AttachedManagedPolicies[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct AttachedPolicy {
    pub policy_name: String,
    pub policy_arn: String,
}

/// `PermissionsBoundary`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct Boundary {
    pub permissions_boundary_arn: String,
}

/// `Policies[]`: a managed policy with its versions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct ManagedPolicyDetail {
    pub arn: String,
    #[serde(default)]
    pub default_version_id: Option<String>,
    #[serde(default)]
    pub policy_version_list: Vec<PolicyVersion>,
}

/// `PolicyVersionList[]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct PolicyVersion {
    pub document: serde_json::Value,
    #[serde(default)]
    pub version_id: Option<String>,
    #[serde(default)]
    pub is_default_version: bool,
}

/// Whether an account principal is a user or a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum IdentityKind {
    /// An IAM user: it is the caller itself.
    User,
    /// An IAM role: the caller is a session of it.
    Role,
}

/// A user or role of the account details, for a list to pick from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AccountPrincipal {
    /// Its ARN, as the document gives it.
    pub arn: String,
    /// Its name.
    pub name: String,
    /// User or role.
    pub kind: IdentityKind,
}

impl AccountDetails {
    /// Reads the output of `aws iam get-account-authorization-details` (or the API's JSON response).
    /// Errors name the path, line and column; fields this reader does not need are read past.
    pub fn read(text: &str) -> Result<Self, ScenarioError> {
        let details: Self = read_document(text)?;
        if details.user_detail_list.is_empty() && details.role_detail_list.is_empty() {
            return Err(ScenarioError {
                path: String::new(),
                message:
                    "no `UserDetailList` or `RoleDetailList` with a user or role in it: this is \
                          not the output of `aws iam get-account-authorization-details`"
                        .to_owned(),
                line: Some(1),
                column: Some(1),
            });
        }
        Ok(details)
    }

    /// Every user, then every role, in the document's order.
    pub fn principals(&self) -> Vec<AccountPrincipal> {
        let users = self.user_detail_list.iter().map(|user| AccountPrincipal {
            arn: user.arn.clone(),
            name: user.user_name.clone(),
            kind: IdentityKind::User,
        });
        let roles = self.role_detail_list.iter().map(|role| AccountPrincipal {
            arn: role.arn.clone(),
            name: role.role_name.clone(),
            kind: IdentityKind::Role,
        });
        users.chain(roles).collect()
    }

    /// Whether the document is one page of several (`IsTruncated`): policies and principals of the other
    /// pages are not in it.
    pub fn is_truncated(&self) -> bool {
        self.is_truncated
    }
}

/// A policy file's text as a policy of a scenario: the JSON object it holds (URL-encoded as the IAM API
/// returns documents, or plain), or the text itself when it holds no JSON object, so that the policy
/// parser reports what is wrong with it.
pub fn policy_from_text(text: &str) -> PolicySource {
    policy_source(&serde_json::Value::String(text.to_owned()))
}

/// A policy document as a policy of the scenario: a JSON object as it is; a string as
/// [`policy_from_text`] reads it.
pub(super) fn policy_source(document: &serde_json::Value) -> PolicySource {
    match document {
        serde_json::Value::String(text) => {
            let plain = url_decoded(text).unwrap_or_else(|| text.clone());
            match json::parse(&plain)
                .ok()
                .and_then(|value| json::from_value::<serde_json::Value>(&value).ok())
            {
                Some(value @ serde_json::Value::Object(_)) => PolicySource::from(value),
                _ => PolicySource::Text(plain),
            }
        }
        other => PolicySource::from(other.clone()),
    }
}
