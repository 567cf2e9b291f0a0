//! Amazon Resource Names: `arn:partition:service:region:account-id:resource`.
//!
//! The first five colons separate the components; the resource part is everything after the fifth colon
//! and may itself contain colons and slashes (`log-group:name:*`, `repository/team/app`).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// A parsed ARN. The partition, service and resource are never empty; region and account may be
/// (`arn:aws:iam::111122223333:root` has no region, `arn:aws:s3:::bucket` neither region nor account).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Arn {
    partition: String,
    service: String,
    region: String,
    account: String,
    resource: String,
}

/// One colon-delimited component of an ARN, named for explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ArnSegment {
    /// The leading `arn`.
    Prefix,
    /// `aws`, `aws-cn`, `aws-us-gov`, ...
    Partition,
    /// `ecr`, `iam`, `sts`, ...
    Service,
    /// `us-east-1`, or empty for global services.
    Region,
    /// The 12-digit account id, or empty.
    Account,
    /// Everything after the fifth colon.
    Resource,
}

impl ArnSegment {
    /// The six components in the order they appear in an ARN.
    pub const ALL: [ArnSegment; 6] = [
        ArnSegment::Prefix,
        ArnSegment::Partition,
        ArnSegment::Service,
        ArnSegment::Region,
        ArnSegment::Account,
        ArnSegment::Resource,
    ];

    /// The component's name as people say it.
    pub fn name(self) -> &'static str {
        match self {
            ArnSegment::Prefix => "prefix",
            ArnSegment::Partition => "partition",
            ArnSegment::Service => "service",
            ArnSegment::Region => "region",
            ArnSegment::Account => "account",
            ArnSegment::Resource => "resource",
        }
    }
}

/// Why a string is not an ARN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ArnError {
    /// The text does not start with `arn:`.
    MissingPrefix {
        /// The text that was parsed.
        input: String,
    },
    /// The text has fewer than six colon-delimited components.
    TooFewComponents {
        /// The text that was parsed.
        input: String,
    },
    /// The partition, service or resource is empty.
    EmptyComponent {
        /// The text that was parsed.
        input: String,
        /// Which component is empty.
        segment: ArnSegment,
    },
}

impl fmt::Display for ArnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArnError::MissingPrefix { input } => {
                write!(f, "`{input}` is not an ARN: it does not start with `arn:`")
            }
            ArnError::TooFewComponents { input } => write!(
                f,
                "`{input}` is not an ARN: expected `arn:partition:service:region:account-id:resource`"
            ),
            ArnError::EmptyComponent { input, segment } => {
                write!(
                    f,
                    "`{input}` is not an ARN: its {} is empty",
                    segment.name()
                )
            }
        }
    }
}

impl std::error::Error for ArnError {}

impl Arn {
    /// Parses `text` as an ARN.
    pub fn parse(text: &str) -> Result<Arn, ArnError> {
        let [_, partition, service, region, account, resource] = parts(text)?;
        Ok(Arn {
            partition: partition.to_owned(),
            service: service.to_owned(),
            region: region.to_owned(),
            account: account.to_owned(),
            resource: resource.to_owned(),
        })
    }

    /// Whether `text` is an ARN: [`Arn::parse`] would succeed. Nothing is copied.
    pub fn is_valid(text: &str) -> bool {
        components(text).is_ok()
    }

    /// The partition: `aws`, `aws-cn`, `aws-us-gov`, ...
    pub fn partition(&self) -> &str {
        &self.partition
    }

    /// The service namespace: `ecr`, `iam`, `sts`, ...
    pub fn service(&self) -> &str {
        &self.service
    }

    /// The region, empty for global services and ECR Public.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The account id, possibly empty.
    pub fn account(&self) -> &str {
        &self.account
    }

    /// Everything after the fifth colon, such as `repository/team/app`.
    pub fn resource(&self) -> &str {
        &self.resource
    }
}

impl FromStr for Arn {
    type Err = ArnError;

    fn from_str(text: &str) -> Result<Arn, ArnError> {
        Arn::parse(text)
    }
}

impl fmt::Display for Arn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "arn:{}:{}:{}:{}:{}",
            self.partition, self.service, self.region, self.account, self.resource
        )
    }
}

/// The six components of the ARN `text`, borrowed from it, or why it is not one: what [`Arn::parse`]
/// reads, for readers that need the components only for a moment.
pub(super) fn parts(text: &str) -> Result<[&str; 6], ArnError> {
    let input = || text.to_owned();
    components(text).map_err(|problem| match problem {
        Problem::MissingPrefix => ArnError::MissingPrefix { input: input() },
        Problem::TooFewComponents => ArnError::TooFewComponents { input: input() },
        Problem::EmptyComponent(segment) => ArnError::EmptyComponent {
            input: input(),
            segment,
        },
    })
}

/// Why a text is not an ARN, before the text is copied into an [`ArnError`].
enum Problem {
    MissingPrefix,
    TooFewComponents,
    EmptyComponent(ArnSegment),
}

/// The six components of the ARN `text`, or why it is not one.
fn components(text: &str) -> Result<[&str; 6], Problem> {
    if !text.starts_with("arn:") {
        return Err(Problem::MissingPrefix);
    }
    let parts = six_components(text).ok_or(Problem::TooFewComponents)?;
    let [_, partition, service, _, _, resource] = parts;
    let empty = [
        (partition, ArnSegment::Partition),
        (service, ArnSegment::Service),
        (resource, ArnSegment::Resource),
    ]
    .into_iter()
    .find(|(value, _)| value.is_empty());
    match empty {
        Some((_, segment)) => Err(Problem::EmptyComponent(segment)),
        None => Ok(parts),
    }
}

/// Splits `text` at its first five colons into the six ARN components, or `None` when it has fewer.
pub(super) fn six_components(text: &str) -> Option<[&str; 6]> {
    let mut parts = [""; 6];
    let (last, first_five) = parts.split_last_mut()?;
    let mut rest = text;
    // The components before the resource are short: a plain scan of their bytes finds each colon sooner
    // than a general search would start. `:` is ASCII, so the text is split on character boundaries.
    for part in first_five {
        let colon = rest.bytes().position(|byte| byte == b':')?;
        *part = rest.get(..colon)?;
        rest = rest.get(colon + 1..)?;
    }
    *last = rest;
    Some(parts)
}
