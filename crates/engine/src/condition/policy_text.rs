//! String and ARN policy values as their operators compare them: after policy-variable substitution,
//! with the wildcards only the author wrote (VARS). Most values have no variable, and are compared as
//! written, without building their substituted text or their pattern.

use std::cell::OnceCell;

use super::pattern::Pattern;
use super::variables::{VariableUse, is_literal, substitute};
use crate::context::Context;
use crate::policy::{SharedStr, Version};

/// A String or ARN policy value ready to compare.
#[derive(Debug, Clone)]
pub(super) enum PolicyText<'a> {
    /// The value as written, nothing to substitute: its own `*` and `?` are its wildcards.
    Written {
        /// The text as written.
        text: &'a str,
        /// Its pattern, made the first time a `StringLike` or ARN operator compares it, then kept for
        /// the value's other comparisons.
        pattern: OnceCell<Pattern>,
    },
    /// The value after substitution, and its pattern, in which only the author's own `*` and `?` are
    /// wildcards.
    Substituted {
        /// The substituted text.
        text: SharedStr,
        /// The same text as a pattern.
        pattern: Pattern,
    },
}

impl PolicyText<'_> {
    /// The text compared by `StringEquals` and `StringEqualsIgnoreCase`.
    pub(super) fn text(&self) -> &str {
        match self {
            PolicyText::Written { text, .. } => text,
            PolicyText::Substituted { text, .. } => text,
        }
    }

    /// The pattern matched by `StringLike` and the ARN operators.
    pub(super) fn pattern(&self) -> &Pattern {
        match self {
            PolicyText::Written { text, pattern } => {
                pattern.get_or_init(|| Pattern::from_policy_text(text))
            }
            PolicyText::Substituted { pattern, .. } => pattern,
        }
    }
}

/// `text`, a String or ARN policy value, ready to compare: as written when it has nothing to substitute,
/// else substituted from `context` (VARS). `None` when a variable has no value and no default, so the
/// value matches nothing.
pub(super) fn policy_text<'a>(
    text: &'a str,
    context: &Context,
    version: Version,
) -> Option<PolicyText<'a>> {
    policy_text_and_variables(text, context, version).0
}

/// [`policy_text`], with the variables the value uses and what they resolved to (none when it is
/// compared as written).
pub(super) fn policy_text_and_variables<'a>(
    text: &'a str,
    context: &Context,
    version: Version,
) -> (Option<PolicyText<'a>>, Vec<VariableUse>) {
    if is_literal(text, version) {
        let written = PolicyText::Written {
            text,
            pattern: OnceCell::new(),
        };
        return (Some(written), Vec::new());
    }
    let substitution = substitute(text, context, version);
    let operand = substitution
        .value
        .zip(substitution.pattern)
        .map(|(text, pattern)| PolicyText::Substituted {
            text: SharedStr::from(text),
            pattern,
        });
    (operand, substitution.variables)
}
