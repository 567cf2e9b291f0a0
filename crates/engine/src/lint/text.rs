//! Small helpers for writing findings: lists in words, numbers with separators, and the span of a
//! document's first character.

use crate::span::Span;

/// `a`, `a and b`, `a, b and c`.
pub(super) fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Up to `limit` names in backticks, then `and N more`.
pub(super) fn names(names: &[String], limit: usize) -> String {
    let mut shown: Vec<String> = names
        .iter()
        .take(limit)
        .map(|name| format!("`{name}`"))
        .collect();
    if names.len() > limit {
        shown.push(format!("{} more", names.len() - limit));
    }
    and_list(&shown)
}

/// `10240` -> `10,240`.
pub(super) fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The span of the first character of `span` (the `{` of a document), for findings about the whole
/// policy that should not underline all of it. The first character of a JSON document is ASCII.
pub(super) fn first_character(span: Span) -> Span {
    let end = span.end.min(span.start + 1);
    let width = end - span.start;
    Span {
        end,
        end_line: span.line,
        end_column: span.column + width,
        utf16_end: span.utf16_start + width,
        ..span
    }
}
