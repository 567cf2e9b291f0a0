//! Findings about policy text: parse errors from the parser, and (from `lint`) validation findings.
//! Each carries a severity, a stable code, a message a person understands and the span it is about.
//!
//! Messages follow one style: lowercase, no final period, user input in backticks.

mod code;

use serde::Serialize;

pub use code::{Code, JsonCode, LintCode, ParseCode};

use crate::json::SyntaxError;
use crate::span::Span;

/// How serious a finding is. Only `Error` blocks evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// AWS would reject the policy, or the engine cannot evaluate it.
    Error,
    /// The policy works but grants more than its author probably meant.
    SecurityWarning,
    /// The policy works but something in it is likely a mistake.
    Warning,
    /// A clearer or simpler way to write the same thing.
    Suggestion,
}

impl Severity {
    /// The name used in CLI output and JSON (`error`, `security-warning`, `warning`, `suggestion`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::SecurityWarning => "security-warning",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

/// One finding about one place in a policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable kebab-case code, such as `duplicate-key`; tests and tools match on it.
    pub code: Code,
    /// What is wrong and what to do, in words.
    pub message: String,
    /// Where it is.
    pub span: Span,
    /// A link to the AWS documentation page that explains the rule, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub docs: Option<&'static str>,
}

impl Diagnostic {
    /// An error finding.
    pub fn error(code: impl Into<Code>, message: impl Into<String>, span: Span) -> Self {
        Self::new(Severity::Error, code, message, span)
    }

    /// A warning finding.
    pub fn warning(code: impl Into<Code>, message: impl Into<String>, span: Span) -> Self {
        Self::new(Severity::Warning, code, message, span)
    }

    /// A finding of any severity.
    pub fn new(
        severity: Severity,
        code: impl Into<Code>,
        message: impl Into<String>,
        span: Span,
    ) -> Self {
        Self {
            severity,
            code: code.into(),
            message: message.into(),
            span,
            docs: None,
        }
    }

    /// The same finding with a documentation link.
    pub fn with_docs(mut self, url: &'static str) -> Self {
        self.docs = Some(url);
        self
    }

    /// Whether this finding blocks evaluation.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sorts `diagnostics` stably in `order`. Every list of findings is sorted through here, with its
    /// order as a function pointer, so that the WebAssembly module carries one copy of the sort.
    pub(crate) fn sort(
        diagnostics: &mut [Diagnostic],
        order: fn(&Diagnostic, &Diagnostic) -> std::cmp::Ordering,
    ) {
        diagnostics.sort_by(order);
    }
}

impl From<SyntaxError> for Diagnostic {
    /// Text that is not strict JSON is an error at the place the reader stopped.
    fn from(error: SyntaxError) -> Self {
        Diagnostic::error(error.code, error.message, error.span)
    }
}
