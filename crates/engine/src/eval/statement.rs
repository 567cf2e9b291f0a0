//! One statement against the request: principal, action, resource and conditions, each with its detail.
//! A statement matches when all four do; its outcome is then `allow-match` or `deny-match` (EVAL).
//!
//! The principal, the resource and the conditions depend on the caller, the repository and the context,
//! which are the same for every action of a prepared scenario, so `fixed` matches them once; the action
//! is matched here for each request.

use crate::condition::substitute;
use crate::context::Context;
use crate::matching::{
    ActionMatch, ActionPattern, Caller, NamedAs, PrincipalMatch, PrincipalName, RequestAction,
    ResourceMatch, ResourceMismatch, match_resource,
};
use crate::policy::{Effect, PrincipalBlock, ResourceBlock, SharedStr, Version};
use crate::span::Span;

use super::reading::Reading;
use super::result::{ElementReport, PatternReport, PrincipalReport, StatementOutcome};

/// The request as statements see it, apart from the action.
#[derive(Debug, Clone, Copy)]
pub struct RequestView<'a> {
    /// Who asks.
    pub caller: &'a Caller,
    /// The repository ARN, or `*`.
    pub resource: &'a SharedStr,
    /// The context with derived keys.
    pub context: &'a Context,
    /// Whether the caller has a permissions boundary (NOTPRIN).
    pub has_boundary: bool,
    /// For a federated user, the IAM user who called GetFederationToken.
    pub federated_by: Option<&'a Caller>,
}

/// What a statement did, from whether each of its elements matched (EVAL). A statement without an
/// `Action` (which the parser reports) never matches; one without a `Principal` or `Resource` is not
/// limited by it (section 8: a repository policy without Resource means "this repository").
pub fn outcome(
    effect: Effect,
    principal_ok: bool,
    action_ok: bool,
    resource_ok: bool,
    conditions_ok: bool,
) -> StatementOutcome {
    match (
        principal_ok && action_ok && resource_ok && conditions_ok,
        effect,
    ) {
        (false, _) => StatementOutcome::NoMatch,
        (true, Effect::Allow) => StatementOutcome::AllowMatch,
        (true, Effect::Deny) => StatementOutcome::DenyMatch,
    }
}

/// The `Action`/`NotAction` element's result for `action`: each pattern with its detail.
pub fn action_report(
    negated: bool,
    key_span: Span,
    patterns: &[(Span, ActionPattern)],
    action: &RequestAction,
) -> ElementReport<ActionMatch> {
    element(negated, key_span, patterns, |pattern| {
        let detail = pattern.compare(action);
        (detail.matched, detail)
    })
}

/// Whether the `Action`/`NotAction` element matches `action`, without the detail.
pub fn action_matches(
    negated: bool,
    patterns: &[(Span, ActionPattern)],
    action: &RequestAction,
) -> bool {
    let any = patterns.iter().any(|(_, pattern)| pattern.matches(action));
    // NOTACT: NotAction matches everything except what it lists.
    any != negated
}

/// The `Resource`/`NotResource` element's result for the request's resource, variables substituted from
/// the context under `version`.
pub fn resource_report(
    block: &ResourceBlock,
    version: Version,
    request: RequestView<'_>,
) -> ElementReport<ResourceMatch> {
    let patterns: Vec<(Span, SharedStr)> = block
        .patterns
        .iter()
        .map(|pattern| (pattern.span, SharedStr::from(&pattern.value)))
        .collect();
    element(block.negated, block.key_span, &patterns, |pattern| {
        // VARS: variables in Resource are substituted under 2012-10-17; a Resource whose variable has no
        // value "will not match any resource". In NotResource the same unresolved pattern matches nothing,
        // so NotResource excludes nothing: the reading `Reading::NotResourceWithoutValue`, applied here
        // only. Substituted text is literal (`${*}` is a star, not a wildcard), so a pattern with
        // variables is matched through its token pattern.
        let substituted = substitute(pattern, request.context, version);
        let detail = match substituted.value {
            Some(value) if value != pattern.as_str() => ResourceMatch {
                substituted: true,
                ..match_resource(value, request.resource)
            },
            Some(_) => match_resource(pattern, request.resource),
            None => ResourceMatch {
                matched: false,
                mismatch: Some(ResourceMismatch::UnresolvedVariable),
                ..match_resource(pattern, request.resource)
            },
        };
        let matched = match &substituted.pattern {
            None => false,
            Some(_) if substituted.variables.is_empty() => detail.matched,
            Some(tokens) => tokens.matches_arn(request.resource),
        };
        (matched, detail)
    })
}

/// The reading a matching `Resource`/`NotResource` element rests on: a `NotResource` that matches only
/// because an entry's variable has no value.
pub fn resource_reading(report: &ElementReport<ResourceMatch>) -> Option<Reading> {
    let unresolved = report
        .patterns
        .iter()
        .any(|pattern| pattern.detail.mismatch == Some(ResourceMismatch::UnresolvedVariable));
    (report.negated && report.matched && unresolved).then_some(Reading::NotResourceWithoutValue)
}

fn element<P, T>(
    negated: bool,
    key_span: Span,
    patterns: &[(Span, P)],
    compare: impl Fn(&P) -> (bool, T),
) -> ElementReport<T> {
    let patterns: Vec<PatternReport<T>> = patterns
        .iter()
        .map(|(span, pattern)| {
            let (matched, detail) = compare(pattern);
            PatternReport {
                span: *span,
                matched,
                detail,
            }
        })
        .collect();
    let any = patterns.iter().any(|pattern| pattern.matched);
    ElementReport {
        // NOTACT, NOTRES: the Not forms match everything except what they list.
        matched: any != negated,
        negated,
        key_span,
        patterns,
    }
}

/// The `Principal`/`NotPrincipal` element's result for the caller; `names` are its entries read.
pub fn principal_report(
    block: &PrincipalBlock,
    names: &[PrincipalName],
    request: RequestView<'_>,
) -> PrincipalReport {
    let entries: Vec<PatternReport<PrincipalMatch>> = block
        .entries
        .iter()
        .zip(names)
        .map(|(entry, name)| {
            let detail = match_entry_or_federating_user(name, request);
            PatternReport {
                span: entry.span,
                matched: detail.matched,
                detail,
            }
        })
        .collect();
    if !block.negated {
        return PrincipalReport {
            matched: entries.iter().any(|entry| entry.matched),
            negated: false,
            key_span: block.key_span,
            entries,
            note: None,
        };
    }
    let excluded = not_principal_excludes(names, request.caller);
    let (matched, note) = if request.has_boundary {
        // NOTPRIN: with Deny, NotPrincipal "always denies any principal that has a permissions boundary".
        (
            true,
            Some("the caller has a permissions boundary, and a Deny with NotPrincipal always applies to such principals, whatever the list says".to_string()),
        )
    } else if excluded {
        (false, Some("NotPrincipal names the caller and every identity AWS checks for it, so this statement does not apply".to_string()))
    } else {
        (true, Some(exclusion_gap(request.caller)))
    };
    PrincipalReport {
        matched,
        negated: true,
        key_span: block.key_span,
        entries,
        note,
    }
}

fn exclusion_gap(caller: &Caller) -> String {
    match caller {
        Caller::AssumedRole { .. } => "NotPrincipal does not name all of the session's account, role and session ARN, which AWS checks in turn, so the caller is not excluded".to_string(),
        Caller::Service { .. } | Caller::Anonymous => "NotPrincipal does not name the caller, so the statement applies to it".to_string(),
        _ => "NotPrincipal does not name both the caller and its account, which AWS checks in turn, so the caller is not excluded".to_string(),
    }
}

/// Section 1 table: a grant to the IAM user who called GetFederationToken also names that federated session.
fn match_entry_or_federating_user(
    entry: &PrincipalName,
    request: RequestView<'_>,
) -> PrincipalMatch {
    let detail = entry.compare(request.caller);
    let Some(user) = request.federated_by.filter(|_| !detail.matched) else {
        return detail;
    };
    if entry.compare(user).how != Some(NamedAs::ExactUser) {
        return detail;
    }
    PrincipalMatch {
        matched: true,
        how: Some(NamedAs::FederatingUser),
        mismatch: None,
        ..detail
    }
}

/// NOTPRIN: AWS may check the account, then the role, then the session; a caller is excluded from a
/// `NotPrincipal` only when every identity in that chain is named in the list.
fn not_principal_excludes(entries: &[PrincipalName], caller: &Caller) -> bool {
    identity_chain(caller).iter().all(|(identity, exact)| {
        entries.iter().any(|entry| {
            let detail = entry.compare(identity);
            detail.how == Some(NamedAs::Everyone) || (detail.matched && detail.how == Some(*exact))
        })
    })
}

/// The identities AWS checks for a caller, each with the way a list must name it exactly.
fn identity_chain(caller: &Caller) -> Vec<(Caller, NamedAs)> {
    let root = |partition: &str, account: &str| Caller::Root {
        partition: partition.to_string(),
        account: account.to_string(),
    };
    match caller {
        Caller::User {
            partition, account, ..
        }
        | Caller::FederatedUser {
            partition, account, ..
        } => {
            let exact = if matches!(caller, Caller::User { .. }) {
                NamedAs::ExactUser
            } else {
                NamedAs::FederatedUser
            };
            vec![
                (root(partition, account), NamedAs::Account),
                (caller.clone(), exact),
            ]
        }
        Caller::Role {
            partition, account, ..
        } => {
            vec![
                (root(partition, account), NamedAs::Account),
                (caller.clone(), NamedAs::Role),
            ]
        }
        Caller::AssumedRole {
            partition,
            account,
            role_name,
            ..
        } => vec![
            (root(partition, account), NamedAs::Account),
            (
                Caller::Role {
                    partition: partition.clone(),
                    account: account.clone(),
                    path: "/".to_string(),
                    name: role_name.clone(),
                },
                NamedAs::Role,
            ),
            (caller.clone(), NamedAs::RoleSession),
        ],
        Caller::Root { .. } => vec![(caller.clone(), NamedAs::Account)],
        Caller::Service { .. } => vec![(caller.clone(), NamedAs::Service)],
        Caller::Anonymous => vec![(caller.clone(), NamedAs::Everyone)],
    }
}

/// Of the entries that name the caller, the one that grants the most on its own (section 1 table): a grant
/// to the caller's own ARN, a service or everyone is not limited; a role ARN is limited by the boundary and
/// session policy; the account only delegates.
pub fn strongest_grant(entries: &[PatternReport<PrincipalMatch>]) -> Option<NamedAs> {
    entries
        .iter()
        .filter_map(|entry| entry.detail.how)
        .max_by_key(|how| GrantStrength::of(*how))
}

/// How much a repository-policy grant that names the caller does on its own (section 1 table), weakest
/// first, so that the strongest of several grants is their maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GrantStrength {
    /// The account is named: the grant only delegates to the account's identity policies.
    DelegationOnly,
    /// A role or the federating user is named: the session's boundary and session policy still limit it.
    LimitedBySession,
    /// The caller's own ARN, a service or everyone is named: nothing else is needed (for everyone, by a
    /// reading: [`Reading::EveryoneGrantNotLimited`](super::reading::Reading)).
    Unlimited,
}

impl GrantStrength {
    /// The strength of a grant that names the caller as `how`.
    pub fn of(how: NamedAs) -> Self {
        match how {
            NamedAs::Account => GrantStrength::DelegationOnly,
            NamedAs::Role | NamedAs::FederatingUser => GrantStrength::LimitedBySession,
            NamedAs::Everyone => GrantStrength::Unlimited,
            NamedAs::ExactUser
            | NamedAs::RoleSession
            | NamedAs::FederatedUser
            | NamedAs::Service => GrantStrength::Unlimited,
        }
    }
}
