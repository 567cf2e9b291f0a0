//! What a template holds, as a list to pick from: each policy with the slot of the scenario it goes
//! into, where it is in the file, and every value in it that the file does not know (an intrinsic
//! function of CloudFormation, a value Terraform knows only after apply), which the loaded text shows
//! as a `{{...}}` marker for the person to replace.

use serde::Serialize;

use super::super::ImportError;
use super::tree::{Node, NodeKind};
use crate::json;
use crate::scenario::{IdentityPolicy, NamedPolicy, PolicySource, Scenario};

/// The kind of file a template was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum TemplateFormat {
    /// A CloudFormation template written in JSON.
    CloudFormationJson,
    /// A CloudFormation template written in YAML.
    CloudFormationYaml,
    /// A Terraform plan as `terraform show -json` prints it.
    TerraformPlan,
}

/// The policy of the scenario a template's policy goes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PolicySlot {
    /// The repository policy.
    RepositoryPolicy,
    /// The registry policy.
    RegistryPolicy,
    /// An identity policy of the caller.
    IdentityPolicy,
    /// The caller's permissions boundary.
    PermissionsBoundary,
}

impl PolicySlot {
    /// The slot in words, for lists and messages.
    pub fn label(self) -> &'static str {
        match self {
            PolicySlot::RepositoryPolicy => "repository policy",
            PolicySlot::RegistryPolicy => "registry policy",
            PolicySlot::IdentityPolicy => "identity policy",
            PolicySlot::PermissionsBoundary => "permissions boundary",
        }
    }
}

/// Why a value of a policy is a marker rather than its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum MarkerKind {
    /// A CloudFormation intrinsic function (`Ref`, `Fn::GetAtt`, `Fn::Sub`, ...): its value is known
    /// only when the stack is deployed.
    Intrinsic,
    /// A Terraform value known only after apply (`after_unknown`).
    Unknown,
}

/// A value of a policy that the file does not give, shown in the loaded text as [`ValueMarker::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ValueMarker {
    /// Intrinsic function or unknown until apply.
    pub kind: MarkerKind,
    /// The marker as it stands in the loaded policy text, such as `{{Ref RepositoryName}}`.
    pub text: String,
    /// 1-based line in the file where the value is.
    pub line: usize,
    /// 1-based column in the file where the value is.
    pub column: usize,
}

/// One policy a template holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TemplatePolicy {
    /// The name to pick it by: the logical id or resource address, with `/NAME` for a policy inside a
    /// role, user or group (`CiRole/pull`, `aws_iam_role.ci/pull`, `CiRole/PermissionsBoundary`).
    pub name: String,
    /// The resource type it comes from (`AWS::IAM::Role`, `aws_iam_policy`).
    pub resource_type: String,
    /// The slot of the scenario it goes into.
    pub slot: PolicySlot,
    /// 1-based line in the file where the policy is.
    pub line: usize,
    /// 1-based column in the file where the policy is.
    pub column: usize,
    /// The policy, with a `{{...}}` marker for every value the file does not give.
    pub policy: PolicySource,
    /// Every marker in the policy, in the file's order.
    pub markers: Vec<ValueMarker>,
}

/// Everything a template holds that the playground reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TemplatePolicies {
    /// What the file was read as.
    pub format: TemplateFormat,
    /// The policies, in the file's order.
    pub policies: Vec<TemplatePolicy>,
    /// Remarks on what could not be listed, such as a permissions boundary given by an ARN the file
    /// does not hold the policy of.
    pub notes: Vec<String>,
}

impl TemplatePolicies {
    /// The policy `choice` names: its position counted from 1, or its name.
    pub fn pick(&self, choice: &str) -> Result<&TemplatePolicy, ImportError> {
        let choice = choice.trim();
        let by_position = choice
            .parse::<usize>()
            .ok()
            .and_then(|position| position.checked_sub(1))
            .and_then(|index| self.policies.get(index));
        by_position
            .or_else(|| self.policies.iter().find(|policy| policy.name == choice))
            .ok_or_else(|| ImportError {
                message: format!(
                    "no policy `{choice}` in the template: give a position from 1 to {} or one of the names {}",
                    self.policies.len(),
                    self.policies
                        .iter()
                        .map(|policy| format!("`{}`", policy.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
    }
}

impl TemplatePolicy {
    /// One sentence per marker: what it stands for and that the person must replace it.
    pub fn marker_notes(&self) -> Vec<String> {
        self.markers
            .iter()
            .map(|marker| {
                let why = match marker.kind {
                    MarkerKind::Intrinsic => "an intrinsic function, known only when the stack is deployed",
                    MarkerKind::Unknown => "known only after `terraform apply`",
                };
                format!(
                    "`{}` at line {}, column {} of the template is {why}: replace it with the value",
                    marker.text, marker.line, marker.column
                )
            })
            .collect()
    }

    /// What was loaded, in one paragraph: the policy, its slot, and every marker. A scenario's
    /// description after an import.
    pub fn summary(&self) -> String {
        let mut text = format!(
            "The {} `{}` ({}) from line {}, column {} of a template.",
            self.slot.label(),
            self.name,
            self.resource_type,
            self.line,
            self.column
        );
        for note in self.marker_notes() {
            text.push_str(&format!(" Note: {note}."));
        }
        text
    }

    /// Puts the policy into its slot of `scenario`: the repository or registry policy or the boundary
    /// is replaced; an identity policy is added after the scenario's others, named after this policy.
    pub fn apply_to(&self, scenario: &mut Scenario) {
        let policy = Some(self.policy.clone());
        match self.slot {
            PolicySlot::RepositoryPolicy => scenario.repository_policy = policy,
            PolicySlot::RegistryPolicy => scenario.registry_policy = policy,
            PolicySlot::PermissionsBoundary => scenario.permissions_boundary = policy,
            PolicySlot::IdentityPolicy => {
                scenario
                    .identity_policies
                    .push(IdentityPolicy::Named(NamedPolicy {
                        name: self.name.clone(),
                        policy: self.policy.clone(),
                    }))
            }
        }
    }
}

/// The text loaded for a policy value: an object pretty-printed with its keys in the file's order; a
/// string of JSON (Terraform's attributes, a CloudFormation policy given as text) the same once read;
/// any other string as it is, for the policy parser to report.
pub(super) fn loaded_policy(document: &Node) -> PolicySource {
    match &document.kind {
        NodeKind::String(text) => match json::parse(text) {
            Ok(value) => PolicySource::Text(Node::from(&value).pretty()),
            Err(_) => PolicySource::Text(text.clone()),
        },
        _ => PolicySource::Text(document.pretty()),
    }
}
