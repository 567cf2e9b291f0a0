//! Action matching (ACT, section 8 "`?` in actions").

use proptest::prelude::*;

use crate::matching::{
    ActionMismatch, ActionPattern, RequestAction, glob_match_ignore_case, match_action,
};

/// ACT as the rule book states it: split both at their first colon, then match each part with the
/// case-insensitive glob. The oracle for the pattern that is read once.
fn reference(pattern: &str, action: &str) -> Option<ActionMismatch> {
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

#[test]
fn action_names_are_case_insensitive() {
    // ACT: `iam:ListAccessKeys` is the same as `IAM:listaccesskeys`.
    assert!(match_action("IAM:listaccesskeys", "iam:ListAccessKeys").matched);
    assert!(match_action("ecr:batchgetimage", "ecr:BatchGetImage").matched);
}

#[test]
fn service_prefixes_are_case_insensitive() {
    // ACT: the prefix is case-insensitive too.
    assert!(match_action("ECR:BatchGetImage", "ecr:BatchGetImage").matched);
}

#[test]
fn star_alone_matches_every_action() {
    // ACT: `"Action": "*"` is every action of every service.
    let result = match_action("*", "ecr-public:PutImage");
    assert!(result.matched);
    assert!(result.wildcard);
    assert_eq!(result.mismatch, None);
}

#[test]
fn star_matches_anywhere_in_the_action_name() {
    // ACT: `iam:*AccessKey*`.
    assert!(match_action("iam:*AccessKey*", "iam:ListAccessKeys").matched);
    assert!(match_action("iam:*AccessKey*", "iam:CreateAccessKey").matched);
    assert!(!match_action("iam:*AccessKey*", "iam:ListUsers").matched);
    assert!(match_action("ecr:Get*", "ecr:GetDownloadUrlForLayer").matched);
    assert!(match_action("ecr:*", "ecr:PutImage").matched);
}

#[test]
fn question_mark_matches_one_character_in_actions() {
    // Section 8 "`?` in actions: accepted" (RCPSYN allows it).
    assert!(match_action("ecr:?utImage", "ecr:PutImage").matched);
    assert!(!match_action("ecr:?Image", "ecr:PutImage").matched);
}

#[test]
fn pattern_without_a_colon_never_matches() {
    // ACT: the format is `service:Action`; only a lone `*` may omit the prefix.
    let result = match_action("BatchGetImage", "ecr:BatchGetImage");
    assert!(!result.matched);
    assert_eq!(result.mismatch, Some(ActionMismatch::PatternHasNoService));
    assert!(!match_action("ecr*", "ecr:BatchGetImage").matched);
    assert!(!match_action("", "ecr:BatchGetImage").matched);
}

#[test]
fn action_without_a_colon_never_matches_a_qualified_pattern() {
    // ACT: requests name `service:Action`.
    let result = match_action("ecr:*", "BatchGetImage");
    assert_eq!(result.mismatch, Some(ActionMismatch::ActionHasNoService));
}

#[test]
fn ecr_wildcard_does_not_cover_ecr_public() {
    // ECRPSAR: ECR Public actions have their own `ecr-public` prefix.
    let result = match_action("ecr:*", "ecr-public:GetAuthorizationToken");
    assert!(!result.matched);
    assert_eq!(result.mismatch, Some(ActionMismatch::DifferentService));
}

#[test]
fn different_names_are_reported_as_such() {
    // ACT: same service, other action.
    let result = match_action("ecr:PutImage", "ecr:BatchGetImage");
    assert_eq!(result.mismatch, Some(ActionMismatch::DifferentName));
    assert!(!result.wildcard);
}

#[test]
fn action_match_records_what_was_compared() {
    // Explanations are data: pattern, action, outcome, wildcard.
    let result = match_action("ecr:Batch*", "ecr:BatchGetImage");
    assert_eq!(result.pattern, "ecr:Batch*");
    assert_eq!(result.action, "ecr:BatchGetImage");
    assert!(result.matched && result.wildcard);
    // Written out, it says only what the text and the request do not: the pattern, the action and
    // `matched` are theirs.
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json, serde_json::json!({"wildcard": true}));
    assert_eq!(
        serde_json::to_value(match_action("x", "ecr:A")).unwrap()["mismatch"],
        "patternHasNoService"
    );
}

#[test]
fn a_pattern_read_once_compares_with_many_actions() {
    // ACT: the same pattern, read once by `prepare`, decides every action of the matrix.
    let pattern = ActionPattern::new("ECR:Batch*");
    let results: Vec<bool> = [
        "ecr:BatchGetImage",
        "ecr:PutImage",
        "ecr-public:BatchGetImage",
    ]
    .into_iter()
    .map(|action| pattern.matches(&RequestAction::new(action)))
    .collect();
    assert_eq!(results, [true, false, false]);
    assert_eq!(pattern.text(), "ECR:Batch*");
}

proptest! {
    #[test]
    fn actions_compare_like_their_parts_globbed_without_regard_to_case(
        pattern in "[eEcCrR:*?\u{212A}kK]{0,8}",
        action in "[eEcCrR:kK]{0,8}",
    ) {
        // ACT: service and name compare case-insensitively, wildcards anywhere; the Kelvin sign lowers
        // to `k`, so ASCII shortcuts must not change what matches.
        let compared = match_action(pattern.as_str(), action.as_str());
        prop_assert_eq!(compared.mismatch, reference(&pattern, &action));
        prop_assert_eq!(compared.matched, compared.mismatch.is_none());
        prop_assert_eq!(
            ActionPattern::new(pattern.as_str()).matches(&RequestAction::new(action.as_str())),
            compared.matched
        );
    }
}
