//! Condition-key names: case-insensitive, with tag keys written as a `${TagKey}` template (COND, GCK).

/// Whether the key `name` from a policy is the key `template` from the catalogue. Names compare
/// case-insensitively; `aws:ResourceTag/${TagKey}` stands for any `aws:ResourceTag/<tag key>` with a
/// non-empty tag key.
pub(super) fn matches(template: &str, name: &str) -> bool {
    match tag_template_prefix(template) {
        Some(prefix) => name
            .split_once('/')
            .is_some_and(|(head, tag)| head.eq_ignore_ascii_case(prefix) && !tag.is_empty()),
        None => template.eq_ignore_ascii_case(name),
    }
}

/// The part of a catalogue key name that a misspelling is compared with: the whole name, or for a tag
/// template the part up to and including the `/` (`aws:principaltag/`), lowercased.
pub(super) fn comparable(template: &str) -> String {
    match tag_template_prefix(template) {
        Some(prefix) => format!("{}/", prefix.to_ascii_lowercase()),
        None => template.to_ascii_lowercase(),
    }
}

/// For a tag template, the part before its first `/${` (`aws:ResourceTag`); `None` for other names.
/// A plain scan of the bytes: quicker on these short names than a substring search, and lint looks up
/// every condition key in every catalogue key.
fn tag_template_prefix(template: &str) -> Option<&str> {
    let slash = template
        .as_bytes()
        .windows(3)
        .position(|window| window == b"/${")?;
    template.get(..slash)
}
