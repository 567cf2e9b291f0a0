//! The String operators (OPS) and how several values combine (MV).

use super::{eval, holds, single};
use crate::condition::ConditionWhy;
use crate::policy::SharedList;

#[test]
fn string_equals_is_case_sensitive() {
    // OPS: StringEquals is an exact, case-sensitive match.
    assert!(holds("StringEquals", &["Blue"], "Blue"));
    assert!(!holds("StringEquals", &["Blue"], "blue"));
}

#[test]
fn string_equals_ignore_case_ignores_case() {
    // OPS: StringEqualsIgnoreCase ignores case; StringNotEqualsIgnoreCase negates it.
    assert!(holds("StringEqualsIgnoreCase", &["Blue"], "bLUE"));
    assert!(!holds("StringEqualsIgnoreCase", &["Blue"], "Green"));
    assert!(!holds("StringNotEqualsIgnoreCase", &["Blue"], "bLUE"));
    assert!(holds("StringNotEqualsIgnoreCase", &["Blue"], "Green"));
}

#[test]
fn string_like_star_matches_any_run_and_question_mark_one_character() {
    // OPS: StringLike supports `*` (any run, empty included) and `?` (one character), case-sensitively.
    assert!(holds("StringLike", &["team-*"], "team-"));
    assert!(holds("StringLike", &["team-*"], "team-a:b/c"));
    assert!(holds("StringLike", &["team-?"], "team-a"));
    assert!(!holds("StringLike", &["team-?"], "team-ab"));
    assert!(!holds("StringLike", &["team-*"], "Team-a"));
}

#[test]
fn wildcards_are_literal_outside_the_like_operators() {
    // OPS: wildcards only in the Like forms.
    assert!(!holds("StringEquals", &["team-*"], "team-a"));
    assert!(holds("StringEquals", &["team-*"], "team-*"));
}

#[test]
fn string_not_equals_matches_when_the_value_differs() {
    // OPS: the Not forms negate the match.
    assert!(holds("StringNotEquals", &["Blue"], "Green"));
    assert!(!holds("StringNotEquals", &["Blue"], "Blue"));
    assert!(holds("StringNotLike", &["team-*"], "other"));
    assert!(!holds("StringNotLike", &["team-*"], "team-a"));
}

#[test]
fn several_values_for_one_key_are_ored() {
    // MV: values for one key OR together.
    let outcome = eval(
        "StringEquals",
        "k",
        &["red", "green"],
        &single("k", "green"),
    );
    assert!(outcome.matched);
    assert_eq!(
        outcome.explanation,
        ConditionWhy::ValueMatched {
            policy_value_index: 1,
            request_value: "green".to_string()
        }
    );
    assert!(!outcome.value_results[0].matched);
    assert!(outcome.value_results[1].matched);
    assert_eq!(outcome.value_results[1].span.start, 101);
}

#[test]
fn negated_operators_with_several_values_must_match_none_of_them() {
    // MV, ECRIAM: negated operators with several values behave as AND.
    assert!(holds("StringNotEquals", &["red", "green"], "blue"));
    let outcome = eval(
        "StringNotEquals",
        "k",
        &["red", "green"],
        &single("k", "green"),
    );
    assert!(!outcome.matched);
    assert_eq!(
        outcome.explanation,
        ConditionWhy::ValueMatched {
            policy_value_index: 1,
            request_value: "green".to_string()
        }
    );
}

#[test]
fn no_matching_value_is_explained() {
    // OPS: a positive operator with no matching value is false.
    let outcome = eval("StringEquals", "k", &["red"], &single("k", "blue"));
    assert!(!outcome.matched);
    assert_eq!(outcome.explanation, ConditionWhy::NoValueMatched);
    assert_eq!(
        outcome.request_values,
        Some(SharedList::from(["blue".into()]))
    );
}
