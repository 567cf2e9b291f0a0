//! Policies as AWS hands them out: the output of `aws ecr get-repository-policy` and its kin wraps the
//! policy in other fields, often as an escaped JSON string. [`unwrap`] recognises these shapes and
//! gives the policy inside with a [`PositionMap`](crate::span::PositionMap), so that the parser's spans
//! point into the text as pasted. The parser calls it for every policy text it reads.

mod decode;
#[cfg(test)]
mod tests;

use serde::Serialize;

use self::decode::Decoded;
use crate::diagnostic::Diagnostic;
use crate::json::{JsonKind, JsonMember, JsonValue};
use crate::span::PositionMap;

/// Which output a policy was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum WrapperShape {
    /// `aws ecr get-repository-policy` or `aws ecr-public get-repository-policy`:
    /// `{"registryId", "repositoryName", "policyText"}`.
    GetRepositoryPolicy,
    /// `aws ecr get-registry-policy`: `{"registryId", "policyText"}`.
    GetRegistryPolicy,
    /// `aws iam get-policy-version`: `{"PolicyVersion": {"Document", "VersionId", ...}}`.
    GetPolicyVersion,
    /// `aws iam get-role-policy`: `{"RoleName", "PolicyName", "PolicyDocument"}`.
    GetRolePolicy,
    /// `aws iam get-user-policy`: `{"UserName", "PolicyName", "PolicyDocument"}`.
    GetUserPolicy,
    /// `aws iam get-group-policy`: `{"GroupName", "PolicyName", "PolicyDocument"}`.
    GetGroupPolicy,
    /// `aws organizations describe-policy` (an SCP or RCP): `{"Policy": {"PolicySummary", "Content"}}`.
    DescribePolicy,
    /// The policy as one JSON string, `"{\"Version\": ...}"`.
    JsonString,
}

impl WrapperShape {
    /// The command whose output this is, for messages.
    fn command(self) -> &'static str {
        match self {
            WrapperShape::GetRepositoryPolicy => "`aws ecr get-repository-policy`",
            WrapperShape::GetRegistryPolicy => "`aws ecr get-registry-policy`",
            WrapperShape::GetPolicyVersion => "`aws iam get-policy-version`",
            WrapperShape::GetRolePolicy => "`aws iam get-role-policy`",
            WrapperShape::GetUserPolicy => "`aws iam get-user-policy`",
            WrapperShape::GetGroupPolicy => "`aws iam get-group-policy`",
            WrapperShape::DescribePolicy => "`aws organizations describe-policy`",
            WrapperShape::JsonString => "a JSON string",
        }
    }
}

/// What was recognised around a policy, said quietly beside the findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Wrapper {
    /// The output it was.
    pub shape: WrapperShape,
    /// The field the policy was read from (`policyText`, `PolicyVersion.Document`, ...); `None` for a
    /// policy pasted as one JSON string.
    pub field: Option<&'static str>,
    /// What was done, in words: ``read the policy from `policyText` of `aws ecr get-repository-policy` output``.
    pub message: String,
    /// The policy as plain text, to put in place of what was pasted.
    pub plain_policy: String,
}

/// A policy found inside a wrapper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unwrapped {
    /// The policy text, as the parser reads it.
    pub text: String,
    /// Where each byte of `text` is in the pasted text.
    pub map: PositionMap,
    /// What was recognised.
    pub wrapper: Wrapper,
}

/// The policy inside `value` (the parsed `pasted` text) when it is one of the [`WrapperShape`]s.
pub(crate) fn unwrap(value: &JsonValue, pasted: &str) -> Option<Unwrapped> {
    let (shape, field, policy) = match &value.kind {
        JsonKind::String(text) if text.trim_start().starts_with('{') => {
            (WrapperShape::JsonString, None, value)
        }
        JsonKind::Object(members) if member(members, "Statement").is_none() => {
            wrapped_policy(members)?
        }
        _ => return None,
    };
    let (decoded, url_encoded) = match &policy.kind {
        JsonKind::String(_) => {
            Decoded::string(pasted, policy.span.start as usize, policy.span.end as usize)?
        }
        JsonKind::Object(_) => (
            Decoded::slice(pasted, policy.span.start as usize, policy.span.end as usize)?,
            false,
        ),
        _ => return None,
    };
    let plain_policy = match policy.kind {
        JsonKind::Object(_) => dedent(&decoded.text),
        _ => decoded.text.clone(),
    };
    let message = match field {
        Some(field) => format!(
            "read the policy from `{field}`{} of {} output",
            if url_encoded { " (URL-encoded)" } else { "" },
            shape.command()
        ),
        None => "read the policy from the JSON string it was pasted as".to_owned(),
    };
    Some(Unwrapped {
        text: decoded.text,
        map: decoded.map,
        wrapper: Wrapper {
            shape,
            field,
            message,
            plain_policy,
        },
    })
}

/// The shape, the field and the policy value of an object that wraps a policy.
fn wrapped_policy<'a>(
    members: &'a [JsonMember<'a>],
) -> Option<(WrapperShape, Option<&'static str>, &'a JsonValue<'a>)> {
    if let Some(text) = member(members, "policyText") {
        return Some(if member(members, "repositoryName").is_some() {
            (WrapperShape::GetRepositoryPolicy, Some("policyText"), text)
        } else {
            (WrapperShape::GetRegistryPolicy, Some("policyText"), text)
        });
    }
    if let Some(document) = member(members, "PolicyDocument") {
        let shape = [
            ("RoleName", WrapperShape::GetRolePolicy),
            ("UserName", WrapperShape::GetUserPolicy),
            ("GroupName", WrapperShape::GetGroupPolicy),
        ]
        .into_iter()
        .find(|(name, _)| member(members, name).is_some())?
        .1;
        return Some((shape, Some("PolicyDocument"), document));
    }
    let nested = |outer: &str, inner: &str| match &member(members, outer)?.kind {
        JsonKind::Object(fields) => member(fields, inner),
        _ => None,
    };
    if let Some(document) = nested("PolicyVersion", "Document") {
        return Some((
            WrapperShape::GetPolicyVersion,
            Some("PolicyVersion.Document"),
            document,
        ));
    }
    let content = nested("Policy", "Content")?;
    Some((
        WrapperShape::DescribePolicy,
        Some("Policy.Content"),
        content,
    ))
}

/// The value of the first member named `key`.
fn member<'a>(members: &'a [JsonMember<'a>], key: &str) -> Option<&'a JsonValue<'a>> {
    members
        .iter()
        .find(|member| member.key == key)
        .map(|member| &member.value)
}

/// An object cut from an indented document, with the indentation of its closing brace taken off every
/// line after the first, so that it reads as a document of its own.
fn dedent(text: &str) -> String {
    let indent = text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.len() - last.trim_start().len());
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or_default().to_owned();
    lines.fold(first, |mut out, line| {
        let blank = line.len() - line.trim_start_matches([' ', '\t']).len();
        out.push('\n');
        out.push_str(line.get(blank.min(indent)..).unwrap_or(line));
        out
    })
}

/// A policy document as the IAM API returns it, URL-encoded (`%7B%22Version%22...`), as plain text;
/// `None` when `text` is not URL-encoded.
pub(crate) fn url_decoded(text: &str) -> Option<String> {
    Decoded::url_decoded(text)
}

/// Whether a document that is no policy looks like an attempt at a wrapper: an object with no
/// `Statement` but with top-level fields a policy does not have.
pub(crate) fn looks_like_wrapper(value: &JsonValue) -> bool {
    matches!(&value.kind, JsonKind::Object(members)
        if member(members, "Statement").is_none()
            && members.iter().any(|member| !["Version", "Id"].contains(&member.key.as_ref())))
}

/// The line added to the first error of a document that [`looks_like_wrapper`] but is none of the
/// recognised shapes.
pub(crate) fn explain_shapes(diagnostics: &mut [Diagnostic]) {
    if let Some(first) = diagnostics
        .iter_mut()
        .find(|diagnostic| diagnostic.is_error())
    {
        first.message.push_str(
            "; nor is it a recognised wrapper: the output of `aws ecr get-repository-policy`, \
             `aws ecr get-registry-policy`, `aws ecr-public get-repository-policy`, \
             `aws iam get-policy-version`, `aws iam get-role-policy`, `get-user-policy` or \
             `get-group-policy`, `aws organizations describe-policy`, or a policy as one JSON string",
        );
    }
}
