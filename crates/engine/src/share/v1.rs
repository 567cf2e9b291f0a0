//! Format version 1: base64url (no padding) of the raw deflate stream of the UTF-8 text.

use base64::Engine as _;
use base64::engine::general_purpose::{GeneralPurpose, NO_PAD};
use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

use super::{MAX_PAYLOAD_LEN, MAX_SCENARIO_BYTES, ShareError};

/// This format's version, as written before the `.` in a share value.
pub(super) const VERSION: &str = "1";

/// Deflate level: the best ratio miniz offers at standard levels, since links are better short.
const DEFLATE_LEVEL: u8 = 9;

/// The smallest inflate buffer, so that growing it by doubling always makes progress.
const MIN_INFLATE_BUFFER: usize = 1024;

/// base64url without padding; non-zero bits left over in the last character are ignored, so a link
/// cut short reaches the inflater and is reported as cut short.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    NO_PAD.with_decode_allow_trailing_bits(true),
);

/// The payload for `text`.
pub(super) fn encode(text: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), DEFLATE_LEVEL);
    BASE64URL.encode(deflated)
}

/// The text a payload carries.
pub(super) fn decode(payload: &str) -> Result<String, ShareError> {
    if payload.len() > MAX_PAYLOAD_LEN {
        return Err(ShareError::payload_too_long(payload.len()));
    }
    if let Some((index, character)) = payload
        .chars()
        .enumerate()
        .find(|(_, character)| !is_base64url(*character))
    {
        return Err(ShareError::BadBase64 {
            position: index + 1,
            character,
        });
    }
    // Every character is in the alphabet, so the only way left to fail is a length no encoder makes:
    // one character of a final group of four, which is what cutting a link short leaves.
    let deflated = BASE64URL
        .decode(payload)
        .map_err(|_| ShareError::Truncated)?;
    let inflated = inflate_bounded(&deflated, MAX_SCENARIO_BYTES)?;
    String::from_utf8(inflated).map_err(|error| ShareError::NotUtf8 {
        offset: error.utf8_error().valid_up_to(),
    })
}

/// Whether `character` belongs to the base64url alphabet.
fn is_base64url(character: char) -> bool {
    character.is_ascii_alphanumeric() || character == '-' || character == '_'
}

/// Inflates the raw deflate stream `deflated` into at most `limit` bytes, never holding more than
/// `limit + 1` bytes of output. The stream must end exactly where `deflated` does.
pub(super) fn inflate_bounded(deflated: &[u8], limit: usize) -> Result<Vec<u8>, ShareError> {
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let ceiling = limit.saturating_add(1);
    let mut output = vec![
        0;
        deflated
            .len()
            .saturating_mul(4)
            .clamp(MIN_INFLATE_BUFFER, ceiling)
    ];
    let mut decompressor = Box::<DecompressorOxide>::default();
    let mut input_pos = 0;
    let mut output_pos = 0;
    loop {
        let input = deflated.get(input_pos..).unwrap_or_default();
        let (status, consumed, produced) =
            decompress(&mut decompressor, input, &mut output, output_pos, flags);
        input_pos += consumed;
        output_pos += produced;
        match status {
            TINFLStatus::Done if output_pos > limit => return Err(ShareError::TooLarge { limit }),
            TINFLStatus::Done if input_pos < deflated.len() => return Err(ShareError::Corrupt),
            TINFLStatus::Done => {
                output.truncate(output_pos);
                return Ok(output);
            }
            TINFLStatus::HasMoreOutput if output.len() >= ceiling => {
                return Err(ShareError::TooLarge { limit });
            }
            TINFLStatus::HasMoreOutput => {
                let grown = output
                    .len()
                    .saturating_mul(2)
                    .clamp(MIN_INFLATE_BUFFER, ceiling);
                output.resize(grown, 0);
            }
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                return Err(ShareError::Truncated);
            }
            _ => return Err(ShareError::Corrupt),
        }
    }
}
