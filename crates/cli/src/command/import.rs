//! `ecr-policy import`: a scenario document made of one user's or role's identity side, taken from
//! `aws iam get-account-authorization-details` output, and the repository's side from policy files.

use ecr_policy_engine::operation::Operation;
use ecr_policy_engine::scenario::Request;

use super::Report;
use crate::account::AccountSources;
use crate::error::CliError;
use crate::exit::Exit;
use crate::output::note;

/// Examples shown after `ecr-policy import --help`.
pub const AFTER_HELP: &str = "\
Examples:
  aws iam get-account-authorization-details > account.json
  ecr-policy import --account-details account.json --principal arn:aws:iam::111122223333:user/alice \\
      --repository-policy repo-policy.json --resource arn:aws:ecr:us-east-1:111122223333:repository/app \\
      --action ecr:BatchGetImage > scenario.json
  ecr-policy eval scenario.json

The identity side is the principal's inline policies, its attached managed policies at their default
version (AWS managed ones too when the document holds them: run the command without --filter), a user's
groups' inline and attached policies, and the permissions boundary. A role's ARN imports a session of
the role. A policy the document does not hold is named on standard error and in the scenario's
description. Without --action or --operation the request asks for the `pull` operation.
Exit codes: 0 the scenario was printed, 2 invalid input (unreadable file, bad JSON, unknown principal).";

/// Options of `import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The account details and the repository's policies
    #[command(flatten)]
    pub sources: AccountSources,
    /// The user or role whose identity side to import: its ARN, or a session ARN of a role
    #[arg(long, value_name = "ARN")]
    pub principal: String,
    /// The request's action
    #[arg(long, value_name = "ACTION", conflicts_with = "operation")]
    pub action: Option<String>,
    /// The request's operation (pull, push, pull-through-cache, replicate, mount-layer)
    #[arg(long, value_name = "OPERATION", value_parser = super::eval::operation)]
    pub operation: Option<Operation>,
    /// The request's resource: the repository ARN, or `*` for a registry-level action
    #[arg(long, value_name = "ARN")]
    pub resource: Option<String>,
}

/// Prints the scenario; what was left out goes to standard error.
pub fn run(args: &ImportArgs) -> Result<Report, CliError> {
    let (details, mut scenario) = args.sources.load()?;
    let identity = details
        .identity(&args.principal)
        .map_err(|error| CliError::new(format!("--principal: {error}")))?;
    let operation = match (&args.action, args.operation) {
        (None, None) => Some(Operation::Pull),
        (_, operation) => operation,
    };
    scenario.request = Some(Request {
        action: args.action.clone().unwrap_or_default(),
        operation,
        resource: args.resource.clone().unwrap_or_default(),
        ..Request::default()
    });
    identity.apply_to(&mut scenario);
    scenario.name = format!(
        "{} imported from account authorization details",
        identity.arn
    );
    scenario.description = identity.summary();
    for missing in &identity.missing {
        note(&format!("note: {}", missing.message));
    }
    for remark in &identity.notes {
        note(&format!("note: {remark}"));
    }
    if args.resource.is_none() {
        note("note: no --resource: put the repository ARN in the scenario's `request.resource`");
    }
    let mut text = serde_json::to_string_pretty(&scenario)
        .map_err(|error| CliError::new(format!("cannot write the scenario as JSON: {error}")))?;
    text.push('\n');
    Ok(Report {
        text,
        exit: Exit::Success,
    })
}
