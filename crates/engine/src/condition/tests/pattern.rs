//! Wildcard patterns (OPS: StringLike; RES).

use crate::condition::{GlobToken, Pattern};

#[test]
fn star_matches_any_run_of_characters_including_none() {
    // OPS: `*` matches any combination of characters.
    let pattern = Pattern::from_policy_text("a*b*c");
    assert!(pattern.matches("abc"));
    assert!(pattern.matches("aXbYbZc"));
    assert!(!pattern.matches("aXbYbZ"));
    assert!(Pattern::from_policy_text("*").matches(""));
}

#[test]
fn question_mark_matches_exactly_one_character() {
    // OPS: `?` matches any single character, a multi-byte one included.
    let pattern = Pattern::from_policy_text("a?c");
    assert!(pattern.matches("abc"));
    assert!(pattern.matches("aéc"));
    assert!(!pattern.matches("ac"));
    assert!(!pattern.matches("abbc"));
}

#[test]
fn literal_text_has_no_wildcards() {
    // VARS: characters that come from a variable or an escape are literal.
    let pattern = Pattern::literal("a*?");
    assert_eq!(
        pattern.tokens(),
        [
            GlobToken::Literal('a'),
            GlobToken::Literal('*'),
            GlobToken::Literal('?')
        ]
    );
    assert!(pattern.matches("a*?"));
    assert!(!pattern.matches("abc?"));
}
