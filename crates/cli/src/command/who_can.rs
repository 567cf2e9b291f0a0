//! `ecr-policy who-can`: every user and role of the account authorization details, and every principal
//! outside the account that the repository or registry policy names, with its decision for one action
//! or operation on the repository.

use ecr_policy_engine::analysis::{WhoCanKind, who_can};
use ecr_policy_engine::operation::Operation;
use ecr_policy_engine::scenario::Request;

use super::Report;
use crate::account::AccountSources;
use crate::clock::TimeArg;
use crate::color::Paint;
use crate::error::CliError;
use crate::exit::Exit;
use crate::render;
use crate::table::{Cell, Table};

/// Examples shown after `ecr-policy who-can --help`.
pub const AFTER_HELP: &str = "\
Examples:
  ecr-policy who-can --account-details account.json --repository-policy repo-policy.json \\
      --resource arn:aws:ecr:us-east-1:111122223333:repository/app --operation pull
  ecr-policy who-can --account-details account.json --repository-policy repo-policy.json \\
      --resource arn:aws:ecr:us-east-1:111122223333:repository/app --action ecr:PutImage --json

Each user is decided with its inline, attached and group policies and its permissions boundary; each
role as any session of it. A principal outside the account that an Allow statement of the repository or
registry policy names is decided as if its own account allowed the request, and its row says what that
account must grant. With --json: `{\"principals\": [{\"arn\", \"kind\", \"decision\", \"reason\",
\"statement\", \"needs\", \"missing\"}]}`.
Exit codes: 0 the table was printed, 2 invalid input (unreadable file, bad JSON, policies with errors).";

/// Options of `who-can`.
#[derive(Debug, Clone, clap::Args)]
#[command(group = clap::ArgGroup::new("asked").required(true).args(["action", "operation"]))]
pub struct WhoCanArgs {
    /// The account details and the repository's policies
    #[command(flatten)]
    pub sources: AccountSources,
    /// The repository ARN, or `*` for a registry-level action
    #[arg(long, value_name = "ARN")]
    pub resource: String,
    /// The action to decide
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
    /// The operation to decide (pull, push, pull-through-cache, replicate, mount-layer)
    #[arg(long, value_name = "OPERATION", value_parser = super::eval::operation)]
    pub operation: Option<Operation>,
    /// Print `{"principals": [...]}` as JSON
    #[arg(long)]
    pub json: bool,
    /// When the request is made
    #[command(flatten)]
    pub time: TimeArg,
}

/// Prints the table; exit 2 when a policy has errors, which makes every row `invalid`.
pub fn run(args: &WhoCanArgs, paint: Paint) -> Result<Report, CliError> {
    let (details, mut scenario) = args.sources.load()?;
    scenario.request = Some(Request {
        action: args.action.clone().unwrap_or_default(),
        operation: args.operation,
        resource: args.resource.clone(),
        ..Request::default()
    });
    let answer = who_can(&details, &scenario, args.time.request_time());
    let exit = if answer
        .principals
        .iter()
        .any(|row| row.decision == ecr_policy_engine::eval::Decision::Invalid)
    {
        Exit::Invalid
    } else {
        Exit::Success
    };
    if args.json {
        let mut text = serde_json::to_string_pretty(&answer)
            .map_err(|error| CliError::new(format!("cannot write the answer as JSON: {error}")))?;
        text.push('\n');
        return Ok(Report { text, exit });
    }
    let mut table = Table::new(&["PRINCIPAL", "DECISION", "WHY"]);
    for row in &answer.principals {
        let who = match row.kind {
            WhoCanKind::User => row.arn.clone(),
            WhoCanKind::Role => format!("{} (any session of the role)", row.arn),
            WhoCanKind::External => format!("{} (outside the account)", row.arn),
        };
        let mut why = row.reason.clone();
        if let Some(needs) = &row.needs {
            why.push_str(&format!("; it still needs {needs}"));
        }
        if !row.missing.is_empty() {
            why.push_str(&format!(
                "; left out, not in the account details: {}",
                row.missing.join(", ")
            ));
        }
        table.row(vec![
            Cell::plain(&who),
            Cell::styled(row.decision.as_str(), render::decision_style(row.decision)),
            Cell::plain(&why),
        ]);
    }
    Ok(Report {
        text: table.render(paint, ""),
        exit,
    })
}
