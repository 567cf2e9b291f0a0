//! Source positions. Every element the parser produces carries a [`Span`] so that the page can highlight
//! exactly the text that decided something, and the CLI can print `file:line:column`.
//!
//! Offsets are kept three ways because three consumers need them: byte offsets for Rust, UTF-16 offsets
//! for JavaScript strings and CodeMirror, and 1-based line and column (counted in characters) for people.
//! A result written out (JSON, or JavaScript objects from the WebAssembly module) carries only what the
//! page draws, `[utf16Start, utf16End]`: whoever shows a line and column counts them from the text.

use std::cell::OnceCell;

use serde::{Serialize, Serializer};

/// A range of policy text, with its position in every unit a consumer needs. Serialized as the pair
/// `[utf16_start, utf16_end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based column of the start, counted in characters.
    pub column: u32,
    /// 1-based line of the end.
    pub end_line: u32,
    /// 1-based column of the end, counted in characters.
    pub end_column: u32,
    /// UTF-16 code-unit offset of the start (what JavaScript and CodeMirror count).
    pub utf16_start: u32,
    /// UTF-16 code-unit offset of the end.
    pub utf16_end: u32,
}

impl Span {
    /// The bytes the span covers, to slice the text it is a span of.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// An offset or count of a text as a [`Span`] keeps it: the texts the engine reads are far shorter
/// than `u32::MAX` bytes, and a position beyond that stays at `u32::MAX`.
pub(crate) fn narrow(count: usize) -> u32 {
    u32::try_from(count).unwrap_or(u32::MAX)
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.utf16_start, self.utf16_end).serialize(serializer)
    }
}

/// The TypeScript type of a serialized [`Span`].
#[cfg(feature = "wasm")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const SPAN: &str = r#"/** A range of text: the UTF-16 code-unit offsets of its start and end, `text.slice(from, to)`. */
export type Span = [from: number, to: number];"#;

/// Where each byte of a decoded text came from in the text as pasted: a policy read from an escaped
/// JSON string (`policyText` of CLI output) or from a slice of a larger document. Built by the decoder,
/// read by [`LineIndex::mapped`], so that every span of the decoded policy points into the pasted text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PositionMap {
    /// Runs in decoded order: (decoded offset, pasted offset, whether the run continues byte for byte).
    /// A run that does not continue is one escape sequence, which all its decoded bytes map to the start of.
    runs: Vec<(usize, usize, bool)>,
    /// The length of the decoded text.
    decoded_len: usize,
}

impl PositionMap {
    /// A map for a decoded text that is the pasted text's bytes from `pasted_start` on, unchanged.
    pub fn shifted(pasted_start: usize, decoded_len: usize) -> Self {
        Self {
            runs: vec![(0, pasted_start, true)],
            decoded_len,
        }
    }

    /// Records that the decoded character at `decoded` (of `decoded_width` bytes) was written at
    /// `pasted` as `pasted_width` bytes: literally when the widths agree, else as an escape sequence.
    /// Characters are pushed in order; runs of literal characters are merged.
    pub fn push(
        &mut self,
        decoded: usize,
        decoded_width: usize,
        pasted: usize,
        pasted_width: usize,
    ) {
        let literal = decoded_width == pasted_width;
        let continues = self
            .runs
            .last()
            .is_some_and(|&(run_decoded, run_pasted, run_literal)| {
                literal
                    && run_literal
                    && pasted.checked_sub(run_pasted) == decoded.checked_sub(run_decoded)
            });
        if !continues {
            self.runs.push((decoded, pasted, literal));
        }
        self.decoded_len = decoded + decoded_width;
        if !literal {
            // The next character starts a new run right after the escape.
            self.runs
                .push((self.decoded_len, pasted + pasted_width, true));
        }
    }

    /// The pasted offset of the decoded byte `offset`; past the end, of the end of the decoded text.
    pub fn pasted(&self, offset: usize) -> usize {
        let offset = offset.min(self.decoded_len);
        let run = self
            .runs
            .partition_point(|&(decoded, _, _)| decoded <= offset);
        match run.checked_sub(1).and_then(|run| self.runs.get(run)) {
            Some(&(decoded, pasted, true)) => pasted + (offset - decoded),
            Some(&(_, pasted, false)) => pasted,
            None => offset,
        }
    }
}

impl Span {
    /// This span of a text that is itself the text at `outer` of a larger document (a policy written as a
    /// JSON object inside a scenario file), as a span of that document. The text is the document's own
    /// characters, so lines after its first keep their columns.
    pub fn within(self, outer: Span) -> Span {
        let column = |line: u32, column: u32| {
            if line == 1 {
                outer.column + column - 1
            } else {
                column
            }
        };
        Span {
            start: outer.start + self.start,
            end: outer.start + self.end,
            line: outer.line + self.line - 1,
            column: column(self.line, self.column),
            end_line: outer.line + self.end_line - 1,
            end_column: column(self.end_line, self.end_column),
            utf16_start: outer.utf16_start + self.utf16_start,
            utf16_end: outer.utf16_start + self.utf16_end,
        }
    }
}

/// Turns byte offsets of one text into [`Span`]s. Its tables are built on the first span asked for, in
/// linear time (the JSON parser counts positions as it reads, so parsing text without a mistake never
/// needs them); a lookup is then a binary search for the line plus, for non-ASCII text, a count over at
/// most [`CHECKPOINT`] bytes, so making a span for every element of a policy stays linear in its size.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// For a policy decoded from the text, where its bytes are in the text: offsets given to
    /// [`LineIndex::span`] are then the decoded policy's.
    map: Option<&'a PositionMap>,
    /// The text's line starts and character counts, once a span has been asked for.
    tables: OnceCell<Tables>,
}

/// What a [`LineIndex`] looks positions up in.
#[derive(Debug, Clone)]
struct Tables {
    /// Byte offset where each line starts; the first entry is 0.
    line_starts: Vec<usize>,
    /// For non-ASCII text, the characters and UTF-16 units before every [`CHECKPOINT`]th byte; `None`
    /// for ASCII text, where bytes, characters and UTF-16 units are the same.
    checkpoints: Option<Vec<Units>>,
}

/// Bytes between two checkpoints of a non-ASCII text.
const CHECKPOINT: usize = 64;

/// How many characters and UTF-16 code units a stretch of text holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Units {
    /// Characters (bytes that start one).
    pub(crate) chars: usize,
    /// UTF-16 code units.
    pub(crate) utf16: usize,
}

impl Units {
    /// The units of `bytes`, a stretch of UTF-8 that may start or end inside a character: a character
    /// counts where its first byte is, and one of four bytes (outside the BMP) is two UTF-16 units.
    pub(crate) fn of(bytes: &[u8]) -> Units {
        let chars = bytes.iter().filter(|byte| !is_continuation(**byte)).count();
        let astral = bytes.iter().filter(|byte| **byte >= 0xF0).count();
        Units {
            chars,
            utf16: chars + astral,
        }
    }

    fn plus(self, other: Units) -> Units {
        Units {
            chars: self.chars + other.chars,
            utf16: self.utf16 + other.utf16,
        }
    }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

impl Tables {
    /// Indexes the line starts of `text`, and for non-ASCII text its character counts.
    fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let checkpoints = (!text.is_ascii()).then(|| {
            let mut total = Units::default();
            let mut checkpoints = vec![total];
            for chunk in text.as_bytes().chunks(CHECKPOINT) {
                total = total.plus(Units::of(chunk));
                checkpoints.push(total);
            }
            checkpoints
        });
        Self {
            line_starts,
            checkpoints,
        }
    }

    /// The characters and UTF-16 units before the byte `offset` of `text`, a character boundary within it.
    fn units_before(&self, text: &str, offset: usize) -> Units {
        let Some(checkpoints) = &self.checkpoints else {
            return Units {
                chars: offset,
                utf16: offset,
            };
        };
        let checkpoint = offset / CHECKPOINT;
        let before = checkpoints.get(checkpoint).copied().unwrap_or_default();
        let rest = text
            .as_bytes()
            .get(checkpoint * CHECKPOINT..offset)
            .unwrap_or_default();
        before.plus(Units::of(rest))
    }

    /// The 1-based line and column of `offset` of `text`, whose units are `units`. In ASCII text the
    /// column is the offset from the line's start.
    fn line_column(&self, text: &str, offset: usize, units: Units) -> (usize, usize) {
        let line_index = self
            .line_starts
            .partition_point(|&line_start| line_start <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let column = match self.checkpoints {
            None => offset - line_start + 1,
            Some(_) => units.chars - self.units_before(text, line_start).chars + 1,
        };
        (line_index + 1, column)
    }
}

impl<'a> LineIndex<'a> {
    /// An index of `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            map: None,
            tables: OnceCell::new(),
        }
    }

    /// Indexes the pasted `text` for spans of a policy decoded from it: [`LineIndex::span`] takes offsets
    /// into the decoded policy and gives spans in `text`, the one place where positions are mapped back.
    pub fn mapped(text: &'a str, map: &'a PositionMap) -> Self {
        Self {
            map: Some(map),
            ..Self::new(text)
        }
    }

    /// Whether this indexes `text` itself, unmapped: its spans are then those counted from `text`'s start.
    pub(crate) fn is_of(&self, text: &str) -> bool {
        self.map.is_none() && std::ptr::eq(self.text, text)
    }

    /// The span of the byte range `start..end`. Offsets past the end or inside a character are moved back
    /// to the nearest character boundary, so any range gives a valid span.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (start, end) = match self.map {
            Some(map) => (map.pasted(start), map.pasted(end)),
            None => (start, end),
        };
        let start = self.floor_boundary(start);
        let end = self.floor_boundary(end.max(start));
        let tables = self.tables.get_or_init(|| Tables::new(self.text));
        let start_units = tables.units_before(self.text, start);
        let end_units = tables.units_before(self.text, end);
        let (line, column) = tables.line_column(self.text, start, start_units);
        let (end_line, end_column) = tables.line_column(self.text, end, end_units);
        Span {
            start: narrow(start),
            end: narrow(end),
            line: narrow(line),
            column: narrow(column),
            end_line: narrow(end_line),
            end_column: narrow(end_column),
            utf16_start: narrow(start_units.utf16),
            utf16_end: narrow(end_units.utf16),
        }
    }

    /// The span covering the whole text (for a decoded policy, the whole policy).
    pub fn whole(&self) -> Span {
        self.span(0, self.map.map_or(self.text.len(), |map| map.decoded_len))
    }

    fn floor_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
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

    /// The definition the index must agree with: count from the start of the text for every span.
    fn counted_from_the_start(text: &str, start: usize, end: usize) -> Span {
        let floor = |offset: usize| {
            let mut offset = offset.min(text.len());
            while !text.is_char_boundary(offset) {
                offset -= 1;
            }
            offset
        };
        let (start, end) = (floor(start), floor(end.max(floor(start))));
        let line_column = |offset: usize| {
            let before = &text[..offset];
            let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
            (
                before.matches('\n').count() + 1,
                text[line_start..offset].chars().count() + 1,
            )
        };
        let utf16 = |offset: usize| text[..offset].encode_utf16().count();
        let ((line, column), (end_line, end_column)) = (line_column(start), line_column(end));
        Span {
            start: narrow(start),
            end: narrow(end),
            line: narrow(line),
            column: narrow(column),
            end_line: narrow(end_line),
            end_column: narrow(end_column),
            utf16_start: narrow(utf16(start)),
            utf16_end: narrow(utf16(end)),
        }
    }

    proptest::proptest! {
        #[test]
        fn spans_agree_with_counting_from_the_start_of_the_text(
            text in "([a-z \n\r\t]|é|€|😀|\u{10FFFF}){0,300}",
            start in 0usize..1300,
            length in 0usize..400,
        ) {
            let index = LineIndex::new(&text);
            proptest::prop_assert_eq!(
                index.span(start, start + length),
                counted_from_the_start(&text, start, start + length)
            );
        }
    }

    #[test]
    fn spans_far_into_a_long_non_ascii_line_count_every_character_before_them() {
        let text = format!("{}\n{}x", "é".repeat(1000), "😀".repeat(500));
        let index = LineIndex::new(&text);
        let x = text.len() - 1;
        let span = index.span(x, x + 1);
        assert_eq!((span.line, span.column), (2, 501));
        assert_eq!((span.utf16_start, span.utf16_end), (2001, 2002));
    }

    proptest::proptest! {
        #[test]
        fn a_span_within_a_slice_is_the_span_of_the_same_text_in_the_document(
            text in "([a-z \n]|é|😀){0,200}",
            slice_start in 0usize..200,
            slice_length in 0usize..200,
            start in 0usize..200,
            length in 0usize..100,
        ) {
            let index = LineIndex::new(&text);
            let outer = index.span(slice_start, slice_start + slice_length);
            let slice = &text[outer.range()];
            let inner = LineIndex::new(slice).span(start, start + length);
            proptest::prop_assert_eq!(
                inner.within(outer),
                index.span((outer.start + inner.start) as usize, (outer.start + inner.end) as usize)
            );
        }
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_never_panic() {
        let index = LineIndex::new("é");
        let span = index.span(1, 99);
        assert_eq!((span.start, span.end), (0, 2));
    }
}
