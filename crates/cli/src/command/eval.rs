//! `ecr-policy eval`: decides one scenario and explains the decision.

use ecr_policy_engine::eval::{Decision, evaluate};

use super::Report;
use crate::clock::TimeArg;
use crate::color::Paint;
use crate::error::CliError;
use crate::exit::Exit;
use crate::input::ScenarioInput;
use crate::render;

/// Examples shown after `ecr-policy eval --help`.
pub const AFTER_HELP: &str = "\
Examples:
  ecr-policy eval scenario.json
  ecr-policy eval tests/scenarios/smoke/basics.json --scenario 2
  cat scenario.json | ecr-policy eval -
  ecr-policy eval --link 'http://localhost:8080/#s=1.<payload>'
  ecr-policy eval scenario.json --json | jq .decision

Exit codes: 0 allowed, 1 explicitDeny or implicitDeny, 2 invalid input (including policies with errors).
The request is made now, or at --time; aws:CurrentTime and aws:EpochTime in the scenario's context
win over both.";

/// Options of `eval`.
#[derive(Debug, Clone, clap::Args)]
pub struct EvalArgs {
    /// The scenario to decide
    #[command(flatten)]
    pub input: ScenarioInput,
    /// Print the engine's whole result object as JSON (it has `decision`, `summary`, `reasons`, `policies`, ...)
    #[arg(long)]
    pub json: bool,
    /// When the request is made
    #[command(flatten)]
    pub time: TimeArg,
}

/// Decides the scenario; the exit code follows the decision.
pub fn run(args: &EvalArgs, paint: Paint) -> Result<Report, CliError> {
    let (_, scenario) = args.input.load()?;
    let evaluation = evaluate(&scenario, args.time.request_time());
    let text = if args.json {
        let mut json = serde_json::to_string_pretty(&evaluation)
            .map_err(|error| CliError::new(format!("cannot write the result as JSON: {error}")))?;
        json.push('\n');
        json
    } else {
        render::evaluation(&scenario.name, &evaluation, paint)
    };
    let exit = match evaluation.decision {
        Decision::Allowed => Exit::Success,
        Decision::ExplicitDeny | Decision::ImplicitDeny => Exit::Failure,
        Decision::Invalid => Exit::Invalid,
    };
    Ok(Report { text, exit })
}
