//! Positions kept up to date while the parser reads, so that the span of a value costs no search.
//!
//! In strict JSON a line break can only be whitespace between tokens and a non-ASCII character can only be
//! inside a string, so the parser sees every one of them in order: it tells the [`Cursor`] of each line
//! break and of each string's non-ASCII bytes, and a position anywhere it has read up to is then a few
//! subtractions. The spans agree with [`LineIndex::span`](crate::span::LineIndex::span) of the same text.

use crate::span::{Span, Units, narrow};

/// A position in every unit a [`Span`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    offset: usize,
    line: usize,
    column: usize,
    utf16: usize,
}

impl Mark {
    /// The byte offset.
    pub fn offset(self) -> usize {
        self.offset
    }

    /// The span from this mark to `end`.
    pub fn to(self, end: Mark) -> Span {
        Span {
            start: narrow(self.offset),
            end: narrow(end.offset),
            line: narrow(self.line),
            column: narrow(self.column),
            end_line: narrow(end.line),
            end_column: narrow(end.column),
            utf16_start: narrow(self.utf16),
            utf16_end: narrow(end.utf16),
        }
    }
}

/// What the parser has read so far, counted for positions: lines, and the bytes that are not characters of
/// their own (UTF-8 continuation bytes) or are two UTF-16 units (characters outside the BMP).
#[derive(Debug, Clone, Copy)]
pub(super) struct Cursor {
    /// 1-based line of the read position.
    line: usize,
    /// Characters before the start of that line.
    line_start_chars: usize,
    /// UTF-8 continuation bytes read so far.
    continuations: usize,
    /// Characters outside the BMP read so far.
    astral: usize,
}

impl Cursor {
    /// A cursor at the start of a text.
    pub fn new() -> Self {
        Self {
            line: 1,
            line_start_chars: 0,
            continuations: 0,
            astral: 0,
        }
    }

    /// The position of byte `offset`, which is at or after everything read so far and before anything not
    /// yet read that is a line break or non-ASCII.
    pub fn mark(&self, offset: usize) -> Mark {
        let chars = offset - self.continuations;
        Mark {
            offset,
            line: self.line,
            column: chars - self.line_start_chars + 1,
            utf16: chars + self.astral,
        }
    }

    /// The characters before byte `offset`, under the same condition as [`Cursor::mark`].
    pub fn characters_before(&self, offset: usize) -> usize {
        offset - self.continuations
    }

    /// Records the line break at byte `offset`.
    pub fn line_break(&mut self, offset: usize) {
        self.line += 1;
        self.line_start_chars = offset + 1 - self.continuations;
    }

    /// Records the bytes of a string's text that is not ASCII.
    pub fn non_ascii(&mut self, bytes: &[u8]) {
        let units = Units::of(bytes);
        self.continuations += bytes.len() - units.chars;
        self.astral += units.utf16 - units.chars;
    }
}
