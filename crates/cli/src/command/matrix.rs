//! `ecr-policy matrix`: every ECR repository action decided for the scenario's caller and repository.

use ecr_policy_engine::eval::{Decision, prepare};

use super::Report;
use crate::clock::TimeArg;
use crate::color::{Paint, Style};
use crate::error::CliError;
use crate::exit::Exit;
use crate::input::ScenarioInput;
use crate::render;
use crate::table::{Cell, Table};

/// Examples shown after `ecr-policy matrix --help`.
pub const AFTER_HELP: &str = "\
Examples:
  ecr-policy matrix scenario.json
  ecr-policy matrix scenario.json --json | jq '.rows[] | select(.decision == \"allowed\") | .action'

The scenario's own action or operation is ignored: every operation (pull, push, pull-through-cache,
replicate, mount-layer), every repository action of the ECR catalogue and every registry-level action (on
`*`) is decided for its principal, repository and context; for a suite, those of its first request.
Exit codes: 0 the matrix was printed, 2 invalid input (including policies with errors).";

/// Options of `matrix`.
#[derive(Debug, Clone, clap::Args)]
pub struct MatrixArgs {
    /// The scenario whose caller and repository to use
    #[command(flatten)]
    pub input: ScenarioInput,
    /// Print the matrix as JSON: `{"rows": [{"action", "accessLevel", "registryLevel", "decision", "summary"}], "operations": [{"operation", "decision", "summary", "failingAction"}]}`
    #[arg(long)]
    pub json: bool,
    /// When the request is made
    #[command(flatten)]
    pub time: TimeArg,
}

/// Prints the matrix; exit 2 when the input has errors, so that every row is `invalid`.
pub fn run(args: &MatrixArgs, paint: Paint) -> Result<Report, CliError> {
    let (_, scenario) = args.input.load()?;
    let matrix = prepare(&scenario).matrix(args.time.request_time());
    let exit = if matrix
        .rows
        .iter()
        .any(|row| row.decision == Decision::Invalid)
    {
        Exit::Invalid
    } else {
        Exit::Success
    };
    if args.json {
        let mut text = serde_json::to_string_pretty(&matrix)
            .map_err(|error| CliError::new(format!("cannot write the matrix as JSON: {error}")))?;
        text.push('\n');
        return Ok(Report { text, exit });
    }
    let request = scenario.first_request();
    let mut text = format!(
        "{}  {}\n{}  {}\n\n",
        paint.paint("principal", Style::Bold),
        request.principal,
        paint.paint("resource ", Style::Bold),
        request.resource
    );
    let mut operations = Table::new(&["OPERATION", "DECISION", "WHY"]);
    for row in &matrix.operations {
        operations.row(vec![
            Cell::plain(row.operation.as_str()),
            Cell::styled(row.decision.as_str(), render::decision_style(row.decision)),
            Cell::plain(&row.summary),
        ]);
    }
    text.push_str(&operations.render(paint, ""));
    text.push('\n');
    let mut table = Table::new(&["ACTION", "ACCESS", "DECISION", "WHY"]);
    for row in &matrix.rows {
        let access = if row.registry_level {
            format!("{} (registry-level, on *)", row.access_level)
        } else {
            row.access_level.clone()
        };
        table.row(vec![
            Cell::plain(&row.action),
            Cell::plain(&access),
            Cell::styled(row.decision.as_str(), render::decision_style(row.decision)),
            Cell::plain(&row.summary),
        ]);
    }
    text.push_str(&table.render(paint, ""));
    Ok(Report { text, exit })
}
