//! String literals: the text between the quotes, escapes resolved. A string without escapes is borrowed
//! from the text; only one with an escape is copied.

use std::borrow::Cow;

use super::fault::{Fault, FaultKind};

/// Reads the string literal whose opening quote is at byte `quote` of `text`: its value, and the byte
/// offset after its closing quote.
pub(super) fn string(text: &str, quote: usize) -> Result<(Cow<'_, str>, usize), Fault> {
    let bytes = text.as_bytes();
    let body = quote + 1;
    let mut at = body;
    let mut decoded: Option<String> = None;
    // Where the text not yet copied into `decoded` starts.
    let mut copied_to = body;
    loop {
        let Some(stop) = next_special(bytes, at) else {
            return Err(Fault {
                kind: FaultKind::UnclosedString,
                start: quote,
                end: text.len(),
            });
        };
        at = stop;
        match bytes.get(at) {
            Some(b'"') => break,
            Some(b'\\') => {
                // A text that ends right after the backslash leaves the string unclosed, from its quote.
                let (character, length) = escape(text, at).map_err(|fault| match fault.kind {
                    FaultKind::UnclosedString => Fault {
                        start: quote,
                        ..fault
                    },
                    _ => fault,
                })?;
                let decoded = decoded.get_or_insert_with(String::new);
                decoded.push_str(text.get(copied_to..at).unwrap_or_default());
                decoded.push(character);
                at += length;
                copied_to = at;
            }
            _ => {
                return Err(Fault {
                    kind: FaultKind::ControlCharacter,
                    start: at,
                    end: at + 1,
                });
            }
        }
    }
    let value = match decoded {
        Some(mut decoded) => {
            decoded.push_str(text.get(copied_to..at).unwrap_or_default());
            Cow::Owned(decoded)
        }
        None => Cow::Borrowed(text.get(body..at).unwrap_or_default()),
    };
    Ok((value, at + 1))
}

/// The offset of the first quote, backslash or control character at or after byte `from`: eight bytes at a
/// time, the first such byte of a word found from the word's bits, then byte by byte for the last few.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH_BITS: u64 = ONES << 7;
    // The high bit of each byte of `word` that is zero, and possibly of bytes after it; the lowest one set
    // is exact (a borrow only runs towards higher bytes). Bytes below 0x20 are found the same way.
    let zeros = |word: u64| word.wrapping_sub(ONES) & !word & HIGH_BITS;
    let mut at = from;
    while let Some(word) = bytes
        .get(at..at + 8)
        .and_then(|chunk| <[u8; 8]>::try_from(chunk).ok())
        .map(u64::from_le_bytes)
    {
        let special = zeros(word ^ (ONES * u64::from(b'"')))
            | zeros(word ^ (ONES * u64::from(b'\\')))
            | word.wrapping_sub(ONES * 0x20) & !word & HIGH_BITS;
        if special != 0 {
            return Some(at + (special.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter()
        .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
        .map(|offset| at + offset)
}

/// The character the escape at byte `backslash` stands for, and the escape's length in bytes.
fn escape(text: &str, backslash: usize) -> Result<(char, usize), Fault> {
    let simple = match text.as_bytes().get(backslash + 1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => return unicode_escape(text, backslash),
        Some(_) => {
            let length = text
                .get(backslash + 1..)
                .and_then(|rest| rest.chars().next())
                .map_or(1, char::len_utf8);
            return Err(Fault {
                kind: FaultKind::UnknownEscape,
                start: backslash,
                end: backslash + 1 + length,
            });
        }
        None => {
            return Err(Fault {
                kind: FaultKind::UnclosedString,
                start: backslash,
                end: text.len(),
            });
        }
    };
    Ok((simple, 2))
}

/// The character of the `\uXXXX` escape at byte `backslash`, or of the surrogate pair of two such escapes
/// that starts there, and the length of the escape (or pair).
fn unicode_escape(text: &str, backslash: usize) -> Result<(char, usize), Fault> {
    let Some(unit) = hex4(text, backslash + 2) else {
        return Err(Fault {
            kind: FaultKind::ShortUnicodeEscape,
            start: backslash,
            end: backslash + 2,
        });
    };
    let lone = Fault {
        kind: FaultKind::LoneSurrogate,
        start: backslash,
        end: backslash + 6,
    };
    match unit {
        0xD800..=0xDBFF => {
            let second = backslash + 6;
            if text.get(second..second + 2) != Some("\\u") {
                return Err(lone);
            }
            let low = hex4(text, second + 2).ok_or(Fault {
                kind: FaultKind::ShortUnicodeEscape,
                start: second,
                end: second + 2,
            })?;
            if !(0xDC00..=0xDFFF).contains(&low) {
                return Err(lone);
            }
            let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            char::from_u32(code).map(|pair| (pair, 12)).ok_or(lone)
        }
        _ => char::from_u32(unit).map(|single| (single, 6)).ok_or(lone),
    }
}

/// The four hexadecimal digits at byte `at`, as a number.
fn hex4(text: &str, at: usize) -> Option<u32> {
    let digits = text.get(at..at + 4)?;
    if !digits.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(digits, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::next_special;

    proptest::proptest! {
        #[test]
        fn the_first_special_byte_is_the_one_a_byte_by_byte_search_finds(
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    4 => 0x20u8..0x7F,
                    1 => proptest::sample::select(vec![b'"', b'\\', 0x00, 0x1F, 0x20, 0x21, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xFF]),
                ],
                0..40,
            ),
            from in 0usize..40,
        ) {
            // Reading eight bytes at a time must stop where reading one at a time does.
            let expected = bytes
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, byte)| **byte == b'"' || **byte == b'\\' || **byte < 0x20)
                .map(|(at, _)| at);
            proptest::prop_assert_eq!(next_special(&bytes, from), expected);
        }
    }
}
