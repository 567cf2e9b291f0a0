//! Share links: the whole scenario document carried in a URL fragment.
//!
//! A link is `https://host/path/#s=<version>.<payload>`. The fragment never reaches a server. Format
//! version `1`, the one this build writes, has as payload the base64url alphabet (RFC 4648 section 5,
//! no `=` padding) of the raw deflate stream (RFC 1951, no zlib or gzip header) of the scenario
//! document's JSON text in UTF-8. The codec does not look inside the text: whether it is a valid
//! scenario is the scenario parser's job.
//!
//! The format is plain raw deflate, which the browser reads and writes without this crate:
//!
//! ```js
//! const bytes = new TextEncoder().encode(scenarioJson);
//! const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"));
//! const deflated = new Uint8Array(await new Response(stream).arrayBuffer());
//! // base64url without padding of `deflated`, then "#s=1." + it
//! ```
//!
//! Decoding is bounded: the payload may hold at most [`MAX_PAYLOAD_LEN`] characters and the inflated
//! text at most [`MAX_SCENARIO_BYTES`] bytes; inflating stops at that cap instead of allocating more.
//! Every failure is a [`ShareError`] whose message is meant for people.
//!
//! Each format version keeps its decoder forever, so links made by older builds keep opening; only the
//! newest version is written.

mod error;
mod locate;
mod v1;

pub use error::ShareError;

/// The format version this build writes.
pub const CURRENT_VERSION: &str = v1::VERSION;

/// Every format version this build reads, oldest first.
pub const READABLE_VERSIONS: &[&str] = &[v1::VERSION];

/// The longest payload (base64url characters after `<version>.`) that [`decode`] accepts.
pub const MAX_PAYLOAD_LEN: usize = 64 * 1024;

/// The largest scenario text, in bytes of UTF-8, that [`decode`] inflates a payload to.
pub const MAX_SCENARIO_BYTES: usize = 1024 * 1024;

/// Links longer than this many characters are cut by some chat tools and mail clients: the CLI and
/// the page warn about them and suggest sharing the scenario file instead.
pub const LONG_LINK: usize = 2_000;

/// Encodes a scenario document's JSON text as the fragment value `<version>.<payload>`
/// (what follows `#s=` in a link).
///
/// A text longer than [`MAX_SCENARIO_BYTES`], or whose payload is longer than [`MAX_PAYLOAD_LEN`],
/// encodes but does not decode: callers that accept such sizes check the length of the result.
#[must_use]
pub fn encode(scenario_json: &str) -> String {
    format!("{CURRENT_VERSION}.{}", v1::encode(scenario_json))
}

/// Builds the whole share link for `scenario_json` on the page at `base_url`; a fragment already in
/// `base_url` (`#...`) is replaced.
#[must_use]
pub fn link(base_url: &str, scenario_json: &str) -> String {
    let page = base_url.split_once('#').map_or(base_url, |(page, _)| page);
    format!("{page}#s={}", encode(scenario_json))
}

/// Decodes a share link back to the scenario document's JSON text.
///
/// Accepts a whole URL, its fragment `#s=...`, `s=...`, or the bare `<version>.<payload>`; whitespace
/// around the input is ignored.
///
/// # Errors
/// A [`ShareError`] when the input holds no share data, names a format version this build does not
/// read, or its payload is too long, not base64url, not a complete deflate stream, inflates past
/// [`MAX_SCENARIO_BYTES`] or is not UTF-8.
pub fn decode(input: &str) -> Result<String, ShareError> {
    let value = locate::share_value(input)?;
    let (version, payload) = value.split_once('.').ok_or(ShareError::MissingVersion)?;
    decode_version(version, payload)
}

/// Dispatches a payload to the decoder of its format version.
fn decode_version(version: &str, payload: &str) -> Result<String, ShareError> {
    match version {
        v1::VERSION => v1::decode(payload),
        _ => Err(ShareError::unknown_version(version)),
    }
}

#[cfg(test)]
mod tests;
