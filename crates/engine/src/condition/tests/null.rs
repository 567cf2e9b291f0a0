//! `Null` (OPS): `true` means the key is absent, `false` that it is present.

use super::{eval, multi, single};
use crate::condition::{ConditionWhy, InvalidReason};
use crate::context::Context;

#[test]
fn null_true_matches_an_absent_key() {
    // OPS: Null true means the key is absent.
    let outcome = eval("Null", "aws:username", &["true"], &Context::new());
    assert!(outcome.matched);
    assert!(outcome.missing_key);
    assert_eq!(outcome.explanation, ConditionWhy::NullKeyAbsent);
    assert!(
        !eval(
            "Null",
            "aws:username",
            &["true"],
            &single("aws:username", "bob")
        )
        .matched
    );
}

#[test]
fn null_false_matches_a_present_key() {
    // OPS: Null false means the key is present and not null.
    let outcome = eval(
        "Null",
        "aws:username",
        &["false"],
        &single("aws:username", "bob"),
    );
    assert!(outcome.matched);
    assert_eq!(outcome.explanation, ConditionWhy::NullKeyPresent);
    assert!(!eval("Null", "aws:username", &["false"], &Context::new()).matched);
    assert!(
        eval(
            "Null",
            "aws:username",
            &["FALSE"],
            &single("aws:username", "bob")
        )
        .matched
    );
}

#[test]
fn null_treats_an_empty_set_as_absent() {
    // OPS, MV: an empty or null set counts as absent.
    assert!(eval("Null", "aws:TagKeys", &["true"], &multi("aws:TagKeys", &[])).matched);
}

#[test]
fn null_value_that_is_not_a_boolean_never_matches_and_is_reported() {
    // OPS: a value that does not parse never matches, and is reported.
    let outcome = eval("Null", "k", &["maybe"], &Context::new());
    assert!(!outcome.matched);
    assert_eq!(outcome.invalid_values.len(), 1);
    assert_eq!(outcome.invalid_values[0].reason, InvalidReason::NotABoolean);
}
