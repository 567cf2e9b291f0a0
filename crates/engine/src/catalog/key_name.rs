//! Condition-key names: case-insensitive, with tag keys written as a `${TagKey}` template (COND, GCK).

/// Whether the key `name` from a policy is the key `template` from the catalogue. Names compare
/// case-insensitively; `aws:ResourceTag/${TagKey}` stands for any `aws:ResourceTag/<tag key>` with a
/// non-empty tag key.
pub(super) fn matches(template: &str, name: &str) -> bool {
    match template.split_once("/${") {
        Some((prefix, _)) => name
            .split_once('/')
            .is_some_and(|(head, tag)| head.eq_ignore_ascii_case(prefix) && !tag.is_empty()),
        None => template.eq_ignore_ascii_case(name),
    }
}

/// The part of a catalogue key name that a misspelling is compared with: the whole name, or for a tag
/// template the part up to and including the `/` (`aws:principaltag/`), lowercased.
pub(super) fn comparable(template: &str) -> String {
    match template.split_once("/${") {
        Some((prefix, _)) => format!("{}/", prefix.to_ascii_lowercase()),
        None => template.to_ascii_lowercase(),
    }
}
