//! The access diff: which requests a change to one policy allows or denies that it did not before.
//!
//! No tool can decide two policies for every request there is, so [`diff_policies`] decides a set of
//! *representative requests* under the old and the new version of the policy and reports each request
//! whose decision changed. The requests cover everything either version can tell apart
//! ([`principals`], [`targets`], [`values`]): every principal either names, every action either can
//! match, and for every condition a value on each side of it. Each request is decided with the normal
//! evaluation, the policy placed in its kind's slot of a scenario ([`setup`]). The statements both
//! versions have are matched once for a request, and a caller's requests on one resource that no
//! statement tells apart are decided once; every representative request is still counted and each
//! changed one reported. What a request's preparation reads of the request alone (the caller, the
//! resource, the derived context) is read once for a caller and resource, or for both versions.

mod changed;
#[cfg(test)]
mod fast_path_tests;
mod principals;
mod setup;
mod targets;
#[cfg(test)]
mod tests;
mod values;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

pub use changed::{ChangedStatements, StatementMark};

use crate::diagnostic::Diagnostic;
use crate::eval::{
    CheckedPolicy, Decider, Decision, OutcomeKey, PolicyCache, RequestTime, check_policy,
};
use crate::lint::LintOptions;
use crate::matching::Caller;
use crate::policy::{Policy, PolicyKind, Statement};
use crate::scenario::{ContextInput, Request, Scalar, Scenario};

use self::setup::Setup;

/// What to compare: two versions of one policy of `kind`, and where to decide them.
#[derive(Debug, Clone, Copy)]
pub struct DiffInput<'a> {
    /// The policy before the change, as typed.
    pub old: &'a str,
    /// The policy after the change, as typed.
    pub new: &'a str,
    /// What the policy is; it goes in this kind's slot of the scenario.
    pub kind: PolicyKind,
    /// A scenario whose other policies and first request's repository and context the requests are
    /// decided with; without one, the defaults of [`setup`].
    pub base: Option<&'a Scenario>,
    /// The request clock.
    pub time: RequestTime,
}

/// The changes in access between two versions of a policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AccessDiff {
    /// Whether both versions and the base scenario could be evaluated; when not, the errors say why and
    /// nothing was compared.
    pub valid: bool,
    /// Whether some request denied under the old version is allowed under the new one.
    pub new_access: bool,
    /// Whether some request allowed under the old version is denied under the new one.
    pub lost_access: bool,
    /// Every representative request whose decision changed, by principal, then action.
    pub changes: Vec<AccessChange>,
    /// How many representative requests were decided under each version.
    pub requests: usize,
    /// The statements of each version that the other has no statement equal to (the `Sid`, the order
    /// and the case of action names aside).
    pub changed_statements: ChangedStatements,
    /// The old version's errors (AWS would reject it, or it cannot be evaluated).
    pub old_errors: Vec<Diagnostic>,
    /// The new version's errors.
    pub new_errors: Vec<Diagnostic>,
    /// Errors of the base scenario (another policy, the request).
    pub base_errors: Vec<String>,
}

/// One representative request whose decision differs between the versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AccessChange {
    /// The caller.
    pub principal: String,
    /// The action.
    pub action: String,
    /// The repository ARN, or `*` for a registry-level action.
    pub resource: String,
    /// The condition keys the request supplies; a key the policies test that is not here is absent.
    pub context: BTreeMap<String, String>,
    /// The decision under the old version.
    pub before: Decision,
    /// The decision under the new version.
    pub after: Decision,
}

impl AccessDiff {
    /// The result when the base scenario could not even be read: nothing compared, `errors` say why.
    pub fn unreadable_base(errors: Vec<String>) -> Self {
        AccessDiff {
            valid: false,
            new_access: false,
            lost_access: false,
            changes: Vec::new(),
            requests: 0,
            changed_statements: ChangedStatements::default(),
            old_errors: Vec::new(),
            new_errors: Vec::new(),
            base_errors: errors,
        }
    }
}

impl AccessChange {
    /// Whether the request was denied and is now allowed.
    pub fn is_new_access(&self) -> bool {
        self.before != Decision::Allowed && self.after == Decision::Allowed
    }

    /// Whether the request was allowed and is now denied.
    pub fn is_lost_access(&self) -> bool {
        self.before == Decision::Allowed && self.after != Decision::Allowed
    }
}

/// Decides the representative requests of the two versions in `input` under each and reports every
/// request whose decision changed. Either version (or the base scenario) with errors: `valid` is false
/// and the errors of both sides are given.
pub fn diff_policies(input: &DiffInput<'_>) -> AccessDiff {
    let setup = Setup::new(input.base, input.kind);
    let options = LintOptions {
        repository_arn: Some(setup.repository.clone()),
        registry_scope: setup.registry_scope,
    };
    let old = check_policy(input.old, input.kind, &options);
    let new = check_policy(input.new, input.kind, &options);
    let mut diff = AccessDiff {
        old_errors: errors(&old),
        new_errors: errors(&new),
        ..AccessDiff::unreadable_base(Vec::new())
    };
    let (Some(old_policy), Some(new_policy)) = (old.parsed.valid(), new.parsed.valid()) else {
        return diff;
    };
    diff.changed_statements = ChangedStatements::between(old_policy, new_policy);
    let mut cache = PolicyCache::new();
    let old_side = setup.side(input.old, &mut cache);
    let new_side = setup.side(input.new, &mut cache);
    diff.base_errors = old_side.errors(&setup, input.time);
    if !diff.base_errors.is_empty() {
        return diff;
    }
    diff.valid = true;
    let both = [old_policy, new_policy];
    let requests = representative_requests(&both, &setup);
    diff.requests = requests.iter().map(|group| group.actions.len()).sum();
    let twins = new_side.twins(&old_side);
    let mut caller: Option<(&str, Decider<'_>, Decider<'_>)> = None;
    // The decisions of the caller's requests on each resource, by what they rest on in each version:
    // the contexts that no statement tells apart are decided once.
    let mut decided: HashMap<(&str, OutcomeKey, OutcomeKey), Vec<Decisions>> = HashMap::new();
    for group in &requests {
        // The groups of one principal follow each other: its statements' principals are matched once.
        let same_caller = caller
            .as_ref()
            .filter(|(principal, _, _)| *principal == group.request.principal);
        if same_caller.is_none() {
            decided.clear();
        }
        let before = match same_caller {
            Some((_, before, _)) => before.with_request(group.request.clone()),
            None => old_side.decider(&setup, group.request.clone()),
        };
        // The statements both versions have are matched once, in the old version.
        let after = new_side.decider_beside(
            &setup,
            &before,
            &twins,
            same_caller.map(|(_, _, after)| after),
        );
        let decide = || decide_both(&before, &after, &group.actions, input.time);
        let fresh;
        let decisions = match before.outcome_key().zip(after.outcome_key()) {
            Some((old_key, new_key)) => decided
                .entry((group.request.resource.as_str(), old_key, new_key))
                .or_insert_with(decide),
            None => {
                fresh = decide();
                &fresh
            }
        };
        for (action, &(before, after)) in group.actions.iter().zip(decisions.iter()) {
            if before != after {
                diff.changes.push(AccessChange {
                    principal: group.request.principal.clone(),
                    action: action.clone(),
                    resource: group.request.resource.clone(),
                    context: group.context.clone(),
                    before,
                    after,
                });
            }
        }
        caller = Some((&group.request.principal, before, after));
    }
    diff.changes.sort_by(|a, b| {
        (&a.principal, &a.action, &a.resource, &a.context).cmp(&(
            &b.principal,
            &b.action,
            &b.resource,
            &b.context,
        ))
    });
    diff.new_access = diff.changes.iter().any(AccessChange::is_new_access);
    diff.lost_access = diff.changes.iter().any(AccessChange::is_lost_access);
    diff
}

/// One action's decision under the old version and under the new one.
type Decisions = (Decision, Decision);

/// Each action's decision by `before` and by `after`.
fn decide_both(
    before: &Decider<'_>,
    after: &Decider<'_>,
    actions: &[String],
    time: RequestTime,
) -> Vec<Decisions> {
    actions
        .iter()
        .map(|action| (before.decide(action, time), after.decide(action, time)))
        .collect()
}

/// The errors among a checked policy's findings.
fn errors(checked: &CheckedPolicy) -> Vec<Diagnostic> {
    checked
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .cloned()
        .collect()
}

/// Representative requests that share their principal, resource and context: one preparation of the
/// policies decides all their actions.
#[derive(Debug, Clone)]
struct RequestGroup {
    request: Request,
    context: BTreeMap<String, String>,
    actions: Vec<String>,
}

/// Every representative request of the two versions: each principal, with each context that the
/// statements that can apply to it tell apart, on each resource with the actions that act on it.
fn representative_requests(policies: &[&Policy], setup: &Setup) -> Vec<RequestGroup> {
    let principals = principals::representative(policies, &setup.account);
    let targets = targets::representative(policies, setup.kind, &setup.repository);
    let statements: Vec<&Statement> = policies
        .iter()
        .flat_map(|policy| &policy.statements)
        .collect();
    let mut groups = Vec::new();
    for principal in &principals {
        let Ok(caller) = Caller::parse(principal) else {
            continue;
        };
        let applying = principals::applying(&statements, &caller);
        for context in &values::contexts(&applying) {
            for target in &targets {
                let mut request = setup.template.clone();
                request.principal = principal.clone();
                request.resource = target.resource.clone();
                request.context.extend(context.iter().map(|(key, value)| {
                    (
                        key.clone(),
                        ContextInput::Single(Scalar::String(value.clone())),
                    )
                }));
                groups.push(RequestGroup {
                    request,
                    context: context.clone(),
                    actions: target.actions.clone(),
                });
            }
        }
    }
    groups
}
