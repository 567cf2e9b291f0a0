//! How each operator family reads its values and compares a policy value with a request value (OPS):
//! the one implementation of every operator's comparison, which the explained evaluation (`compare`)
//! and the decision alone (`holds`) both use. The comparison is the operator's positive form; negation
//! and the set qualifiers are `set`'s.

use std::cmp::Ordering;

use super::date::{self, Instant};
use super::ip::{self, Network};
use super::numeric::{self, Decimal};
use super::outcome::InvalidReason;
use super::policy_text::PolicyText;
use super::{binary, boolean, string};
use crate::policy::{OperatorBase, OperatorFamily};

/// A value of a family that parses its values.
#[derive(Debug, Clone)]
pub(super) enum Parsed {
    /// Numeric.
    Number(Decimal),
    /// Date.
    Date(Instant),
    /// `Bool` and `Null`.
    Bool(bool),
    /// `BinaryEquals`: the bytes the base64 text encodes.
    Bytes(Vec<u8>),
    /// IP: an address block.
    Ip(Network),
}

/// How a family reads its values.
#[derive(Debug, Clone, Copy)]
pub(super) enum Reads {
    /// String and ARN: as text, policy values after substitution (VARS).
    Text,
    /// Every other family: parsed, the same way on both sides; a value that does not parse never
    /// matches, for the reason given.
    Parsed(InvalidReason, fn(&str) -> Option<Parsed>),
}

/// How `family` reads its values.
pub(super) fn reads(family: OperatorFamily) -> Reads {
    match family {
        OperatorFamily::String | OperatorFamily::Arn => Reads::Text,
        OperatorFamily::Numeric => Reads::Parsed(InvalidReason::NotANumber, |text| {
            numeric::parse(text).map(Parsed::Number)
        }),
        OperatorFamily::Date => Reads::Parsed(InvalidReason::NotADate, |text| {
            date::parse(text).map(Parsed::Date)
        }),
        OperatorFamily::Bool | OperatorFamily::Null => {
            Reads::Parsed(InvalidReason::NotABoolean, |text| {
                boolean::parse(text).map(Parsed::Bool)
            })
        }
        OperatorFamily::Binary => Reads::Parsed(InvalidReason::NotBase64, |text| {
            binary::decode(text).map(Parsed::Bytes)
        }),
        OperatorFamily::Ip => Reads::Parsed(InvalidReason::NotAnIpAddress, |text| {
            ip::parse(text).map(Parsed::Ip)
        }),
    }
}

/// Whether the positive form of `base`, a String or ARN operator, holds between the policy value and a
/// request value.
pub(super) fn text_holds(base: OperatorBase, policy: &PolicyText<'_>, request: &str) -> bool {
    match base.family() {
        OperatorFamily::String => string::holds(base, policy, request),
        OperatorFamily::Arn => policy.pattern().matches_arn(request),
        _ => false,
    }
}

/// Whether the positive form of `base`, an operator of a family that parses its values, holds between
/// the policy value and a request value. Values of different types never match.
pub(super) fn parsed_holds(base: OperatorBase, policy: &Parsed, request: &Parsed) -> bool {
    match (policy, request) {
        (Parsed::Number(policy), Parsed::Number(request)) => {
            ordering_holds(base, request.cmp(policy))
        }
        (Parsed::Date(policy), Parsed::Date(request)) => ordering_holds(base, request.cmp(policy)),
        (Parsed::Bool(policy), Parsed::Bool(request)) => policy == request,
        (Parsed::Bytes(policy), Parsed::Bytes(request)) => policy == request,
        (Parsed::Ip(policy), Parsed::Ip(request)) => policy.contains(request),
        _ => false,
    }
}

/// Whether the ordering of the request value relative to the policy value satisfies a Numeric or Date
/// operator: `NumericLessThan` holds when the request value is less than the policy value.
fn ordering_holds(base: OperatorBase, request_to_policy: Ordering) -> bool {
    match base {
        OperatorBase::NumericEquals
        | OperatorBase::NumericNotEquals
        | OperatorBase::DateEquals
        | OperatorBase::DateNotEquals => request_to_policy == Ordering::Equal,
        OperatorBase::NumericLessThan | OperatorBase::DateLessThan => {
            request_to_policy == Ordering::Less
        }
        OperatorBase::NumericLessThanEquals | OperatorBase::DateLessThanEquals => {
            request_to_policy != Ordering::Greater
        }
        OperatorBase::NumericGreaterThan | OperatorBase::DateGreaterThan => {
            request_to_policy == Ordering::Greater
        }
        OperatorBase::NumericGreaterThanEquals | OperatorBase::DateGreaterThanEquals => {
            request_to_policy != Ordering::Less
        }
        _ => false,
    }
}
