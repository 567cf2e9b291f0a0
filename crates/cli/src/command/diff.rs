//! `ecr-policy diff`: which requests a change to a policy allows or denies that it did not before, from
//! the engine's access diff over representative requests.

use ecr_policy_engine::diff::{AccessChange, AccessDiff, DiffInput, diff_policies};
use ecr_policy_engine::policy::PolicyKind;

use super::Report;
use super::lint::KindParser;
use crate::clock::TimeArg;
use crate::color::{Paint, Style};
use crate::error::CliError;
use crate::exit::Exit;
use crate::input::{ScenarioInput, read_source};
use crate::render;

/// Examples shown after `ecr-policy diff --help`.
pub const AFTER_HELP: &str = "\
Examples:
  ecr-policy diff old-repo-policy.json repo-policy.json
  ecr-policy diff old.json new.json --kind identity --json | jq '.changes[] | select(.after == \"allowed\")'
  git show main:repo-policy.json | ecr-policy diff - repo-policy.json --fail-on-new-access
  ecr-policy diff old-scp.json scp.json --kind scp --base scenario.json

Each representative request (every principal either version names, and for an account its root, a
user and a role session; the repository's account, another account and anonymous; every action either
version can match; for every condition a value on each side of it) is decided under both versions, and
every request whose decision changed is listed, grouped by principal. Requests that no version tells
apart are not listed: a diff is only as complete as the representative requests (see the README).
Exit codes: 0 no new access, 1 with --fail-on-new-access when a request denied before is allowed now,
2 invalid input (the errors of both versions are printed).";

/// Options of `diff`.
#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The policy before the change; `-` reads standard input
    #[arg(value_name = "OLD")]
    pub old: String,
    /// The policy after the change; `-` reads standard input
    #[arg(value_name = "NEW")]
    pub new: String,
    /// What the policy is: which slot of the scenario it is decided in
    #[arg(long, value_name = "KIND", default_value = "repository", value_parser = KindParser)]
    pub kind: PolicyKind,
    /// A scenario whose other policies, repository and context the requests are decided with (the
    /// policy compared takes its kind's slot); without it, the defaults the README lists
    #[arg(long, value_name = "SCENARIO")]
    pub base: Option<String>,
    /// Which scenario of the base file, when it holds several: its name, or its position counted from 1
    #[arg(long, value_name = "NAME|N", requires = "base")]
    pub scenario: Option<String>,
    /// Print `{"newAccess", "lostAccess", "changes": [{"principal", "action", "resource", "context", "before", "after"}], ...}`
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when some request denied under OLD is allowed under NEW
    #[arg(long)]
    pub fail_on_new_access: bool,
    /// When the requests are made
    #[command(flatten)]
    pub time: TimeArg,
}

/// Compares the two versions; the exit code says whether there is new access (with
/// `--fail-on-new-access`) or invalid input.
pub fn run(args: &DiffArgs, paint: Paint) -> Result<Report, CliError> {
    if args.old == "-" && args.new == "-" {
        return Err(CliError::new(
            "only one of OLD and NEW can be `-` (standard input)",
        ));
    }
    let old = read_source(&args.old)?;
    let new = read_source(&args.new)?;
    let base = match &args.base {
        Some(file) => Some(
            ScenarioInput {
                file: Some(file.clone()),
                link: None,
                scenario: args.scenario.clone(),
            }
            .load()?
            .1,
        ),
        None => None,
    };
    let diff = diff_policies(&DiffInput {
        old: &old.text,
        new: &new.text,
        kind: args.kind,
        base: base.as_ref(),
        time: args.time.request_time(),
    });
    let exit = if !diff.valid {
        Exit::Invalid
    } else if args.fail_on_new_access && diff.new_access {
        Exit::Failure
    } else {
        Exit::Success
    };
    let text = if args.json {
        let mut text = serde_json::to_string_pretty(&diff)
            .map_err(|error| CliError::new(format!("cannot write the diff as JSON: {error}")))?;
        text.push('\n');
        text
    } else if diff.valid {
        changes_text(&diff, paint)
    } else {
        errors_text(&diff, (&old.label, &new.label), paint)
    };
    Ok(Report { text, exit })
}

/// The errors of both versions as `file:line:column` findings, then the base scenario's.
fn errors_text(diff: &AccessDiff, (old, new): (&str, &str), paint: Paint) -> String {
    let mut text = String::new();
    for (label, errors) in [(old, &diff.old_errors), (new, &diff.new_errors)] {
        for error in errors {
            text.push_str(&render::finding(label, error, paint));
            text.push('\n');
        }
    }
    for error in &diff.base_errors {
        text.push_str(&format!("base scenario: {error}\n"));
    }
    text
}

/// The changes grouped by principal, then a one-line summary.
fn changes_text(diff: &AccessDiff, paint: Paint) -> String {
    let mut text = String::new();
    let mut principal: Option<&str> = None;
    for change in &diff.changes {
        if principal != Some(change.principal.as_str()) {
            if principal.is_some() {
                text.push('\n');
            }
            principal = Some(&change.principal);
            text.push_str(&paint.paint(&change.principal, Style::Bold));
            text.push('\n');
        }
        text.push_str(&change_line(change, paint));
    }
    if !diff.changes.is_empty() {
        text.push('\n');
    }
    let summary = match (diff.new_access, diff.lost_access) {
        _ if diff.changes.is_empty() => "no change in access".to_string(),
        (true, true) => "new access and lost access".to_string(),
        (true, false) => "new access".to_string(),
        (false, true) => "lost access".to_string(),
        (false, false) => "only the kind of denial changed".to_string(),
    };
    text.push_str(&format!(
        "{summary}: {} of {} representative requests changed\n",
        diff.changes.len(),
        diff.requests
    ));
    text
}

/// `  + ecr:BatchGetImage on arn:... [aws:SourceIp=10.1.0.0]: implicitDeny -> allowed`.
fn change_line(change: &AccessChange, paint: Paint) -> String {
    let sign = if change.is_new_access() {
        paint.paint("+", Style::Green)
    } else if change.is_lost_access() {
        paint.paint("-", Style::Red)
    } else {
        paint.paint("~", Style::Yellow)
    };
    let context = if change.context.is_empty() {
        String::new()
    } else {
        let pairs: Vec<String> = change
            .context
            .iter()
            .map(|(key, value)| format!("{key}={value}"))
            .collect();
        format!(" [{}]", pairs.join(", "))
    };
    format!(
        "  {sign} {} on {}{context}: {} -> {}\n",
        change.action,
        change.resource,
        paint.paint(
            change.before.as_str(),
            render::decision_style(change.before)
        ),
        paint.paint(change.after.as_str(), render::decision_style(change.after)),
    )
}
