//! Validation findings for policies, in the spirit of IAM Access Analyzer's policy checks: mistakes AWS
//! would reject (errors), grants wider than their author probably meant (security warnings), elements
//! that do nothing or behave surprisingly (warnings), and simpler ways to say the same (suggestions).
//!
//! [`lint_policy`] parses and lints a text; [`lint_parsed`] lints a parse the caller already has (the
//! evaluator reuses its parse). Each finding has a stable code ([`LintCode`](crate::diagnostic::LintCode)), a message that says what
//! to do, the span of the exact element, and a link to the AWS page that explains the rule. The rules
//! come from `iam-semantics.md`, with its section 8 decisions; each check cites its source key.

mod access;
mod actions;
mod conditions;
mod docs;
mod grants;
mod literal;
mod operator_types;
mod principals;
mod public;
mod redundancy;
mod registry;
mod resources;
mod services;
mod structure;
mod text;
mod variables;

#[cfg(test)]
mod tests;

use crate::diagnostic::Diagnostic;
use crate::matching::Arn;
use serde::Serialize;

use crate::policy::{Effect, ParsedPolicy, Policy, PolicyKind, Shared, Statement, parse_policy};
use crate::registry::RegistryPolicyScope;
use crate::unwrap::Wrapper;

/// What the linter knows about the scenario beyond the policy text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintOptions {
    /// The ARN of the repository the scenario is about, to check a repository policy's `Resource` and to
    /// tell which accounts are other accounts. `None` when unknown.
    pub repository_arn: Option<String>,
    /// The registry policy scope, which decides which actions a registry policy is enforced for
    /// (section 7); `V2`, the default, when unknown.
    pub registry_scope: RegistryPolicyScope,
}

/// Parses `text` as a policy of `kind` and lints it: the parser's diagnostics and the lint findings,
/// sorted by position (then by severity).
pub fn lint_policy(text: &str, kind: PolicyKind, options: &LintOptions) -> Vec<Diagnostic> {
    lint_document(text, kind, options).diagnostics
}

/// Everything linting a pasted text finds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LintResult {
    /// The parser's diagnostics and the lint findings, sorted by position (then by severity).
    pub diagnostics: Vec<Diagnostic>,
    /// When the text wrapped the policy (CLI output, a JSON string), what was recognised; the spans
    /// then point into the text as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wrapper: Option<Shared<Wrapper>>,
}

/// [`lint_policy`], with what was recognised around a wrapped policy.
pub fn lint_document(text: &str, kind: PolicyKind, options: &LintOptions) -> LintResult {
    let parsed = parse_policy(text, kind);
    LintResult {
        diagnostics: all_findings(&parsed, options),
        wrapper: parsed.wrapper,
    }
}

/// The parser's diagnostics of `parsed` and the lint findings, sorted by position (then by severity).
pub fn all_findings(parsed: &ParsedPolicy, options: &LintOptions) -> Vec<Diagnostic> {
    let mut all = parsed.diagnostics.clone();
    all.extend(lint_parsed(parsed, options));
    sort_by_position(&mut all);
    all
}

/// The one order of findings: by position, then by severity, as a person reads the text and as
/// `file:line:column` lines are listed. (The page's findings list groups them by severity itself.)
fn sort_by_position(findings: &mut [Diagnostic]) {
    Diagnostic::sort(findings, |first, second| {
        (first.span.start, first.severity).cmp(&(second.span.start, second.severity))
    });
}

/// The lint findings for an already parsed policy, without the parser's own diagnostics, in source
/// order. A text that is not a JSON object has no findings beyond the parser's. Parts the parser could
/// not read (a statement without `Action`...) are skipped, so findings never repeat a parse error.
pub fn lint_parsed(parsed: &ParsedPolicy, options: &LintOptions) -> Vec<Diagnostic> {
    let Some(policy) = &parsed.policy else {
        return Vec::new();
    };
    let input = Input {
        policy,
        repository: options
            .repository_arn
            .as_deref()
            .and_then(|arn| Arn::parse(arn.trim()).ok()),
        registry_scope: options.registry_scope,
    };
    let mut findings = Vec::new();
    structure::check(&input, &mut findings);
    actions::check(&input, &mut findings);
    resources::check(&input, &mut findings);
    principals::check(&input, &mut findings);
    access::check(&input, &mut findings);
    conditions::check(&input, &mut findings);
    variables::check(&input, &mut findings);
    redundancy::check(&input, &mut findings);
    registry::check(&input, &mut findings);
    services::check(&input, &mut findings);
    public::check(&input, &mut findings);
    sort_by_position(&mut findings);
    findings
}

/// Whether the statement's `Effect` is `effect`; `false` when the parser could not read it, so that
/// effect-dependent findings never guess.
fn has_effect(statement: &Statement, effect: Effect) -> bool {
    statement
        .effect
        .as_ref()
        .is_some_and(|written| written.value == effect)
}

/// What every check reads.
struct Input<'a> {
    /// The policy.
    policy: &'a Policy,
    /// The scenario's repository, when its ARN is known and parses.
    repository: Option<Arn>,
    /// The registry policy scope.
    registry_scope: RegistryPolicyScope,
}

impl Input<'_> {
    /// Whether the policy is a repository policy.
    fn is_repository_policy(&self) -> bool {
        self.policy.kind == PolicyKind::Repository
    }

    /// Whether `Allow` statements of this policy grant access. SCPs and RCPs only set the maximum
    /// permissions (EVAL), so their Allows are guardrails, not grants.
    fn allows_grant(&self) -> bool {
        !matches!(self.policy.kind, PolicyKind::Scp | PolicyKind::Rcp)
    }
}
