//! Finds the share value (`<version>.<payload>`) in what a person pasted: a URL, a fragment or the
//! value itself.

use super::ShareError;

/// The value of the `s=` fragment parameter in `input`, or `input` itself when it is a bare
/// `<version>.<payload>`.
pub(super) fn share_value(input: &str) -> Result<&str, ShareError> {
    let trimmed = input.trim();
    if let Some((_, fragment)) = trimmed.split_once('#') {
        return fragment
            .split('&')
            .find_map(|parameter| parameter.strip_prefix("s="))
            .ok_or_else(|| ShareError::no_share_data(trimmed));
    }
    if let Some(value) = trimmed.strip_prefix("s=") {
        return Ok(value);
    }
    if trimmed.contains("://") || !trimmed.contains('.') {
        return Err(ShareError::no_share_data(trimmed));
    }
    Ok(trimmed)
}
