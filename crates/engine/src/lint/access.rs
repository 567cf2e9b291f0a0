//! Who a repository policy lets in: everyone without a condition that narrows the caller, and whole other
//! accounts with push, delete or policy actions (PRIN, XACCT, GCK, ECRPOL).

use super::grants::{Capability, capabilities, capability, covered_actions, fully_catalogued};
use super::text::{and_list, names};
use super::{Input, docs, has_effect};
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::policy::{Condition, Effect, OperatorBase, PrincipalKind, SetQualifier, Statement};

/// Keys whose positive conditions limit who the caller can be or where the request comes from (GCK).
/// Keys any caller can set for themselves (`aws:username`, `aws:PrincipalTag/...`) are not here.
const NARROWING_KEYS: &[&str] = &[
    "aws:PrincipalArn",
    "aws:PrincipalAccount",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:PrincipalServiceName",
    "aws:userid",
    "aws:SourceArn",
    "aws:SourceAccount",
    "aws:SourceOrgID",
    "aws:SourceOrgPaths",
    "aws:SourceIp",
    "aws:SourceVpc",
    "aws:SourceVpce",
    "aws:SourceVpcArn",
    "aws:VpcSourceIp",
    "aws:VpceAccount",
    "aws:VpceOrgID",
    "aws:VpceOrgPaths",
];

/// Keys that narrow a grant to an account down to some of its principals.
const WITHIN_ACCOUNT_KEYS: &[&str] = &["aws:PrincipalArn", "aws:userid"];

/// Checks the Allow statements of a repository policy.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    if !input.is_repository_policy() {
        return;
    }
    let statements = input
        .policy
        .statements
        .iter()
        .filter(|statement| has_effect(statement, Effect::Allow));
    for statement in statements {
        let Some(principal) = statement.principal.as_ref().filter(|block| !block.negated) else {
            continue;
        };
        let everyone = principal.entries.iter().find(|entry| {
            entry.kind == PrincipalKind::Everyone
                || (entry.kind == PrincipalKind::Aws && entry.value == "*")
        });
        if let Some(entry) = everyone {
            if !narrowed(statement, NARROWING_KEYS) {
                findings.extend(public_access(statement).map(|message| {
                    Diagnostic::new(
                        Severity::SecurityWarning,
                        LintCode::PublicAccess,
                        message,
                        entry.span,
                    )
                    .with_docs(docs::PRIN)
                }));
            }
            continue;
        }
        let Some(own_account) = input.repository.as_ref().map(|arn| arn.account()) else {
            continue;
        };
        if narrowed(statement, WITHIN_ACCOUNT_KEYS) {
            continue;
        }
        for entry in principal
            .entries
            .iter()
            .filter(|entry| entry.kind == PrincipalKind::Aws)
        {
            let Some(account) = account_of(&entry.value).filter(|account| *account != own_account)
            else {
                continue;
            };
            if let Some(message) = cross_account_write(statement, account) {
                findings.push(
                    Diagnostic::new(
                        Severity::SecurityWarning,
                        LintCode::CrossAccountWrite,
                        message,
                        entry.span,
                    )
                    .with_docs(docs::PRIN),
                );
            }
        }
    }
}

/// How to narrow a public grant.
const FIX: &str = "name the accounts that need access in `Principal`, or add a condition that narrows the caller, such as `\"StringEquals\": {\"aws:PrincipalOrgID\": \"o-exampleorgid\"}`";

/// PRIN: `"*"` is everyone, anonymous callers included. The message says what they could do, in words;
/// `None` when the statement surely grants nothing on a repository (only registry-level actions or names
/// that are not actions, which other findings report).
fn public_access(statement: &Statement) -> Option<String> {
    let block = statement.action.as_ref()?;
    let capabilities = capabilities(&covered_actions(block));
    let doing = match capabilities.as_slice() {
        [] if fully_catalogued(block) => return None,
        [] => "call this statement's actions on this repository".to_string(),
        [Capability::Pull] => "pull images from this repository".to_string(),
        several => and_list(
            &several
                .iter()
                .map(|capability| capability.phrase().to_string())
                .collect::<Vec<_>>(),
        ),
    };
    Some(format!(
        "anyone on the internet with an AWS account could {doing}: {FIX}"
    ))
}

/// PRIN: an account principal delegates to every principal of that account that its own IAM policies
/// allow. Push, delete and policy actions granted that way reach far beyond the one pipeline that needs
/// them. `None` when the statement grants no such action.
fn cross_account_write(statement: &Statement, account: &str) -> Option<String> {
    let actions = statement.action.as_ref().map(covered_actions)?;
    let writes: Vec<String> = actions
        .iter()
        .filter(|action| action.takes_repository() && capability(action).writes())
        .map(|action| action.full_name())
        .collect();
    if writes.is_empty() {
        return None;
    }
    let doing: Vec<String> = capabilities(&actions)
        .into_iter()
        .filter(|capability| capability.writes())
        .map(|capability| capability.phrase().to_string())
        .collect();
    Some(format!(
        "every user and role in account `{account}` that its own IAM policies allow could {} ({}): name the one role that needs it, such as `arn:aws:iam::{account}:role/ci`, or grant the account only pull actions",
        and_list(&doing),
        names(&writes, 3)
    ))
}

/// The account an `AWS` entry names as a whole: a 12-digit id or `arn:PARTITION:iam::ACCOUNT:root`.
fn account_of(value: &str) -> Option<&str> {
    let is_account =
        |text: &str| text.len() == 12 && text.bytes().all(|byte| byte.is_ascii_digit());
    if is_account(value) {
        return Some(value);
    }
    let rest = value.strip_prefix("arn:")?;
    let (_, rest) = rest.split_once(':')?;
    let account = rest.strip_prefix("iam::")?.strip_suffix(":root")?;
    is_account(account).then_some(account)
}

/// Whether a condition of the statement surely narrows the caller to the `keys`: a positive operator (not
/// negated, not `IfExists`, not `ForAllValues:`, which a missing key satisfies, OPS, MV) on one of the
/// keys, with values that are not match-everything wildcards.
fn narrowed(statement: &Statement, keys: &[&str]) -> bool {
    statement
        .conditions
        .iter()
        .any(|condition| narrows(condition, keys))
}

fn narrows(condition: &Condition, keys: &[&str]) -> bool {
    let Some(operator) = condition.operator else {
        return false;
    };
    let positive = operator.set != Some(SetQualifier::ForAllValues)
        && !operator.if_exists
        && !operator.base.is_negated()
        && operator.base != OperatorBase::Null;
    let key = keys
        .iter()
        .any(|key| key.eq_ignore_ascii_case(&condition.key.value));
    let match_everything =
        |text: &str| text.chars().all(|c| c == '*') || matches!(text, "0.0.0.0/0" | "::/0");
    positive
        && key
        && !condition.values.is_empty()
        && !condition
            .values
            .iter()
            .all(|value| match_everything(&value.text))
}
