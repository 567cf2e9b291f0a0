//! The String operators (OPS): `StringEquals` compares case-sensitively, `StringEqualsIgnoreCase` ignores
//! case, `StringLike` matches the `*` and `?` wildcards the author wrote; the `Not` forms negate them,
//! which the caller does.

use super::policy_text::PolicyText;
use crate::policy::OperatorBase;

/// Whether the positive form of `base` holds between the policy value and a request value. Only String
/// operators reach here; any other base never matches.
pub(super) fn holds(base: OperatorBase, policy: &PolicyText<'_>, request: &str) -> bool {
    match base {
        OperatorBase::StringEquals | OperatorBase::StringNotEquals => policy.text() == request,
        OperatorBase::StringEqualsIgnoreCase | OperatorBase::StringNotEqualsIgnoreCase => {
            equal_ignoring_case(policy.text(), request)
        }
        OperatorBase::StringLike | OperatorBase::StringNotLike => policy.pattern().matches(request),
        _ => false,
    }
}

/// Whether two texts are equal once each is lowercased. ASCII texts lowercase to ASCII, so they are
/// compared byte by byte without lowercasing copies; any other text is lowercased whole, as the final
/// sigma's lowercase depends on its place in the word.
pub(super) fn equal_ignoring_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}
