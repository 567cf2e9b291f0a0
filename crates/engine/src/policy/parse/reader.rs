//! Small readers shared by the document and statement parsers: object members with duplicate and
//! unknown-key checks, strings, and "a string or an array of strings".

use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::ParseCode;
use crate::distance::levenshtein;
use crate::json::{JsonKind, JsonMember, JsonValue};
use crate::policy::model::Spanned;
use crate::policy::shared::SharedStr;

/// How messages name the object being read, written out only when a message is made.
#[derive(Debug, Clone, Copy)]
pub(super) enum Context<'a> {
    /// `the policy`.
    Policy,
    /// `statement 2`, for the statement at this index (counted from 0).
    Statement(usize),
    /// An element or operator by its name, in backticks: `` `Condition` ``.
    Element(&'a str),
}

impl fmt::Display for Context<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Context::Policy => f.write_str("the policy"),
            Context::Statement(index) => write!(f, "statement {}", index + 1),
            Context::Element(name) => write!(f, "`{name}`"),
        }
    }
}

/// The members of an object with known names, after reporting duplicates and unknown names.
/// The first of duplicated keys is kept (the duplicate is reported as an error, section 8): the object's
/// members are read in place, a member whose key an earlier one has being skipped.
pub(super) struct Members<'a> {
    members: &'a [JsonMember<'a>],
}

impl<'a> Members<'a> {
    /// Reads `members`, reporting duplicate keys and names outside `known` (with a did-you-mean).
    pub(super) fn read(
        members: &'a [JsonMember<'a>],
        known: &[&str],
        context: Context<'_>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        Self::read_known(members, Some(known), context, diagnostics)
    }

    /// Reads `members` whose names are free (condition operators and keys), reporting duplicate keys.
    pub(super) fn read_any(
        members: &'a [JsonMember<'a>],
        context: Context<'_>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        Self::read_known(members, None, context, diagnostics)
    }

    /// Reads `members`, reporting duplicate keys and, when `known` is given, names outside it.
    fn read_known(
        members: &'a [JsonMember<'a>],
        known: Option<&[&str]>,
        context: Context<'_>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        for (at, member) in members.iter().enumerate() {
            if is_repeated(members, at) {
                diagnostics.push(Diagnostic::error(
                    ParseCode::DuplicateKey,
                    format!(
                        "`{}` appears twice in {context}: AWS requires each key once; merge the two into one",
                        member.key
                    ),
                    member.key_span,
                ));
                continue;
            }
            if let Some(known) = known.filter(|known| !known.contains(&member.key.as_ref())) {
                let hint = match suggest(&member.key, known) {
                    Some(name) => format!("did you mean `{name}`?"),
                    None => format!("the known elements are {}", quoted_list(known)),
                };
                diagnostics.push(Diagnostic::error(
                    ParseCode::UnknownElement,
                    format!("unknown element `{}` in {context}: {hint}", member.key),
                    member.key_span,
                ));
            }
        }
        Self { members }
    }

    /// The kept members, in source order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &'a JsonMember<'a>> + '_ {
        let members = self.members;
        members
            .iter()
            .enumerate()
            .filter(move |&(at, _)| !is_repeated(members, at))
            .map(|(_, member)| member)
    }

    /// The member named `name`: the first of that name.
    pub(super) fn get(&self, name: &str) -> Option<&'a JsonMember<'a>> {
        self.members.iter().find(|member| member.key == name)
    }
}

/// Whether the member at `at` has the key of an earlier member.
fn is_repeated(members: &[JsonMember<'_>], at: usize) -> bool {
    let Some((member, earlier)) = members.get(..=at).and_then(<[JsonMember<'_>]>::split_last)
    else {
        return false;
    };
    earlier.iter().any(|seen| seen.key == member.key)
}

/// The closest name in `known` to `name`: the same name in another case or plural, or at most two edits away.
pub(super) fn suggest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = name.to_ascii_lowercase();
    known
        .iter()
        .map(|candidate| {
            (
                levenshtein(&lower, &candidate.to_ascii_lowercase()),
                *candidate,
            )
        })
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// `a`, `b` and `c` in backticks, for messages.
pub(super) fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The value as a string, borrowed from the JSON value, or a `wrong-type` error naming `element`.
pub(super) fn string<'v>(
    value: &'v JsonValue,
    element: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<&'v str>> {
    match &value.kind {
        JsonKind::String(text) => Some(Spanned {
            value: text,
            span: value.span,
        }),
        _ => {
            diagnostics.push(wrong_type(value, element, "a string"));
            None
        }
    }
}

/// A string or a non-empty array of strings (GRAM: single-value arrays may drop the brackets).
/// Wrong items are reported and skipped.
pub(super) fn string_or_array(
    value: &JsonValue,
    element: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Spanned<SharedStr>> {
    match &value.kind {
        JsonKind::String(_) => non_empty(value, element, diagnostics).into_iter().collect(),
        JsonKind::Array(items) => {
            if items.is_empty() {
                diagnostics.push(Diagnostic::error(
                    ParseCode::EmptyValue,
                    format!("`{element}` is an empty array: list at least one value, or remove the element"),
                    value.span,
                ));
            }
            items
                .iter()
                .filter_map(|item| match &item.kind {
                    JsonKind::String(_) => non_empty(item, element, diagnostics),
                    _ => {
                        diagnostics.push(wrong_type(item, element, "a string"));
                        None
                    }
                })
                .collect()
        }
        _ => {
            diagnostics.push(wrong_type(
                value,
                element,
                "a string or an array of strings",
            ));
            Vec::new()
        }
    }
}

fn non_empty(
    value: &JsonValue,
    element: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Spanned<SharedStr>> {
    let text = value.as_str()?;
    if text.is_empty() {
        diagnostics.push(Diagnostic::error(
            ParseCode::EmptyValue,
            format!("`{element}` has an empty string: write a value or remove it"),
            value.span,
        ));
        return None;
    }
    Some(Spanned {
        value: SharedStr::from(text),
        span: value.span,
    })
}

/// A `wrong-type` error: "`Effect` must be a string, found a number".
pub(super) fn wrong_type(value: &JsonValue, element: &str, expected: &str) -> Diagnostic {
    Diagnostic::error(
        ParseCode::WrongType,
        format!(
            "`{element}` must be {expected}, found {} {}",
            article(value.type_name()),
            value.type_name()
        ),
        value.span,
    )
}

fn article(type_name: &str) -> &'static str {
    if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
