//! Decoding a policy written inside a pasted text: the escapes of a JSON string literal (`\"`, `\n`,
//! `\\`, `\uXXXX`, surrogate pairs) and, for IAM documents as the API returns them, URL encoding. Each
//! decoded character remembers where it was written, which becomes the policy's [`PositionMap`].

use crate::span::PositionMap;

/// A decoded text and where each of its bytes was in the pasted text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Decoded {
    /// The text.
    pub text: String,
    /// Decoded offset to pasted offset.
    pub map: PositionMap,
}

impl Decoded {
    /// The pasted bytes `start..end`, unchanged (an object given inside a larger document).
    pub fn slice(pasted: &str, start: usize, end: usize) -> Option<Decoded> {
        let text = pasted.get(start..end)?.to_owned();
        let map = PositionMap::shifted(start, text.len());
        Some(Decoded { text, map })
    }

    /// The JSON string literal at `pasted[start..end]`, quotes included, with its escapes resolved;
    /// then URL-decoded when it is URL-encoded (`%7B...`), which the flag says. `None` when the literal
    /// is not valid.
    pub fn string(pasted: &str, start: usize, end: usize) -> Option<(Decoded, bool)> {
        let content = pasted.get(start + 1..end.checked_sub(1)?)?;
        let decoded = unescape(content, start + 1)?;
        let url_encoded = is_url_encoded(&decoded.text);
        Some(match url_encoded.then(|| decoded.url_decode()).flatten() {
            Some(url_decoded) => (url_decoded, true),
            None => (decoded, false),
        })
    }

    /// `text` URL-decoded when it is a URL-encoded document (`%7B...`); `None` when it is not, or when
    /// the decoded bytes are not UTF-8.
    pub fn url_decoded(text: &str) -> Option<String> {
        let plain = Decoded::slice(text, 0, text.len())?;
        is_url_encoded(text)
            .then(|| plain.url_decode())
            .flatten()
            .map(|decoded| decoded.text)
    }

    /// Appends `character`, written at pasted offset `pasted` as `width` bytes.
    fn push(&mut self, character: char, pasted: usize, width: usize) {
        self.map
            .push(self.text.len(), character.len_utf8(), pasted, width);
        self.text.push(character);
    }

    /// URL decoding (RFC 3986: `%XX` is a byte, everything else stands for itself), byte by byte, each
    /// byte mapped through this text's map. `None` when the bytes are not UTF-8.
    fn url_decode(&self) -> Option<Decoded> {
        let bytes = self.text.as_bytes();
        let hex = |at: usize| {
            bytes
                .get(at)
                .and_then(|&byte| char::from(byte).to_digit(16))
        };
        let (mut out, mut map) = (Vec::new(), PositionMap::default());
        let mut index = 0;
        while let Some(&byte) = bytes.get(index) {
            let escaped = match (byte, hex(index + 1), hex(index + 2)) {
                (b'%', Some(high), Some(low)) => u8::try_from(high * 16 + low).ok(),
                _ => None,
            };
            let width = if escaped.is_some() { 3 } else { 1 };
            let pasted = self.map.pasted(index);
            map.push(
                out.len(),
                1,
                pasted,
                self.map.pasted(index + width) - pasted,
            );
            out.push(escaped.unwrap_or(byte));
            index += width;
        }
        let text = String::from_utf8(out).ok()?;
        Some(Decoded { text, map })
    }
}

/// Whether `text` is a URL-encoded JSON object: it starts with `%7B`, an encoded `{`.
fn is_url_encoded(text: &str) -> bool {
    text.trim_start()
        .get(..3)
        .is_some_and(|start| start.eq_ignore_ascii_case("%7B"))
}

/// The content of a JSON string that starts at pasted offset `base`, escapes resolved.
fn unescape(content: &str, base: usize) -> Option<Decoded> {
    let mut decoded = Decoded::default();
    let mut rest = content.char_indices().peekable();
    while let Some((offset, character)) = rest.next() {
        let character = match character {
            '\\' => match rest.next()?.1 {
                'b' => '\u{8}',
                'f' => '\u{c}',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => {
                    let unit = hex4(&mut rest)?;
                    let pair = (0xD800..0xDC00).contains(&unit)
                        && content.get(offset + 6..offset + 8) == Some("\\u");
                    let code = if pair {
                        rest.nth(1)?;
                        let low = hex4(&mut rest)?
                            .checked_sub(0xDC00)
                            .filter(|low| *low < 0x400);
                        low.map_or(0xFFFD, |low| 0x10000 + ((unit - 0xD800) << 10) + low)
                    } else {
                        unit
                    };
                    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                }
                other => other,
            },
            other => other,
        };
        let end = rest.peek().map_or(content.len(), |&(next, _)| next);
        decoded.push(character, base + offset, end - offset);
    }
    Some(decoded)
}

/// Four hex digits of a `\u` escape.
fn hex4(rest: &mut impl Iterator<Item = (usize, char)>) -> Option<u32> {
    (0..4).try_fold(0, |value, _| {
        Some(value * 16 + rest.next()?.1.to_digit(16)?)
    })
}
