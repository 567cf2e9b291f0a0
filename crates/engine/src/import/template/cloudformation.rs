//! The policies of a CloudFormation template (JSON or YAML, read into one tree), by resource type:
//!
//! | resource type | property | slot |
//! |---|---|---|
//! | `AWS::ECR::Repository` | `RepositoryPolicyText` | repository policy |
//! | `AWS::ECR::RegistryPolicy` | `PolicyText` | registry policy |
//! | `AWS::IAM::Policy`, `ManagedPolicy`, `RolePolicy`, `UserPolicy`, `GroupPolicy` | `PolicyDocument` | identity policy |
//! | `AWS::IAM::Role`, `User`, `Group` | `Policies[].PolicyDocument` | identity policy |
//! | `AWS::IAM::Role`, `User` | `PermissionsBoundary` (a `Ref` or `Fn::GetAtt ... PolicyArn` of a managed policy of the template) | permissions boundary |
//!
//! A policy is a JSON object or a string of JSON; intrinsic functions in it become markers
//! ([`super::intrinsic`]).

use super::intrinsic::{intrinsic, resolved};
use super::listing::{PolicySlot, TemplateFormat, TemplatePolicies, TemplatePolicy, loaded_policy};
use super::tree::Node;

/// The template's policies, when `root` is a template: a map with a `Resources` map.
pub(super) fn policies(root: &Node, format: TemplateFormat) -> Option<TemplatePolicies> {
    let resources = root
        .get("Resources")
        .filter(|node| !node.members().is_empty())?;
    let (mut found, mut notes) = (Vec::new(), Vec::new());
    for (id, resource) in resources.members() {
        let Some(kind) = resource.str_at("Type") else {
            continue;
        };
        let Some(properties) = resource.get("Properties") else {
            continue;
        };
        let mut add = |name: String, slot: PolicySlot, document: &Node| {
            found.push(policy(name, kind, slot, document));
        };
        match kind {
            "AWS::ECR::Repository" => {
                if let Some(document) = properties.get("RepositoryPolicyText") {
                    add(id.clone(), PolicySlot::RepositoryPolicy, document);
                }
            }
            "AWS::ECR::RegistryPolicy" => {
                if let Some(document) = properties.get("PolicyText") {
                    add(id.clone(), PolicySlot::RegistryPolicy, document);
                }
            }
            "AWS::IAM::Policy"
            | "AWS::IAM::ManagedPolicy"
            | "AWS::IAM::RolePolicy"
            | "AWS::IAM::UserPolicy"
            | "AWS::IAM::GroupPolicy" => {
                if let Some(document) = properties.get("PolicyDocument") {
                    add(id.clone(), PolicySlot::IdentityPolicy, document);
                }
            }
            "AWS::IAM::Role" | "AWS::IAM::User" | "AWS::IAM::Group" => {
                for (index, inline) in properties
                    .get("Policies")
                    .map_or(&[][..], Node::items)
                    .iter()
                    .enumerate()
                {
                    if let Some(document) = inline.get("PolicyDocument") {
                        let name = inline
                            .str_at("PolicyName")
                            .map_or_else(|| format!("Policies[{index}]"), str::to_owned);
                        add(format!("{id}/{name}"), PolicySlot::IdentityPolicy, document);
                    }
                }
                if let Some(boundary) = properties.get("PermissionsBoundary") {
                    match boundary_document(resources, boundary) {
                        Some(document) => add(
                            format!("{id}/PermissionsBoundary"),
                            PolicySlot::PermissionsBoundary,
                            document,
                        ),
                        None => notes.push(format!(
                            "the permissions boundary of `{id}` (line {}, column {}) is not a managed policy of the template, so it is not listed",
                            boundary.at.line, boundary.at.column
                        )),
                    }
                }
            }
            _ => {}
        }
    }
    Some(TemplatePolicies {
        format,
        policies: found,
        notes,
    })
}

/// One listed policy: its document with every intrinsic function as a marker.
fn policy(name: String, kind: &str, slot: PolicySlot, document: &Node) -> TemplatePolicy {
    let mut markers = Vec::new();
    let document = resolved(document, &mut markers);
    TemplatePolicy {
        name,
        resource_type: kind.to_owned(),
        slot,
        line: document.at.line,
        column: document.at.column,
        policy: loaded_policy(&document),
        markers,
    }
}

/// The document of the managed policy a `PermissionsBoundary` refers to: `Ref X` or
/// `Fn::GetAtt X.PolicyArn` (both give a managed policy's ARN) of an `AWS::IAM::ManagedPolicy` X.
fn boundary_document<'a>(resources: &'a Node, boundary: &Node) -> Option<&'a Node> {
    let target = match intrinsic(boundary)? {
        ("Ref", argument) => argument.as_str()?.to_owned(),
        ("Fn::GetAtt", argument) => match (argument.as_str(), argument.items()) {
            (Some(text), _) => text.strip_suffix(".PolicyArn")?.to_owned(),
            (None, [resource, attribute]) if attribute.as_str() == Some("PolicyArn") => {
                resource.as_str()?.to_owned()
            }
            _ => return None,
        },
        _ => return None,
    };
    let resource = resources.get(&target)?;
    (resource.str_at("Type") == Some("AWS::IAM::ManagedPolicy"))
        .then(|| resource.get("Properties")?.get("PolicyDocument"))
        .flatten()
}
