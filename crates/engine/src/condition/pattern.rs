//! Wildcard patterns that know which characters are wildcards.
//!
//! `*` matches any run of characters and `?` any one character (OPS: StringLike, ArnLike; RES), but only
//! where the policy author wrote them: a `*` or `?` produced by the `${*}` or `${?}` escapes, or taken from
//! a variable's value, is a literal character (VARS). So a substituted value is kept as tokens rather than
//! as text.

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
        self.tokens.extend(text.chars().map(|c| match c {
            '*' => GlobToken::AnyString,
            '?' => GlobToken::AnyChar,
            other => GlobToken::Literal(other),
        }));
    }

    /// Appends text in which every character is literal.
    pub fn push_literal(&mut self, text: &str) {
        self.tokens.extend(text.chars().map(GlobToken::Literal));
    }

    /// The tokens in order.
    pub fn tokens(&self) -> &[GlobToken] {
        &self.tokens
    }

    /// Whether `value` matches the whole pattern, case-sensitively (StringLike, OPS).
    pub fn matches(&self, value: &str) -> bool {
        let value: Vec<char> = value.chars().collect();
        glob_matches(&self.tokens, &value)
    }
}

/// Glob matching with backtracking to the last `*` only, which is enough because a later `*` can absorb
/// anything an earlier one could.
pub(super) fn glob_matches(tokens: &[GlobToken], value: &[char]) -> bool {
    let (mut t, mut v) = (0, 0);
    let mut last_star: Option<(usize, usize)> = None;
    while v < value.len() {
        match (tokens.get(t), value.get(v)) {
            (Some(GlobToken::AnyString), _) => {
                last_star = Some((t, v));
                t += 1;
            }
            (Some(GlobToken::AnyChar), _) => {
                t += 1;
                v += 1;
            }
            (Some(GlobToken::Literal(expected)), Some(actual)) if expected == actual => {
                t += 1;
                v += 1;
            }
            _ => match last_star {
                Some((star, start)) => {
                    t = star + 1;
                    v = start + 1;
                    last_star = Some((star, start + 1));
                }
                None => return false,
            },
        }
    }
    tokens
        .get(t..)
        .unwrap_or_default()
        .iter()
        .all(|token| *token == GlobToken::AnyString)
}
