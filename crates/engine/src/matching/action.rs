//! Matching one `Action` / `NotAction` entry against the request's action.
//!
//! Actions are written `service:Action`; the service prefix and the action name are both compared without
//! regard to case (ACT: `iam:ListAccessKeys` ≡ `IAM:listaccesskeys`). `*` may appear anywhere
//! (ACT: `iam:*AccessKey*`) and `?` matches one character (section 8: "`?` in actions: accepted"). A lone
//! `*` matches every action. Anything else without a colon names no action and never matches.
//! `NotAction` is the evaluator's business: it negates this result.

use serde::Serialize;

use super::wildcard::glob_match_ignore_case;
use crate::policy::{SharedStr, has_wildcard};

/// The outcome of comparing one action pattern from a policy with the request's action. Written out
/// (as part of a [`PatternReport`](crate::eval::PatternReport)) without what the text and the request
/// already say: the pattern, the action and `matched`; `wildcard` only when true, `mismatch` only when set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ActionMatch {
    /// The pattern as written in the policy.
    #[serde(skip)]
    pub pattern: SharedStr,
    /// The request's action.
    #[serde(skip)]
    pub action: SharedStr,
    /// Whether the pattern matches the action.
    #[serde(skip)]
    pub matched: bool,
    /// Whether the pattern contains `*` or `?`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wildcard: bool,
    /// Why the pattern does not match; `None` when it matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mismatch: Option<ActionMismatch>,
}

/// Why an action pattern does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ActionMismatch {
    /// The pattern is neither `*` nor of the form `service:Action`, so it names no action (ACT).
    PatternHasNoService,
    /// The request's action is not of the form `service:Action`.
    ActionHasNoService,
    /// The service prefixes differ (for example `ecr` and `ecr-public`).
    DifferentService,
    /// The service prefixes agree but the action names differ.
    DifferentName,
}

/// Compares the action `pattern` from a policy with the request's `action`. Text already shared is kept
/// as it is, not copied.
pub fn match_action(pattern: impl Into<SharedStr>, action: impl Into<SharedStr>) -> ActionMatch {
    ActionPattern::new(pattern).compare(&RequestAction::new(action))
}

/// An action pattern from a policy, split once so that it can be compared with many actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionPattern {
    text: SharedStr,
    /// Where the service prefix ends (the first `:`); `None` for `*` and for a pattern without a colon.
    colon: Option<usize>,
    wildcard: bool,
    /// Whether the text is ASCII without wildcards: it matches an ASCII action equal to it without
    /// regard to ASCII case.
    plain: bool,
}

/// The request's action, split once so that every pattern is compared with it without copying.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestAction {
    text: SharedStr,
    colon: Option<usize>,
    /// Whether the text is ASCII.
    ascii: bool,
}

impl RequestAction {
    /// Reads the request's action.
    pub fn new(action: impl Into<SharedStr>) -> Self {
        let text = action.into();
        let colon = text.find(':');
        let ascii = text.is_ascii();
        Self { text, colon, ascii }
    }
}

impl ActionPattern {
    /// Reads an action pattern from a policy.
    pub fn new(pattern: impl Into<SharedStr>) -> Self {
        let text = pattern.into();
        let colon = text.find(':').filter(|_| text.as_str() != "*");
        let wildcard = has_wildcard(&text);
        let plain = !wildcard && text.is_ascii();
        Self {
            text,
            colon,
            wildcard,
            plain,
        }
    }

    /// The pattern as written.
    pub fn text(&self) -> &SharedStr {
        &self.text
    }

    /// Whether the pattern matches `action`: [`ActionPattern::compare`]'s `matched`, without its detail.
    pub fn matches(&self, action: &RequestAction) -> bool {
        self.mismatch(action).is_none()
    }

    /// Compares the pattern with `action`.
    pub fn compare(&self, action: &RequestAction) -> ActionMatch {
        let mismatch = self.mismatch(action);
        ActionMatch {
            pattern: self.text.clone(),
            action: action.text.clone(),
            matched: mismatch.is_none(),
            wildcard: self.wildcard,
            mismatch,
        }
    }

    fn mismatch(&self, action: &RequestAction) -> Option<ActionMismatch> {
        if self.text.as_str() == "*" {
            return None;
        }
        // ACT: both parts compare without regard to case. ASCII text without wildcards compares byte
        // for byte without regard to ASCII case, which is what the glob would find.
        let equal: fn(&str, &str) -> bool = if self.plain && action.ascii {
            str::eq_ignore_ascii_case
        } else {
            glob_match_ignore_case
        };
        let Some((pattern_service, pattern_name)) = split_at_colon(&self.text, self.colon) else {
            return Some(ActionMismatch::PatternHasNoService);
        };
        let Some((service, name)) = split_at_colon(&action.text, action.colon) else {
            return Some(ActionMismatch::ActionHasNoService);
        };
        if !equal(pattern_service, service) {
            Some(ActionMismatch::DifferentService)
        } else if !equal(pattern_name, name) {
            Some(ActionMismatch::DifferentName)
        } else {
            None
        }
    }
}

/// `text` split around the colon at `colon`.
fn split_at_colon(text: &str, colon: Option<usize>) -> Option<(&str, &str)> {
    let colon = colon?;
    Some((text.get(..colon)?, text.get(colon + 1..)?))
}
