//! Wildcard patterns that know which characters are wildcards.
//!
//! `*` matches any run of characters and `?` any one character (OPS: StringLike, ArnLike; RES), but only
//! where the policy author wrote them: a `*` or `?` produced by the `${*}` or `${?}` escapes, or taken from
//! a variable's value, is a literal character (VARS). So a substituted value is kept as tokens rather than
//! as text.

use crate::matching::{Wildcard, glob_with};

/// One element of a [`Pattern`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GlobToken {
    /// A character that must appear as is.
    Literal(char),
    /// `*`: any run of characters, the empty one included.
    AnyString,
    /// `?`: exactly one character.
    AnyChar,
}

/// A value to match against, with its wildcards marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pattern {
    tokens: Vec<GlobToken>,
}

impl Pattern {
    /// Policy text in which `*` and `?` are wildcards.
    pub fn from_policy_text(text: &str) -> Self {
        let mut pattern = Self::default();
        pattern.push_policy_text(text);
        pattern
    }

    /// Text in which every character is literal.
    pub fn literal(text: &str) -> Self {
        let mut pattern = Self::default();
        pattern.push_literal(text);
        pattern
    }

    /// Appends policy text in which `*` and `?` are wildcards.
    pub fn push_policy_text(&mut self, text: &str) {
        // A character is at least one byte: room for all of them is made at once.
        self.tokens.reserve(text.len());
        self.tokens.extend(text.chars().map(|c| match c {
            '*' => GlobToken::AnyString,
            '?' => GlobToken::AnyChar,
            other => GlobToken::Literal(other),
        }));
    }

    /// Appends text in which every character is literal.
    pub fn push_literal(&mut self, text: &str) {
        self.tokens.reserve(text.len());
        self.tokens.extend(text.chars().map(GlobToken::Literal));
    }

    /// The tokens in order.
    pub fn tokens(&self) -> &[GlobToken] {
        &self.tokens
    }

    /// Whether `value` matches the whole pattern, case-sensitively (StringLike, OPS).
    pub fn matches(&self, value: &str) -> bool {
        glob_matches(&self.tokens, value)
    }
}

/// Whether `value` matches `tokens`: the shared two-pointer matcher, with only the author's own `*` and
/// `?` as wildcards.
pub(super) fn glob_matches(tokens: &[GlobToken], value: &str) -> bool {
    let wildcard = |token: GlobToken| match token {
        GlobToken::AnyString => Some(Wildcard::AnyRun),
        GlobToken::AnyChar => Some(Wildcard::AnyOne),
        GlobToken::Literal(_) => None,
    };
    // ASCII text (nearly every value) is matched over its bytes without copying; bytes and characters are
    // the same there. Anything else is matched over its characters.
    if value.is_ascii() {
        glob_with(tokens, value.as_bytes(), wildcard, |token, byte| {
            token == GlobToken::Literal(char::from(byte))
        })
    } else {
        let value: Vec<char> = value.chars().collect();
        glob_with(tokens, &value, wildcard, |token, character| {
            token == GlobToken::Literal(character)
        })
    }
}
