//! The bracket a syntax error leaves open. When the parser stops at a closing bracket of the wrong kind,
//! at a missing comma or at the end of the text, the useful message names the object or array that is
//! still open and where it began, and points where the missing `}` or `]` can still be written: right
//! after the last thing before the parser stopped.

/// An object or array that is open where the parser stopped, and where its closing bracket belongs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unclosed {
    /// Byte offset of the opening `{` or `[`.
    pub opened_at: usize,
    /// Whether it is an object (`{`) rather than an array (`[`).
    pub is_object: bool,
    /// Byte offset where the closing bracket (or a comma) can be written: after the last non-blank text
    /// before the parser stopped.
    pub fix_at: usize,
    /// Whether a comma would also do there (the parser expected a comma or the closing bracket).
    pub comma_would_do: bool,
}

impl Unclosed {
    /// What was expected, in words: ``expected `}` (to close the object opened at line 3, column 5)``.
    pub fn describe(&self, line: usize, column: usize) -> String {
        let (close, what) = if self.is_object {
            ("`}`", "object")
        } else {
            ("`]`", "array")
        };
        let expected = if self.comma_would_do {
            format!("`,` or {close}")
        } else {
            close.to_owned()
        };
        format!("expected {expected} (to close the {what} opened at line {line}, column {column})")
    }
}

/// The open bracket behind a parse error where the parser stopped at `stopped_at` (a closing bracket of
/// the wrong kind, a missing comma or the end of the text); `comma_would_do` when a comma was expected
/// too. `None` when what is missing is a value, or the right bracket is there.
pub(super) fn unclosed(text: &str, stopped_at: usize, comma_would_do: bool) -> Option<Unclosed> {
    let before = text.get(..stopped_at)?.trim_end();
    if before.ends_with([':', ',']) {
        // A value is missing, not a bracket.
        return None;
    }
    let fix_at = before.len();
    let (opened_at, opener) = innermost_open(before)?;
    let closer = if opener == b'{' { b'}' } else { b']' };
    if text.as_bytes().get(stopped_at) == Some(&closer) {
        // The right bracket is there: something else is wrong before it.
        return None;
    }
    Some(Unclosed {
        opened_at,
        is_object: opener == b'{',
        fix_at,
        comma_would_do,
    })
}

/// The innermost `{` or `[` of `text` that is not closed within it, with its offset. Brackets inside
/// strings do not count.
fn innermost_open(text: &str) -> Option<(usize, u8)> {
    let mut open = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for (offset, byte) in text.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => open.push((offset, byte)),
            b'}' | b']' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_strings_do_not_count() {
        assert_eq!(innermost_open(r#"{"a": "{[\"", "b": ["#), Some((19, b'[')));
        assert_eq!(innermost_open(r#"{"a": "}"#), Some((0, b'{')));
        assert_eq!(innermost_open("[{}]"), None);
    }
}
