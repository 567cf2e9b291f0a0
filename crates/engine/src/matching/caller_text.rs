//! A caller read from its text without copying it: the parts of a `principal` string, borrowed, as a
//! `Caller<&str>`. The linter and the principal matcher read many principal texts of which they keep
//! only the verdict; [`Caller::parse`] reads one this way and then copies its parts.

use std::fmt;

use super::arn;
use super::caller::Caller;
use super::caller_error::CallerError;

/// The partitions a caller may live in.
const PARTITIONS: [&str; 3] = ["aws", "aws-cn", "aws-us-gov"];

/// Suffixes that make a name a service principal.
const SERVICE_SUFFIXES: [&str; 2] = [".amazonaws.com", ".amazonaws.com.cn"];

/// A [`Caller`] whose parts borrow the text it was read from.
pub(crate) type CallerText<'a> = Caller<&'a str>;

impl<'a> CallerText<'a> {
    /// Reads a `principal` string, its parts borrowed from it. Surrounding whitespace is ignored.
    pub(crate) fn read(text: &'a str) -> Result<Self, CallerError> {
        let input = text.trim();
        if input.is_empty() {
            Err(CallerError::Empty)
        } else if input == "anonymous" {
            Ok(CallerText::Anonymous)
        } else if is_account_id(input) {
            Ok(CallerText::Root {
                partition: "aws",
                account: input,
            })
        } else if input.starts_with("arn:") {
            parse_arn(input)
        } else if let Some(service) = strip_service_suffix(input) {
            if !service.is_empty()
                && service
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            {
                Ok(CallerText::Service { name: input })
            } else {
                Err(CallerError::InvalidServiceName {
                    input: input.to_owned(),
                })
            }
        } else {
            Err(CallerError::Unrecognized {
                input: input.to_owned(),
            })
        }
    }

    /// The caller, its parts copied.
    pub(crate) fn to_caller(self) -> Caller {
        self.map(|part| (*part).to_owned())
    }

    /// Whether `text` is exactly how the caller is written (its [`Display`](fmt::Display) form), compared
    /// as it is written out, without copying it.
    pub(crate) fn is_written_as(&self, text: &str) -> bool {
        let mut rest = Unwritten(text);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

/// The caller as written: its own ARN, the service principal's name or `anonymous`.
impl fmt::Display for CallerText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallerText::User {
                partition,
                account,
                path,
                name,
            } => write!(f, "arn:{partition}:iam::{account}:user{path}{name}"),
            CallerText::Role {
                partition,
                account,
                path,
                name,
            } => write!(f, "arn:{partition}:iam::{account}:role{path}{name}"),
            CallerText::AssumedRole {
                partition,
                account,
                role_name,
                session_name,
            } => write!(
                f,
                "arn:{partition}:sts::{account}:assumed-role/{role_name}/{session_name}"
            ),
            CallerText::FederatedUser {
                partition,
                account,
                name,
            } => write!(f, "arn:{partition}:sts::{account}:federated-user/{name}"),
            CallerText::Root { partition, account } => {
                write!(f, "arn:{partition}:iam::{account}:root")
            }
            CallerText::Service { name } => f.write_str(name),
            CallerText::Anonymous => f.write_str("anonymous"),
        }
    }
}

/// The part of a text not yet matched by what is written to it: each write must be the text's next
/// part, else it fails ([`CallerText::is_written_as`]).
struct Unwritten<'a>(&'a str);

impl fmt::Write for Unwritten<'_> {
    fn write_str(&mut self, part: &str) -> fmt::Result {
        self.0 = self.0.strip_prefix(part).ok_or(fmt::Error)?;
        Ok(())
    }
}

/// Whether `text` is a 12-digit account id.
pub(super) fn is_account_id(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

fn strip_service_suffix(text: &str) -> Option<&str> {
    SERVICE_SUFFIXES.iter().find_map(|suffix| {
        let split = text.len().checked_sub(suffix.len())?;
        let (service, tail) = (text.get(..split)?, text.get(split..)?);
        tail.eq_ignore_ascii_case(suffix).then_some(service)
    })
}

fn parse_arn(input: &str) -> Result<CallerText<'_>, CallerError> {
    let [_, partition, service, region, account, resource] =
        arn::parts(input).map_err(|error| CallerError::InvalidArn { error })?;
    let owned = || input.to_owned();
    if !PARTITIONS.contains(&partition) {
        return Err(CallerError::UnsupportedPartition {
            input: owned(),
            partition: partition.to_owned(),
        });
    }
    if !matches!(service, "iam" | "sts") {
        return Err(CallerError::NotAPrincipalArn { input: owned() });
    }
    if !region.is_empty() {
        return Err(CallerError::UnexpectedRegion { input: owned() });
    }
    if !is_account_id(account) {
        return Err(CallerError::InvalidAccount {
            input: owned(),
            account: account.to_owned(),
        });
    }
    match (service, resource.split_once('/')) {
        ("iam", None) if resource == "root" => Ok(CallerText::Root { partition, account }),
        ("iam", Some(("user", rest))) => {
            let (path, name) = path_and_name(input, rest)?;
            Ok(CallerText::User {
                partition,
                account,
                path,
                name,
            })
        }
        ("iam", Some(("role", rest))) => {
            let (path, name) = path_and_name(input, rest)?;
            Ok(CallerText::Role {
                partition,
                account,
                path,
                name,
            })
        }
        ("iam", Some(("group", _))) => Err(CallerError::Group { input: owned() }),
        ("sts", Some(("assumed-role", rest))) => {
            let (role_name, session_name) = rest.split_once('/').unwrap_or((rest, ""));
            Ok(CallerText::AssumedRole {
                partition,
                account,
                role_name: valid_name(input, role_name)?,
                session_name: valid_name(input, session_name)?,
            })
        }
        ("sts", Some(("federated-user", name))) => Ok(CallerText::FederatedUser {
            partition,
            account,
            name: valid_name(input, name)?,
        }),
        _ => Err(CallerError::NotAPrincipalArn { input: owned() }),
    }
}

/// Splits `path/segments/name` (what follows `user/` or `role/` at the end of `input`) into the IAM path
/// and the name. The path `/path/segments/` is the text from the `/` before `rest` to the `/` before
/// the name.
fn path_and_name<'a>(input: &'a str, rest: &'a str) -> Result<(&'a str, &'a str), CallerError> {
    let (path, name) = match rest.rsplit_once('/') {
        Some((inner, name)) => {
            let slash = input.len().saturating_sub(rest.len() + 1);
            let path = input
                .get(slash..slash + inner.len() + 2)
                .unwrap_or_default();
            (path, name)
        }
        None => ("/", rest),
    };
    let printable = |c: char| ('!'..='~').contains(&c);
    if path.len() > 1 && (path.len() < 3 || !path.chars().all(printable)) {
        return Err(CallerError::InvalidPath {
            input: input.to_owned(),
            path: path.to_owned(),
        });
    }
    Ok((path, valid_name(input, name)?))
}

/// Checks an IAM user, role, session or federated-user name: non-empty, letters, digits and `+=,.@_-`.
fn valid_name<'a>(input: &str, name: &'a str) -> Result<&'a str, CallerError> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c);
    if !name.is_empty() && name.chars().all(allowed) {
        Ok(name)
    } else {
        Err(CallerError::InvalidName {
            input: input.to_owned(),
            name: name.to_owned(),
        })
    }
}
