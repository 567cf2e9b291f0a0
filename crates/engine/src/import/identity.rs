//! One user's or role's identity side from the account details: what AWS evaluates as the caller's
//! identity-based policies (iam-semantics.md section 1, steps 5 and 6). For a user: its inline policies,
//! its attached managed policies, each of its groups' inline and attached policies, and its permissions
//! boundary. For a role: its inline and attached policies and its boundary; the caller is a session of it.
//! A managed policy is taken at its default version. One the document does not hold (an AWS managed
//! policy, left out unless the document was made without a filter) is reported, never silently dropped.

use serde::Serialize;

use super::IdentityKind;
use super::account::{
    AccountDetails, AttachedPolicy, Boundary, InlinePolicy, ManagedPolicyDetail, policy_source,
};
use crate::scenario::{IdentityPolicy, NamedPolicy, PolicySource, Scenario};

/// The session name given to a role's session when the principal asked for is the role itself.
pub const ROLE_SESSION_NAME: &str = "session";

/// A principal's identity side, ready to put into a scenario.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ImportedIdentity {
    /// The user's or role's ARN, as the document gives it.
    pub arn: String,
    /// User or role.
    pub kind: IdentityKind,
    /// The request's principal: the user's ARN, or for a role the session asked for, else
    /// `arn:aws:sts::ACCOUNT:assumed-role/NAME/session`.
    pub principal: String,
    /// The identity policies, each named after where it comes from: `ci-pull (inline)`,
    /// `ECRReadOnly (managed)`, `developers: team-pull (group inline)`.
    pub identity_policies: Vec<NamedPolicy>,
    /// The permissions boundary's default version, when it has one the document holds.
    pub permissions_boundary: Option<PolicySource>,
    /// Managed policies (and groups) attached to the principal that the document does not hold.
    pub missing: Vec<MissingPolicy>,
    /// Remarks on the import, such as a document that is one page of several.
    pub notes: Vec<String>,
}

/// A policy attached to the principal whose text the document does not hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MissingPolicy {
    /// The policy's name (or the group's).
    pub name: String,
    /// The policy's ARN, when it has one.
    pub arn: Option<String>,
    /// Where it is attached and why it is missing, in words.
    pub message: String,
}

/// Why no identity could be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ImportError {
    /// What is wrong, in words.
    pub message: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

impl AccountDetails {
    /// The identity side of `principal`: a user's ARN, a role's ARN (the caller is then a session of the
    /// role) or an assumed-role session ARN of one of the document's roles.
    pub fn identity(&self, principal: &str) -> Result<ImportedIdentity, ImportError> {
        let principal = principal.trim();
        if let Some(user) = self
            .user_detail_list
            .iter()
            .find(|user| user.arn == principal)
        {
            let mut imported = Importer::new(self, &user.arn, IdentityKind::User, principal);
            imported.inline(&user.user_policy_list, "inline");
            imported.managed(&user.attached_managed_policies, "managed", "user");
            for group_name in &user.group_list {
                imported.group(group_name);
            }
            imported.boundary(user.permissions_boundary.as_ref());
            return Ok(imported.done());
        }
        let (role, session) = self.role_of(principal)?;
        let session = session.unwrap_or_else(|| session_arn(&role.arn, &role.role_name));
        let mut imported = Importer::new(self, &role.arn, IdentityKind::Role, &session);
        imported.inline(&role.role_policy_list, "inline");
        imported.managed(&role.attached_managed_policies, "managed", "role");
        imported.boundary(role.permissions_boundary.as_ref());
        Ok(imported.done())
    }

    /// The role `principal` names (its ARN, or a session of it), with the session ARN when one was given.
    fn role_of(
        &self,
        principal: &str,
    ) -> Result<(&super::account::RoleDetail, Option<String>), ImportError> {
        if let Some(role) = self
            .role_detail_list
            .iter()
            .find(|role| role.arn == principal)
        {
            return Ok((role, None));
        }
        let session_of = |role: &&super::account::RoleDetail| {
            let (account, partition) = (arn_part(&role.arn, 4), arn_part(&role.arn, 1));
            let prefix = format!(
                "arn:{}:sts::{}:assumed-role/{}/",
                partition.unwrap_or("aws"),
                account.unwrap_or_default(),
                role.role_name
            );
            principal
                .strip_prefix(&prefix)
                .is_some_and(|session| !session.is_empty() && !session.contains('/'))
        };
        match self.role_detail_list.iter().find(session_of) {
            Some(role) => Ok((role, Some(principal.to_owned()))),
            None => Err(ImportError {
                message: format!(
                    "no user or role `{principal}` in the account details: give the ARN of one of its {} users and {} roles (or a session of a role)",
                    self.user_detail_list.len(),
                    self.role_detail_list.len()
                ),
            }),
        }
    }
}

/// Field `index` of an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`).
pub(crate) fn arn_part(arn: &str, index: usize) -> Option<&str> {
    arn.splitn(6, ':')
        .nth(index)
        .filter(|part| !part.is_empty())
}

/// `arn:aws:sts::ACCOUNT:assumed-role/NAME/session`: a session of the role `arn`.
pub(crate) fn session_arn(role_arn: &str, role_name: &str) -> String {
    format!(
        "arn:{}:sts::{}:assumed-role/{role_name}/{ROLE_SESSION_NAME}",
        arn_part(role_arn, 1).unwrap_or("aws"),
        arn_part(role_arn, 4).unwrap_or_default()
    )
}

/// Gathers one principal's policies.
struct Importer<'a> {
    details: &'a AccountDetails,
    imported: ImportedIdentity,
}

impl<'a> Importer<'a> {
    fn new(details: &'a AccountDetails, arn: &str, kind: IdentityKind, principal: &str) -> Self {
        let notes = if details.is_truncated {
            vec![
                "the document is one page of several (`IsTruncated`): policies on the other pages are reported as missing"
                    .to_owned(),
            ]
        } else {
            Vec::new()
        };
        Importer {
            details,
            imported: ImportedIdentity {
                arn: arn.to_owned(),
                kind,
                principal: principal.to_owned(),
                identity_policies: Vec::new(),
                permissions_boundary: None,
                missing: Vec::new(),
                notes,
            },
        }
    }

    /// Inline policies, named `NAME (where)`.
    fn inline(&mut self, policies: &[InlinePolicy], r#where: &str) {
        for policy in policies {
            self.imported.identity_policies.push(NamedPolicy {
                name: format!("{} ({where})", policy.policy_name),
                policy: policy_source(&policy.policy_document),
            });
        }
    }

    /// Attached managed policies at their default version, named `NAME (where)`; `holder` says in
    /// messages what they are attached to.
    fn managed(&mut self, attached: &[AttachedPolicy], r#where: &str, holder: &str) {
        for policy in attached {
            match self.default_version(&policy.policy_arn) {
                Ok(source) => self.imported.identity_policies.push(NamedPolicy {
                    name: format!("{} ({where})", policy.policy_name),
                    policy: source,
                }),
                Err(why) => self.imported.missing.push(MissingPolicy {
                    name: policy.policy_name.clone(),
                    arn: Some(policy.policy_arn.clone()),
                    message: format!(
                        "managed policy `{}` ({}) attached to the {holder} {why}; it is left out",
                        policy.policy_name, policy.policy_arn
                    ),
                }),
            }
        }
    }

    /// A user's group: its inline and attached policies.
    fn group(&mut self, group_name: &str) {
        let details = self.details;
        match details
            .group_detail_list
            .iter()
            .find(|group| group.group_name == group_name)
        {
            Some(group) => {
                self.inline(&group.group_policy_list, &format!("group {group_name}, inline"));
                self.managed(
                    &group.attached_managed_policies,
                    &format!("group {group_name}, managed"),
                    &format!("group `{group_name}`"),
                );
            }
            None => self.imported.missing.push(MissingPolicy {
                name: group_name.to_owned(),
                arn: None,
                message: format!(
                    "the user is in group `{group_name}`, which the document does not hold; its policies are left out"
                ),
            }),
        }
    }

    /// The permissions boundary at its default version.
    fn boundary(&mut self, boundary: Option<&Boundary>) {
        let Some(boundary) = boundary else { return };
        let arn = &boundary.permissions_boundary_arn;
        match self.default_version(arn) {
            Ok(source) => self.imported.permissions_boundary = Some(source),
            Err(why) => {
                let name = arn.rsplit('/').next().unwrap_or(arn).to_owned();
                self.imported.missing.push(MissingPolicy {
                    message: format!(
                        "the permissions boundary `{name}` ({arn}) {why}; without it the scenario has no boundary"
                    ),
                    name,
                    arn: Some(arn.clone()),
                });
            }
        }
    }

    /// The default version of the managed policy `arn`, or why there is none to take.
    fn default_version(&self, arn: &str) -> Result<PolicySource, &'static str> {
        let policy: &ManagedPolicyDetail = self
            .details
            .policies
            .iter()
            .find(|policy| policy.arn == arn)
            .ok_or("is not in the document's `Policies`")?;
        let by_id = |version: &&super::account::PolicyVersion| {
            policy.default_version_id.is_some() && version.version_id == policy.default_version_id
        };
        policy
            .policy_version_list
            .iter()
            .find(|version| version.is_default_version)
            .or_else(|| policy.policy_version_list.iter().find(by_id))
            .map(|version| policy_source(&version.document))
            .ok_or("has no default version in the document's `PolicyVersionList`")
    }

    fn done(self) -> ImportedIdentity {
        self.imported
    }
}

impl ImportedIdentity {
    /// What was imported, in one paragraph: the principal, how many policies, and every policy left out
    /// with why. A scenario's description and the page's note after an import.
    pub fn summary(&self) -> String {
        let who = match self.kind {
            IdentityKind::User => format!("user {}", self.arn),
            IdentityKind::Role => format!("a session of role {}", self.arn),
        };
        let count = self.identity_policies.len();
        let mut text = format!(
            "The identity side of {who} from account authorization details: {count} identity polic{}{}.",
            if count == 1 { "y" } else { "ies" },
            if self.permissions_boundary.is_some() {
                " and a permissions boundary"
            } else {
                ""
            }
        );
        for line in self
            .missing
            .iter()
            .map(|missing| &missing.message)
            .chain(&self.notes)
        {
            text.push_str(&format!(" Note: {line}."));
        }
        text
    }

    /// Puts this identity side into `scenario`: its identity policies and boundary replace the
    /// scenario's, and every request's principal becomes this principal. The session policy, SCPs, RCPs
    /// and the resource side are left as they are.
    pub fn apply_to(&self, scenario: &mut Scenario) {
        scenario.identity_policies = self
            .identity_policies
            .iter()
            .cloned()
            .map(IdentityPolicy::Named)
            .collect();
        scenario.permissions_boundary = self.permissions_boundary.clone();
        for request in scenario.request.iter_mut().chain(&mut scenario.requests) {
            request.principal = self.principal.clone();
            request.federated_by = None;
        }
    }
}
