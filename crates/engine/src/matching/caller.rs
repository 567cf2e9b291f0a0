//! The identity that makes the request, parsed from the scenario's `principal` string (an IAM user, role,
//! assumed-role session, federated user or root ARN, a bare account id, a service principal or
//! `anonymous`), and the principal facts AWS derives from it (GCK: `aws:PrincipalArn`,
//! `aws:PrincipalType`, `aws:username`, `aws:userid`, `aws:PrincipalServiceName`).
//!
//! Accepted forms, in the partitions `aws`, `aws-cn` and `aws-us-gov`:
//! - IAM user `arn:aws:iam::A:user/path/name`, IAM role `arn:aws:iam::A:role/path/name`;
//! - role session `arn:aws:sts::A:assumed-role/RoleName/session` (session ARNs carry no role path);
//! - federated user `arn:aws:sts::A:federated-user/name` (a GetFederationToken session);
//! - account root `arn:aws:iam::A:root`, or a bare 12-digit account id meaning the same in `aws`;
//! - a service principal ending in `.amazonaws.com` or `.amazonaws.com.cn`;
//! - `anonymous`.
//!
//! A role ARN given as the caller stands for a session of that role whose name we do not know: requests are
//! always made by a session, never by the role itself (EVAL: "the principal that makes the request is the
//! IAM role session").

use std::fmt;

use serde::Serialize;

use super::caller_error::CallerError;
use super::caller_text::CallerText;

/// Who makes the request. Generic over how it holds its parts: `String`, the default, owns them; `&str`
/// borrows them from the text they were read from, for readers that keep only a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Caller<S = String> {
    /// An IAM user.
    User {
        /// `aws`, `aws-cn` or `aws-us-gov`.
        partition: S,
        /// The 12-digit account id.
        account: S,
        /// The IAM path, `/` or `/a/b/`.
        path: S,
        /// The user name.
        name: S,
    },
    /// A session of an IAM role, named by the role's ARN; the session name is unknown.
    Role {
        /// `aws`, `aws-cn` or `aws-us-gov`.
        partition: S,
        /// The 12-digit account id.
        account: S,
        /// The IAM path, `/` or `/a/b/`.
        path: S,
        /// The role name.
        name: S,
    },
    /// A role session named by its STS ARN, which carries the role name but not the role's path.
    AssumedRole {
        /// `aws`, `aws-cn` or `aws-us-gov`.
        partition: S,
        /// The 12-digit account id.
        account: S,
        /// The name of the assumed role.
        role_name: S,
        /// The session name chosen when the role was assumed.
        session_name: S,
    },
    /// A federated user created by `GetFederationToken`.
    FederatedUser {
        /// `aws`, `aws-cn` or `aws-us-gov`.
        partition: S,
        /// The 12-digit account id.
        account: S,
        /// The name passed to `GetFederationToken`.
        name: S,
    },
    /// The account's root user.
    Root {
        /// `aws`, `aws-cn` or `aws-us-gov`; `aws` when given as a bare account id.
        partition: S,
        /// The 12-digit account id.
        account: S,
    },
    /// An AWS service principal such as `codebuild.amazonaws.com`.
    Service {
        /// The service principal name as given.
        name: S,
    },
    /// An unauthenticated caller.
    Anonymous,
}

/// The values of `aws:PrincipalType` (section 8 decision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum PrincipalType {
    /// The account root user.
    Account,
    /// An IAM user.
    User,
    /// A `GetFederationToken` federated user.
    FederatedUser,
    /// A role session.
    AssumedRole,
    /// An unauthenticated caller.
    Anonymous,
}

impl PrincipalType {
    /// The value as it appears in the request context.
    pub fn as_str(self) -> &'static str {
        match self {
            PrincipalType::Account => "Account",
            PrincipalType::User => "User",
            PrincipalType::FederatedUser => "FederatedUser",
            PrincipalType::AssumedRole => "AssumedRole",
            PrincipalType::Anonymous => "Anonymous",
        }
    }
}

impl<S> Caller<S> {
    /// The same caller with each part made by `part` from this one's: the one place that takes a caller
    /// apart variant by variant to hold its text another way.
    pub fn map<'a, T>(&'a self, part: impl Fn(&'a S) -> T) -> Caller<T> {
        match self {
            Caller::User {
                partition,
                account,
                path,
                name,
            } => Caller::User {
                partition: part(partition),
                account: part(account),
                path: part(path),
                name: part(name),
            },
            Caller::Role {
                partition,
                account,
                path,
                name,
            } => Caller::Role {
                partition: part(partition),
                account: part(account),
                path: part(path),
                name: part(name),
            },
            Caller::AssumedRole {
                partition,
                account,
                role_name,
                session_name,
            } => Caller::AssumedRole {
                partition: part(partition),
                account: part(account),
                role_name: part(role_name),
                session_name: part(session_name),
            },
            Caller::FederatedUser {
                partition,
                account,
                name,
            } => Caller::FederatedUser {
                partition: part(partition),
                account: part(account),
                name: part(name),
            },
            Caller::Root { partition, account } => Caller::Root {
                partition: part(partition),
                account: part(account),
            },
            Caller::Service { name } => Caller::Service { name: part(name) },
            Caller::Anonymous => Caller::Anonymous,
        }
    }
}

impl Caller {
    /// Parses the scenario's `principal` string. Surrounding whitespace is ignored.
    pub fn parse(text: &str) -> Result<Caller, CallerError> {
        CallerText::read(text).map(CallerText::to_caller)
    }

    /// The caller's parts, borrowed.
    fn as_text(&self) -> CallerText<'_> {
        self.map(String::as_str)
    }

    /// The caller's partition; `None` for service principals and anonymous callers.
    pub fn partition(&self) -> Option<&str> {
        match self {
            Caller::User { partition, .. }
            | Caller::Role { partition, .. }
            | Caller::AssumedRole { partition, .. }
            | Caller::FederatedUser { partition, .. }
            | Caller::Root { partition, .. } => Some(partition),
            Caller::Service { .. } | Caller::Anonymous => None,
        }
    }

    /// The caller's account id; `None` for service principals and anonymous callers (for whom GCK gives
    /// `aws:PrincipalAccount` the value `anonymous`: that is the context's business).
    pub fn account(&self) -> Option<&str> {
        match self {
            Caller::User { account, .. }
            | Caller::Role { account, .. }
            | Caller::AssumedRole { account, .. }
            | Caller::FederatedUser { account, .. }
            | Caller::Root { account, .. } => Some(account),
            Caller::Service { .. } | Caller::Anonymous => None,
        }
    }

    /// The caller's own ARN: the session ARN for a role session, the role ARN when only the role was named,
    /// the root ARN for a bare account id; `None` for service principals and anonymous callers.
    pub fn arn(&self) -> Option<String> {
        match self {
            Caller::Service { .. } | Caller::Anonymous => None,
            _ => Some(self.to_string()),
        }
    }

    /// `aws:PrincipalArn` (GCK): the user, federated-user or root ARN, and for a role session the ARN of
    /// the **role**, never of the session. An STS session ARN carries no role path, so the role ARN
    /// derived from it has the path `/`; name the role ARN itself as the caller when the path matters.
    /// `None` for service principals and anonymous callers, which have no principal ARN.
    pub fn principal_arn(&self) -> Option<String> {
        match self {
            Caller::Role { .. } | Caller::AssumedRole { .. } => self.role_arn(),
            _ => self.arn(),
        }
    }

    /// For a role session, the ARN of its role (`arn:P:iam::A:role/path/name`; path `/` when the session
    /// ARN was given, since it does not carry the path); `None` for every other caller.
    pub fn role_arn(&self) -> Option<String> {
        match self {
            Caller::Role { .. } => self.arn(),
            Caller::AssumedRole {
                partition,
                account,
                role_name,
                ..
            } => Some(format!("arn:{partition}:iam::{account}:role/{role_name}")),
            _ => None,
        }
    }

    /// Whether `text` is exactly how the caller is written (its [`Display`](fmt::Display) form), compared
    /// as it is written out, without copying it.
    pub fn is_written_as(&self, text: &str) -> bool {
        self.as_text().is_written_as(text)
    }

    /// `aws:PrincipalType` (section 8). `None` for service principals: the rule book lists no value for
    /// them and we do not invent one, so the key is absent (conditions on it then behave as for a missing
    /// key).
    pub fn principal_type(&self) -> Option<PrincipalType> {
        match self {
            Caller::User { .. } => Some(PrincipalType::User),
            Caller::Role { .. } | Caller::AssumedRole { .. } => Some(PrincipalType::AssumedRole),
            Caller::FederatedUser { .. } => Some(PrincipalType::FederatedUser),
            Caller::Root { .. } => Some(PrincipalType::Account),
            Caller::Anonymous => Some(PrincipalType::Anonymous),
            Caller::Service { .. } => None,
        }
    }

    /// `aws:username` (GCK): present only for IAM users.
    pub fn username(&self) -> Option<&str> {
        match self {
            Caller::User { name, .. } => Some(name),
            _ => None,
        }
    }

    /// `aws:userid` where it can be derived without AWS's unique ids (GCK, VARS "principal key values"):
    /// `account:name` for a federated user and the account id for the root user. Users and role sessions
    /// carry unique ids (`AIDA…`, `AROA…:session`) we cannot know, and anonymous callers do not populate
    /// the key (VARS "default values"), so these give `None`.
    pub fn userid(&self) -> Option<String> {
        match self {
            Caller::FederatedUser { account, name, .. } => Some(format!("{account}:{name}")),
            Caller::Root { account, .. } => Some(account.clone()),
            _ => None,
        }
    }

    /// Whether the caller uses temporary session credentials (role sessions and federated users), which
    /// decides step 7 of the evaluation (EVAL).
    pub fn is_session(&self) -> bool {
        matches!(
            self,
            Caller::Role { .. } | Caller::AssumedRole { .. } | Caller::FederatedUser { .. }
        )
    }

    /// `aws:PrincipalServiceName` (GCK): the service principal's name; `None` for other callers.
    pub fn service_name(&self) -> Option<&str> {
        match self {
            Caller::Service { name } => Some(name),
            _ => None,
        }
    }
}

/// The caller as written: its own ARN ([`Caller::arn`]), the service principal's name or `anonymous`.
impl fmt::Display for Caller {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_text().fmt(f)
    }
}
