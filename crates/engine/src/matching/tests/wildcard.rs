//! Glob matching: `*` and `?`, case-sensitive and case-insensitive, checked against a reference.

use proptest::prelude::*;

use crate::matching::{glob_match, glob_match_ignore_case};
use crate::policy::has_wildcard;

/// The obvious recursive definition, exponential in the worst case: the oracle for the property tests.
fn reference(pattern: &[char], text: &[char], equal: &dyn Fn(char, char) -> bool) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some(('*', rest)) => (0..=text.len()).any(|skip| reference(rest, &text[skip..], equal)),
        Some((&wanted, rest)) => match text.split_first() {
            Some((&c, text_rest)) => {
                (wanted == '?' || equal(wanted, c)) && reference(rest, text_rest, equal)
            }
            None => false,
        },
    }
}

fn chars(text: &str) -> Vec<char> {
    text.chars().collect()
}

#[test]
fn star_matches_any_run_of_characters_including_none() {
    // OPS (StringLike) and RES: `*` matches any combination of characters, also none.
    assert!(glob_match("repo*", "repo"));
    assert!(glob_match("repo*", "repository/app"));
    assert!(glob_match("*", ""));
    assert!(glob_match("a*b*c", "a-x-b-y-c"));
    assert!(!glob_match("a*b*c", "a-x-b-y"));
}

#[test]
fn question_mark_matches_exactly_one_character() {
    // OPS and RES: `?` matches any single character.
    assert!(glob_match("app-?", "app-1"));
    assert!(!glob_match("app-?", "app-"));
    assert!(!glob_match("app-?", "app-12"));
}

#[test]
fn question_mark_counts_characters_not_bytes() {
    // OPS: `?` is one character; `é` is two bytes in UTF-8.
    assert!(glob_match("caf?", "café"));
    assert!(!glob_match("caf??", "café"));
}

#[test]
fn case_sensitive_matching_distinguishes_case() {
    // Section 8 "ARN case": ARNs and StringLike values are case-sensitive.
    assert!(!glob_match("Repository/*", "repository/app"));
    assert!(glob_match("repository/*", "repository/app"));
}

#[test]
fn case_insensitive_matching_folds_case() {
    // ACT: `iam:ListAccessKeys` is the same as `IAM:listaccesskeys`.
    assert!(glob_match_ignore_case(
        "IAM:list*KEYS",
        "iam:ListAccessKeys"
    ));
    assert!(glob_match_ignore_case("ÉCR:?", "écr:x"));
    assert!(!glob_match_ignore_case("iam:list*", "iam:GetUser"));
}

#[test]
fn every_other_character_is_literal() {
    // OPS: only `*` and `?` are wildcards; regex-like characters stand for themselves.
    assert!(glob_match("a.b[c]+", "a.b[c]+"));
    assert!(!glob_match("a.b", "axb"));
}

#[test]
fn has_wildcard_detects_star_and_question_mark() {
    // RES/ACT: explanations say whether a wildcard was used.
    assert!(has_wildcard("ecr:Get*"));
    assert!(has_wildcard("app-?"));
    assert!(!has_wildcard("ecr:GetAuthorizationToken"));
}

#[test]
fn many_stars_do_not_backtrack_exponentially() {
    // Linear-ish matching: a naive matcher takes astronomically long on this input.
    let text = "a".repeat(20_000);
    let pattern = format!("{}b", "*a".repeat(30));
    let started = std::time::Instant::now();
    assert!(!glob_match(&pattern, &text));
    assert!(glob_match(&format!("{}*", "*a".repeat(30)), &text));
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

proptest! {
    #[test]
    fn case_sensitive_matching_agrees_with_the_reference(
        pattern in "[ab*?]{0,8}",
        text in "[ab]{0,10}",
    ) {
        // OPS/RES wildcard semantics, checked against the recursive definition.
        let expected = reference(&chars(&pattern), &chars(&text), &|a, b| a == b);
        prop_assert_eq!(glob_match(&pattern, &text), expected);
    }

    #[test]
    fn case_insensitive_matching_agrees_with_the_reference(
        pattern in "[aAbB*?é]{0,8}",
        text in "[aAbBÉé]{0,10}",
    ) {
        // ACT case-insensitivity, checked against the recursive definition on lowercase characters.
        let lower = |c: char| c.to_lowercase().collect::<String>();
        let expected = reference(&chars(&pattern), &chars(&text), &|a, b| lower(a) == lower(b));
        prop_assert_eq!(glob_match_ignore_case(&pattern, &text), expected);
    }

    #[test]
    fn ascii_text_matches_as_any_other_text_does(
        pattern in "[akAK*?:\u{212A}]{0,8}",
        text in "[akAK:]{0,10}",
    ) {
        // ACT: the Kelvin sign lowers to `k`, so an ASCII text can match a pattern that is not ASCII;
        // the byte-wise matching of ASCII text must agree with the character-wise definition.
        let lower = |c: char| c.to_lowercase().collect::<String>();
        let expected = reference(&chars(&pattern), &chars(&text), &|a, b| lower(a) == lower(b));
        prop_assert_eq!(glob_match_ignore_case(&pattern, &text), expected);
        let exact = reference(&chars(&pattern), &chars(&text), &|a, b| a == b);
        prop_assert_eq!(glob_match(&pattern, &text), exact);
        prop_assert_eq!(has_wildcard(&pattern), pattern.contains(['*', '?']));
    }

    #[test]
    fn glob_matching_never_panics(pattern in any::<String>(), text in any::<String>()) {
        // Never panic on any input (preamble).
        let _ = glob_match(&pattern, &text);
        let _ = glob_match_ignore_case(&pattern, &text);
    }
}
