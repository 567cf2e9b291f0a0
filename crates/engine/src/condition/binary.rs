//! Values for `BinaryEquals`: base64 text on both sides, compared as the bytes it encodes (OPS).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_PAD_INDIFFERENT;

/// The bytes a standard-alphabet base64 text encodes, padding optional; `None` when it is not base64.
pub(super) fn decode(text: &str) -> Option<Vec<u8>> {
    STANDARD_PAD_INDIFFERENT.decode(text).ok()
}
