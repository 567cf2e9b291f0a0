//! Policy variables: `${key}`, `${key, 'default'}` and the escapes `${*}`, `${?}`, `${$}` (VARS).
//!
//! Variables are substituted only under Version 2012-10-17; under 2008-10-17 the text is literal (VER,
//! VARS). Only single-valued keys can be variables; key names compare case-insensitively. A variable
//! without a value and without a default leaves the whole text unresolved. The substituted characters (a
//! variable's value, its default, the escapes) are literal: they never act as wildcards, which is the
//! point of `${*}` and `${?}`. Text the author wrote outside variables keeps its wildcards.
//!
//! Where the family allows variables is the caller's concern: String and ARN condition operators and
//! `Resource`/`NotResource` (section 8, "Policy variables inside Bool").

use serde::Serialize;

use super::pattern::Pattern;
use crate::context::Context;
use crate::policy::Version;

/// Text after policy-variable substitution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substitution {
    /// The text with every variable replaced; `None` when a variable has no value and no default.
    pub value: Option<String>,
    /// The same text as a wildcard pattern in which only the author's own `*` and `?` are wildcards;
    /// `None` exactly when `value` is.
    pub pattern: Option<Pattern>,
    /// Every variable used, in order (the escapes are not listed).
    pub variables: Vec<VariableUse>,
}

/// One `${...}` variable and what it resolved to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct VariableUse {
    /// The key name as written.
    pub name: String,
    /// The value substituted; `None` when the key has no single value and there is no default.
    pub resolved: Option<String>,
    /// Whether the value is the variable's default.
    pub from_default: bool,
    /// Whether the request has the key but with several values, which a variable cannot use (VARS).
    pub multivalued: bool,
}

/// Substitutes the policy variables in `text` from `context` (VARS). Under 2008-10-17 nothing is
/// substituted and `${...}` stays literal text, its `*` and `?` still wildcards.
pub fn substitute(text: &str, context: &Context, version: Version) -> Substitution {
    if is_literal(text, version) {
        return Substitution {
            value: Some(text.to_string()),
            pattern: Some(Pattern::from_policy_text(text)),
            variables: Vec::new(),
        };
    }
    let mut value = String::new();
    let mut pattern = Pattern::default();
    let mut variables = Vec::new();
    let mut resolved_all = true;
    for part in parse(text) {
        match part {
            Part::Text(text) => {
                value.push_str(text);
                pattern.push_policy_text(text);
            }
            Part::Escape(escaped) => {
                value.push(escaped);
                pattern.push_literal(escaped.encode_utf8(&mut [0; 4]));
            }
            Part::Variable { name, default } => {
                let used = resolve(name, default, context);
                match &used.resolved {
                    Some(resolved) => {
                        value.push_str(resolved);
                        pattern.push_literal(resolved);
                    }
                    None => resolved_all = false,
                }
                variables.push(used);
            }
        }
    }
    Substitution {
        value: resolved_all.then_some(value),
        pattern: resolved_all.then_some(pattern),
        variables,
    }
}

/// Whether `text` has nothing to substitute under `version`, so that it is its own substitution, its `*`
/// and `?` wildcards: under 2008-10-17, or without `${`. Text without `${` is one text part: most values
/// have no variable, and are not split into parts.
pub(super) fn is_literal(text: &str, version: Version) -> bool {
    !version.supports_variables() || !text.contains("${")
}

/// The key names of the variables in `text`, in order, escapes excluded. It reads the 2012-10-17 syntax
/// whatever the version; callers decide whether variables apply.
pub fn variables_in(text: &str) -> Vec<&str> {
    // Most texts have no `$`, so no variable: they are not split into parts.
    if !text.contains('$') {
        return Vec::new();
    }
    parse(text)
        .into_iter()
        .filter_map(|part| match part {
            Part::Variable { name, .. } => Some(name),
            Part::Text(_) | Part::Escape(_) => None,
        })
        .collect()
}

fn resolve(name: &str, default: Option<&str>, context: &Context) -> VariableUse {
    let entry = context.get(name);
    let multivalued = entry.is_some_and(|entry| entry.multivalued);
    let value = entry
        .filter(|entry| !entry.multivalued)
        .and_then(|entry| entry.values.first());
    let (resolved, from_default) = match (value, default) {
        (Some(value), _) => (Some(String::from(value)), false),
        (None, Some(default)) => (Some(default.to_string()), true),
        (None, None) => (None, false),
    };
    VariableUse {
        name: name.to_string(),
        resolved,
        from_default,
        multivalued,
    }
}

/// A piece of text that may hold variables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part<'a> {
    /// Text outside variables, including a `${` that does not start a well-formed variable.
    Text(&'a str),
    /// `${*}`, `${?}` or `${$}`: the character, literally.
    Escape(char),
    /// `${name}` or `${name, 'default'}`.
    Variable {
        /// The key name, without surrounding whitespace.
        name: &'a str,
        /// The default value, without its quotes.
        default: Option<&'a str>,
    },
}

fn parse(text: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let (before, from_dollar) = rest.split_at(start);
        if !before.is_empty() {
            parts.push(Part::Text(before));
        }
        let inner = from_dollar.get(2..).unwrap_or_default();
        match parse_variable(inner) {
            Some((part, after)) => {
                parts.push(part);
                rest = after;
            }
            None => {
                parts.push(Part::Text(from_dollar.get(..2).unwrap_or_default()));
                rest = inner;
            }
        }
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest));
    }
    parts
}

/// Reads a variable from just after `${`; returns it and the text after its `}`.
fn parse_variable(inner: &str) -> Option<(Part<'_>, &str)> {
    for escaped in ['*', '?', '$'] {
        if let Some(after) = inner
            .strip_prefix(escaped)
            .and_then(|rest| rest.strip_prefix('}'))
        {
            return Some((Part::Escape(escaped), after));
        }
    }
    let name_end = inner.find([',', '}', '$', '{'])?;
    let (name, rest) = inner.split_at(name_end);
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(after) = rest.strip_prefix('}') {
        return Some((
            Part::Variable {
                name,
                default: None,
            },
            after,
        ));
    }
    let quoted = rest.strip_prefix(',')?.trim_start().strip_prefix('\'')?;
    let quote_end = quoted.find('\'')?;
    let (default, after_default) = quoted.split_at(quote_end);
    let after = after_default
        .get(1..)
        .unwrap_or_default()
        .trim_start()
        .strip_prefix('}')?;
    Some((
        Part::Variable {
            name,
            default: Some(default),
        },
        after,
    ))
}
