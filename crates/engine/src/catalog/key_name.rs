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

/// Many catalogue key names, indexed to tell whether a policy's key is one of them as [`matches`] tells
/// for each (lint asks this of every condition key, against a few hundred names): the plain names and
/// the tag templates' prefixes, each lowercased and sorted, searched without writing the key anew.
#[derive(Debug, Default)]
pub(super) struct KeyNames {
    /// The names that are not tag templates, lowercased, sorted.
    plain: Vec<String>,
    /// The tag templates' parts before `/${` (`aws:resourcetag`), lowercased, sorted.
    tag_prefixes: Vec<String>,
}

impl KeyNames {
    /// The index of `templates`.
    pub(super) fn new<'a>(templates: impl IntoIterator<Item = &'a str>) -> Self {
        let mut names = KeyNames::default();
        for template in templates {
            match tag_template_prefix(template) {
                Some(prefix) => names.tag_prefixes.push(prefix.to_ascii_lowercase()),
                None => names.plain.push(template.to_ascii_lowercase()),
            }
        }
        for list in [&mut names.plain, &mut names.tag_prefixes] {
            list.sort_unstable();
            list.dedup();
        }
        names
    }

    /// Whether some template of the index [`matches`] the key `name` from a policy.
    pub(super) fn contains(&self, name: &str) -> bool {
        contains_ignore_case(&self.plain, name)
            || name.split_once('/').is_some_and(|(head, tag)| {
                !tag.is_empty() && contains_ignore_case(&self.tag_prefixes, head)
            })
    }
}

/// Whether the sorted lowercase `list` holds `name`, ignoring ASCII case.
fn contains_ignore_case(list: &[String], name: &str) -> bool {
    list.binary_search_by(|known| {
        known
            .bytes()
            .cmp(name.bytes().map(|byte| byte.to_ascii_lowercase()))
    })
    .is_ok()
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
pub(super) fn tag_template_prefix(template: &str) -> Option<&str> {
    let slash = template
        .as_bytes()
        .windows(3)
        .position(|window| window == b"/${")?;
    template.get(..slash)
}
