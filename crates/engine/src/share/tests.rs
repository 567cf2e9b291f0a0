//! Share-link codec: round trips, the accepted input forms, the fixed format, and one test per failure.
//! Source: the share-link format of `crates/ARCHITECTURE.md` (`#s=1.<payload>`, base64url of
//! deflate-raw, bounded decoding, every failure a clear message).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use proptest::prelude::*;

use super::*;

/// A small scenario document whose format-1 payload is pinned below.
const VECTOR_JSON: &str = r#"{"name":"cross-account pull","request":{"principal":"arn:aws:iam::444455556666:user/bob","action":"ecr:BatchGetImage"}}"#;

/// `encode(VECTOR_JSON)` as this build writes it (miniz_oxide deflate at level 9). Node 20's
/// `DecompressionStream("deflate-raw")`, the web platform API the browser has, inflates it to
/// `VECTOR_JSON`.
const VECTOR_SHARE: &str = "1.DcsxDsIwDEDRqyDPIBZg8MiCOIZrWRApcVLbUYeqd6_f_P8OSk0Aga2734i5T43LmLXCFUzWKR6AOwwrymVQzZZMkTbHQg3xkZ7plXC62H3pS77EUbpmLWz4puD_R-Lb6CdwHCc";

/// `VECTOR_JSON` through the web platform's `CompressionStream("deflate-raw")` (made with Node 20's
/// implementation, zlib as in Chromium), then base64url without padding: what a page produces
/// without the engine.
const VECTOR_SHARE_FROM_COMPRESSION_STREAM: &str = "1.BcExDsMgDAXQq1R_TtUFGDx2qXoMx7JaJDDUgDpEuXveO2BcFQTxNsadRdqyeeurFGxw_S0dE3SgezbJnQsI7Eb8H5S5EoUQQowxppQSraH-2NuODSwzNwNBxenJU74vne_KH8V5Xg";

/// A format-1 value carrying `bytes` as its raw deflate stream.
fn share_of_deflated(bytes: &[u8]) -> String {
    format!("1.{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// A format-1 value carrying `bytes` deflated.
fn share_of_bytes(bytes: &[u8]) -> String {
    share_of_deflated(&miniz_oxide::deflate::compress_to_vec(bytes, 9))
}

// Share links: the document round-trips exactly, formatting included.
#[test]
fn scenario_text_round_trips_exactly() {
    let text = "{\n  \"name\": \"cross-account pull\",\n\t\"repositoryPolicy\": \"{ broken\"\n}\n";
    assert_eq!(decode(&encode(text)).unwrap(), text);
}

// Share links: policies hold whatever people type, in any script.
#[test]
fn non_ascii_text_round_trips() {
    let text = r#"{"name":"équipe 🚀 プル","note":"e\u0301 ñ 中文 \u{0}"}"#;
    assert_eq!(decode(&encode(text)).unwrap(), text);
}

// Share links: nearly empty documents are still documents.
#[test]
fn empty_and_tiny_texts_round_trip() {
    for text in ["", " ", "\n", "{}", "[]", "0"] {
        assert_eq!(decode(&encode(text)).unwrap(), text, "text {text:?}");
    }
}

// Share links: a big state within the caps opens whole.
#[test]
fn large_text_round_trips() {
    let statements: Vec<String> = (0..4000)
        .map(|i| {
            format!(
                r#"{{"Sid":"S{i}","Effect":"Allow","Principal":{{"AWS":"arn:aws:iam::{:012}:root"}},"Action":"ecr:BatchGetImage"}}"#,
                i * 7919
            )
        })
        .collect();
    let text = format!(r#"{{"Statement":[{}]}}"#, statements.join(","));
    assert!(text.len() > 400_000);
    let share = encode(&text);
    assert!(share.len() < MAX_PAYLOAD_LEN);
    assert_eq!(decode(&share).unwrap(), text);
}

// Share links: the inflated cap admits a text of exactly the cap.
#[test]
fn text_of_exactly_the_inflated_cap_decodes() {
    let text = "a".repeat(MAX_SCENARIO_BYTES);
    assert_eq!(decode(&encode(&text)).unwrap().len(), MAX_SCENARIO_BYTES);
}

// Share links: `#s=1.<payload>`, version prefix first.
#[test]
fn encode_writes_the_current_version_prefix() {
    assert_eq!(CURRENT_VERSION, "1");
    assert!(encode("{}").starts_with("1."));
}

// Share links: `https://host/path/#s=1.<payload>`.
#[test]
fn link_appends_the_share_fragment_to_the_page() {
    assert_eq!(
        link("https://host/path/", VECTOR_JSON),
        format!("https://host/path/#s={}", encode(VECTOR_JSON))
    );
}

// Share links: a link made on a page that already shows a link replaces its fragment.
#[test]
fn link_replaces_an_existing_fragment() {
    assert_eq!(
        link("https://host/path/?embed=1#s=1.old", "{}"),
        format!("https://host/path/?embed=1#s={}", encode("{}"))
    );
}

// Share links: the CLI takes a whole URL, a fragment or the bare value.
#[test]
fn decode_accepts_url_fragment_parameter_and_bare_value() {
    let value = encode(VECTOR_JSON);
    for input in [
        format!("https://host/path/#s={value}"),
        format!("https://host/path/?embed=1#s={value}"),
        format!("https://host/#view=matrix&s={value}"),
        format!("#s={value}"),
        format!("s={value}"),
        value.clone(),
        format!("  https://host/#s={value}\n"),
    ] {
        assert_eq!(decode(&input).unwrap(), VECTOR_JSON, "input {input}");
    }
}

// Share links: links stay valid, so format 1 must decode forever.
#[test]
fn format_1_known_vector_decodes() {
    assert_eq!(decode(VECTOR_SHARE).unwrap(), VECTOR_JSON);
}

// Share links: a change here changes every new link; a new compressor that still writes
// valid raw deflate only needs this vector updated, never `format_1_known_vector_decodes`.
#[test]
fn encode_writes_the_known_vector() {
    assert_eq!(encode(VECTOR_JSON), VECTOR_SHARE);
}

// Share links: the format is plain deflate-raw, so a page using the browser's
// `CompressionStream("deflate-raw")` and base64url makes links the engine reads.
#[test]
fn compression_stream_deflate_raw_payload_decodes() {
    assert_eq!(
        decode(VECTOR_SHARE_FROM_COMPRESSION_STREAM).unwrap(),
        VECTOR_JSON
    );
}

// Share links: every format version this build reads has a decoder.
#[test]
fn every_readable_version_has_a_decoder() {
    for version in READABLE_VERSIONS {
        assert!(
            !matches!(
                decode_version(version, ""),
                Err(ShareError::UnknownVersion { .. })
            ),
            "version {version}"
        );
    }
}

// Share links: failure is a clear message, here for input that carries no share data.
#[test]
fn input_without_share_data_is_no_share_data() {
    for input in [
        "https://host/path/",
        "https://host/path/#view=matrix",
        "garbage",
        "",
        "   ",
    ] {
        assert!(
            matches!(decode(input), Err(ShareError::NoShareData { .. })),
            "input {input:?}"
        );
    }
    assert_eq!(
        decode("https://host/path/").unwrap_err().to_string(),
        "no share link in `https://host/path/`: expected a link ending in `#s=<version>.<payload>`"
    );
}

// Share links: pasted input echoed in a message is shortened.
#[test]
fn long_input_is_shortened_in_messages() {
    let input = format!("https://host/{}", "x".repeat(5000));
    let ShareError::NoShareData { input: shown } = decode(&input).unwrap_err() else {
        panic!("expected NoShareData");
    };
    assert_eq!(shown.chars().count(), 41);
    assert!(shown.ends_with('…'));
}

// Share links: the value starts with its format version.
#[test]
fn share_value_without_version_is_missing_version() {
    assert_eq!(decode("#s=abc"), Err(ShareError::MissingVersion));
    assert_eq!(
        ShareError::MissingVersion.to_string(),
        "the share link has no format version: expected `s=<version>.<payload>`"
    );
}

// Share links: a version this build cannot read says which versions it reads.
#[test]
fn unknown_version_names_the_versions_this_build_reads() {
    let error = decode("https://host/#s=2.abc").unwrap_err();
    assert_eq!(
        error,
        ShareError::UnknownVersion {
            found: "2".to_owned()
        }
    );
    assert_eq!(
        error.to_string(),
        "unknown share link format version `2`, this build reads 1: \
         the link may come from a newer playground"
    );
}

// Share links: decoding is bounded by a compressed size cap.
#[test]
fn payload_over_the_cap_is_payload_too_long() {
    let input = format!("1.{}", "A".repeat(MAX_PAYLOAD_LEN + 1));
    let error = decode(&input).unwrap_err();
    assert_eq!(
        error,
        ShareError::PayloadTooLong {
            length: MAX_PAYLOAD_LEN + 1,
            limit: MAX_PAYLOAD_LEN
        }
    );
    assert_eq!(
        error.to_string(),
        "the share link is too long: its payload has 65537 characters, the limit is 65536"
    );
}

// Share links: a payload outside base64url says where.
#[test]
fn character_outside_base64url_is_bad_base64_with_its_position() {
    assert_eq!(
        decode("1.abc+def"),
        Err(ShareError::BadBase64 {
            position: 4,
            character: '+'
        })
    );
    assert_eq!(
        decode("1.ab€d="),
        Err(ShareError::BadBase64 {
            position: 3,
            character: '€'
        })
    );
    assert_eq!(
        decode("1.abcd=="),
        Err(ShareError::BadBase64 {
            position: 5,
            character: '='
        })
    );
    assert_eq!(
        decode("1.ab+").unwrap_err().to_string(),
        "the share link has an invalid character `+` at position 3 of its payload"
    );
}

// Share links: a link cut short (chat tools cut long links) says so.
#[test]
fn link_cut_short_is_truncated() {
    let full = encode(VECTOR_JSON);
    for end in 2..full.len() {
        assert_eq!(
            decode(&full[..end]),
            Err(ShareError::Truncated),
            "cut at {end}"
        );
    }
    assert_eq!(
        ShareError::Truncated.to_string(),
        "the share link is cut short: its data ends too early, copy the whole link again"
    );
}

// Share links: garbage that is valid base64url but not deflate is reported as damaged.
#[test]
fn invalid_deflate_is_corrupt() {
    // Block type 3 is reserved in RFC 1951.
    assert_eq!(
        decode(&share_of_deflated(&[0x07, 0x00, 0x00])),
        Err(ShareError::Corrupt)
    );
    assert_eq!(
        ShareError::Corrupt.to_string(),
        "the share link is damaged: its data is not valid compressed text"
    );
}

// Share links: data after the end of the deflate stream is not silently dropped.
#[test]
fn data_after_the_deflate_stream_is_corrupt() {
    let mut deflated = miniz_oxide::deflate::compress_to_vec(VECTOR_JSON.as_bytes(), 9);
    deflated.extend_from_slice(b"junk");
    assert_eq!(
        decode(&share_of_deflated(&deflated)),
        Err(ShareError::Corrupt)
    );
}

// Share links: decoding is bounded by an inflated size cap.
#[test]
fn text_over_the_inflated_cap_is_too_large() {
    let share = encode(&"a".repeat(MAX_SCENARIO_BYTES + 1));
    let error = decode(&share).unwrap_err();
    assert_eq!(
        error,
        ShareError::TooLarge {
            limit: MAX_SCENARIO_BYTES
        }
    );
    assert_eq!(
        error.to_string(),
        "the scenario in the share link is larger than the limit of 1048576 bytes"
    );
}

// Share links: a decompression bomb small enough to pass the payload cap stops at the
// inflated cap.
#[test]
fn decompression_bomb_in_a_link_is_too_large() {
    let share = share_of_bytes(&vec![0; 20_000_000]);
    assert!(share.len() < MAX_PAYLOAD_LEN);
    assert_eq!(
        decode(&share),
        Err(ShareError::TooLarge {
            limit: MAX_SCENARIO_BYTES
        })
    );
}

// Share links: inflating stops at the cap rather than allocating the bomb's 50 MB.
#[test]
fn inflate_stops_at_the_cap_on_a_50_mb_bomb() {
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0; 50_000_000], 9);
    assert_eq!(
        v1::inflate_bounded(&bomb, 4096),
        Err(ShareError::TooLarge { limit: 4096 })
    );
    assert_eq!(
        v1::inflate_bounded(&bomb, MAX_SCENARIO_BYTES),
        Err(ShareError::TooLarge {
            limit: MAX_SCENARIO_BYTES
        })
    );
}

// Share links: the text must be UTF-8 JSON text.
#[test]
fn inflated_bytes_that_are_not_utf8_are_not_utf8() {
    let error = decode(&share_of_bytes(b"{\"a\xff\"}")).unwrap_err();
    assert_eq!(error, ShareError::NotUtf8 { offset: 3 });
    assert_eq!(
        error.to_string(),
        "the scenario in the share link is not UTF-8 text: invalid byte at offset 3"
    );
}

// Style guide: messages are lowercase with no final period.
#[test]
fn error_messages_are_lowercase_without_final_period() {
    let errors = [
        ShareError::no_share_data("x"),
        ShareError::MissingVersion,
        ShareError::unknown_version("9"),
        ShareError::payload_too_long(70_000),
        ShareError::BadBase64 {
            position: 1,
            character: '!',
        },
        ShareError::Truncated,
        ShareError::Corrupt,
        ShareError::TooLarge { limit: 1 },
        ShareError::NotUtf8 { offset: 0 },
    ];
    for error in errors {
        let message = error.to_string();
        assert!(message.starts_with(|c: char| c.is_lowercase()), "{message}");
        assert!(!message.ends_with('.'), "{message}");
    }
}

proptest! {
    // Share links: any text round-trips exactly.
    #[test]
    fn any_text_round_trips(text in any::<String>()) {
        prop_assert_eq!(decode(&encode(&text)).unwrap(), text);
    }

    // Share links: never a panic, whatever is pasted.
    #[test]
    fn decode_never_panics_on_any_input(input in any::<String>()) {
        let _ = decode(&input);
    }

    // Share links: never a panic on payloads that reach the inflater.
    #[test]
    fn decode_never_panics_on_any_base64url_payload(payload in "[A-Za-z0-9_-]{0,400}") {
        let _ = decode(&format!("1.{payload}"));
    }

    // Share links: never a panic on any byte stream given to the inflater.
    #[test]
    fn decode_never_panics_on_any_deflate_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(text) = decode(&share_of_deflated(&bytes)) {
            prop_assert!(text.len() <= MAX_SCENARIO_BYTES);
        }
    }
}

#[test]
fn a_suite_with_its_requests_round_trips_through_a_link() {
    // A share link carries the whole document, so a suite's `requests` (names, operations, expectations)
    // come back exactly.
    let text = include_str!("../../../../tests/scenarios/examples/21-public-read-only-mirror.json");
    let scenario = crate::scenario::scenario_from_text(text).unwrap();
    assert_eq!(scenario.requests.len(), 4);
    let json = serde_json::to_string(&scenario).unwrap();
    let decoded = decode(&link("https://example.com/", &json)).unwrap();
    assert_eq!(
        crate::scenario::scenario_from_text(&decoded).unwrap(),
        scenario
    );
}
