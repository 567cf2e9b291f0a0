//! Policy text to [`Policy`] plus diagnostics. Never panics; every problem becomes a diagnostic with a span.
//!
//! Grammar: GRAM, with the per-kind rules of iam-semantics.md section 2 and the decisions of section 8.

mod reader;
mod statement;
#[cfg(test)]
mod tests;

use self::reader::Members;
use crate::diagnostic::{Diagnostic, ParseCode};
use crate::json::{self, JsonKind, JsonValue};
use crate::policy::Shared;
use crate::policy::kind::PolicyKind;
use crate::policy::model::{Policy, PolicySize, Spanned, Version};
use crate::span::LineIndex;
use crate::unwrap::{self, Wrapper};

const DOCUMENT_ELEMENTS: &[&str] = &["Version", "Id", "Statement"];

/// The result of parsing one policy text.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPolicy {
    /// The model, when the text was a JSON object (possibly with errors in it).
    pub policy: Option<Policy>,
    /// Every problem found, errors first in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// When the text wrapped the policy (CLI output, a JSON string), what was recognised; the spans
    /// then point into the text as given.
    pub wrapper: Option<Shared<Wrapper>>,
}

impl ParsedPolicy {
    /// The policy, only when no diagnostic is an error: a policy with errors is not evaluated (section 8).
    pub fn valid(&self) -> Option<&Policy> {
        if self.has_errors() {
            None
        } else {
            self.policy.as_ref()
        }
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Parses `text` as a policy of `kind`. A policy wrapped in the output of an AWS command (see
/// [`unwrap`]) is read from inside it, with its spans in `text`.
pub fn parse_policy(text: &str, kind: PolicyKind) -> ParsedPolicy {
    let index = LineIndex::new(text);
    let json = json::parse_indexed(text, &index);
    if let Some(unwrapped) = json
        .as_ref()
        .ok()
        .and_then(|value| unwrap::unwrap(value, text))
    {
        let index = LineIndex::mapped(text, &unwrapped.map);
        let json = json::parse_indexed(&unwrapped.text, &index);
        let mut parsed = parse_json(&unwrapped.text, json, kind, &index);
        parsed.wrapper = Some(Shared::new(unwrapped.wrapper));
        return parsed;
    }
    let unknown_wrapper = json.as_ref().is_ok_and(unwrap::looks_like_wrapper);
    let mut parsed = parse_json(text, json, kind, &index);
    if unknown_wrapper {
        unwrap::explain_shapes(&mut parsed.diagnostics);
    }
    parsed
}

/// The policy of `kind` in `text`, which `json` is the parse of, with spans made by `index`.
fn parse_json(
    text: &str,
    json: Result<JsonValue, Box<json::SyntaxError>>,
    kind: PolicyKind,
    index: &LineIndex<'_>,
) -> ParsedPolicy {
    let mut diagnostics = Vec::new();
    check_characters(text, index, &mut diagnostics);
    let policy = match json {
        Ok(value) => document(&value, kind, text, &mut diagnostics),
        Err(error) => {
            diagnostics.push(Diagnostic::from(*error));
            None
        }
    };
    Diagnostic::sort(&mut diagnostics, |first, second| {
        let key = |diagnostic: &Diagnostic| (!diagnostic.is_error(), diagnostic.span.start);
        key(first).cmp(&key(second))
    });
    ParsedPolicy {
        policy,
        diagnostics,
        wrapper: None,
    }
}

fn document(
    value: &JsonValue,
    kind: PolicyKind,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Policy> {
    let JsonKind::Object(members) = &value.kind else {
        diagnostics.push(Diagnostic::error(
            ParseCode::NotAnObject,
            format!(
                "a policy is a JSON object with a `Statement` element, found {}",
                value.type_name()
            ),
            value.span,
        ));
        return None;
    };
    let members = Members::read(members, DOCUMENT_ELEMENTS, "the policy", diagnostics);
    let (version, version_span) = version(&members, kind, value, diagnostics);
    let id = members
        .get("Id")
        .and_then(|member| reader::string(&member.value, "Id", diagnostics).map(|id| (member, id)))
        .map(|(member, id)| {
            if kind.is_identity_based() {
                // GRAM: Id "must not be included in identity-based policies".
                diagnostics.push(Diagnostic::error(
                    ParseCode::ElementNotAllowed,
                    format!("`Id` is not allowed in {}: remove it", kind.describe()),
                    member.key_span,
                ));
            }
            id
        });
    let statements = match members.get("Statement") {
        Some(member) => statement::statements(&member.value, kind, diagnostics),
        None => {
            diagnostics.push(Diagnostic::error(
                ParseCode::MissingElement,
                "the policy has no `Statement`: add `\"Statement\": [ ... ]` with at least one statement",
                value.span,
            ));
            Vec::new()
        }
    };
    statement::check_sids(&statements, kind, diagnostics);
    Some(Policy {
        kind,
        version,
        version_span,
        id,
        statements,
        span: value.span,
        size: size(text),
    })
}

fn version(
    members: &Members<'_>,
    kind: PolicyKind,
    document: &JsonValue,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Version, Option<crate::span::Span>) {
    let Some(member) = members.get("Version") else {
        if kind == PolicyKind::Rcp {
            // RCPSYN: RCPs must use Version 2012-10-17.
            diagnostics.push(Diagnostic::error(
                ParseCode::RcpSyntax,
                "a resource control policy must declare `\"Version\": \"2012-10-17\"`",
                document.span,
            ));
        }
        // VER (history to Oct 2021): a missing Version defaults to 2008-10-17.
        return (Version::V2008_10_17, None);
    };
    let Some(Spanned { value: text, span }) = reader::string(&member.value, "Version", diagnostics)
    else {
        return (Version::V2008_10_17, Some(member.value.span));
    };
    let version = match text.as_str() {
        "2012-10-17" => Version::V2012_10_17,
        "2008-10-17" => Version::V2008_10_17,
        other => {
            diagnostics.push(Diagnostic::error(
                ParseCode::InvalidVersion,
                format!(
                    "`Version` must be `2012-10-17` (current) or `2008-10-17`, found `{other}`"
                ),
                span,
            ));
            Version::V2012_10_17
        }
    };
    if kind == PolicyKind::Rcp && version != Version::V2012_10_17 {
        diagnostics.push(Diagnostic::error(
            ParseCode::RcpSyntax,
            "a resource control policy must use `\"Version\": \"2012-10-17\"`",
            span,
        ));
    }
    (version, Some(span))
}

/// QUOTA: policies may contain only U+0009, U+000A, U+000D and U+0020 to U+00FF. One error per line at most.
fn check_characters(text: &str, index: &LineIndex<'_>, diagnostics: &mut Vec<Diagnostic>) {
    // Most policies are ASCII without control characters: one pass over the bytes shows that.
    let allowed_byte = |byte: u8| matches!(byte, b'\t' | b'\n' | b'\r' | 0x20..=0x7F);
    if text.bytes().all(allowed_byte) {
        return;
    }
    let mut last_line = 0;
    for (offset, character) in text.char_indices() {
        let allowed = matches!(character, '\t' | '\n' | '\r' | '\u{20}'..='\u{FF}');
        if allowed {
            continue;
        }
        let span = index.span(offset, offset + character.len_utf8());
        if span.line == last_line {
            continue;
        }
        last_line = span.line;
        diagnostics.push(Diagnostic::error(
            ParseCode::InvalidCharacter,
            format!(
                "character `{}` (U+{:04X}) is not allowed: AWS accepts only tab, line breaks and U+0020 to U+00FF in policies",
                character.escape_debug(),
                u32::from(character)
            ),
            span,
        ));
    }
}

/// Characters in all, and without whitespace outside strings (QUOTA counts IAM limits without whitespace).
fn size(text: &str) -> PolicySize {
    // In ASCII text every byte is a character: the characters are the bytes, and only the whitespace
    // between strings is looked at, each string skipped to its closing quote.
    if text.is_ascii() {
        PolicySize {
            characters: text.len(),
            non_whitespace: text.len() - whitespace_outside_strings(text.as_bytes()),
        }
    } else {
        size_of(text.chars())
    }
}

/// How many bytes of the ASCII `text` are whitespace outside strings, as [`size_of`] counts them.
fn whitespace_outside_strings(text: &[u8]) -> usize {
    let is_whitespace = |byte: &&u8| matches!(**byte, b'\t'..=b'\r' | b' ');
    let mut whitespace = 0;
    let mut rest = text;
    loop {
        let Some(quote) = rest.iter().position(|byte| *byte == b'"') else {
            return whitespace + rest.iter().filter(is_whitespace).count();
        };
        let (between, string) = rest.split_at(quote);
        whitespace += between.iter().filter(is_whitespace).count();
        rest = string.get(1..).unwrap_or_default();
        // Inside a string: on to the closing quote, passing over each escaped character.
        loop {
            match rest.iter().position(|byte| matches!(byte, b'"' | b'\\')) {
                Some(stop) if rest.get(stop) == Some(&b'\\') => {
                    rest = rest.get(stop + 2..).unwrap_or_default();
                }
                Some(stop) => {
                    rest = rest.get(stop + 1..).unwrap_or_default();
                    break;
                }
                None => return whitespace,
            }
        }
    }
}

fn size_of(characters: impl Iterator<Item = char>) -> PolicySize {
    let mut in_string = false;
    let mut escaped = false;
    let mut non_whitespace = 0;
    let mut count = 0;
    for character in characters {
        count += 1;
        if in_string {
            non_whitespace += 1;
            match (escaped, character) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !character.is_whitespace() {
            non_whitespace += 1;
            in_string = character == '"';
        }
    }
    PolicySize {
        characters: count,
        non_whitespace,
    }
}
