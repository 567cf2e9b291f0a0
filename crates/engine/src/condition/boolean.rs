//! Values for `Bool` and `Null`: `true` or `false`, in any case (OPS). JSON booleans in a policy arrive
//! as the same text.

/// Reads `true` or `false`, ignoring case; `None` for anything else.
pub(super) fn parse(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}
