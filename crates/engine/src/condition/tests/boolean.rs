//! `Bool` (OPS): `true` and `false`, in any case.

use super::{eval, holds, multi, single};
use crate::condition::InvalidReason;

#[test]
fn bool_compares_true_and_false_ignoring_case() {
    // OPS: Bool compares boolean values; JSON booleans and quoted text alike.
    assert!(holds("Bool", &["true"], "true"));
    assert!(holds("Bool", &["True"], "TRUE"));
    assert!(holds("Bool", &["false"], "False"));
    assert!(!holds("Bool", &["true"], "false"));
}

#[test]
fn bool_value_that_is_not_a_boolean_never_matches_and_is_reported() {
    // OPS: a value that does not parse never matches, and is reported.
    let outcome = eval(
        "Bool",
        "aws:SecureTransport",
        &["yes"],
        &single("aws:SecureTransport", "true"),
    );
    assert!(!outcome.matched);
    assert_eq!(outcome.invalid_values[0].reason, InvalidReason::NotABoolean);
    assert!(!holds("Bool", &["true"], "1"));
}

#[test]
fn for_all_values_bool_checks_every_value_of_an_array_of_bool_key() {
    // OPS: ForAllValues:Bool and ForAnyValue:Bool exist for array-of-bool keys.
    let context = multi("k", &["true", "true"]);
    assert!(eval("ForAllValues:Bool", "k", &["true"], &context).matched);
    let context = multi("k", &["true", "false"]);
    assert!(!eval("ForAllValues:Bool", "k", &["true"], &context).matched);
    assert!(eval("ForAnyValue:Bool", "k", &["false"], &context).matched);
}
