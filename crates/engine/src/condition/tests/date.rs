//! The Date operators (OPS, GCK): W3C ISO-8601 or epoch seconds on either side.

use super::{eval, holds, single};
use crate::condition::date::parse;
use crate::condition::{InvalidReason, ValueSide};

#[test]
fn date_operators_compare_the_request_time_with_the_policy_time() {
    // OPS: DateLessThan etc. compare the request's date (left) with the policy's (right).
    let policy = "2026-01-01T12:00:00Z";
    let cases = [
        ("DateEquals", [false, true, false]),
        ("DateNotEquals", [true, false, true]),
        ("DateLessThan", [true, false, false]),
        ("DateLessThanEquals", [true, true, false]),
        ("DateGreaterThan", [false, false, true]),
        ("DateGreaterThanEquals", [false, true, true]),
    ];
    let requests = [
        "2026-01-01T11:59:59Z",
        "2026-01-01T12:00:00Z",
        "2026-01-01T12:00:01Z",
    ];
    for (operator, expected) in cases {
        for (request, expected) in requests.into_iter().zip(expected) {
            assert_eq!(
                holds(operator, &[policy], request),
                expected,
                "{request} {operator}"
            );
        }
    }
}

#[test]
fn dates_are_w3c_iso_8601_or_epoch_seconds_on_either_side() {
    // OPS, GCK: Date values are W3C ISO-8601 or epoch (aws:EpochTime) seconds.
    assert!(holds("DateEquals", &["1767225600"], "2026-01-01T00:00:00Z"));
    assert!(holds("DateEquals", &["2026-01-01T00:00:00Z"], "1767225600"));
    assert!(holds("DateLessThan", &["2026-01-01"], "1767225599"));
    assert!(holds("DateEquals", &["0"], "1970-01-01"));
    assert!(holds(
        "DateEquals",
        &["1767225600.5"],
        "2026-01-01T00:00:00.5Z"
    ));
}

#[test]
fn a_date_without_time_is_midnight_utc() {
    // OPS (W3C ISO-8601 "complete date"): `2026-01-01` is the start of that day in UTC.
    assert!(holds("DateEquals", &["2026-01-01"], "2026-01-01T00:00:00Z"));
    assert!(holds("DateEquals", &["2026-01"], "2026-01-01T00:00Z"));
    assert!(holds(
        "DateGreaterThan",
        &["2026-01-01"],
        "2026-01-01T00:00:00.001Z"
    ));
}

#[test]
fn time_zone_offsets_and_fractional_seconds_are_honoured() {
    // OPS (W3C ISO-8601 TZD and decimal fraction of a second).
    assert!(holds(
        "DateEquals",
        &["2026-01-01T00:00:00Z"],
        "2026-01-01T02:00:00+02:00"
    ));
    assert!(holds(
        "DateEquals",
        &["2026-01-01T00:00:00Z"],
        "2025-12-31T19:30:00-04:30"
    ));
    assert!(holds(
        "DateEquals",
        &["2026-01-01T00:00:00Z"],
        "2026-01-01T05:00:00+0500"
    ));
    assert!(holds(
        "DateEquals",
        &["2026-01-01T00:00:00Z"],
        "2026-01-01T01:00:00+01"
    ));
    assert!(holds(
        "DateEquals",
        &["2026-01-01T00:00:00Z"],
        "2026-01-01t00:00:00z"
    ));
    assert!(holds(
        "DateEquals",
        &["2026-01-01T00:00:00Z"],
        "2026-01-01T00:00:00"
    ));
    assert!(holds(
        "DateLessThan",
        &["2026-01-01T00:00:00.25Z"],
        "2026-01-01T00:00:00.1Z"
    ));
    assert!(holds(
        "DateEquals",
        &["2026-01-01T00:00:00.123456789999Z"],
        "2026-01-01T00:00:00.123456789Z"
    ));
}

#[test]
fn leap_days_and_month_lengths_are_checked() {
    // OPS (W3C ISO-8601): a date must exist.
    assert!(parse("2024-02-29").is_some());
    assert!(parse("2000-02-29").is_some());
    for bad in [
        "2026-02-29",
        "1900-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-00-10",
        "2026-01-00",
    ] {
        assert_eq!(parse(bad), None, "{bad}");
    }
    assert_eq!(
        parse("2024-03-01").map(|date| date > parse("2024-02-29").unwrap()),
        Some(true)
    );
}

#[test]
fn date_value_that_does_not_parse_never_matches_and_is_reported() {
    // OPS: a bad date never matches, and is reported.
    for bad in [
        "",
        "tomorrow",
        "2026",
        "2026-1-1",
        "2026-01-01T",
        "2026-01-01T24:00:00Z",
        "2026-01-01T10:60Z",
        "2026-01-01T10:00:60Z",
        "2026-01-01T10:00:00.Z",
        "2026-01-01T10:00:00+25:00",
        "2026-01-01 10:00:00Z",
        "2026-01-01T10:00:00Zjunk",
        "1.",
        "--1",
        "99999999999999999999",
    ] {
        if bad == "2026" {
            // Digits alone are epoch seconds.
            assert!(parse(bad).is_some());
            continue;
        }
        assert_eq!(parse(bad), None, "{bad:?} parsed");
    }
    let outcome = eval(
        "DateLessThan",
        "aws:CurrentTime",
        &["next year"],
        &single("aws:CurrentTime", "2026-01-01"),
    );
    assert!(!outcome.matched);
    assert_eq!(outcome.invalid_values[0].reason, InvalidReason::NotADate);
    assert_eq!(outcome.invalid_values[0].side, ValueSide::Policy);
    let outcome = eval(
        "DateLessThan",
        "aws:CurrentTime",
        &["2027-01-01"],
        &single("aws:CurrentTime", "soon"),
    );
    assert!(!outcome.matched);
    assert_eq!(outcome.invalid_values[0].side, ValueSide::Request);
}

#[test]
fn negative_epoch_seconds_come_before_1970() {
    // GCK: aws:EpochTime is seconds since 1970; earlier instants are negative.
    assert!(holds("DateEquals", &["-1"], "1969-12-31T23:59:59Z"));
    assert!(holds("DateEquals", &["-0.5"], "1969-12-31T23:59:59.5Z"));
}
