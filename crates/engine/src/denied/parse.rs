//! Reading an AccessDenied message. Words are matched with any run of white space between them, so a
//! message wrapped over several lines by a terminal or a log viewer reads the same.

use super::{AccessDenied, AccessDeniedError, Blame, BlamedPolicy, Denial};
use crate::span::LineIndex;

/// The words every message of the family has.
const NOT_AUTHORIZED: &str = "is not authorized to perform:";

/// Reads the request and the blamed policy type from an AccessDenied message, which may sit in a longer
/// text (`An error occurred (AccessDeniedException) when calling the BatchGetImage operation: User: ...`,
/// a `docker push` log line).
pub fn parse(text: &str) -> Result<AccessDenied, AccessDeniedError> {
    let fail = |message: String, start: usize, end: usize| AccessDeniedError {
        message,
        span: LineIndex::new(text).span(start, end),
    };
    let Some((marker, after_marker)) = find_words(text, 0, NOT_AUTHORIZED) else {
        return Err(fail(
            format!(
                "not an AccessDenied message: it has no `{NOT_AUTHORIZED}`; expected `User: ARN {NOT_AUTHORIZED} ACTION on resource: ARN` and the reason AWS gives"
            ),
            0,
            text.len(),
        ));
    };
    let principal = principal_before(text, marker).ok_or_else(|| {
        fail(
            format!("no caller before `{NOT_AUTHORIZED}`: expected `User: ARN` there"),
            marker,
            after_marker,
        )
    })?;
    let Some((action_start, action_end)) = token(text, after_marker) else {
        return Err(fail(
            format!("no action after `{NOT_AUTHORIZED}`"),
            marker,
            after_marker,
        ));
    };
    let action = trimmed(slice(text, action_start, action_end)).to_owned();
    let mut rest = action_end;
    let mut resource = None;
    if let Some(after) = words_at(text, rest, "on resource:") {
        let (start, end) = token(text, after)
            .ok_or_else(|| fail("no resource after `on resource:`".to_owned(), rest, after))?;
        resource = Some(trimmed(slice(text, start, end)).to_owned());
        rest = end;
    }
    let blame = blame_at(text, rest).map_err(|(message, start, end)| fail(message, start, end))?;
    Ok(AccessDenied {
        principal,
        action,
        resource,
        blame,
    })
}

/// The reason after the resource, if the message gives one.
fn blame_at(text: &str, from: usize) -> Result<Option<Blame>, (String, usize, usize)> {
    let (denial, after) = if let Some(after) = words_at(text, from, "with an explicit deny in") {
        (Denial::ExplicitDeny, after)
    } else if let Some(after) = words_at(text, from, "because no") {
        (Denial::NoAllow, after)
    } else {
        return Ok(None);
    };
    let after_article = ["a", "an", "the"]
        .iter()
        .find_map(|article| words_at(text, after, article).filter(|end| is_space_at(text, *end)))
        .unwrap_or(after);
    let Some((policy_type, after_type)) = BlamedPolicy::ALL
        .iter()
        .find_map(|(kind, words)| words_at(text, after_article, words).map(|end| (*kind, end)))
    else {
        let (start, end) = token(text, after_article).unwrap_or((after_article, text.len()));
        let known: Vec<String> = BlamedPolicy::ALL
            .iter()
            .map(|(_, words)| format!("`{words}`"))
            .collect();
        return Err((
            format!(
                "unknown policy type in the reason; AccessDenied messages name a {}",
                known.join(", a ")
            ),
            start,
            end,
        ));
    };
    let policy_arn = text
        .get(after_type..)
        .and_then(|rest| rest.strip_prefix(':'))
        .and_then(|_| token(text, after_type + 1))
        .map(|(start, end)| trimmed(slice(text, start, end)).to_owned())
        .filter(|arn| arn.starts_with("arn:"));
    Ok(Some(Blame {
        denial,
        policy_type,
        policy_arn,
    }))
}

/// The caller named before the words at `marker`: the word after the last `User:` (or `Principal:`)
/// before them, else the word right before them when it is an ARN or `anonymous`.
fn principal_before(text: &str, marker: usize) -> Option<String> {
    let before = slice(text, 0, marker);
    let labelled = ["User:", "Principal:"]
        .iter()
        .filter_map(|label| before.rfind(label).map(|at| at + label.len()))
        .max();
    let start = match labelled {
        Some(start) => start,
        None => before
            .trim_end()
            .rfind(char::is_whitespace)
            .map_or(0, |at| at + 1),
    };
    let word = trimmed(slice(before, start, before.len()).trim());
    let plausible = labelled.is_some() || word.starts_with("arn:") || word == "anonymous";
    (plausible && !word.is_empty() && !word.contains(char::is_whitespace)).then(|| word.to_owned())
}

/// The word (up to white space) at or after `from`, skipping white space first.
fn token(text: &str, from: usize) -> Option<(usize, usize)> {
    let rest = text.get(from..)?;
    let start = from + (rest.len() - rest.trim_start().len());
    let word = text.get(start..)?;
    let end = start + word.find(char::is_whitespace).unwrap_or(word.len());
    (end > start).then_some((start, end))
}

/// A word without the punctuation a sentence or a quoted log line puts around it.
fn trimmed(word: &str) -> &str {
    word.trim_matches(|c: char| matches!(c, '"' | '\'' | '`' | ','))
        .trim_end_matches(['.', ';', ')'])
}

/// The end of `phrase` when it starts at `from` after optional white space, its words separated by any
/// run of white space.
fn words_at(text: &str, from: usize, phrase: &str) -> Option<usize> {
    let mut at = from;
    for word in phrase.split(' ') {
        let rest = text.get(at..)?;
        let skipped = rest.len() - rest.trim_start().len();
        if at != from && skipped == 0 {
            return None;
        }
        at += skipped;
        if !text.get(at..)?.starts_with(word) {
            return None;
        }
        at += word.len();
    }
    Some(at)
}

/// The first place at or after `from` where `phrase` is written, and its end.
fn find_words(text: &str, from: usize, phrase: &str) -> Option<(usize, usize)> {
    let first = phrase.split(' ').next()?;
    text.get(from..)?
        .match_indices(first)
        .find_map(|(at, _)| words_at(text, from + at, phrase).map(|end| (from + at, end)))
}

/// Whether white space (or the end) follows `offset`.
fn is_space_at(text: &str, offset: usize) -> bool {
    text.get(offset..)
        .is_none_or(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace))
}

/// The text from `start` to `end`; empty when that is no range of whole characters.
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or_default()
}
