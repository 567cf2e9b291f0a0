//! Matching one `Resource` / `NotResource` entry against the request's resource.
//!
//! Rules (RES, section 8 "ARN case"):
//! - `*` alone matches every resource, including the `*` that stands for "no resource" in registry-level
//!   requests such as `ecr:GetAuthorizationToken`.
//! - Otherwise the pattern must be an ARN pattern (`arn:...`) and the resource an ARN. They are compared
//!   case-sensitively, segment by segment (the colons delimit segments, also inside the resource part).
//! - `?` matches one character other than `:`. `*` matches any run of characters, `/` included, but
//!   stays inside its segment, except that a `*` that is the last character of a segment (followed by
//!   `:` or by the end of the pattern) "can expand to match beyond the colon boundaries" (RES). So
//!   `arn:aws:ecr:*` matches every ECR ARN, while `arn:aws:ecr:us*3:repository/app` does not match
//!   `arn:aws:ecr:us-east-1:111122223333:repository/app`: its `*` may not swallow `-east-1:11112222333`.
//! - A wildcard in the service segment is not allowed (RES): such a pattern never matches.
//!
//! Policy variables are substituted by the caller before matching. `NotResource` negates this result; that
//! is the evaluator's business.

use serde::Serialize;

use super::arn::{Arn, ArnSegment, six_components};
use super::wildcard::glob_match;
use crate::policy::{SharedStr, has_wildcard};

/// The outcome of comparing one resource pattern from a policy with the request's resource. Written out
/// (as part of a [`PatternReport`](crate::eval::PatternReport)) without what the text and the request
/// already say: the resource and `matched`; the pattern only when it is not the text as written;
/// `wildcard` only when true, `mismatch` only when set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResourceMatch {
    /// The pattern as written in the policy (after variable substitution).
    #[serde(skip)]
    pub pattern: SharedStr,
    /// Whether `pattern` is the pattern after variable substitution, which differs from the text as
    /// written.
    #[serde(skip)]
    pub substituted: bool,
    /// The request's resource: an ARN, or `*` for registry-level actions.
    #[serde(skip)]
    pub resource: SharedStr,
    /// Whether the pattern matches the resource.
    #[serde(skip)]
    pub matched: bool,
    /// Whether the pattern contains `*` or `?`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wildcard: bool,
    /// Why the pattern does not match; `None` when it matches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mismatch: Option<ResourceMismatch>,
}

/// Why a resource pattern does not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ResourceMismatch {
    /// The pattern is neither `*` nor an ARN pattern starting with `arn:`.
    PatternNotAnArn,
    /// The pattern has `*` or `?` in its service segment, which RES forbids.
    WildcardInService,
    /// The request's resource is not an ARN (for example the `*` of a registry-level action).
    ResourceNotAnArn,
    /// A policy variable in the pattern has no value and no default, so the pattern matches no resource
    /// (VARS); in `NotResource` it then excludes nothing (section 8).
    UnresolvedVariable,
    /// The first segment, counting from the left, that cannot match.
    Segment {
        /// The segment that differs.
        segment: ArnSegment,
    },
}

/// Compares the resource `pattern` from a policy with the request's `resource`. Text already shared is
/// kept as it is, not copied.
pub fn match_resource(
    pattern: impl Into<SharedStr>,
    resource: impl Into<SharedStr>,
) -> ResourceMatch {
    let (pattern, resource) = (pattern.into(), resource.into());
    let mismatch = resource_mismatch(&pattern, &resource);
    ResourceMatch {
        matched: mismatch.is_none(),
        wildcard: has_wildcard(&pattern),
        mismatch,
        pattern,
        substituted: false,
        resource,
    }
}

fn resource_mismatch(pattern: &str, resource: &str) -> Option<ResourceMismatch> {
    if pattern == "*" {
        return None;
    }
    if !pattern.starts_with("arn:") {
        return Some(ResourceMismatch::PatternNotAnArn);
    }
    if pattern.split(':').nth(2).is_some_and(has_wildcard) {
        return Some(ResourceMismatch::WildcardInService);
    }
    if !Arn::is_valid(resource) {
        return Some(ResourceMismatch::ResourceNotAnArn);
    }
    if segment_glob_match(pattern, resource) {
        None
    } else {
        Some(ResourceMismatch::Segment {
            segment: first_differing_segment(pattern, resource),
        })
    }
}

/// One element of a resource pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// A character that matches itself.
    Literal(char),
    /// `?`: one character other than `:`.
    AnyOne,
    /// `*`: any run; `crosses_colons` when it ends its segment.
    AnyRun { crosses_colons: bool },
}

/// The tokens of `pattern`, in order. `after` is the text that follows `pattern` in the whole pattern
/// (empty when `pattern` ends it): it decides whether a final `*` ends its segment.
fn tokens<'a>(pattern: &'a str, after: &'a str) -> impl Iterator<Item = Token> + 'a {
    let mut chars = pattern.chars().peekable();
    std::iter::from_fn(move || {
        let token = match chars.next()? {
            '*' => Token::AnyRun {
                crosses_colons: chars
                    .peek()
                    .copied()
                    .or_else(|| after.chars().next())
                    .is_none_or(|next| next == ':'),
            },
            '?' => Token::AnyOne,
            literal => Token::Literal(literal),
        };
        Some(token)
    })
}

/// Prefix lengths of a text up to this many characters are tracked on the stack, longer texts on the heap.
const STACK_PREFIXES: usize = 64;

/// The segment-aware glob described in the module comment. The literal text before the pattern's first
/// wildcard and after its last must begin and end the text; what lies between is matched by dynamic
/// programming over the rest of the text: `reachable` holds, for each prefix length of that rest, whether
/// the tokens seen so far can match exactly that prefix, and each token updates it in place. Time is the
/// product of the two middle lengths, memory linear in the text.
fn segment_glob_match(pattern: &str, text: &str) -> bool {
    let wildcards = ['*', '?'];
    // Without wildcards every token is a literal, so only the same text matches.
    let (Some(first), Some(last)) = (pattern.find(wildcards), pattern.rfind(wildcards)) else {
        return pattern == text;
    };
    // Both wildcards are one byte long, so `last + 1` is the next character's boundary.
    let (head, middle, tail) = (
        &pattern[..first],
        &pattern[first..=last],
        &pattern[last + 1..],
    );
    let Some(text) = text
        .strip_prefix(head)
        .and_then(|rest| rest.strip_suffix(tail))
    else {
        return false;
    };
    let length = text.chars().count();
    let mut on_stack = [false; STACK_PREFIXES];
    let mut on_heap = Vec::new();
    let reachable: &mut [bool] = match on_stack.get_mut(..=length) {
        Some(prefixes) => prefixes,
        None => {
            on_heap.resize(length + 1, false);
            &mut on_heap
        }
    };
    if let Some(empty) = reachable.first_mut() {
        *empty = true;
    }
    for token in tokens(middle, tail) {
        match token {
            Token::AnyRun { crosses_colons } => {
                // A run extends every reachable prefix over the characters after it, left to right.
                let mut previous = false;
                let before = std::iter::once(None).chain(text.chars().map(Some));
                for (here, consumed) in reachable.iter_mut().zip(before) {
                    let extend = previous && consumed.is_some_and(|c| crosses_colons || c != ':');
                    previous = *here || extend;
                    *here = previous;
                }
            }
            Token::AnyOne | Token::Literal(_) => {
                // One character: prefix `i + 1` is reachable when prefix `i` was and character `i`
                // matches; right to left, so that each prefix is read before it is overwritten.
                for (at, c) in (0..length).rev().zip(text.chars().rev()) {
                    let here = reachable.get(at).copied().unwrap_or(false);
                    let matches = match token {
                        Token::Literal(literal) => c == literal,
                        _ => c != ':',
                    };
                    if let Some(next) = reachable.get_mut(at + 1) {
                        *next = here && matches;
                    }
                }
                if let Some(empty) = reachable.first_mut() {
                    *empty = false;
                }
            }
        }
        if !reachable.contains(&true) {
            return false;
        }
    }
    reachable.last().copied().unwrap_or(false)
}

/// For the explanation: the first segment whose pattern part cannot match the resource's part on its own.
/// A missing pattern segment counts as differing; when every part matches alone but the whole does not,
/// the resource segment is blamed.
fn first_differing_segment(pattern: &str, resource: &str) -> ArnSegment {
    let mut pattern_parts = pattern.splitn(6, ':');
    let resource_parts = six_components(resource).unwrap_or_default();
    // Each pair is looked at once, in order, so the pattern's parts are taken one at a time alongside.
    ArnSegment::ALL
        .into_iter()
        .zip(resource_parts)
        .find(|&(_, part)| {
            pattern_parts
                .next()
                .is_none_or(|wanted| !glob_match(wanted, part))
        })
        .map_or(ArnSegment::Resource, |(segment, _)| segment)
}
