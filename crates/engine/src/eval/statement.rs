//! One statement against the request: principal, action, resource and conditions, each with its detail.
//! A statement matches when all four do; its outcome is then `allow-match` or `deny-match` (EVAL).

use crate::condition::{evaluate_conditions, substitute};
use crate::context::Context;
use crate::matching::{
    Caller, NamedAs, PrincipalMatch, match_action, match_principal, match_resource,
};
use crate::policy::{Effect, Policy, PrincipalBlock, PrincipalEntry, Statement};

use super::result::{
    ElementReport, PatternReport, PrincipalReport, StatementOutcome, StatementReport,
};

/// The request as statements see it.
#[derive(Debug, Clone, Copy)]
pub struct RequestView<'a> {
    /// Who asks.
    pub caller: &'a Caller,
    /// The action.
    pub action: &'a str,
    /// The repository ARN, or `*`.
    pub resource: &'a str,
    /// The context with derived keys.
    pub context: &'a Context,
    /// Whether the caller has a permissions boundary (NOTPRIN).
    pub has_boundary: bool,
    /// For a federated user, the IAM user who called GetFederationToken.
    pub federated_by: Option<&'a Caller>,
}

/// What a statement did, and for a matching statement with a principal, how it named the caller.
#[derive(Debug, Clone)]
pub struct StatementResult {
    /// The report for the page and the CLI.
    pub report: StatementReport,
    /// How the `Principal` element named the caller, when it did (the same-account table of section 1).
    pub named_as: Option<NamedAs>,
}

/// Evaluates `statement` of `policy` for `request`.
pub fn evaluate_statement(
    statement: &Statement,
    policy: &Policy,
    request: RequestView<'_>,
) -> StatementResult {
    let principal = statement
        .principal
        .as_ref()
        .map(|block| principal_report(block, request));
    let action = statement.action.as_ref().map(|block| {
        element(block.negated, block.key_span, &block.patterns, |pattern| {
            let detail = match_action(pattern, request.action);
            (detail.matched, detail)
        })
    });
    let resource = statement.resource.as_ref().map(|block| {
        element(block.negated, block.key_span, &block.patterns, |pattern| {
            // VARS: variables in Resource are substituted under 2012-10-17; a Resource whose variable has no
            // value "will not match any resource". In NotResource (UNCONFIRMED) the same unresolved pattern
            // matches nothing, so NotResource excludes nothing. Substituted text is literal (`${*}` is a
            // star, not a wildcard), so a pattern with variables is matched through its token pattern.
            let substituted = substitute(pattern, request.context, policy.version);
            let detail = match_resource(
                substituted.value.as_deref().unwrap_or(pattern),
                request.resource,
            );
            let matched = match &substituted.pattern {
                None => false,
                Some(_) if substituted.variables.is_empty() => detail.matched,
                Some(tokens) => tokens.matches_arn(request.resource),
            };
            (matched, detail)
        })
    });
    let conditions = evaluate_conditions(&statement.conditions, request.context, policy.version);
    let principal_ok = principal.as_ref().is_none_or(|report| report.matched);
    let action_ok = action.as_ref().is_some_and(|report| report.matched);
    // Section 8: a repository policy without Resource means "this repository".
    let resource_ok = resource.as_ref().is_none_or(|report| report.matched);
    let matched = principal_ok && action_ok && resource_ok && conditions.matched;
    let outcome = match (matched, statement.effect()) {
        (false, _) => StatementOutcome::NoMatch,
        (true, Effect::Allow) => StatementOutcome::AllowMatch,
        (true, Effect::Deny) => StatementOutcome::DenyMatch,
    };
    let named_as = principal
        .as_ref()
        .filter(|report| report.matched && !report.negated)
        .and_then(|report| strongest_grant(&report.entries));
    StatementResult {
        report: StatementReport {
            index: statement.index,
            sid: statement.sid.as_ref().map(|sid| sid.value.clone()),
            effect: statement.effect(),
            span: statement.span,
            outcome,
            principal,
            action,
            resource,
            conditions,
        },
        named_as,
    }
}

fn element<T>(
    negated: bool,
    key_span: crate::span::Span,
    patterns: &[crate::policy::Spanned<String>],
    compare: impl Fn(&str) -> (bool, T),
) -> ElementReport<T> {
    let patterns: Vec<PatternReport<T>> = patterns
        .iter()
        .map(|pattern| {
            let (matched, detail) = compare(&pattern.value);
            PatternReport {
                span: pattern.span,
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

fn principal_report(block: &PrincipalBlock, request: RequestView<'_>) -> PrincipalReport {
    let entries: Vec<PatternReport<PrincipalMatch>> = block
        .entries
        .iter()
        .map(|entry| {
            let detail = match_entry_or_federating_user(entry, request);
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
    let excluded = not_principal_excludes(&block.entries, request.caller);
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

fn match_entry(entry: &PrincipalEntry, caller: &Caller) -> PrincipalMatch {
    match_principal(entry.kind, &entry.value, caller)
}

/// Section 1 table: a grant to the IAM user who called GetFederationToken also names that federated session.
fn match_entry_or_federating_user(
    entry: &PrincipalEntry,
    request: RequestView<'_>,
) -> PrincipalMatch {
    let detail = match_entry(entry, request.caller);
    let Some(user) = request.federated_by.filter(|_| !detail.matched) else {
        return detail;
    };
    if match_entry(entry, user).how != Some(NamedAs::ExactUser) {
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
fn not_principal_excludes(entries: &[PrincipalEntry], caller: &Caller) -> bool {
    identity_chain(caller).iter().all(|(identity, exact)| {
        entries.iter().any(|entry| {
            let detail = match_entry(entry, identity);
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
        .max_by_key(|how| grant_rank(*how))
}

/// How much a grant does on its own: 2 unlimited, 1 limited by boundary and session, 0 delegation only.
pub fn grant_rank(how: NamedAs) -> u8 {
    match how {
        NamedAs::Account => 0,
        NamedAs::Role | NamedAs::FederatingUser => 1,
        NamedAs::Everyone
        | NamedAs::ExactUser
        | NamedAs::RoleSession
        | NamedAs::FederatedUser
        | NamedAs::Service => 2,
    }
}
