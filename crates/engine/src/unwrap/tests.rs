//! The decoder and its position map: decoded text as serde_json decodes it, and every decoded character
//! mapped to where it was written.

use super::decode::Decoded;
use super::dedent;

/// Decodes the JSON string literal `literal` as the whole pasted text.
fn decode(literal: &str) -> (Decoded, bool) {
    Decoded::string(literal, 0, literal.len()).unwrap()
}

#[test]
fn each_escape_maps_to_where_it_starts_and_literal_runs_byte_for_byte() {
    let literal = r#""a\"b\u00e9\ud83d\ude00\\c""#;
    let (decoded, url_encoded) = decode(literal);
    assert!(!url_encoded);
    assert_eq!(decoded.text, "a\"bé😀\\c");
    let starts: Vec<usize> = decoded
        .text
        .char_indices()
        .map(|(offset, _)| decoded.map.pasted(offset))
        .collect();
    assert_eq!(starts, [1, 2, 4, 5, 11, 23, 25]);
    assert_eq!(decoded.map.pasted(decoded.text.len()), literal.len() - 1);
    // An offset inside a character decoded from an escape maps to the escape's start.
    assert_eq!(decoded.map.pasted(4), 5);
}

#[test]
fn url_encoded_text_is_decoded_with_multi_byte_characters_whole() {
    let literal = "\"%7B%22Sid%22%3A%22caf%C3%A9%F0%9F%98%80+x%22%7D\"";
    let (decoded, url_encoded) = decode(literal);
    assert!(url_encoded);
    assert_eq!(decoded.text, "{\"Sid\":\"café😀+x\"}");
    let e_acute = decoded.text.find('é').unwrap();
    assert_eq!(
        &literal[decoded.map.pasted(e_acute)..],
        &literal[literal.find("%C3").unwrap()..]
    );
    let plus = decoded.text.find('+').unwrap();
    assert_eq!(decoded.map.pasted(plus), literal.find('+').unwrap());
}

#[test]
fn a_percent_sign_that_is_no_url_escape_stands_for_itself() {
    let (decoded, url_encoded) = decode("\"%7B%zz%\"");
    assert!(url_encoded);
    assert_eq!(decoded.text, "{%zz%");
}

#[test]
fn url_encoding_that_is_not_utf8_leaves_the_text_as_it_is() {
    let (decoded, url_encoded) = decode("\"%7B%FF\"");
    assert!(!url_encoded);
    assert_eq!(decoded.text, "%7B%FF");
}

#[test]
fn a_high_surrogate_without_its_low_half_is_a_replacement_character() {
    assert_eq!(decode(r#""\ud83d\u0041""#).0.text, "\u{FFFD}");
}

#[test]
fn dedent_takes_the_closing_brace_indentation_off_later_lines() {
    assert_eq!(dedent("{\n        \"a\": 1\n    }"), "{\n    \"a\": 1\n}");
    assert_eq!(dedent("{\"a\": 1}"), "{\"a\": 1}");
}

proptest::proptest! {
    #[test]
    fn decoding_agrees_with_serde_json_and_maps_every_character_to_its_encoding(
        text in "([a-z \"\\\\/\n\t\u{1}]|é|€|😀){0,40}",
    ) {
        let literal = serde_json::to_string(&text).unwrap();
        let (decoded, _) = decode(&literal);
        proptest::prop_assert_eq!(&decoded.text, &text);
        for (offset, character) in text.char_indices() {
            let start = decoded.map.pasted(offset);
            let end = decoded.map.pasted(offset + character.len_utf8());
            let written: String = serde_json::from_str(&format!("\"{}\"", &literal[start..end])).unwrap();
            proptest::prop_assert_eq!(written, character.to_string());
        }
    }
}
