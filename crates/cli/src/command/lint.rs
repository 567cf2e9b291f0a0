//! `ecr-policy lint`: the engine's findings for one policy, as `file:line:column: severity[code]: message`
//! lines or as JSON.

use clap::builder::{PossibleValue, TypedValueParser};
use ecr_policy_engine::diagnostic::{Code, Diagnostic, Severity};
use ecr_policy_engine::lint::{LintOptions, lint_document};
use ecr_policy_engine::policy::PolicyKind;
use ecr_policy_engine::registry::RegistryPolicyScope;
use ecr_policy_engine::unwrap::Wrapper;
use serde::Serialize;

use super::Report;
use crate::color::Paint;
use crate::error::CliError;
use crate::exit::Exit;
use crate::input::read_source;
use crate::output::note;
use crate::{render, sarif};

/// Examples shown after `ecr-policy lint --help`.
pub const AFTER_HELP: &str = "\
Examples:
  ecr-policy lint repo-policy.json
  ecr-policy lint ci-role.json --kind identity
  ecr-policy lint repo-policy.json --repository arn:aws:ecr:us-east-1:111122223333:repository/app --strict
  ecr-policy lint registry-policy.json --kind registry --scope V1
  ecr-policy lint repo-policy.json --json | jq '.findings[] | select(.severity == \"error\")'
  aws ecr get-repository-policy --repository-name app | ecr-policy lint -
  ecr-policy lint repo-policy.json --format sarif > ecr-policy.sarif   # for GitHub code scanning

The policy may be pasted as AWS hands it out: the output of aws ecr get-repository-policy,
get-registry-policy, aws ecr-public get-repository-policy, aws iam get-policy-version,
get-role-policy, get-user-policy, get-group-policy, aws organizations describe-policy, or a policy as
one JSON string. Positions stay those of the file; a note on standard error says what was read.

Severities: error (AWS would reject the policy), security-warning (grants more than probably meant),
warning (likely a mistake), suggestion (a simpler way to say the same).
Exit codes: 0 no errors (with --strict: no errors and no security warnings), 1 otherwise, 2 unreadable file.";

/// Options of `lint`.
#[derive(Debug, Clone, clap::Args)]
pub struct LintArgs {
    /// The policy file; `-` reads standard input
    #[arg(value_name = "POLICY")]
    pub file: String,
    /// What the policy is: the grammar and the checks depend on it
    #[arg(long, value_name = "KIND", default_value = "repository", value_parser = KindParser)]
    pub kind: PolicyKind,
    /// The repository the policy is for, to check `Resource` and tell which accounts are other accounts
    /// (for a registry policy: a repository of its registry)
    #[arg(long, value_name = "ARN")]
    pub repository: Option<String>,
    /// The registry policy scope, for `--kind registry`: under V1 only three actions are enforced
    #[arg(long, value_name = "SCOPE", default_value = "V2", value_parser = ScopeParser)]
    pub scope: RegistryPolicyScope,
    /// Print `{"findings": [{"severity", "code", "message", "line", "column"}]}` (`--format json`)
    #[arg(long, conflicts_with = "format")]
    pub json: bool,
    /// How to print the findings: `text`, `json`, or `sarif` (SARIF 2.1.0 for code scanning)
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Text)]
    pub format: Format,
    /// Exit 1 on security warnings too, not only on errors
    #[arg(long)]
    pub strict: bool,
}

/// How `lint` and `test` print their results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Lines for people.
    Text,
    /// JSON.
    Json,
    /// SARIF 2.1.0, which GitHub code scanning shows on the policy lines.
    Sarif,
}

/// One finding in `--json` output.
#[derive(Debug, Serialize)]
struct Finding<'a> {
    severity: Severity,
    code: Code,
    message: &'a str,
    line: usize,
    column: usize,
}

/// The `--json` document.
#[derive(Debug, Serialize)]
struct Findings<'a> {
    findings: Vec<Finding<'a>>,
    /// What was recognised around a wrapped policy (`shape`, `field`, `message`, `plainPolicy`).
    #[serde(skip_serializing_if = "Option::is_none")]
    wrapper: Option<&'a Wrapper>,
}

/// Lints the file; the exit code says whether a finding blocks. A policy wrapped in AWS CLI output is
/// read from inside it (positions stay those of the file), and one line on standard error says so.
pub fn run(args: &LintArgs, paint: Paint) -> Result<Report, CliError> {
    let document = read_source(&args.file)?;
    let options = LintOptions {
        repository_arn: args.repository.clone(),
        registry_scope: args.scope,
    };
    let result = lint_document(&document.text, args.kind, &options);
    let diagnostics = &result.diagnostics;
    if let Some(wrapper) = &result.wrapper {
        note(&format!("{}: note: {}", document.label, wrapper.message));
    }
    let blocking = |diagnostic: &Diagnostic| {
        diagnostic.severity == Severity::Error
            || (args.strict && diagnostic.severity == Severity::SecurityWarning)
    };
    let exit = if diagnostics.iter().any(blocking) {
        Exit::Failure
    } else {
        Exit::Success
    };
    let format = if args.json { Format::Json } else { args.format };
    let text = if format == Format::Sarif {
        let findings: Vec<sarif::Finding> = diagnostics
            .iter()
            .map(|diagnostic| sarif::Finding::of_diagnostic(&document.label, diagnostic))
            .collect();
        sarif::to_text(&findings)?
    } else if format == Format::Json {
        let findings = Findings {
            findings: diagnostics
                .iter()
                .map(|diagnostic| Finding {
                    severity: diagnostic.severity,
                    code: diagnostic.code,
                    message: &diagnostic.message,
                    line: diagnostic.span.line as usize,
                    column: diagnostic.span.column as usize,
                })
                .collect(),
            wrapper: result.wrapper.as_deref(),
        };
        let mut text = serde_json::to_string_pretty(&findings).map_err(|error| {
            CliError::new(format!("cannot write the findings as JSON: {error}"))
        })?;
        text.push('\n');
        text
    } else {
        diagnostics
            .iter()
            .map(|diagnostic| format!("{}\n", render::finding(&document.label, diagnostic, paint)))
            .collect()
    };
    Ok(Report { text, exit })
}

/// Reads `--kind` with the engine's names, and lists them in the help and in errors.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KindParser;

impl TypedValueParser for KindParser {
    type Value = PolicyKind;

    fn parse_ref(
        &self,
        command: &clap::Command,
        argument: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<PolicyKind, clap::Error> {
        let names: Vec<&str> = PolicyKind::ALL.iter().map(|kind| kind.as_str()).collect();
        clap::builder::PossibleValuesParser::new(names)
            .parse_ref(command, argument, value)
            .and_then(|name| {
                PolicyKind::from_name(&name)
                    .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidValue))
            })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            PolicyKind::ALL
                .iter()
                .map(|kind| PossibleValue::new(kind.as_str())),
        ))
    }
}

/// Reads `--scope` with AWS's names, `V1` and `V2`, and lists them in the help and in errors.
#[derive(Debug, Clone, Copy)]
struct ScopeParser;

impl TypedValueParser for ScopeParser {
    type Value = RegistryPolicyScope;

    fn parse_ref(
        &self,
        command: &clap::Command,
        argument: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<RegistryPolicyScope, clap::Error> {
        let names = RegistryPolicyScope::ALL.map(RegistryPolicyScope::as_str);
        clap::builder::PossibleValuesParser::new(names)
            .parse_ref(command, argument, value)
            .and_then(|name| {
                RegistryPolicyScope::from_name(&name)
                    .ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidValue))
            })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            RegistryPolicyScope::ALL
                .iter()
                .map(|scope| PossibleValue::new(scope.as_str())),
        ))
    }
}
