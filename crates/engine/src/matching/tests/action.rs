//! Action matching (ACT, section 8 "`?` in actions").

use crate::matching::{ActionMismatch, match_action};

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
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json["matched"], true);
    assert_eq!(json["wildcard"], true);
    assert_eq!(
        serde_json::to_value(match_action("x", "ecr:A")).unwrap()["mismatch"],
        "patternHasNoService"
    );
}
