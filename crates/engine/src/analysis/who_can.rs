//! Who can do an action or operation on a repository: every user and role of the account authorization
//! details, each decided with its whole identity side (a role as any session of it), and every principal
//! outside the account that an Allow statement of the repository or registry policy names, decided as if
//! its own account allowed it (XACCT: both accounts must allow), with what it still needs there.

use serde::Serialize;

use crate::eval::{
    Decision, Evaluation, RequestTime, StatementRef, Step, Verdict, evaluate, policy_phrase,
    prepare,
};
use crate::import::{AccountDetails, IdentityKind, arn_part, session_arn};
use crate::policy::{Effect, PolicyKind, PrincipalKind as Named};
use crate::scenario::{IdentityPolicy, NamedPolicy, PolicySource, Request, Scenario};

/// The answer: one row per principal, the account's users, then its roles, then the principals outside.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WhoCan {
    /// Each principal with its decision.
    pub principals: Vec<WhoCanRow>,
}

/// One principal and its decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct WhoCanRow {
    /// The user's or role's ARN, or the principal as the policy names it.
    pub arn: String,
    /// User, role (any session of it) or a principal outside the account.
    pub kind: WhoCanKind,
    /// The decision.
    pub decision: Decision,
    /// Why, in one sentence: the evaluation's summary.
    pub reason: String,
    /// The statement that decided, as `statement `Sid` of identity policy `name``; `None` when no
    /// statement did (nothing allowed it).
    pub statement: Option<String>,
    /// For a principal outside the account: what its own account must still grant.
    pub needs: Option<String>,
    /// Policies attached to the user or role that the account details do not hold (left out).
    pub missing: Vec<String>,
}

/// Whose row it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum WhoCanKind {
    /// An IAM user of the account.
    User,
    /// An IAM role of the account: any session of it.
    Role,
    /// A principal outside the account that the repository or registry policy names.
    External,
}

/// Decides `base`'s request (its action or operation on its resource; its principal is not read) for
/// every principal of `details` and every principal outside the repository's account that an Allow
/// statement of `base`'s repository or registry policy names. `base`'s other policies (SCPs, RCPs, ...)
/// take part as they are; its identity policies and boundary are replaced by each principal's.
pub fn who_can(details: &AccountDetails, base: &Scenario, time: RequestTime) -> WhoCan {
    let mut principals = Vec::new();
    for principal in details.principals() {
        let Ok(identity) = details.identity(&principal.arn) else {
            continue;
        };
        let mut scenario = with_request(base, &identity.principal);
        identity.apply_to(&mut scenario);
        let evaluation = evaluate(&scenario, time);
        principals.push(WhoCanRow {
            kind: match principal.kind {
                IdentityKind::User => WhoCanKind::User,
                IdentityKind::Role => WhoCanKind::Role,
            },
            missing: identity
                .missing
                .iter()
                .map(|missing| missing.name.clone())
                .collect(),
            ..row(principal.arn, &evaluation, None)
        });
    }
    let first_arn = details
        .principals()
        .into_iter()
        .next()
        .map(|first| first.arn);
    let account = arn_part(&base.first_request().resource, 4)
        .or_else(|| arn_part(first_arn.as_deref()?, 4))
        .unwrap_or_default()
        .to_owned();
    for (named, kind) in named_outside(base, &account) {
        principals.push(outside_row(base, &named, kind, time));
    }
    WhoCan { principals }
}

/// `base` asking as `principal`.
fn with_request(base: &Scenario, principal: &str) -> Scenario {
    let mut scenario = base.clone();
    let request = Request {
        principal: principal.to_owned(),
        ..base.first_request().clone()
    };
    scenario.request = Some(request);
    scenario.requests.clear();
    scenario
}

/// The row of `arn` from its evaluation.
fn row(arn: String, evaluation: &Evaluation, needs: Option<String>) -> WhoCanRow {
    WhoCanRow {
        arn,
        kind: WhoCanKind::External,
        decision: evaluation.decision,
        reason: evaluation.summary.clone(),
        statement: deciding_statement(evaluation, needs.is_some()),
        needs,
        missing: Vec::new(),
    }
}

/// The statement the deciding step names: `statement `Sid` of the repository policy`. With
/// `resource_side`, the last step that names a repository or registry policy statement (an outside
/// principal's own side is assumed, so its statements explain nothing).
fn deciding_statement(evaluation: &Evaluation, resource_side: bool) -> Option<String> {
    let named = |reference: &&StatementRef| {
        let policy = evaluation
            .policies
            .iter()
            .find(|policy| *policy.id == *reference.policy)?;
        let wanted =
            !resource_side || matches!(policy.kind, PolicyKind::Repository | PolicyKind::Registry);
        let statement = policy.statements.get(reference.statement)?;
        wanted.then(|| {
            format!(
                "{} of {}",
                statement.label,
                policy_phrase(policy.kind, &policy.name)
            )
        })
    };
    evaluation
        .reasons
        .iter()
        .rev()
        .filter(|reason| reason.verdict != Verdict::Info && reason.step != Step::Decision)
        .find_map(|reason| {
            reason
                .statements
                .iter()
                .find_map(|reference| named(&reference))
        })
}

/// Every principal an Allow statement of the repository or registry policy names that is not of
/// `account`, once each, in the policies' order: AWS principals (accounts, users, roles, sessions),
/// service principals and `*`.
fn named_outside(base: &Scenario, account: &str) -> Vec<(String, Named)> {
    let prepared = prepare(base);
    let mut named: Vec<(String, Named)> = Vec::new();
    let policies = prepared
        .policies()
        .iter()
        .filter(|policy| matches!(policy.kind, PolicyKind::Repository | PolicyKind::Registry))
        .filter_map(|policy| policy.parsed.policy.as_ref());
    for statement in policies.flat_map(|policy| &policy.statements) {
        let Some(block) = statement
            .principal
            .as_ref()
            .filter(|block| statement.effect() == Effect::Allow && !block.negated)
        else {
            continue;
        };
        for entry in &block.entries {
            let outside = match entry.kind {
                Named::Everyone => true,
                Named::Aws => entry.value == "*" || account_of(&entry.value) != Some(account),
                Named::Service => true,
                Named::Federated | Named::CanonicalUser => false,
            };
            let value = match entry.kind {
                Named::Everyone => "*".to_owned(),
                _ => entry.value.to_string(),
            };
            if outside && !named.iter().any(|(known, _)| *known == value) {
                named.push((value, entry.kind));
            }
        }
    }
    named
}

/// The account of an AWS principal as a policy names it: a bare account id or an ARN's account field.
fn account_of(principal: &str) -> Option<&str> {
    if principal.len() == 12 && principal.bytes().all(|byte| byte.is_ascii_digit()) {
        return Some(principal);
    }
    arn_part(principal, 4)
}

/// The row of a principal outside the account. An AWS principal is decided as a caller of its account
/// whose identity policies allow everything (its side granted), so the decision is the repository's
/// side's; `needs` says what its account must grant. A service principal is decided as it is, and `*`
/// as an anonymous caller.
fn outside_row(base: &Scenario, named: &str, kind: Named, time: RequestTime) -> WhoCanRow {
    let (caller, their_account) = match kind {
        Named::Aws if named != "*" => caller_for(named),
        Named::Everyone | Named::Aws => ("anonymous".to_owned(), None),
        _ => (named.to_owned(), None),
    };
    let mut scenario = with_request(base, &caller);
    scenario.identity_policies.clear();
    scenario.permissions_boundary = None;
    scenario.session_policy = None;
    let needs = their_account.map(|account| {
        scenario
            .identity_policies
            .push(IdentityPolicy::Named(NamedPolicy {
                name: format!("account {account} grants it (assumed)"),
                policy: PolicySource::from(serde_json::json!({
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
                })),
            }));
        let request = base.first_request();
        let wanted = match request.operation {
            Some(operation) => format!("every action of {}", operation.phrase()),
            None => format!("`{}`", request.action),
        };
        format!(
            "an identity policy in account {account} that allows {wanted} on {}",
            request.resource
        )
    });
    row(named.to_owned(), &evaluate(&scenario, time), needs)
}

/// The caller that stands for an AWS principal a policy names, and its account: the principal itself
/// for a user or a session; a session of a role; the root of an account named by id or root ARN (any
/// principal of that account).
fn caller_for(named: &str) -> (String, Option<String>) {
    let account = account_of(named).map(str::to_owned);
    let resource = arn_part(named, 5).unwrap_or_default();
    let caller = match resource.split_once('/') {
        Some(("role", path)) => session_arn(named, path.rsplit('/').next().unwrap_or(path)),
        _ if resource.is_empty() || resource == "root" => format!(
            "arn:{}:iam::{}:root",
            arn_part(named, 1)
                .filter(|_| named.starts_with("arn:"))
                .unwrap_or("aws"),
            account.as_deref().unwrap_or_default()
        ),
        _ => named.to_owned(),
    };
    (caller, account)
}
