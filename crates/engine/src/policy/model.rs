//! The policy model. Every element keeps the span of its text so that a decision can point at it.
//!
//! The parser fills the model even when it reports errors (missing elements are `None`), so that lint
//! can still look at the rest; the evaluator only ever sees policies without errors.

use serde::Serialize;

use super::kind::PolicyKind;
use super::operator::Operator;
use super::shared::SharedStr;
use crate::span::Span;

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Its text, quotes included.
    pub span: Span,
}

/// The policy language version (VER).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Version {
    /// `2012-10-17`: policy variables are substituted.
    #[serde(rename = "2012-10-17")]
    V2012_10_17,
    /// `2008-10-17`, also the default when `Version` is missing (VER history): variables are literal text.
    #[serde(rename = "2008-10-17")]
    V2008_10_17,
}

impl Version {
    /// Whether `${...}` policy variables are substituted under this version (VARS).
    pub fn supports_variables(self) -> bool {
        self == Version::V2012_10_17
    }
}

/// A parsed policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// The role this policy plays.
    pub kind: PolicyKind,
    /// The effective version: the declared one, or 2008-10-17 when `Version` is missing.
    pub version: Version,
    /// The `Version` element, when present.
    pub version_span: Option<Span>,
    /// The `Id` element, when present.
    pub id: Option<Spanned<String>>,
    /// The statements in source order.
    pub statements: Vec<Statement>,
    /// The whole document.
    pub span: Span,
    /// The length of the text in characters, and without whitespace outside strings (QUOTA counts both ways).
    pub size: PolicySize,
}

/// How big a policy's text is, for the size limits of QUOTA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicySize {
    /// Every character.
    pub characters: usize,
    /// Characters other than whitespace outside strings.
    pub non_whitespace: usize,
}

/// `Allow` or `Deny` (EFF).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Effect {
    /// Grants the request if everything else matches.
    Allow,
    /// Refuses the request if everything else matches, whatever else allows it.
    Deny,
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Position in the policy, from 0.
    pub index: usize,
    /// The whole statement object.
    pub span: Span,
    /// `Sid`.
    pub sid: Option<Spanned<SharedStr>>,
    /// `Effect`; `None` only when the parser reported an error.
    pub effect: Option<Spanned<Effect>>,
    /// `Principal` or `NotPrincipal`.
    pub principal: Option<PrincipalBlock>,
    /// `Action` or `NotAction`; `None` only when the parser reported an error.
    pub action: Option<ActionBlock>,
    /// `Resource` or `NotResource`; `None` when absent (allowed in repository policies: "this repository").
    pub resource: Option<ResourceBlock>,
    /// Every `operator -> key -> values` entry of `Condition`, in source order.
    pub conditions: Vec<Condition>,
    /// The `Condition` element, when present.
    pub condition_span: Option<Span>,
}

/// How messages name the statement at `index` (from 0) with the `Sid` `sid`: ``statement `Sid` `` when
/// it has a non-empty one, else `statement N` counted from 1.
pub fn statement_label(sid: Option<&str>, index: usize) -> String {
    match sid {
        Some(sid) if !sid.is_empty() => format!("statement `{sid}`"),
        _ => format!("statement {}", index + 1),
    }
}

impl Statement {
    /// A label for messages: ``statement `Sid` `` or `statement 2` (counted from 1), as
    /// [`statement_label`] writes it.
    pub fn label(&self) -> String {
        statement_label(self.sid.as_ref().map(|sid| sid.value.as_str()), self.index)
    }

    /// The effect, defaulting to `Allow` for a statement the parser already reported.
    pub fn effect(&self) -> Effect {
        self.effect
            .as_ref()
            .map_or(Effect::Allow, |effect| effect.value)
    }
}

/// `Principal` or `NotPrincipal`.
#[derive(Debug, Clone, PartialEq)]
pub struct PrincipalBlock {
    /// `true` for `NotPrincipal`.
    pub negated: bool,
    /// The element name.
    pub key_span: Span,
    /// The element value.
    pub span: Span,
    /// Each principal named, in source order.
    pub entries: Vec<PrincipalEntry>,
}

/// The kinds of principal a policy can name (GRAM).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum PrincipalKind {
    /// The bare `"*"`, equivalent to `{"AWS": "*"}` (PRIN).
    #[serde(rename = "*")]
    Everyone,
    /// `AWS`: accounts, users, roles, sessions.
    #[serde(rename = "AWS")]
    Aws,
    /// `Service`: AWS service principals.
    Service,
    /// `Federated`: web identity or SAML providers.
    Federated,
    /// `CanonicalUser`: S3 canonical user ids.
    CanonicalUser,
}

/// One principal named in a `Principal` element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrincipalEntry {
    /// Under which key it is named.
    pub kind: PrincipalKind,
    /// The text, such as `arn:aws:iam::111122223333:root` or `*`.
    pub value: SharedStr,
    /// Where the text is.
    pub span: Span,
}

/// `Action` or `NotAction`.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionBlock {
    /// `true` for `NotAction`.
    pub negated: bool,
    /// The element name.
    pub key_span: Span,
    /// The element value.
    pub span: Span,
    /// Each pattern, in source order.
    pub patterns: Vec<Spanned<SharedStr>>,
}

/// `Resource` or `NotResource`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceBlock {
    /// `true` for `NotResource`.
    pub negated: bool,
    /// The element name.
    pub key_span: Span,
    /// The element value.
    pub span: Span,
    /// Each pattern, in source order.
    pub patterns: Vec<Spanned<SharedStr>>,
}

/// One `operator -> key -> values` entry of a `Condition` element.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The operator, parsed; `None` when its name is unknown (the parser reported it).
    pub operator: Option<Operator>,
    /// The operator's text as written, and its span.
    pub operator_text: Spanned<SharedStr>,
    /// The condition key as written (key names compare case-insensitively, COND), and its span.
    pub key: Spanned<SharedStr>,
    /// The values, in source order; several values for one key are ORed (MV).
    pub values: Vec<ConditionValue>,
    /// The span of the whole value (a scalar or an array).
    pub values_span: Span,
}

/// A condition value as written. Quotes are optional for numbers and booleans (GRAM), so the text is kept
/// together with the JSON type it was written as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionValue {
    /// The value as text: strings unquoted, numbers as written, booleans as `true`/`false`.
    pub text: SharedStr,
    /// The JSON type it was written as.
    pub written_as: ValueType,
    /// Where it is.
    pub span: Span,
}

/// The JSON type of a scalar in a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ValueType {
    /// A JSON string.
    String,
    /// A JSON number.
    Number,
    /// A JSON boolean.
    Boolean,
}
