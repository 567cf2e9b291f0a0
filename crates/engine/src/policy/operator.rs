//! Condition operator names: `[ForAllValues:|ForAnyValue:]Base[IfExists]` (OPS, MV).

use serde::Serialize;

/// A parsed condition operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Operator {
    /// The set qualifier, for multivalued keys.
    pub set: Option<SetQualifier>,
    /// The operator itself.
    pub base: OperatorBase,
    /// `...IfExists`: true when the key is missing (OPS). Never on `Null`.
    pub if_exists: bool,
}

/// `ForAllValues:` or `ForAnyValue:` (OPS, MV).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum SetQualifier {
    /// Every request value must match; vacuously true for a missing or empty key (section 8).
    ForAllValues,
    /// At least one request value must match; false for a missing or empty key.
    ForAnyValue,
}

/// The operator families of OPS; they decide how values are parsed and compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OperatorFamily {
    /// String operators.
    String,
    /// Numeric operators.
    Numeric,
    /// Date operators.
    Date,
    /// `Bool`.
    Bool,
    /// `BinaryEquals`.
    Binary,
    /// `IpAddress`, `NotIpAddress`.
    Ip,
    /// ARN operators.
    Arn,
    /// `Null`.
    Null,
}

macro_rules! operator_bases {
    ($($name:ident => $family:ident, $negated:expr;)*) => {
        /// Every base condition operator of OPS.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        pub enum OperatorBase {
            $(
                #[doc = concat!("`", stringify!($name), "`.")]
                $name,
            )*
        }

        impl OperatorBase {
            /// Every base operator.
            pub const ALL: &'static [OperatorBase] = &[$(OperatorBase::$name,)*];

            /// The name as written in policies.
            pub fn name(self) -> &'static str {
                match self {
                    $(OperatorBase::$name => stringify!($name),)*
                }
            }

            /// The family, which decides how values are read and compared.
            pub fn family(self) -> OperatorFamily {
                match self {
                    $(OperatorBase::$name => OperatorFamily::$family,)*
                }
            }

            /// Negated operators are true for a missing key and need a value to match none of the
            /// policy values (OPS, MV).
            pub fn is_negated(self) -> bool {
                match self {
                    $(OperatorBase::$name => $negated,)*
                }
            }
        }
    };
}

operator_bases! {
    StringEquals => String, false;
    StringNotEquals => String, true;
    StringEqualsIgnoreCase => String, false;
    StringNotEqualsIgnoreCase => String, true;
    StringLike => String, false;
    StringNotLike => String, true;
    NumericEquals => Numeric, false;
    NumericNotEquals => Numeric, true;
    NumericLessThan => Numeric, false;
    NumericLessThanEquals => Numeric, false;
    NumericGreaterThan => Numeric, false;
    NumericGreaterThanEquals => Numeric, false;
    DateEquals => Date, false;
    DateNotEquals => Date, true;
    DateLessThan => Date, false;
    DateLessThanEquals => Date, false;
    DateGreaterThan => Date, false;
    DateGreaterThanEquals => Date, false;
    Bool => Bool, false;
    BinaryEquals => Binary, false;
    IpAddress => Ip, false;
    NotIpAddress => Ip, true;
    ArnEquals => Arn, false;
    ArnLike => Arn, false;
    ArnNotEquals => Arn, true;
    ArnNotLike => Arn, true;
    Null => Null, false;
}

/// Why an operator name was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OperatorError {
    /// Not an operator; carries the closest known name when one is near.
    Unknown {
        /// The closest known operator name.
        suggestion: Option<String>,
    },
    /// `NullIfExists` and its qualified forms: IfExists works on every operator except Null (OPS).
    IfExistsOnNull,
}

impl Operator {
    /// Parses an operator name. Names are matched exactly: the suggestion covers a wrong case.
    pub fn parse(text: &str) -> Result<Operator, OperatorError> {
        let (set, rest) = if let Some(rest) = text.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), rest)
        } else if let Some(rest) = text.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), rest)
        } else {
            (None, text)
        };
        let (base_text, if_exists) = match rest.strip_suffix("IfExists") {
            Some(base) => (base, true),
            None => (rest, false),
        };
        let base = OperatorBase::ALL
            .iter()
            .copied()
            .find(|base| base.name() == base_text)
            .ok_or_else(|| OperatorError::Unknown {
                suggestion: suggest(text),
            })?;
        if base == OperatorBase::Null && if_exists {
            return Err(OperatorError::IfExistsOnNull);
        }
        Ok(Operator {
            set,
            base,
            if_exists,
        })
    }

    /// The operator's name as AWS writes it.
    pub fn name(&self) -> String {
        let prefix = match self.set {
            Some(SetQualifier::ForAllValues) => "ForAllValues:",
            Some(SetQualifier::ForAnyValue) => "ForAnyValue:",
            None => "",
        };
        let suffix = if self.if_exists { "IfExists" } else { "" };
        format!("{prefix}{}{suffix}", self.base.name())
    }
}

/// The known operator name closest to `text`: same name in another case, or one or two edits away.
fn suggest(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let candidates = ["", "ForAllValues:", "ForAnyValue:"]
        .into_iter()
        .flat_map(|prefix| {
            OperatorBase::ALL.iter().flat_map(move |base| {
                let plain = format!("{prefix}{}", base.name());
                let if_exists = format!("{plain}IfExists");
                [plain, if_exists]
            })
        });
    candidates
        .map(|candidate| {
            let distance = crate::distance::levenshtein(&lower, &candidate.to_ascii_lowercase());
            (distance, candidate)
        })
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_qualifier_base_and_if_exists_are_read_from_the_name() {
        let operator = Operator::parse("ForAnyValue:StringNotLikeIfExists").unwrap();
        assert_eq!(operator.set, Some(SetQualifier::ForAnyValue));
        assert_eq!(operator.base, OperatorBase::StringNotLike);
        assert!(operator.if_exists);
        assert_eq!(operator.name(), "ForAnyValue:StringNotLikeIfExists");
    }

    #[test]
    fn if_exists_works_on_every_operator_except_null() {
        // OPS: "You can add IfExists to the end of any condition operator name except the Null condition".
        assert_eq!(
            Operator::parse("NullIfExists"),
            Err(OperatorError::IfExistsOnNull)
        );
        for base in OperatorBase::ALL
            .iter()
            .filter(|base| **base != OperatorBase::Null)
        {
            assert!(Operator::parse(&format!("{}IfExists", base.name())).is_ok());
        }
    }

    #[test]
    fn unknown_operators_suggest_the_closest_name() {
        assert_eq!(
            Operator::parse("stringequals"),
            Err(OperatorError::Unknown {
                suggestion: Some("StringEquals".to_string())
            })
        );
        assert_eq!(
            Operator::parse("StringEqual"),
            Err(OperatorError::Unknown {
                suggestion: Some("StringEquals".to_string())
            })
        );
        assert_eq!(
            Operator::parse("Whatever"),
            Err(OperatorError::Unknown { suggestion: None })
        );
    }

    #[test]
    fn negated_operators_are_the_not_forms() {
        let negated: Vec<_> = OperatorBase::ALL
            .iter()
            .filter(|base| base.is_negated())
            .map(|base| base.name())
            .collect();
        assert_eq!(
            negated,
            [
                "StringNotEquals",
                "StringNotEqualsIgnoreCase",
                "StringNotLike",
                "NumericNotEquals",
                "DateNotEquals",
                "NotIpAddress",
                "ArnNotEquals",
                "ArnNotLike"
            ]
        );
    }
}
