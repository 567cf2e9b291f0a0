//! The representative actions and resources: every catalogue action either version can match (all of
//! them for a `NotAction`), the repository actions on the repository and on each repository either
//! version's `Resource` names, the registry-level actions on `*` (ECRSAR), except for a repository
//! policy, which does not govern them (ECRPOL).

use crate::catalog::{Action, catalog};
use crate::policy::{Policy, PolicyKind};

use super::values::instantiate;

/// One resource with the representative actions that act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Target {
    /// The repository ARN, or `*`.
    pub resource: String,
    /// The actions, by full name, sorted.
    pub actions: Vec<String>,
}

/// The representative resources of `policies`, each with its actions.
pub(super) fn representative(
    policies: &[&Policy],
    kind: PolicyKind,
    repository: &str,
) -> Vec<Target> {
    let matched = actions(policies);
    let names = |registry_level: bool| -> Vec<String> {
        let mut names: Vec<String> = matched
            .iter()
            .filter(|action| action.is_registry_level() == registry_level)
            .map(|action| action.full_name())
            .collect();
        names.sort();
        names.dedup();
        names
    };
    let repository_actions = names(false);
    let mut targets: Vec<Target> = Vec::new();
    if !repository_actions.is_empty() {
        targets.extend(
            repositories(policies, kind, repository)
                .into_iter()
                .map(|resource| Target {
                    resource,
                    actions: repository_actions.clone(),
                }),
        );
    }
    let registry_actions = names(true);
    if kind != PolicyKind::Repository && !registry_actions.is_empty() {
        targets.push(Target {
            resource: "*".to_string(),
            actions: registry_actions,
        });
    }
    targets
}

/// Every catalogue action some statement's `Action` matches; every action for a `NotAction`.
fn actions(policies: &[&Policy]) -> Vec<&'static Action> {
    let mut matched: Vec<&'static Action> = Vec::new();
    for block in policies
        .iter()
        .flat_map(|policy| &policy.statements)
        .filter_map(|statement| statement.action.as_ref())
    {
        if block.negated {
            matched.extend(catalog().actions());
        } else {
            for pattern in &block.patterns {
                matched.extend(catalog().expand(&pattern.value));
            }
        }
    }
    matched
}

/// The repository, and for a policy that names resources (every kind but the repository policy, which
/// is about its own repository) one repository of each ECR repository ARN pattern either version names.
fn repositories(policies: &[&Policy], kind: PolicyKind, repository: &str) -> Vec<String> {
    let mut resources = vec![repository.to_string()];
    if kind != PolicyKind::Repository {
        resources.extend(
            policies
                .iter()
                .flat_map(|policy| &policy.statements)
                .filter_map(|statement| statement.resource.as_ref())
                .flat_map(|block| &block.patterns)
                .map(|pattern| instantiate(&pattern.value))
                .filter(|resource| is_repository_arn(resource)),
        );
    }
    resources.sort();
    resources.dedup();
    resources
}

/// `arn:PARTITION:ecr:REGION:ACCOUNT:repository/NAME` with every part present.
fn is_repository_arn(text: &str) -> bool {
    let parts: Vec<&str> = text.splitn(6, ':').collect();
    matches!(parts.as_slice(), ["arn", partition, "ecr", region, account, rest]
        if !partition.is_empty() && !region.is_empty() && account.len() == 12
            && rest.strip_prefix("repository/").is_some_and(|name| !name.is_empty()))
}
