//! Matching one `Principal` entry of a resource policy against the caller (PRIN, GRAM).
//!
//! An entry is the bare `"Principal": "*"` or one value under a key: `AWS`, `Service`, `Federated` or
//! `CanonicalUser`. The result says whether it names the caller and, when it does, **how**: the decision
//! procedure needs that (section 1, same-account table: a grant to the account still needs an identity
//! policy; a grant to a role ARN is limited by the session's boundary and session policy; a grant to the
//! session ARN is not).
//!
//! Readings and choices:
//! - `"*"` and `{"AWS": "*"}` name everyone, anonymous callers and service principals included (PRIN).
//! - An account id and `arn:P:iam::A:root` are equivalent and name every principal of account A, not only
//!   its root user (PRIN). A bare account id carries no partition and matches A in any partition.
//! - A role ARN names the role's sessions (EVAL). Session ARNs drop the role's path, so a role ARN is
//!   compared with a session by partition, account and role name only; with a role caller, whose ARN has
//!   the path, the path must agree too.
//! - User, role, session and federated-user ARNs are compared exactly, case-sensitively (PRIN: the
//!   user-name part is case-sensitive). No partial wildcards: `arn:aws:iam::1:user/*` names nobody (PRIN).
//! - `Service` names a service principal with the same name, compared ASCII-case-insensitively because
//!   service principal names are DNS-style names. `"Service": "*"` is invalid and names nobody (PRIN).
//! - `Federated` names web-identity and SAML identity providers, used in role trust policies; no caller
//!   this engine models authenticates that way, so it never matches. In particular a `Federated` value
//!   such as `cognito-identity.amazonaws.com` does not name the service principal of the same name.
//! - `CanonicalUser` is an S3 identifier (GRAM) and never names an ECR caller.
//! - Groups cannot be principals (PRIN), and unique ids (`AIDA…`, `AROA…`), which AWS shows for deleted
//!   users and roles (PRIN), cannot be resolved here: both name nobody.
//!
//! `NotPrincipal` is the negation of this match and is the evaluator's business. Note for it (NOTPRIN): AWS
//! may check the account, then the role, then the session, so a `NotPrincipal` list should name the account
//! ARN and, for sessions, the role ARN as well; with `Deny` it always denies a principal that has a
//! permissions boundary.

use serde::Serialize;

use super::caller::Caller;
use super::caller_error::CallerError;
use super::caller_text::{CallerText, is_account_id};
use crate::policy::{PrincipalKind, SharedStr, has_wildcard};

/// How a matching principal entry names the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum NamedAs {
    /// `"*"` or `{"AWS": "*"}`: everyone.
    Everyone,
    /// The caller's account, as an account id or `arn:P:iam::A:root`.
    Account,
    /// The caller's own IAM user ARN.
    ExactUser,
    /// The ARN of the role the caller is a session of.
    Role,
    /// The caller's own role-session ARN.
    RoleSession,
    /// The caller's own federated-user ARN.
    FederatedUser,
    /// The ARN of the IAM user who called GetFederationToken, for a request by that federated session.
    FederatingUser,
    /// The caller's service principal name.
    Service,
}

/// Why a principal entry does not name the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum PrincipalMismatch {
    /// A bare string principal other than `"*"`.
    NotAWildcard,
    /// A wildcard inside a name or ARN, which principals do not support (PRIN).
    PartialWildcard,
    /// `"Service": "*"`, which is invalid (PRIN).
    ServiceWildcard,
    /// An IAM group ARN: groups cannot be principals (PRIN).
    Group,
    /// A unique id (`AIDA…`, `AROA…`) that cannot be resolved to a principal here.
    UniqueId,
    /// Neither an account id nor a principal ARN.
    Unrecognized,
    /// `Federated` names identity providers; no modelled caller is federated that way.
    FederatedNotModeled,
    /// `CanonicalUser` is for S3 and never names an ECR caller.
    CanonicalUserNotSupported,
    /// The caller is anonymous or a service principal, which have no account.
    CallerHasNoAccount,
    /// The entry is in another partition than the caller.
    DifferentPartition,
    /// The entry is in another account than the caller.
    DifferentAccount,
    /// Same account, but the entry names another principal.
    DifferentPrincipal,
    /// A `Service` entry, but the caller is not a service principal.
    CallerNotAService,
}

/// The outcome of comparing one principal entry with the caller. Written out (as part of a
/// [`PatternReport`](crate::eval::PatternReport)) without what the text and the request already say:
/// the value and `matched` (the caller is the result's `request.caller`); `how` and `mismatch` only when set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PrincipalMatch {
    /// How the entry is written.
    pub kind: PrincipalKind,
    /// The entry's value as written.
    #[serde(skip)]
    pub value: SharedStr,
    /// Whether the entry names the caller.
    #[serde(skip)]
    pub matched: bool,
    /// How the entry names the caller; `None` when it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub how: Option<NamedAs>,
    /// Why the entry does not name the caller; `None` when it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mismatch: Option<PrincipalMismatch>,
}

/// Compares one principal entry (`kind` and the `value` string from the policy) with the `caller`. Text
/// already shared is kept as it is, not copied.
pub fn match_principal(
    kind: PrincipalKind,
    value: impl Into<SharedStr>,
    caller: &Caller,
) -> PrincipalMatch {
    PrincipalName::read(kind, value).compare(caller)
}

/// One principal entry read once, so that it is compared with any number of callers without reading
/// its text again: what the text names, as far as that does not depend on the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalName {
    kind: PrincipalKind,
    value: SharedStr,
    named: Named,
}

/// What a principal entry's text names, before it is compared with a caller.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Named {
    /// Every caller.
    Everyone,
    /// The principals of the account the text is the id of.
    Account,
    /// The principal of the ARN the text is, in its canonical form.
    Principal(Caller),
    /// The service principal the text names, compared without regard to ASCII case.
    Service,
    /// Nobody, whoever calls.
    Nobody(PrincipalMismatch),
}

impl PrincipalName {
    /// Reads the entry `value` written under `kind`.
    pub fn read(kind: PrincipalKind, value: impl Into<SharedStr>) -> Self {
        let value = value.into();
        let named = match kind {
            PrincipalKind::Everyone if value == "*" => Named::Everyone,
            PrincipalKind::Everyone => Named::Nobody(PrincipalMismatch::NotAWildcard),
            PrincipalKind::Aws => read_aws(&value),
            PrincipalKind::Service => read_service(&value),
            PrincipalKind::Federated => Named::Nobody(PrincipalMismatch::FederatedNotModeled),
            PrincipalKind::CanonicalUser => {
                Named::Nobody(PrincipalMismatch::CanonicalUserNotSupported)
            }
        };
        Self { kind, value, named }
    }

    /// Compares the entry with `caller`.
    pub fn compare(&self, caller: &Caller) -> PrincipalMatch {
        let outcome = match &self.named {
            Named::Everyone => Ok(NamedAs::Everyone),
            Named::Nobody(mismatch) => Err(*mismatch),
            Named::Service => match caller.service_name() {
                Some(name) if name.eq_ignore_ascii_case(&self.value) => Ok(NamedAs::Service),
                Some(_) => Err(PrincipalMismatch::DifferentPrincipal),
                None => Err(PrincipalMismatch::CallerNotAService),
            },
            Named::Account => match caller.account() {
                None => Err(PrincipalMismatch::CallerHasNoAccount),
                Some(account) if account == self.value.as_str() => Ok(NamedAs::Account),
                Some(_) => Err(PrincipalMismatch::DifferentAccount),
            },
            Named::Principal(entry) => compare_principal(entry, caller),
        };
        PrincipalMatch {
            kind: self.kind,
            value: self.value.clone(),
            matched: outcome.is_ok(),
            how: outcome.ok(),
            mismatch: outcome.err(),
        }
    }
}

/// What a `Service` entry names: the service principal of that name; nobody for `*` or a name with a
/// wildcard (PRIN).
fn read_service(value: &str) -> Named {
    if value == "*" {
        Named::Nobody(PrincipalMismatch::ServiceWildcard)
    } else if has_wildcard(value) {
        Named::Nobody(PrincipalMismatch::PartialWildcard)
    } else {
        Named::Service
    }
}

/// What an `AWS` entry names: everyone for `*`, an account for its id, the principal of an ARN written in
/// its canonical form; nobody for a partial wildcard or any other text (PRIN).
fn read_aws(value: &str) -> Named {
    if value == "*" {
        Named::Everyone
    } else if has_wildcard(value) {
        Named::Nobody(PrincipalMismatch::PartialWildcard)
    } else if is_account_id(value) {
        Named::Account
    } else {
        aws_principal_arn(value).map_or_else(Named::Nobody, Named::Principal)
    }
}

/// How the principal `entry` an `AWS` ARN names, read from the ARN, names `caller`, if it does.
fn compare_principal(entry: &Caller, caller: &Caller) -> Result<NamedAs, PrincipalMismatch> {
    let Some(account) = caller.account() else {
        return Err(PrincipalMismatch::CallerHasNoAccount);
    };
    if entry.partition() != caller.partition() {
        return Err(PrincipalMismatch::DifferentPartition);
    }
    if entry.account() != Some(account) {
        return Err(PrincipalMismatch::DifferentAccount);
    }
    named_in_account(entry, caller).ok_or(PrincipalMismatch::DifferentPrincipal)
}

/// Reads an `AWS` value that is not an account id: it must be a principal ARN written exactly in its
/// canonical form (no surrounding spaces).
fn aws_principal_arn(value: &str) -> Result<Caller, PrincipalMismatch> {
    if is_unique_id(value) {
        return Err(PrincipalMismatch::UniqueId);
    }
    if !value.starts_with("arn:") {
        return Err(PrincipalMismatch::Unrecognized);
    }
    match CallerText::read(value) {
        Ok(entry) if entry.is_written_as(value) => Ok(entry.to_caller()),
        Err(CallerError::Group { .. }) => Err(PrincipalMismatch::Group),
        _ => Err(PrincipalMismatch::Unrecognized),
    }
}

/// How `entry`, a principal of the caller's own partition and account, names `caller`, if it does.
fn named_in_account(entry: &Caller, caller: &Caller) -> Option<NamedAs> {
    match (entry, caller) {
        (Caller::Root { .. }, _) => Some(NamedAs::Account),
        (Caller::User { .. }, Caller::User { .. }) if entry == caller => Some(NamedAs::ExactUser),
        (Caller::Role { .. }, Caller::Role { .. }) if entry == caller => Some(NamedAs::Role),
        (Caller::Role { name, .. }, Caller::AssumedRole { role_name, .. }) if name == role_name => {
            Some(NamedAs::Role)
        }
        (Caller::AssumedRole { .. }, Caller::AssumedRole { .. }) if entry == caller => {
            Some(NamedAs::RoleSession)
        }
        (Caller::FederatedUser { .. }, Caller::FederatedUser { .. }) if entry == caller => {
            Some(NamedAs::FederatedUser)
        }
        _ => None,
    }
}

/// Whether `value` looks like an IAM unique id: `AIDA` (users) or `AROA` (roles) followed by upper-case
/// letters and digits. AWS shows it in place of a deleted user or role (PRIN).
pub(crate) fn is_unique_id(value: &str) -> bool {
    value.len() > 4
        && (value.starts_with("AIDA") || value.starts_with("AROA"))
        && value
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}
