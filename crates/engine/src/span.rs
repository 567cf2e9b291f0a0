//! Source positions. Every element the parser produces carries a [`Span`] so that the page can highlight
//! exactly the text that decided something, and the CLI can print `file:line:column`.
//!
//! Offsets are given three ways because three consumers need them: byte offsets for Rust, UTF-16 offsets
//! for JavaScript strings and CodeMirror, and 1-based line and column (counted in characters) for people.

use serde::Serialize;

/// A range of policy text, with its position in every unit a consumer needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, counted in characters.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end, counted in characters.
    pub end_column: usize,
    /// UTF-16 code-unit offset of the start (what JavaScript and CodeMirror count).
    pub utf16_start: usize,
    /// UTF-16 code-unit offset of the end.
    pub utf16_end: usize,
}

/// Turns byte offsets of one text into [`Span`]s. Built once per text; lookups are binary searches.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts; the first entry is 0.
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, line_starts }
    }

    /// The span of the byte range `start..end`. Offsets past the end or inside a character are moved back
    /// to the nearest character boundary, so any range gives a valid span.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let start = self.floor_boundary(start);
        let end = self.floor_boundary(end.max(start));
        let (line, column) = self.line_column(start);
        let (end_line, end_column) = self.line_column(end);
        let utf16_start = utf16_len(self.text.get(..start).unwrap_or(""));
        let utf16_end = utf16_start + utf16_len(self.text.get(start..end).unwrap_or(""));
        Span {
            start,
            end,
            line,
            column,
            end_line,
            end_column,
            utf16_start,
            utf16_end,
        }
    }

    /// The span covering the whole text.
    pub fn whole(&self) -> Span {
        self.span(0, self.text.len())
    }

    fn floor_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    fn line_column(&self, offset: usize) -> (usize, usize) {
        let line_index = self
            .line_starts
            .partition_point(|&line_start| line_start <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let column = self
            .text
            .get(line_start..offset)
            .unwrap_or("")
            .chars()
            .count()
            + 1;
        (line_index + 1, column)
    }
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\ncé d");
        let span = index.span(7, 8);
        assert_eq!((span.line, span.column), (2, 4));
        assert_eq!((span.end_line, span.end_column), (2, 5));
    }

    #[test]
    fn utf16_offsets_count_astral_characters_as_two_units() {
        let text = "\"😀\":\"x\"";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or_default();
        let span = index.span(x, x + 1);
        assert_eq!(span.utf16_start, 6);
        assert_eq!(span.utf16_end, 7);
        assert_eq!(span.start, 8);
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_never_panic() {
        let index = LineIndex::new("é");
        let span = index.span(1, 99);
        assert_eq!((span.start, span.end), (0, 2));
    }
}
