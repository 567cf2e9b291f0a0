//! Number literals, checked against JSON's grammar and kept as written: `-? (0 | [1-9][0-9]*)
//! (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.

use super::fault::{Fault, FaultKind};
use super::parse::is_word_byte;

/// The byte offset where the number starting at byte `start` of `text` ends. A number that breaks the
/// grammar, or runs on into more letters, digits or points (`01`, `1.2.3`, `0x1F`, `2nd`), is a fault
/// over all of that.
pub(super) fn number_end(text: &str, start: usize) -> Result<usize, Fault> {
    let bytes = text.as_bytes();
    let digits = |from: usize| {
        from + bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|byte| byte.is_ascii_digit())
            .count()
    };
    let mut at = start;
    if bytes.get(at) == Some(&b'-') {
        at += 1;
    }
    let well_formed = match bytes.get(at) {
        Some(b'0') => {
            at += 1;
            true
        }
        Some(b'1'..=b'9') => {
            at = digits(at);
            true
        }
        _ => false,
    } && {
        if bytes.get(at) == Some(&b'.') {
            let fraction = digits(at + 1);
            let has_digits = fraction > at + 1;
            at = fraction;
            has_digits
        } else {
            true
        }
    } && {
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            let exponent = digits(at);
            let has_digits = exponent > at;
            at = exponent;
            has_digits
        } else {
            true
        }
    };
    // A sign after a whole number starts the next value (a comma is missing), not a longer token.
    let runs_on = bytes
        .get(at)
        .is_some_and(|&byte| is_word_byte(byte) && !matches!(byte, b'+' | b'-'));
    if well_formed && !runs_on {
        return Ok(at);
    }
    let end = at
        + bytes
            .get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&byte| is_word_byte(byte))
            .count();
    Err(Fault {
        kind: FaultKind::BadNumber,
        start,
        end,
    })
}
