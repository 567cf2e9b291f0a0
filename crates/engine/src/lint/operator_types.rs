//! A condition operator whose family does not fit its key's type (OPS, GCK, ECRSAR): `StringEquals` on the
//! IP-address key `aws:SourceIp` compares an address with a CIDR block as text and never matches, `Bool` on
//! a string key and a Date operator on a key that holds no date compare values they cannot read. The types
//! come from the catalogue; keys it does not know are not checked. String operators also fit ARN keys: AWS's
//! own examples compare `aws:SourceArn` with `StringLike` (LAMBDA). `Null` fits every key.

use super::docs;
use crate::catalog::{ValueType, catalog};
use crate::diagnostic::{Diagnostic, LintCode};
use crate::policy::{Condition, OperatorFamily};

/// The finding for `condition`, when its operator's family does not fit its key's type.
pub(super) fn mismatch(condition: &Condition) -> Option<Diagnostic> {
    let family = condition.operator?.base.family();
    let key = condition.key.value.as_str();
    let catalog = catalog();
    let (value_type, alternates): (ValueType, &[ValueType]) = match catalog.global_key(key) {
        Some(global) => (global.value_type, &global.alternate_types),
        None => (catalog.service_key(key)?.value_type, &[]),
    };
    if std::iter::once(&value_type)
        .chain(alternates)
        .any(|accepted| fits(family, *accepted))
    {
        return None;
    }
    Some(
        Diagnostic::warning(
            LintCode::OperatorKeyTypeMismatch,
            format!(
                "`{}` is {}, but `{}` holds {}: {}; use {}",
                condition.operator_text.value,
                family_name(family),
                condition.key.value,
                type_name(value_type),
                consequence(family, value_type),
                operators_for(value_type)
            ),
            condition.operator_text.span,
        )
        .with_docs(docs::OPS),
    )
}

/// OPS: which key types each family compares.
fn fits(family: OperatorFamily, value_type: ValueType) -> bool {
    match family {
        OperatorFamily::Null => true,
        OperatorFamily::String => matches!(value_type, ValueType::String | ValueType::Arn),
        OperatorFamily::Arn => value_type == ValueType::Arn,
        OperatorFamily::Numeric => value_type == ValueType::Numeric,
        OperatorFamily::Date => value_type == ValueType::Date,
        OperatorFamily::Bool => value_type == ValueType::Bool,
        OperatorFamily::Binary => value_type == ValueType::Binary,
        OperatorFamily::Ip => value_type == ValueType::IpAddress,
    }
}

fn family_name(family: OperatorFamily) -> &'static str {
    match family {
        OperatorFamily::String => "a String operator",
        OperatorFamily::Numeric => "a Numeric operator",
        OperatorFamily::Date => "a Date operator",
        OperatorFamily::Bool => "the Boolean operator",
        OperatorFamily::Binary => "the Binary operator",
        OperatorFamily::Ip => "an IP address operator",
        OperatorFamily::Arn => "an ARN operator",
        OperatorFamily::Null => "the Null operator",
    }
}

/// What the mismatch does, in words.
fn consequence(family: OperatorFamily, value_type: ValueType) -> String {
    let reads_as = match family {
        OperatorFamily::String if value_type == ValueType::IpAddress => {
            return "the address is compared as text, so it never matches a CIDR block such as `203.0.113.0/24`".to_string();
        }
        OperatorFamily::String => {
            return format!("it is compared as text, not as {}", type_name(value_type));
        }
        OperatorFamily::Numeric => "numbers",
        OperatorFamily::Date => "dates",
        OperatorFamily::Bool => "`true` or `false`",
        OperatorFamily::Binary => "base64 bytes",
        OperatorFamily::Ip => "IP addresses",
        OperatorFamily::Arn => "ARNs",
        OperatorFamily::Null => "present or absent",
    };
    format!("this operator reads values as {reads_as}, so the condition does not work as written")
}

fn type_name(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::String => "text",
        ValueType::Arn => "an ARN",
        ValueType::Bool => "a boolean",
        ValueType::Date => "a date",
        ValueType::Numeric => "a number",
        ValueType::IpAddress => "an IP address",
        ValueType::Binary => "binary data",
    }
}

/// The operator family that fits a key type, with its operators.
fn operators_for(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::String => {
            "a String operator (`StringEquals`, `StringLike`, `StringNotEquals`...)"
        }
        ValueType::Arn => "an ARN operator (`ArnLike`, `ArnEquals`...) or a String operator",
        ValueType::Bool => "`Bool`",
        ValueType::Date => "a Date operator (`DateGreaterThan`, `DateLessThan`...)",
        ValueType::Numeric => {
            "a Numeric operator (`NumericLessThan`, `NumericGreaterThan`, `NumericEquals`...)"
        }
        ValueType::IpAddress => "`IpAddress` or `NotIpAddress`, which match CIDR blocks",
        ValueType::Binary => "`BinaryEquals`",
    }
}
