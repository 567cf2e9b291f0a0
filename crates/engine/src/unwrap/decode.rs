//! Decoding a policy written inside a pasted text: the escapes of a JSON string literal (`\"`, `\n`,
//! `\\`, `\uXXXX`, surrogate pairs) and, for IAM documents as the API returns them, URL encoding. Each
//! decoded character remembers where it was written, which becomes the policy's [`PositionMap`].

use crate::span::PositionMap;

/// A decoded text and where each of its bytes was in the pasted text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Decoded {
    /// The text.
    pub text: String,
    /// Decoded offset to pasted offset.
    pub map: PositionMap,
}

/// A decoded character: the character, and the pasted offset and width of what it was written as.
type Located = (char, usize, usize);

impl Decoded {
    /// The pasted bytes `start..end`, unchanged (an object given inside a larger document).
    pub fn slice(pasted: &str, start: usize, end: usize) -> Option<Decoded> {
        let text = pasted.get(start..end)?.to_owned();
        let map = PositionMap::shifted(start, text.len());
        Some(Decoded { text, map })
    }

    /// The JSON string literal at `pasted[start..end]`, quotes included, with its escapes resolved;
    /// then URL-decoded when it is URL-encoded (`%7B...`). `None` when the literal is not valid.
    pub fn string(pasted: &str, start: usize, end: usize) -> Option<(Decoded, bool)> {
        let content = pasted.get(start + 1..end.checked_sub(1)?)?;
        let characters = unescape(content, start + 1)?;
        let url_encoded = characters
            .iter()
            .map(|&(character, _, _)| character)
            .skip_while(|character| character.is_whitespace())
            .take(3)
            .collect::<String>()
            .eq_ignore_ascii_case("%7B");
        // A `%` not followed by two hex digits: not URL encoding after all, so the text as it is.
        Some(
            match url_encoded.then(|| url_decode(&characters)).flatten() {
                Some(decoded) => (Decoded::from_characters(&decoded), true),
                None => (Decoded::from_characters(&characters), false),
            },
        )
    }

    fn from_characters(characters: &[Located]) -> Decoded {
        let mut text = String::new();
        let mut map = PositionMap::default();
        for &(character, pasted, width) in characters {
            map.push(text.len(), character.len_utf8(), pasted, width);
            text.push(character);
        }
        Decoded { text, map }
    }
}

/// The characters of a JSON string's content that starts at pasted offset `base`.
fn unescape(content: &str, base: usize) -> Option<Vec<Located>> {
    let mut characters = Vec::new();
    let mut rest = content.char_indices().peekable();
    while let Some((offset, character)) = rest.next() {
        if character != '\\' {
            characters.push((character, base + offset, character.len_utf8()));
            continue;
        }
        let (_, escape) = rest.next()?;
        let decoded = match escape {
            '"' | '\\' | '/' => escape,
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let high = hex4(&mut rest)?;
                match high {
                    0xD800..=0xDBFF if content.get(offset + 6..offset + 8) == Some("\\u") => {
                        rest.next();
                        rest.next();
                        match hex4(&mut rest)? {
                            low @ 0xDC00..=0xDFFF => {
                                char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                                    .unwrap_or(char::REPLACEMENT_CHARACTER)
                            }
                            _ => char::REPLACEMENT_CHARACTER,
                        }
                    }
                    _ => char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER),
                }
            }
            _ => return None,
        };
        let end = rest.peek().map_or(content.len(), |&(next, _)| next);
        characters.push((decoded, base + offset, end - offset));
    }
    Some(characters)
}

/// Four hex digits of a `\u` escape.
fn hex4(rest: &mut impl Iterator<Item = (usize, char)>) -> Option<u32> {
    (0..4).try_fold(0, |value, _| {
        Some(value * 16 + rest.next()?.1.to_digit(16)?)
    })
}

/// URL decoding (RFC 3986: `%XX` is a byte, everything else stands for itself) of decoded characters.
fn url_decode(characters: &[Located]) -> Option<Vec<Located>> {
    let mut decoded = Vec::new();
    let mut index = 0;
    while let Some(&(character, pasted, width)) = characters.get(index) {
        if character != '%' {
            decoded.push((character, pasted, width));
            index += 1;
            continue;
        }
        // One character is one to four `%XX` bytes; the UTF-8 lead byte says how many.
        let mut bytes = Vec::new();
        let mut end = pasted;
        while let [_, (high, _, _), (low, low_at, low_width), ..] = characters.get(index..)? {
            let byte = u8::try_from(high.to_digit(16)? * 16 + low.to_digit(16)?).ok()?;
            bytes.push(byte);
            end = low_at + low_width;
            index += 3;
            let wanted = match bytes.first().copied() {
                Some(0xF0..) => 4,
                Some(0xE0..) => 3,
                Some(0xC0..) => 2,
                _ => 1,
            };
            if bytes.len() == wanted
                || characters
                    .get(index)
                    .is_none_or(|&(next, _, _)| next != '%')
            {
                break;
            }
        }
        let text = String::from_utf8(bytes).ok()?;
        let mut chars = text.chars();
        decoded.push((chars.next()?, pasted, end - pasted));
        if chars.next().is_some() {
            return None;
        }
    }
    Some(decoded)
}
