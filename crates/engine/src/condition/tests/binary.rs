//! `BinaryEquals` (OPS): base64 values compared as bytes.

use super::{eval, holds, single};
use crate::condition::InvalidReason;

#[test]
fn binary_equals_compares_the_bytes_of_base64_values() {
    // OPS: BinaryEquals compares the bytes a base64 value encodes.
    assert!(holds("BinaryEquals", &["aGVsbG8="], "aGVsbG8="));
    assert!(holds("BinaryEquals", &["aGVsbG8="], "aGVsbG8"));
    assert!(!holds("BinaryEquals", &["aGVsbG8="], "aGVsbG9="));
    assert!(!holds("BinaryEquals", &["aGVsbG8="], "AGVSBG8="));
}

#[test]
fn binary_value_that_is_not_base64_never_matches_and_is_reported() {
    // OPS: a value that does not parse never matches, and is reported.
    let outcome = eval("BinaryEquals", "k", &["not base64!"], &single("k", "bm90"));
    assert!(!outcome.matched);
    assert_eq!(outcome.invalid_values[0].reason, InvalidReason::NotBase64);
}
