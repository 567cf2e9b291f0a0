//! The parser: strict JSON text (RFC 8259, as AWS reads policies) to a [`JsonValue`] tree in one pass,
//! each value with its span. Whitespace is space, tab, line feed and carriage return; comments, trailing
//! commas, single quotes and JSON5 forms are faults with their own position.
//!
//! The members of the object or array being read wait on one stack shared by the whole parse and are
//! moved into a vector of the right size when its closing bracket is read: one allocation per non-empty
//! object or array and per string with an escape (which is copied), and none per other token.

use std::borrow::Cow;

use super::cursor::{Cursor, Mark};
use super::fault::{Expected, Fault, FaultKind};
use super::number::number_end;
use super::string::string;
use super::{JsonDocument, JsonKind, JsonMember, JsonValue};

/// How deeply objects and arrays may nest: serde_json's limit, so that every text one reads the other
/// reads too. Deeper text is refused rather than overflowing the stack.
pub(super) const MAX_DEPTH: usize = 127;

/// Parses `text`, the spans counted from its start.
pub(super) fn parse(text: &str) -> Result<JsonDocument<'_>, Fault> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: 0,
        cursor: Cursor::new(),
        whitespace: 0,
        items: Vec::new(),
        members: Vec::new(),
    };
    if parser.skip_whitespace()?.is_none() {
        return Err(Fault {
            kind: FaultKind::Empty,
            start: 0,
            end: text.len(),
        });
    }
    let value = parser.value(MAX_DEPTH)?;
    if parser.skip_whitespace()?.is_some() {
        return Err(parser.unexpected(Expected::End));
    }
    Ok(JsonDocument {
        value,
        characters: parser.cursor.characters_before(text.len()),
        whitespace: parser.whitespace,
    })
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The byte offset of the next byte to read.
    at: usize,
    cursor: Cursor,
    /// The whitespace bytes skipped so far: all the whitespace outside strings.
    whitespace: usize,
    /// The elements of the arrays being read, innermost last.
    items: Vec<JsonValue<'a>>,
    /// The members of the objects being read, innermost last.
    members: Vec<JsonMember<'a>>,
}

impl<'a> Parser<'a> {
    /// Moves past whitespace, counting it; the next byte, `None` at the end of the text. A comment is
    /// a fault.
    fn skip_whitespace(&mut self) -> Result<Option<u8>, Fault> {
        let start = self.at;
        let next = loop {
            match self.bytes.get(self.at) {
                // Indentation comes in runs of spaces: eight bytes are read as one word, and the spaces
                // that start it skipped together (at least the one seen, the word's lowest byte).
                Some(b' ')
                    if let Some(eight) =
                        self.bytes.get(self.at..).and_then(<[u8]>::first_chunk) =>
                {
                    let others = u64::from_le_bytes(*eight) ^ u64::from_le_bytes([b' '; 8]);
                    self.at += (others.trailing_zeros() / 8) as usize;
                }
                Some(b' ' | b'\t' | b'\r') => self.at += 1,
                Some(b'\n') => {
                    self.cursor.line_break(self.at);
                    self.at += 1;
                }
                Some(b'/') if matches!(self.bytes.get(self.at + 1), Some(b'/' | b'*')) => {
                    return Err(self.comment());
                }
                other => break other.copied(),
            }
        };
        self.whitespace += self.at - start;
        Ok(next)
    }

    /// The fault of the comment at the read position: all of it, to its end or the end of the text.
    fn comment(&self) -> Fault {
        let rest = self.text.get(self.at + 2..).unwrap_or_default();
        let length = if self.bytes.get(self.at + 1) == Some(&b'*') {
            rest.find("*/").map_or(rest.len(), |close| close + 2)
        } else {
            rest.find('\n').unwrap_or(rest.len())
        };
        Fault {
            kind: FaultKind::Comment,
            start: self.at,
            end: self.at + 2 + length,
        }
    }

    fn mark(&self) -> Mark {
        self.cursor.mark(self.at)
    }

    /// Reads the value at the read position, after whitespace; `depth` is how many more levels of objects
    /// and arrays may open.
    fn value(&mut self, depth: usize) -> Result<JsonValue<'a>, Fault> {
        let start = self.mark();
        let kind = match self.bytes.get(self.at) {
            Some(b'{') => return self.object(start, depth),
            Some(b'[') => return self.array(start, depth),
            Some(b'"') => JsonKind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => {
                let end = number_end(self.text, self.at)?;
                let number = self.text.get(self.at..end).unwrap_or_default();
                self.at = end;
                JsonKind::Number(number)
            }
            Some(b't') if self.word("true") => JsonKind::Bool(true),
            Some(b'f') if self.word("false") => JsonKind::Bool(false),
            Some(b'n') if self.word("null") => JsonKind::Null,
            _ => return Err(self.unexpected(Expected::Value)),
        };
        Ok(JsonValue {
            kind,
            span: start.to(self.mark()),
        })
    }

    /// Moves past `word` when it is written at the read position and is not the start of a longer word.
    fn word(&mut self, word: &str) -> bool {
        let end = self.at + word.len();
        let whole = self.text.get(self.at..end) == Some(word)
            && !self.bytes.get(end).is_some_and(|&byte| is_word_byte(byte));
        if whole {
            self.at = end;
        }
        whole
    }

    /// Reads the string at the read position.
    fn string(&mut self) -> Result<Cow<'a, str>, Fault> {
        let (value, end) = string(self.text, self.at)?;
        let literal = self.bytes.get(self.at..end).unwrap_or_default();
        if !literal.is_ascii() {
            self.cursor.non_ascii(literal);
        }
        self.at = end;
        Ok(value)
    }

    /// Reads the object whose `{` is at `start`.
    fn object(&mut self, start: Mark, depth: usize) -> Result<JsonValue<'a>, Fault> {
        let depth = self.open(start, depth)?;
        let first = self.members.len();
        let mut next = self.skip_whitespace()?;
        if next != Some(b'}') {
            loop {
                if next != Some(b'"') {
                    return Err(self.unexpected(Expected::Key));
                }
                let key_start = self.mark();
                let key = self.string()?;
                let key_span = key_start.to(self.mark());
                if self.skip_whitespace()? != Some(b':') {
                    return Err(self.unexpected(Expected::Colon));
                }
                self.at += 1;
                self.skip_whitespace()?;
                let value = self.value(depth)?;
                self.members.push(JsonMember {
                    key,
                    key_span,
                    value,
                });
                match self.after_element(b'}')? {
                    Some(after_comma) => next = after_comma,
                    None => break,
                }
            }
        }
        self.at += 1;
        let members = self.members.drain(first..).collect();
        Ok(JsonValue {
            kind: JsonKind::Object(members),
            span: start.to(self.mark()),
        })
    }

    /// Reads the array whose `[` is at `start`.
    fn array(&mut self, start: Mark, depth: usize) -> Result<JsonValue<'a>, Fault> {
        let depth = self.open(start, depth)?;
        let first = self.items.len();
        if self.skip_whitespace()? != Some(b']') {
            loop {
                let item = self.value(depth)?;
                self.items.push(item);
                if self.after_element(b']')?.is_none() {
                    break;
                }
            }
        }
        self.at += 1;
        let items = self.items.drain(first..).collect();
        Ok(JsonValue {
            kind: JsonKind::Array(items),
            span: start.to(self.mark()),
        })
    }

    /// Moves past the `{` or `[` at `start` when `depth` allows one more level; the depth inside.
    fn open(&mut self, start: Mark, depth: usize) -> Result<usize, Fault> {
        let Some(inside) = depth.checked_sub(1) else {
            return Err(Fault {
                kind: FaultKind::TooDeep,
                start: start.offset(),
                end: start.offset() + 1,
            });
        };
        self.at += 1;
        Ok(inside)
    }

    /// After an element of an object or array that `close` closes: at `close`, `None`; after a comma, the
    /// next byte (whitespace skipped).
    fn after_element(&mut self, close: u8) -> Result<Option<Option<u8>>, Fault> {
        let element_end = self.at;
        match self.skip_whitespace()? {
            Some(b',') => {
                let comma = self.at;
                self.at += 1;
                let next = self.skip_whitespace()?;
                if next == Some(close) {
                    return Err(Fault {
                        kind: FaultKind::TrailingComma,
                        start: comma,
                        end: comma + 1,
                    });
                }
                Ok(Some(next))
            }
            Some(byte) if byte == close => Ok(None),
            Some(byte) if is_value_start(byte) => Err(Fault {
                kind: FaultKind::MissingComma(close),
                start: element_end,
                end: element_end,
            }),
            _ => Err(self.unexpected(Expected::CommaOr(close))),
        }
    }

    /// The fault of finding the token at the read position where `expected` belongs.
    fn unexpected(&self, expected: Expected) -> Fault {
        Fault {
            kind: FaultKind::Expected(expected),
            start: self.at,
            end: token_end(self.text, self.at),
        }
    }
}

/// Whether `byte` continues a word such as `true` (so that `trueish` is not `true`) or a number, or a
/// mistaken token a fault covers.
pub(super) fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'$' | b'-' | b'+' | b'.')
}

/// Whether `byte` can start a value, or a word taken for one: after a value without a comma between, a
/// missing comma is the likely mistake.
fn is_value_start(byte: u8) -> bool {
    matches!(byte, b'"' | b'{' | b'[' | b'-') || byte.is_ascii_alphanumeric()
}

/// The end of the token at byte `start`, for a fault about it: a word or number (ASCII letters, digits,
/// `_$-+.`) to its last character, a string to its closing quote on the same line, else one character.
fn token_end(text: &str, start: usize) -> usize {
    let Some(rest) = text.get(start..) else {
        return text.len();
    };
    // ASCII only: Unicode's tables of letters would make the page's WebAssembly module larger.
    let continues = |character: char| u8::try_from(character).is_ok_and(is_word_byte);
    let mut chars = rest.char_indices();
    let length = match chars.next() {
        None => 0,
        Some((_, '"')) => rest
            .get(1..)
            .and_then(|body| body.find(['"', '\n']))
            .filter(|&close| rest.as_bytes().get(close + 1) == Some(&b'"'))
            .map_or(1, |close| close + 2),
        Some((_, first)) if continues(first) => chars
            .find(|&(_, next)| !continues(next))
            .map_or(rest.len(), |(end, _)| end),
        Some((_, first)) => first.len_utf8(),
    };
    start + length
}

#[cfg(test)]
mod tests;
