//! Runs the built `ecr-policy` binary as a user or a CI job would, one module per subcommand plus the
//! bad inputs every subcommand must refuse with one clear line and exit code 2.

mod bad_input;
mod diff;
mod eval;
mod fixes;
mod from_error;
mod help;
#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helpers: a result that is not the JSON expected fails the test"
)]
mod import;
mod import_template;
mod link;
mod lint;
mod matrix;
mod sarif;
mod suites;
#[expect(
    clippy::unwrap_used,
    reason = "test helpers: any failure to run the binary fails the test"
)]
mod support;
mod test_command;
mod who_can;
