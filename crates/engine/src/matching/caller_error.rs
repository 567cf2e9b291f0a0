//! Why a scenario's `principal` string is not a caller the engine can evaluate. Messages follow the style
//! guide: lowercase, no final period, the input in backticks.

use std::fmt;

use serde::Serialize;

use super::arn::ArnError;

/// Why a `principal` string is not a caller we can evaluate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum CallerError {
    /// Nothing was given.
    Empty,
    /// Neither an ARN, an account id, a service principal nor `anonymous`.
    Unrecognized {
        /// The text that was parsed.
        input: String,
    },
    /// It starts like an ARN but is not one.
    InvalidArn {
        /// What is wrong with the ARN.
        error: ArnError,
    },
    /// The ARN's partition is not `aws`, `aws-cn` or `aws-us-gov`.
    UnsupportedPartition {
        /// The text that was parsed.
        input: String,
        /// The partition found.
        partition: String,
    },
    /// IAM and STS principal ARNs have an empty region.
    UnexpectedRegion {
        /// The text that was parsed.
        input: String,
    },
    /// The account id is not 12 digits.
    InvalidAccount {
        /// The text that was parsed.
        input: String,
        /// The account id found.
        account: String,
    },
    /// IAM groups cannot be principals (PRIN).
    Group {
        /// The text that was parsed.
        input: String,
    },
    /// An ARN that names no kind of principal we model.
    NotAPrincipalArn {
        /// The text that was parsed.
        input: String,
    },
    /// A user, role, session or federated-user name is empty or has characters IAM does not allow.
    InvalidName {
        /// The text that was parsed.
        input: String,
        /// The name found.
        name: String,
    },
    /// An IAM path with characters outside `!`..`~`.
    InvalidPath {
        /// The text that was parsed.
        input: String,
        /// The path found.
        path: String,
    },
    /// A name ending like a service principal but with an empty or invalid service part.
    InvalidServiceName {
        /// The text that was parsed.
        input: String,
    },
}

impl fmt::Display for CallerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const EXPECTED: &str = "expected an IAM user, role, assumed-role, federated-user or root ARN, \
             a 12-digit account id, a service principal such as `codebuild.amazonaws.com`, or `anonymous`";
        match self {
            CallerError::Empty => write!(f, "the principal is empty: {EXPECTED}"),
            CallerError::Unrecognized { input } => {
                write!(f, "`{input}` is not a principal: {EXPECTED}")
            }
            CallerError::InvalidArn { error } => write!(f, "{error}"),
            CallerError::UnsupportedPartition { input, partition } => write!(
                f,
                "`{input}` has the unsupported partition `{partition}`: expected `aws`, `aws-cn` or `aws-us-gov`"
            ),
            CallerError::UnexpectedRegion { input } => write!(
                f,
                "`{input}` names a region, but IAM and STS principal ARNs have an empty region"
            ),
            CallerError::InvalidAccount { input, account } => write!(
                f,
                "`{input}` has the account id `{account}`: expected 12 digits"
            ),
            CallerError::Group { input } => write!(
                f,
                "`{input}` is an IAM group, and groups cannot be principals: name a user, role or account"
            ),
            CallerError::NotAPrincipalArn { input } => write!(
                f,
                "`{input}` is not a principal ARN: expected `…:iam::ACCOUNT:user/NAME`, `…:role/NAME`, \
                 `…:root`, `…:sts::ACCOUNT:assumed-role/ROLE/SESSION` or `…:federated-user/NAME`"
            ),
            CallerError::InvalidName { input, name } => write!(
                f,
                "`{input}` has the invalid name `{name}`: names are non-empty and use letters, digits and `+=,.@_-`"
            ),
            CallerError::InvalidPath { input, path } => write!(
                f,
                "`{input}` has the invalid path `{path}`: paths use printable ASCII characters without spaces"
            ),
            CallerError::InvalidServiceName { input } => write!(
                f,
                "`{input}` is not a valid service principal: expected a name such as `codebuild.amazonaws.com`"
            ),
        }
    }
}

impl std::error::Error for CallerError {}
