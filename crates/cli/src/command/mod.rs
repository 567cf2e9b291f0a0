//! One module per subcommand; this one dispatches and prints. Each subcommand returns its whole output
//! and exit code as a [`Report`], or a [`CliError`] that becomes one `error: ...` line and exit 2.

pub mod eval;
pub mod link;
pub mod lint;
pub mod matrix;
pub mod test;

use std::io::Write;

use crate::cli::{Cli, Command};
use crate::color::Paint;
use crate::error::CliError;
use crate::exit::Exit;

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

/// Writes one line on standard error. A closed standard error is ignored: there is nobody to tell.
pub fn note(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ignored = writeln!(stderr, "{line}");
}

/// Writes `text` to standard output. A reader that went away (`| head`) is not an error.
fn write_stdout(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::new(error.to_string()))
        }
        _ => Ok(()),
    }
}
