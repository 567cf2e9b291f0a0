//! The command line and its dispatch: global options, one module per subcommand, the help text with
//! examples and exit codes. Each subcommand returns its whole output and exit code as a [`Report`], or a
//! [`CliError`](crate::error::CliError) that becomes one `error: ...` line and exit 2.

pub mod diff;
pub mod eval;
mod fixes;
mod from_error;
pub mod import;
pub mod link;
pub mod lint;
pub mod matrix;
pub mod test;
pub mod who_can;

use clap::{Parser, Subcommand};

use crate::color::{ColorChoice, Paint};
use crate::exit::Exit;
use crate::output::{note, write_stdout};

const ABOUT: &str = "Evaluate, test, lint and share AWS ECR repository policies and IAM policies";

const LONG_ABOUT: &str = "\
Evaluate, test, lint and share AWS ECR repository policies and IAM policies.

The same engine as the ECR Policy Playground page. Every command reads scenario documents: a repository
policy, the caller's identity policies (and boundary, session policy, SCPs, RCPs), a request, and for tests
the expected decision. Nothing leaves the machine.";

const AFTER_HELP: &str = "\
Examples:
  ecr-policy eval scenario.json                 decide one scenario and explain why
  ecr-policy eval --json - < scenario.json      the engine's result object as JSON
  ecr-policy test tests/scenarios --junit out.xml
  ecr-policy lint repo-policy.json --kind repository --strict
  ecr-policy matrix scenario.json               every repository action for the caller
  ecr-policy link scenario.json                 a share link the playground page opens
  ecr-policy diff old.json new.json --fail-on-new-access   does the change give anyone new access?
  ecr-policy import --account-details account.json --principal ARN --resource ARN > scenario.json
  ecr-policy who-can --account-details account.json --repository-policy repo-policy.json \\
      --resource ARN --operation pull       every user and role, and who outside the account

Exit codes:
  0  success: allowed (eval), every scenario passed (test), nothing blocking (lint), no new access
     (diff)
  1  denied (eval: explicitDeny or implicitDeny), a scenario failed (test), errors found (lint;
     with --strict also security warnings), new access (diff --fail-on-new-access)
  2  invalid input or usage: unreadable file, bad JSON, not a scenario, bad link, policy errors that
     block evaluation, unknown option";

/// `ecr-policy`: the parsed command line.
#[derive(Debug, Parser)]
#[command(name = "ecr-policy", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    /// When to colour the output
    #[arg(long, value_enum, value_name = "WHEN", global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// What to do
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decide one scenario: the decision, the reason chain and every statement's outcome
    #[command(after_help = eval::AFTER_HELP)]
    Eval(eval::EvalArgs),
    /// Run every scenario that has an `expect` and report those that give another decision
    #[command(after_help = test::AFTER_HELP)]
    Test(test::TestArgs),
    /// Check one policy: parse errors, security warnings, warnings and suggestions
    #[command(after_help = lint::AFTER_HELP)]
    Lint(lint::LintArgs),
    /// Decide every ECR repository action for a scenario's caller and repository
    #[command(after_help = matrix::AFTER_HELP)]
    Matrix(matrix::MatrixArgs),
    /// Compare two versions of a policy: every representative request whose decision changed
    #[command(after_help = diff::AFTER_HELP)]
    Diff(diff::DiffArgs),
    /// Print the share link that opens a scenario in the playground page
    #[command(after_help = link::AFTER_HELP)]
    Link(link::LinkArgs),
    /// Print a scenario whose identity side is a user's or role's, from `aws iam get-account-authorization-details`
    #[command(after_help = import::AFTER_HELP)]
    Import(import::ImportArgs),
    /// List every user and role of an account, and the outside principals the repository's side names, with its decision
    #[command(after_help = who_can::AFTER_HELP)]
    WhoCan(who_can::WhoCanArgs),
}

/// Prints clap's message for a command line it could not read, or the help or version asked for.
/// Help and version exit 0; a usage error exits 2.
pub fn report_usage(error: &clap::Error) -> Exit {
    // Nothing useful can be done when the terminal is gone.
    let _ignored = error.print();
    if error.use_stderr() {
        Exit::Invalid
    } else {
        Exit::Success
    }
}

/// What a subcommand prints on standard output, and how the process ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The whole standard output.
    pub text: String,
    /// The exit code.
    pub exit: Exit,
}

/// Runs the command line's subcommand, prints its output and returns the exit code.
pub fn run(cli: Cli) -> Exit {
    let paint = Paint::for_stdout(cli.color);
    let result = match &cli.command {
        Command::Eval(args) => eval::run(args, paint),
        Command::Test(args) => test::run(args, paint),
        Command::Lint(args) => lint::run(args, paint),
        Command::Matrix(args) => matrix::run(args, paint),
        Command::Link(args) => link::run(args),
        Command::Diff(args) => diff::run(args, paint),
        Command::Import(args) => import::run(args),
        Command::WhoCan(args) => who_can::run(args, paint),
    };
    match result {
        Ok(report) => match write_stdout(&report.text) {
            Ok(()) => report.exit,
            Err(error) => {
                note(&format!("error: cannot write the output: {error}"));
                Exit::Invalid
            }
        },
        Err(error) => {
            note(&format!("error: {error}"));
            Exit::Invalid
        }
    }
}
