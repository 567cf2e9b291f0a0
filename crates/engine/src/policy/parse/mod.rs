//! Policy text to [`Policy`] plus diagnostics. Never panics; every problem becomes a diagnostic with a span.
//!
//! Grammar: GRAM, with the per-kind rules of iam-semantics.md section 2 and the decisions of section 8.

mod reader;
mod statement;
#[cfg(test)]
mod tests;

use self::reader::{Context, Members};
use crate::diagnostic::{Diagnostic, ParseCode};
use crate::json::{self, JsonDocument, JsonKind, JsonValue};
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
        .and_then(|document| unwrap::unwrap(&document.value, text))
    {
        let index = LineIndex::mapped(text, &unwrapped.map);
        let json = json::parse_indexed(&unwrapped.text, &index);
        let mut parsed = parse_json(&unwrapped.text, json, kind, &index);
        parsed.wrapper = Some(Shared::new(unwrapped.wrapper));
        return parsed;
    }
    let unknown_wrapper = json
        .as_ref()
        .is_ok_and(|document| unwrap::looks_like_wrapper(&document.value));
    let mut parsed = parse_json(text, json, kind, &index);
    if unknown_wrapper {
        unwrap::explain_shapes(&mut parsed.diagnostics);
    }
    parsed
}

/// The policy of `kind` in `text`, which `json` is the parse of, with spans made by `index`.
fn parse_json(
    text: &str,
    json: Result<JsonDocument, Box<json::SyntaxError>>,
    kind: PolicyKind,
    index: &LineIndex<'_>,
) -> ParsedPolicy {
    let mut diagnostics = Vec::new();
    let policy = match json {
        Ok(json) => {
            // JSON allows only space, tab and line breaks outside strings and no control character
            // inside them, so a JSON text of ASCII characters has no character QUOTA refuses.
            if json.characters != text.len() {
                check_characters(text, index, &mut diagnostics);
            }
            document(&json.value, kind, size(&json), &mut diagnostics)
        }
        Err(error) => {
            check_characters(text, index, &mut diagnostics);
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
    size: PolicySize,
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
    let members = Members::read(members, DOCUMENT_ELEMENTS, Context::Policy, diagnostics);
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
            Spanned {
                value: id.value.to_owned(),
                span: id.span,
            }
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
        size,
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
    let version = match text {
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

/// Characters in all, and without whitespace outside strings (QUOTA counts IAM limits without whitespace),
/// as the JSON parser counted them.
fn size(json: &JsonDocument) -> PolicySize {
    PolicySize {
        characters: json.characters,
        non_whitespace: json.characters - json.whitespace,
    }
}
