//! The String operators (OPS): `StringEquals` compares case-sensitively, `StringEqualsIgnoreCase` ignores
//! case, `StringLike` matches the `*` and `?` wildcards the author wrote; the `Not` forms negate them,
//! which the caller does.

use super::pattern::Pattern;
use crate::policy::OperatorBase;

/// A policy value after variable substitution: its text, and the pattern `StringLike` matches.
#[derive(Debug, Clone)]
pub(super) struct StringOperand {
    pub(super) text: String,
    pub(super) pattern: Pattern,
}

/// Whether the positive form of `base` holds between the policy value and a request value. Only String
/// operators reach here; any other base never matches.
pub(super) fn holds(base: OperatorBase, policy: &StringOperand, request: &str) -> bool {
    match base {
        OperatorBase::StringEquals | OperatorBase::StringNotEquals => policy.text == request,
        OperatorBase::StringEqualsIgnoreCase | OperatorBase::StringNotEqualsIgnoreCase => {
            policy.text.to_lowercase() == request.to_lowercase()
        }
        OperatorBase::StringLike | OperatorBase::StringNotLike => policy.pattern.matches(request),
        _ => false,
    }
}
