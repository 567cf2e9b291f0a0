//! The Numeric operators (OPS): integers and decimals, compared by value.

use super::{eval, holds, single};
use crate::condition::{InvalidReason, ValueNote, ValueSide};

#[test]
fn numeric_operators_compare_the_request_value_with_the_policy_value() {
    // OPS: NumericLessThan etc. compare the request's value (left) with the policy's (right).
    let cases = [
        ("NumericEquals", "5", [false, true, false]),
        ("NumericNotEquals", "5", [true, false, true]),
        ("NumericLessThan", "5", [true, false, false]),
        ("NumericLessThanEquals", "5", [true, true, false]),
        ("NumericGreaterThan", "5", [false, false, true]),
        ("NumericGreaterThanEquals", "5", [false, true, true]),
    ];
    for (operator, policy, expected) in cases {
        for (request, expected) in ["4", "5", "6"].into_iter().zip(expected) {
            assert_eq!(
                holds(operator, &[policy], request),
                expected,
                "{request} {operator} {policy}"
            );
        }
    }
}

#[test]
fn numeric_operators_accept_integers_and_decimals() {
    // OPS: numeric values are integers or decimals; equal numbers written differently are equal.
    assert!(holds("NumericEquals", &["10"], "10.0"));
    assert!(holds("NumericEquals", &["0.50"], ".5"));
    assert!(holds("NumericEquals", &["-0"], "0"));
    assert!(holds("NumericEquals", &["1e3"], "1000"));
    assert!(holds("NumericLessThan", &["10"], "2.5"));
    assert!(holds("NumericLessThan", &["-2"], "-3"));
    assert!(holds("NumericGreaterThan", &["-0.5"], "0"));
    assert!(holds("NumericLessThan", &["0.0011"], "0.001"));
    assert!(holds(
        "NumericLessThan",
        &["12345678901234567891"],
        "12345678901234567890"
    ));
    assert!(holds("NumericLessThan", &["100"], "99.999"));
}

#[test]
fn numeric_policy_value_that_is_not_a_number_never_matches_and_is_reported() {
    // OPS: numeric operators need numbers; values that do not parse never match, and are reported.
    let outcome = eval("NumericLessThan", "k", &["ten", "20"], &single("k", "5"));
    assert!(outcome.matched);
    assert!(!outcome.value_results[0].matched);
    assert_eq!(
        outcome.value_results[0].note,
        Some(ValueNote::Invalid {
            reason: InvalidReason::NotANumber
        })
    );
    assert_eq!(outcome.invalid_values.len(), 1);
    assert_eq!(outcome.invalid_values[0].side, ValueSide::Policy);
    assert_eq!(outcome.invalid_values[0].text, "ten");
    assert_eq!(
        outcome.invalid_values[0].span.map(|span| span.start),
        Some(100)
    );
    assert!(!holds("NumericLessThan", &["ten"], "5"));
    for bad in [
        "", "-", ".", "1.2.3", "0x10", "NaN", "Infinity", "1e", " 5", "5 ",
    ] {
        assert!(!holds("NumericEquals", &[bad], bad), "{bad:?} parsed");
    }
}

#[test]
fn numeric_request_value_that_is_not_a_number_never_matches_and_is_reported() {
    // OPS: the request value is read as a number too.
    let outcome = eval("NumericEquals", "k", &["5"], &single("k", "five"));
    assert!(!outcome.matched);
    assert_eq!(outcome.invalid_values.len(), 1);
    assert_eq!(outcome.invalid_values[0].side, ValueSide::Request);
    assert_eq!(outcome.invalid_values[0].span, None);
}
