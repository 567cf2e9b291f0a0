//! The policies of a Terraform plan as `terraform show -json` prints it. The resources are read from
//! `planned_values` (the root module and its `child_modules`, at any depth), or from
//! `resource_changes[].change.after` when the plan has no planned values; `resource_changes[].change.after_unknown`
//! says which values Terraform knows only after apply. By resource type:
//!
//! | resource type | attribute | slot |
//! |---|---|---|
//! | `aws_ecr_repository_policy` | `policy` | repository policy |
//! | `aws_ecr_registry_policy` | `policy` | registry policy |
//! | `aws_iam_policy`, `aws_iam_role_policy`, `aws_iam_user_policy`, `aws_iam_group_policy` | `policy` | identity policy |
//! | `aws_iam_role` | `inline_policy[].policy` | identity policy |
//! | `aws_iam_role`, `aws_iam_user` | `permissions_boundary` (the ARN of an `aws_iam_policy` of the plan) | permissions boundary |
//!
//! A policy attribute is a string of JSON. One known only after apply is loaded as the marker
//! `{{unknown until apply: ADDRESS.ATTRIBUTE}}`: Terraform gives nothing of its text.

use super::listing::{
    MarkerKind, PolicySlot, TemplateFormat, TemplatePolicies, TemplatePolicy, ValueMarker,
    loaded_policy,
};
use super::tree::{At, Node, NodeKind};
use crate::scenario::{PolicySource, ScenarioError};

/// The plan's policies, when `root` is a plan: a map with `planned_values` or `resource_changes`.
pub(super) fn policies(root: &Node) -> Option<Result<TemplatePolicies, ScenarioError>> {
    if root.get("planned_values").is_none() && root.get("resource_changes").is_none() {
        return None;
    }
    Some(read(root))
}

/// One managed resource of the plan.
struct Resource<'a> {
    address: &'a str,
    kind: &'a str,
    values: &'a Node,
    /// `after_unknown` of its change, when the plan has one.
    unknown: Option<&'a Node>,
    at: At,
}

fn read(root: &Node) -> Result<TemplatePolicies, ScenarioError> {
    if let Some(version) = root.get("format_version")
        && let Some(text) = version.as_str()
        && !(text.starts_with("0.") || text.starts_with("1."))
    {
        return Err(ScenarioError {
            path: "format_version".to_owned(),
            message: format!(
                "format {text} is not supported: this reader knows the plan format 1.x of `terraform show -json`"
            ),
            line: Some(version.at.line),
            column: Some(version.at.column),
        });
    }
    let changes = root.get("resource_changes").map_or(&[][..], Node::items);
    let unknown_of = |address: &str| {
        changes
            .iter()
            .find(|change| change.str_at("address") == Some(address))
            .and_then(|change| change.get("change")?.get("after_unknown"))
    };
    let mut resources = Vec::new();
    match root
        .get("planned_values")
        .and_then(|values| values.get("root_module"))
    {
        Some(module) => planned(module, &unknown_of, &mut resources),
        None => {
            for change in changes {
                if let (Some(address), Some(kind), Some(values)) = (
                    change.str_at("address"),
                    change.str_at("type"),
                    change.get("change").and_then(|change| change.get("after")),
                ) && change.str_at("mode") != Some("data")
                    && !matches!(values.kind, NodeKind::Null)
                {
                    resources.push(Resource {
                        address,
                        kind,
                        values,
                        unknown: unknown_of(address),
                        at: change.at,
                    });
                }
            }
        }
    }
    let (mut found, mut notes) = (Vec::new(), Vec::new());
    for resource in &resources {
        let single = |slot| {
            attribute(
                resource,
                resource.values,
                resource.unknown,
                "policy",
                resource.address.to_owned(),
                slot,
            )
        };
        match resource.kind {
            "aws_ecr_repository_policy" => found.extend(single(PolicySlot::RepositoryPolicy)),
            "aws_ecr_registry_policy" => found.extend(single(PolicySlot::RegistryPolicy)),
            "aws_iam_policy"
            | "aws_iam_role_policy"
            | "aws_iam_user_policy"
            | "aws_iam_group_policy" => found.extend(single(PolicySlot::IdentityPolicy)),
            "aws_iam_role" | "aws_iam_user" => {
                let blocks = resource
                    .values
                    .get("inline_policy")
                    .map_or(&[][..], Node::items);
                for (index, block) in blocks.iter().enumerate() {
                    let unknown = resource
                        .unknown
                        .and_then(|unknown| unknown.get("inline_policy")?.items().get(index));
                    let name = block
                        .str_at("name")
                        .map_or_else(|| format!("inline_policy[{index}]"), str::to_owned);
                    found.extend(attribute(
                        resource,
                        block,
                        unknown,
                        "policy",
                        format!("{}/{name}", resource.address),
                        PolicySlot::IdentityPolicy,
                    ));
                }
                boundary(root, resource, &resources, &mut found, &mut notes);
            }
            _ => {}
        }
    }
    Ok(TemplatePolicies {
        format: TemplateFormat::TerraformPlan,
        policies: found,
        notes,
    })
}

/// The managed resources of a module of `planned_values` and of its child modules.
fn planned<'a>(
    module: &'a Node,
    unknown_of: &dyn Fn(&str) -> Option<&'a Node>,
    resources: &mut Vec<Resource<'a>>,
) {
    for resource in module.get("resources").map_or(&[][..], Node::items) {
        if let (Some(address), Some(kind), Some(values)) = (
            resource.str_at("address"),
            resource.str_at("type"),
            resource.get("values"),
        ) && resource.str_at("mode") != Some("data")
        {
            resources.push(Resource {
                address,
                kind,
                values,
                unknown: unknown_of(address),
                at: resource.at,
            });
        }
    }
    for child in module.get("child_modules").map_or(&[][..], Node::items) {
        planned(child, unknown_of, resources);
    }
}

/// The policy in the attribute `name` of `values` (a resource's values or one of its blocks), listed
/// under `listed_as`; a marker when `unknown` says it is known only after apply.
fn attribute(
    resource: &Resource<'_>,
    values: &Node,
    unknown: Option<&Node>,
    name: &str,
    listed_as: String,
    slot: PolicySlot,
) -> Option<TemplatePolicy> {
    let is_unknown = unknown
        .and_then(|unknown| unknown.get(name))
        .is_some_and(|flag| matches!(flag.kind, NodeKind::Bool(true)));
    // An empty `policy` is how Terraform writes an emptied block (`inline_policy {}`): no policy.
    let value = values
        .get(name)
        .filter(|value| value.as_str().is_some_and(|text| !text.is_empty()));
    let listed = |policy, markers, at: At| TemplatePolicy {
        name: listed_as.clone(),
        resource_type: resource.kind.to_owned(),
        slot,
        line: at.line,
        column: at.column,
        policy,
        markers,
    };
    match value {
        Some(value) if !is_unknown => Some(listed(loaded_policy(value), Vec::new(), value.at)),
        _ if is_unknown => {
            let text = format!("{{{{unknown until apply: {}.{name}}}}}", resource.address);
            let marker = ValueMarker {
                kind: MarkerKind::Unknown,
                text: text.clone(),
                line: resource.at.line,
                column: resource.at.column,
            };
            Some(listed(PolicySource::Text(text), vec![marker], resource.at))
        }
        _ => None,
    }
}

/// The permissions boundary of a role or user, when it is an `aws_iam_policy` of the plan: found by its
/// ARN when both are known, else by the reference in the configuration (`configuration`'s
/// `expressions.permissions_boundary.references`). Any other boundary gets a note.
fn boundary<'a>(
    root: &Node,
    resource: &Resource<'a>,
    resources: &[Resource<'a>],
    found: &mut Vec<TemplatePolicy>,
    notes: &mut Vec<String>,
) {
    let known = resource
        .values
        .str_at("permissions_boundary")
        .filter(|arn| !arn.is_empty());
    let unknown = resource
        .unknown
        .and_then(|unknown| unknown.get("permissions_boundary"))
        .is_some_and(|flag| matches!(flag.kind, NodeKind::Bool(true)));
    if known.is_none() && !unknown {
        return;
    }
    let policies = || {
        resources
            .iter()
            .filter(|other| other.kind == "aws_iam_policy")
    };
    let by_arn =
        known.and_then(|arn| policies().find(|policy| policy.values.str_at("arn") == Some(arn)));
    let by_reference = || {
        let (prefix, local) = split_address(resource.address);
        let referenced =
            configured_references(root, resource.address, local, "permissions_boundary");
        policies().find(|policy| {
            let (policy_prefix, policy_local) = split_address(policy.address);
            policy_prefix == prefix
                && referenced.iter().any(|reference| {
                    reference
                        .strip_prefix(policy_local)
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
                })
        })
    };
    let listed_as = format!("{}/permissions_boundary", resource.address);
    match by_arn.or_else(by_reference) {
        Some(policy) => found.extend(attribute(
            policy,
            policy.values,
            policy.unknown,
            "policy",
            listed_as,
            PolicySlot::PermissionsBoundary,
        )),
        None => notes.push(format!(
            "the permissions boundary of `{}` ({}) is not an `aws_iam_policy` of the plan, so it is not listed",
            resource.address,
            known.unwrap_or("known only after apply")
        )),
    }
}

/// An instance address split into its module part (`module.ci.`, indexes kept) and the resource's own
/// `TYPE.NAME`, without its index.
fn split_address(address: &str) -> (&str, &str) {
    let mut rest = address;
    while let Some(after) = rest.strip_prefix("module.") {
        let name_end = after.find(['.', '[']).unwrap_or(after.len());
        let after_name = after.get(name_end..).unwrap_or_default();
        let after_index = match after_name.strip_prefix('[') {
            Some(index) => index
                .find(']')
                .and_then(|end| index.get(end + 1..))
                .unwrap_or_default(),
            None => after_name,
        };
        rest = after_index.strip_prefix('.').unwrap_or(after_index);
    }
    let prefix = address
        .get(..address.len() - rest.len())
        .unwrap_or_default();
    let local = rest
        .find('[')
        .and_then(|end| rest.get(..end))
        .unwrap_or(rest);
    (prefix, local)
}

/// The references of the expression `attribute` of the resource `local` in the configuration's module
/// that `address` is in.
fn configured_references<'a>(
    root: &'a Node,
    address: &str,
    local: &str,
    attribute: &str,
) -> Vec<&'a str> {
    let mut module = root
        .get("configuration")
        .and_then(|configuration| configuration.get("root_module"));
    let (prefix, _) = split_address(address);
    for step in prefix.split("module.").filter(|step| !step.is_empty()) {
        let name = step.trim_end_matches('.');
        let name = name
            .find('[')
            .and_then(|end| name.get(..end))
            .unwrap_or(name);
        module = module.and_then(|module| module.get("module_calls")?.get(name)?.get("module"));
    }
    module
        .and_then(|module| {
            module
                .get("resources")?
                .items()
                .iter()
                .find(|resource| resource.str_at("address") == Some(local))
        })
        .and_then(|resource| {
            resource
                .get("expressions")?
                .get(attribute)?
                .get("references")
        })
        .map(|references| references.items().iter().filter_map(Node::as_str).collect())
        .unwrap_or_default()
}
