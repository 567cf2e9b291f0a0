//! ARN matching for `ArnEquals`, `ArnLike`, `ArnNotEquals` and `ArnNotLike`, which all compare the same
//! way: `ArnEquals` ≡ `ArnLike` (OPS), wildcards allowed, case-sensitive (section 8, "ARN case").

use super::pattern::{GlobToken, Pattern, glob_matches};

/// An ARN has six components: `arn:partition:service:region:account:resource`; the resource may itself
/// contain colons.
const ARN_COMPONENTS: usize = 6;

impl Pattern {
    /// Whether `value` matches the pattern as an ARN: the six colon-separated components are compared
    /// separately, so a wildcard never reaches across one of the first five colons (OPS: ArnLike). A
    /// pattern with fewer components whose last component ends in `*` lets that component match the rest
    /// of the value, colons included (RES: a `*` at the end of a segment "can expand to match beyond the
    /// colon boundaries").
    pub fn matches_arn(&self, value: &str) -> bool {
        let pattern_parts = split_pattern(self.tokens());
        let count = pattern_parts.len();
        let mut value_parts: Vec<&str> = value.splitn(ARN_COMPONENTS, ':').collect();
        if value_parts.len() != count {
            let last_ends_in_star = pattern_parts
                .last()
                .is_some_and(|last| last.last() == Some(&GlobToken::AnyString));
            if count > value_parts.len() || !last_ends_in_star {
                return false;
            }
            value_parts = value.splitn(count, ':').collect();
        }
        pattern_parts
            .iter()
            .zip(&value_parts)
            .all(|(pattern, value)| glob_matches(pattern, value))
    }
}

/// Splits pattern tokens at the first five colons.
fn split_pattern(tokens: &[GlobToken]) -> Vec<&[GlobToken]> {
    let mut parts = Vec::new();
    let mut rest = tokens;
    while parts.len() + 1 < ARN_COMPONENTS {
        let Some(colon) = rest
            .iter()
            .position(|token| *token == GlobToken::Literal(':'))
        else {
            break;
        };
        let (part, after) = rest.split_at(colon);
        parts.push(part);
        rest = after.get(1..).unwrap_or_default();
    }
    parts.push(rest);
    parts
}
