//! `ecr-policy`: the ECR Policy Playground engine on the command line, for CI and terminals.
//!
//! This binary only adapts: it reads files, calls the engine and prints what it returns. The exit codes
//! are [`exit::Exit`].

mod account;
mod clock;
mod color;
mod command;
mod error;
mod exit;
mod input;
mod junit;
mod output;
mod render;
mod sarif;
mod table;

use clap::Parser;

use crate::command::Cli;
use crate::exit::Exit;

fn main() -> Exit {
    match Cli::try_parse() {
        Ok(cli) => command::run(cli),
        Err(error) => command::report_usage(&error),
    }
}
