//! Why a share link could not be decoded, in words for the person who pasted it.

use std::fmt;

use super::{MAX_PAYLOAD_LEN, READABLE_VERSIONS};

/// The most characters of pasted input that an error message repeats.
const EXCERPT_CHARS: usize = 40;

/// A share link that cannot be decoded. `Display` gives the message to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The input has no `s=` fragment parameter and is not a bare `<version>.<payload>`.
    NoShareData {
        /// The start of the input, shortened for the message.
        input: String,
    },
    /// The share value has no `<version>.` prefix.
    MissingVersion,
    /// The share value names a format version this build does not read.
    UnknownVersion {
        /// The version found, shortened for the message.
        found: String,
    },
    /// The payload is longer than the cap.
    PayloadTooLong {
        /// The payload's length in bytes (characters, for base64url text).
        length: usize,
        /// The cap, [`MAX_PAYLOAD_LEN`].
        limit: usize,
    },
    /// The payload holds a character outside the base64url alphabet.
    BadBase64 {
        /// The 1-based position of the character within the payload, counted in characters.
        position: usize,
        /// The offending character.
        character: char,
    },
    /// The payload ends before its compressed data does: the link was cut short.
    Truncated,
    /// The payload's compressed data is invalid, or followed by extra data.
    Corrupt,
    /// The payload inflates to more than the cap.
    TooLarge {
        /// The cap in bytes, [`super::MAX_SCENARIO_BYTES`].
        limit: usize,
    },
    /// The inflated text is not UTF-8.
    NotUtf8 {
        /// The 0-based byte offset of the first invalid byte in the inflated text.
        offset: usize,
    },
}

impl ShareError {
    /// No share data in `input`.
    pub(super) fn no_share_data(input: &str) -> Self {
        Self::NoShareData {
            input: excerpt(input),
        }
    }

    /// An unreadable format version `found`.
    pub(super) fn unknown_version(found: &str) -> Self {
        Self::UnknownVersion {
            found: excerpt(found),
        }
    }

    /// A payload of `length` bytes, over the cap.
    pub(super) fn payload_too_long(length: usize) -> Self {
        Self::PayloadTooLong {
            length,
            limit: MAX_PAYLOAD_LEN,
        }
    }
}

/// `text` cut to [`EXCERPT_CHARS`] characters, with `…` when it was longer.
fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let mut shown: String = chars.by_ref().take(EXCERPT_CHARS).collect();
    if chars.next().is_some() {
        shown.push('…');
    }
    shown
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoShareData { input } => write!(
                f,
                "no share link in `{input}`: expected a link ending in `#s=<version>.<payload>`"
            ),
            Self::MissingVersion => write!(
                f,
                "the share link has no format version: expected `s=<version>.<payload>`"
            ),
            Self::UnknownVersion { found } => write!(
                f,
                "unknown share link format version `{found}`, this build reads {}: \
                 the link may come from a newer playground",
                READABLE_VERSIONS.join(", ")
            ),
            Self::PayloadTooLong { length, limit } => write!(
                f,
                "the share link is too long: its payload has {length} characters, the limit is {limit}"
            ),
            Self::BadBase64 {
                position,
                character,
            } => write!(
                f,
                "the share link has an invalid character `{}` at position {position} of its payload",
                character.escape_debug()
            ),
            Self::Truncated => write!(
                f,
                "the share link is cut short: its data ends too early, copy the whole link again"
            ),
            Self::Corrupt => write!(
                f,
                "the share link is damaged: its data is not valid compressed text"
            ),
            Self::TooLarge { limit } => write!(
                f,
                "the scenario in the share link is larger than the limit of {limit} bytes"
            ),
            Self::NotUtf8 { offset } => write!(
                f,
                "the scenario in the share link is not UTF-8 text: invalid byte at offset {offset}"
            ),
        }
    }
}

impl std::error::Error for ShareError {}
