//! `Null`: `true` means the key is absent from the request, `false` that it is present (OPS). Several
//! values OR. `IfExists` and the set qualifiers do not apply; an empty set counts as absent, like a
//! missing key everywhere else.

use super::compare::{Compared, compare};
use super::outcome::ConditionWhy;
use crate::context::Context;
use crate::policy::{ConditionValue, OperatorBase, SharedStr, Version};

/// Compares the policy values with whether the key is absent; returns the comparison, whether the
/// condition holds, and why.
pub(super) fn evaluate(
    values: &[ConditionValue],
    key_absent: bool,
    context: &Context,
    version: Version,
) -> (Compared, bool, ConditionWhy) {
    let compared = compare(
        OperatorBase::Null,
        values,
        &[SharedStr::from(absence_text(key_absent))],
        context,
        version,
    );
    let matched = compared.value_results.iter().any(|value| value.matched);
    let why = if key_absent {
        ConditionWhy::NullKeyAbsent
    } else {
        ConditionWhy::NullKeyPresent
    };
    (compared, matched, why)
}

/// What `Null` compares its policy values with: whether the key is absent, as the text of the policy
/// value that matches it.
pub(super) fn absence_text(key_absent: bool) -> &'static str {
    if key_absent { "true" } else { "false" }
}
