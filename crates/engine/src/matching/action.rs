//! Matching one `Action` / `NotAction` entry against the request's action.
//!
//! Actions are written `service:Action`; the service prefix and the action name are both compared without
//! regard to case (ACT: `iam:ListAccessKeys` ≡ `IAM:listaccesskeys`). `*` may appear anywhere
//! (ACT: `iam:*AccessKey*`) and `?` matches one character (section 8: "`?` in actions: accepted"). A lone
//! `*` matches every action. Anything else without a colon names no action and never matches.
//! `NotAction` is the evaluator's business: it negates this result.

use serde::Serialize;

use super::wildcard::{glob_match_ignore_case, has_wildcard};

/// The outcome of comparing one action pattern from a policy with the request's action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionMatch {
    /// The pattern as written in the policy.
    pub pattern: String,
    /// The request's action.
    pub action: String,
    /// Whether the pattern matches the action.
    pub matched: bool,
    /// Whether the pattern contains `*` or `?`.
    pub wildcard: bool,
    /// Why the pattern does not match; `None` when it matches.
    pub mismatch: Option<ActionMismatch>,
}

/// Why an action pattern does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// Compares the action `pattern` from a policy with the request's `action`.
pub fn match_action(pattern: &str, action: &str) -> ActionMatch {
    let mismatch = action_mismatch(pattern, action);
    ActionMatch {
        pattern: pattern.to_owned(),
        action: action.to_owned(),
        matched: mismatch.is_none(),
        wildcard: has_wildcard(pattern),
        mismatch,
    }
}

fn action_mismatch(pattern: &str, action: &str) -> Option<ActionMismatch> {
    if pattern == "*" {
        return None;
    }
    let Some((pattern_service, pattern_name)) = pattern.split_once(':') else {
        return Some(ActionMismatch::PatternHasNoService);
    };
    let Some((service, name)) = action.split_once(':') else {
        return Some(ActionMismatch::ActionHasNoService);
    };
    if !glob_match_ignore_case(pattern_service, service) {
        Some(ActionMismatch::DifferentService)
    } else if !glob_match_ignore_case(pattern_name, name) {
        Some(ActionMismatch::DifferentName)
    } else {
        None
    }
}
