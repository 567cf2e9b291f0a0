//! The registry policy (iam-semantics.md section 7): its `Resource` names repositories of one registry,
//! a scope V1 policy is enforced for three actions only, registry-level actions come only from identity
//! policies, and `ecr:*` is better written as the actions a feature needs (REGPERM, REGEX, PTCIAM, ECRPOL).

use super::resources::can_name_a_repository;
use super::{Input, docs, has_effect};
use crate::catalog::{Action, catalog};
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::matching::glob_match;
use crate::policy::{Effect, PolicyKind, SharedStr, Spanned, Statement, has_wildcard};
use crate::registry::{
    CREATE_PULL_THROUGH_CACHE_RULE, RegistryPolicyScope, V1_ENFORCED_ACTIONS, enforced_under_v1,
};

/// Checks every statement of a registry policy.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    if input.policy.kind != PolicyKind::Registry {
        return;
    }
    let mut first_registry: Option<Registry<'_>> = None;
    for statement in &input.policy.statements {
        if let Some(block) = statement.resource.as_ref().filter(|block| !block.negated) {
            for pattern in &block.patterns {
                findings.extend(resource_finding(input, pattern, &mut first_registry));
            }
        }
        if let Some(block) = statement.action.as_ref().filter(|block| !block.negated) {
            for pattern in &block.patterns {
                findings.extend(action_finding(input, statement, pattern));
            }
        }
    }
}

/// The registry an ARN pattern names: its Region and account segments as written.
#[derive(Debug, Clone, Copy)]
struct Registry<'a> {
    region: &'a str,
    account: &'a str,
}

/// Section 7 (REGEX): every `Resource` of a registry policy names repositories of the policy's registry,
/// `arn:aws:ecr:REGION:ACCOUNT:repository/...`. With the scenario's repository known, its account and
/// Region are the registry's; without it, the first pattern with a literal Region and account sets the
/// registry the others must share. `*` names every repository of the registry. Patterns that are not
/// ARNs are `malformed-arn`, reported elsewhere.
fn resource_finding<'a>(
    input: &Input<'_>,
    pattern: &'a Spanned<SharedStr>,
    first_registry: &mut Option<Registry<'a>>,
) -> Option<Diagnostic> {
    let text = pattern.value.as_str();
    let mut segments = text.strip_prefix("arn:")?.splitn(5, ':');
    let (partition, service) = (segments.next()?, segments.next()?);
    if has_wildcard(service) {
        return None;
    }
    let named = Registry {
        region: segments.next().unwrap_or("*"),
        account: segments.next().unwrap_or("*"),
    };
    let fix = "write the repositories of this registry, such as `arn:aws:ecr:us-east-1:111122223333:repository/*`";
    let message = if service != "ecr" || !can_name_a_repository(text) {
        format!(
            "`{text}` is not a repository of a private ECR registry: a registry policy governs the repositories of its own registry; {fix}"
        )
    } else if let Some(repository) = &input.repository {
        let same_registry = glob_match(partition, repository.partition())
            && glob_match(named.region, repository.region())
            && glob_match(named.account, repository.account());
        if same_registry {
            return None;
        }
        format!(
            "`{text}` is not a repository of this registry (account `{}`, Region `{}`): a registry policy governs only the repositories of its own account and Region; {fix}",
            repository.account(),
            repository.region()
        )
    } else {
        if has_wildcard(named.region) || has_wildcard(named.account) {
            return None;
        }
        let first = *first_registry.get_or_insert(named);
        if (first.region, first.account) == (named.region, named.account) {
            return None;
        }
        format!(
            "`{text}` is in account `{}`, Region `{}`, but an earlier `Resource` names account `{}`, Region `{}`: a registry policy governs the repositories of one registry (one account and Region); {fix}",
            named.account, named.region, first.account, first.region
        )
    };
    Some(
        Diagnostic::error(LintCode::ResourceOutsideRegistry, message, pattern.span)
            .with_docs(docs::REGEX),
    )
}

/// What one `Action` pattern of a registry policy does not do: grant a registry-level action (identity
/// policies only), take effect under scope V1 for actions other than the three, or say which actions a
/// feature needs when it is `ecr:*`.
fn action_finding(
    input: &Input<'_>,
    statement: &Statement,
    pattern: &Spanned<SharedStr>,
) -> Option<Diagnostic> {
    let text = pattern.value.as_str();
    let everything = text == "*" || text.eq_ignore_ascii_case("ecr:*");
    if everything && has_effect(statement, Effect::Allow) {
        // REGPERM: "it is considered best practice to only add the specific actions required based on the
        // feature you're using rather than use a wildcard".
        return Some(
            Diagnostic::new(
                Severity::Suggestion,
                LintCode::WildcardActionInRegistryPolicy,
                format!(
                    "`{text}` allows every ECR action on every repository of the registry: grant the actions the feature needs, such as `ecr:ReplicateImage` and `ecr:CreateRepository` for replication"
                ),
                pattern.span,
            )
            .with_docs(docs::REGPERM),
        );
    }
    let covered: Vec<&Action> = catalog()
        .expand(text)
        .into_iter()
        .filter(|action| action.service == "ecr")
        .collect();
    if !covered.is_empty() && covered.iter().all(|action| action.is_registry_level()) {
        return Some(registry_action(pattern));
    }
    let (prefix, _) = text.split_once(':').unwrap_or(("", ""));
    let unknown_ecr = prefix.eq_ignore_ascii_case("ecr") && covered.is_empty();
    let enforced = covered
        .iter()
        .any(|action| enforced_under_v1(&action.full_name()));
    if input.registry_scope != RegistryPolicyScope::V1 || everything || enforced || unknown_ecr {
        return None;
    }
    Some(
        Diagnostic::warning(
            LintCode::NotEnforcedUnderScopeV1,
            format!(
                "`{text}` is not enforced under scope V1: ECR enforces a V1 registry policy only for {}; switch the registry to scope V2, or grant it in a repository policy or an identity policy",
                V1_ENFORCED_ACTIONS.join(", ")
            ),
            pattern.span,
        )
        .with_docs(docs::REGPERM),
    )
}

/// Section 7: actions with no resource type come only from identity policies; PTCIAM says so of
/// `ecr:CreatePullThroughCacheRule`, ECRPOL of `ecr:GetAuthorizationToken`.
fn registry_action(pattern: &Spanned<SharedStr>) -> Diagnostic {
    let text = pattern.value.as_str();
    let (reason, docs) = if text.eq_ignore_ascii_case(CREATE_PULL_THROUGH_CACHE_RULE) {
        (
            "ECR requires it to be granted through an identity-based IAM policy",
            docs::PTCIAM,
        )
    } else {
        (
            "it acts on the registry, not on a repository, so it comes only from identity policies",
            docs::ECRPOL,
        )
    };
    Diagnostic::warning(
        LintCode::RegistryActionInRegistryPolicy,
        format!(
            "`{text}` has no effect in a registry policy: {reason}; grant it in the caller's IAM policy with `\"Resource\": \"*\"`"
        ),
        pattern.span,
    )
    .with_docs(docs)
}
