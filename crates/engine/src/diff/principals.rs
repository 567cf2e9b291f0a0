//! The representative callers: every principal either version names, and for an account its root, a user
//! and a role session; the same for the repository's account and for an account neither names; anonymous;
//! and the callers that the principal condition keys (`aws:PrincipalArn`, ...) name.

use std::collections::HashMap;

use crate::matching::{Caller, match_principal};
use crate::policy::{Policy, PrincipalKind, Statement};

use super::values::instantiate;

/// Condition keys whose values the engine derives from the caller (GCK): the comparison varies the
/// caller for them rather than the context, so that every request is one AWS could receive.
pub(super) const CALLER_KEYS: [&str; 8] = [
    "aws:PrincipalArn",
    "aws:PrincipalAccount",
    "aws:PrincipalType",
    "aws:username",
    "aws:userid",
    "aws:PrincipalIsAWSService",
    "aws:PrincipalServiceName",
    "aws:ResourceAccount",
];

/// Accounts that stand for "an account neither version names": the first one not named is used.
const OTHER_ACCOUNTS: [&str; 3] = ["999999999999", "888888888888", "777777777777"];

/// Every representative caller of `policies`, sorted, each once.
pub(super) fn representative(policies: &[&Policy], repository_account: &str) -> Vec<String> {
    let mut accounts: Vec<String> = vec![repository_account.to_string()];
    let mut callers: Vec<String> = vec!["anonymous".to_string()];
    for statement in policies.iter().flat_map(|policy| &policy.statements) {
        for entry in statement.principal.iter().flat_map(|block| &block.entries) {
            match entry.kind {
                PrincipalKind::Aws if entry.value == "*" => {}
                PrincipalKind::Aws => named_aws(&entry.value, &mut accounts, &mut callers),
                PrincipalKind::Service => callers.push(entry.value.to_string()),
                PrincipalKind::Everyone
                | PrincipalKind::Federated
                | PrincipalKind::CanonicalUser => {}
            }
        }
        for condition in &statement.conditions {
            let key = condition.key.value.as_str();
            for value in &condition.values {
                let value = instantiate(&value.text);
                if key.eq_ignore_ascii_case("aws:PrincipalArn") {
                    named_aws(&value, &mut accounts, &mut callers);
                } else if key.eq_ignore_ascii_case("aws:PrincipalAccount") && is_account(&value) {
                    accounts.push(value);
                } else if key.eq_ignore_ascii_case("aws:PrincipalServiceName") {
                    callers.push(value);
                }
            }
        }
    }
    if let Some(other) = OTHER_ACCOUNTS
        .iter()
        .find(|account| !accounts.iter().any(|named| named == *account))
    {
        accounts.push((*other).to_string());
    }
    for account in &accounts {
        callers.push(format!("arn:aws:iam::{account}:root"));
        callers.push(format!("arn:aws:iam::{account}:user/comparison-user"));
        callers.push(format!(
            "arn:aws:sts::{account}:assumed-role/comparison-role/comparison-session"
        ));
    }
    callers.retain(|caller| Caller::parse(caller).is_ok());
    callers.sort();
    callers.dedup();
    callers
}

/// An `AWS` principal: an account (bare or as its root ARN) adds the account, any other caller itself.
fn named_aws(value: &str, accounts: &mut Vec<String>, callers: &mut Vec<String>) {
    match Caller::parse(value) {
        Ok(Caller::Root { account, .. }) => accounts.push(account),
        Ok(_) => callers.push(value.to_string()),
        Err(_) => {}
    }
}

/// Whether `text` is a 12-digit account id.
fn is_account(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|byte| byte.is_ascii_digit())
}

/// The statements that can apply to `caller`: those without a `Principal` (an identity-side policy),
/// with a `NotPrincipal`, or with a `Principal` entry that names the caller (PRIN). A statement that
/// cannot apply decides nothing for the caller whatever its conditions, so its condition keys need no
/// values. Each distinct entry is matched once: the versions' statements repeat most of them.
pub(super) fn applying<'s>(statements: &[&'s Statement], caller: &Caller) -> Vec<&'s Statement> {
    let mut matched: HashMap<(PrincipalKind, &str), bool> = HashMap::new();
    statements
        .iter()
        .copied()
        .filter(|statement| {
            statement.principal.as_ref().is_none_or(|block| {
                block.negated
                    || block.entries.iter().any(|entry| {
                        *matched
                            .entry((entry.kind, entry.value.as_str()))
                            .or_insert_with(|| {
                                match_principal(entry.kind, entry.value.as_str(), caller).matched
                            })
                    })
            })
        })
        .collect()
}
