//! `ecr-policy import`: a scenario document made of one user's or role's identity side, taken from
//! `aws iam get-account-authorization-details` output, and the repository's side from policy files; or
//! the policies of a CloudFormation template or Terraform plan, listed, and one of them in a scenario.

use ecr_policy_engine::operation::Operation;
use ecr_policy_engine::scenario::{Request, Scenario};

use super::Report;
use crate::account::AccountSources;
use crate::error::CliError;
use crate::exit::Exit;
use crate::output::note;

mod template;

/// Examples shown after `ecr-policy import --help`.
pub const AFTER_HELP: &str = "\
Examples:
  aws iam get-account-authorization-details > account.json
  ecr-policy import --account-details account.json --principal arn:aws:iam::111122223333:user/alice \\
      --repository-policy repo-policy.json --resource arn:aws:ecr:us-east-1:111122223333:repository/app \\
      --action ecr:BatchGetImage > scenario.json
  ecr-policy eval scenario.json

  ecr-policy import --template stack.yaml
  terraform show -json plan.out > plan.json
  ecr-policy import --template plan.json --pick module.ci.aws_iam_role.ci/pull \\
      --principal arn:aws:sts::111122223333:assumed-role/ci/build > scenario.json

The identity side is the principal's inline policies, its attached managed policies at their default
version (AWS managed ones too when the document holds them: run the command without --filter), a user's
groups' inline and attached policies, and the permissions boundary. A role's ARN imports a session of
the role. A policy the document does not hold is named on standard error and in the scenario's
description. Without --action or --operation the request asks for the `pull` operation.

--template reads a CloudFormation template (JSON or YAML) or a Terraform plan in JSON: without --pick
it lists the policies it holds (repository and registry policies, IAM policies, role, user and group
inline policies, permissions boundaries) with where each is; with --pick (a position from 1 or a name)
it prints a scenario with that policy in its slot. A value the file does not know (an intrinsic
function such as !Ref or Fn::GetAtt, a value Terraform knows only after apply) stays in the policy as a
{{...}} marker to replace, and is named on standard error.
Exit codes: 0 the scenario or the list was printed, 2 invalid input (unreadable file, bad JSON or YAML,
unknown principal or pick).";

/// Options of `import`.
#[derive(Debug, Clone, clap::Args)]
pub struct ImportArgs {
    /// The account details and the repository's policies
    #[command(flatten)]
    pub sources: Option<AccountSources>,
    /// A CloudFormation template (JSON or YAML) or a Terraform plan in JSON (`terraform show -json`);
    /// `-` reads standard input
    #[arg(long, value_name = "FILE", conflicts_with = "account_details")]
    pub template: Option<String>,
    /// With --template: the policy to put into the scenario, by its position from 1 or its name
    #[arg(long, value_name = "N|NAME", requires = "template")]
    pub pick: Option<String>,
    /// The user or role whose identity side to import: its ARN, or a session ARN of a role. With
    /// --template: the request's principal
    #[arg(long, value_name = "ARN", required_unless_present = "template")]
    pub principal: Option<String>,
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

/// Prints the scenario (or, for a template without --pick, the list); notes go to standard error.
pub fn run(args: &ImportArgs) -> Result<Report, CliError> {
    if let Some(path) = &args.template {
        return template::run(args, path);
    }
    let (Some(sources), Some(principal)) = (&args.sources, &args.principal) else {
        return Err(CliError::new(
            "give --account-details FILE and --principal ARN, or --template FILE",
        ));
    };
    let (details, mut scenario) = sources.load()?;
    let identity = details
        .identity(principal)
        .map_err(|error| CliError::new(format!("--principal: {error}")))?;
    scenario.request = Some(request(args));
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
    scenario_report(args, &scenario)
}

/// The request the options describe: the `pull` operation when neither action nor operation is given.
fn request(args: &ImportArgs) -> Request {
    let operation = match (&args.action, args.operation) {
        (None, None) => Some(Operation::Pull),
        (_, operation) => operation,
    };
    Request {
        principal: args.principal.clone().unwrap_or_default(),
        action: args.action.clone().unwrap_or_default(),
        operation,
        resource: args.resource.clone().unwrap_or_default(),
        ..Request::default()
    }
}

/// The scenario as the document printed on standard output, with a note when it has no resource.
fn scenario_report(args: &ImportArgs, scenario: &Scenario) -> Result<Report, CliError> {
    if args.resource.is_none() {
        note("note: no --resource: put the repository ARN in the scenario's `request.resource`");
    }
    let mut text = serde_json::to_string_pretty(scenario)
        .map_err(|error| CliError::new(format!("cannot write the scenario as JSON: {error}")))?;
    text.push('\n');
    Ok(Report {
        text,
        exit: Exit::Success,
    })
}
