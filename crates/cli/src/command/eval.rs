//! `ecr-policy eval`: decides one scenario, or each request of a suite, and explains the decision.

use ecr_policy_engine::denied;
use ecr_policy_engine::eval::{Decision, SuiteEntry, evaluate_suite};
use ecr_policy_engine::fix::suggest_fixes;
use ecr_policy_engine::operation::Operation;
use ecr_policy_engine::scenario::Scenario;

use super::{Report, fixes, from_error};
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
  ecr-policy eval scenario.json --operation pull
  ecr-policy eval scenario.json --suggest-fixes
  ecr-policy eval scenario.json --from-error 'User: arn:aws:sts::444455556666:assumed-role/ci/build-7 is
    not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:111122223333:repository/app
    because no resource-based policy allows the ecr:BatchGetImage action'

A suite (a document with `requests`) prints each request; with --json, a list of
`{\"name\", \"expect\", \"evaluation\"}`. An operation's result has `operation` and `actions` (each action
with its resource, decision and evaluation).
Exit codes: 0 allowed, 1 explicitDeny or implicitDeny, 2 invalid input (including policies with errors);
for a suite, the worst of its requests.
--from-error reads an AccessDenied message (every form of AWS's \"access denied error messages\":
an explicit deny in, or no Allow of, an SCP, RCP, identity-based or resource-based policy, session policy,
permissions boundary or VPC endpoint policy, and the older form with no reason), decides its principal,
action and resource against the scenario's policies, and says whether the playground agrees with the
reason AWS gave and, when not, which policy to look at; with --json, `{\"accessDenied\", \"agreement\",
\"evaluation\"}`.
--suggest-fixes, for a denied request, prints after the explanation the smallest change on each side
that allows it (an identity-policy statement, a repository- or registry-policy statement, a narrowed
Deny, an organization, boundary or session policy Allow), each checked by deciding the edited scenario;
with --json the result object has `fixes`, each `{\"side\", \"description\", \"changes\", \"scenario\"}`,
and `ecr-policy eval` of a fix's `scenario` decides it allowed.
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
    /// Decide this operation instead of the document's action or operation (every request of a suite)
    #[arg(long, value_name = "OPERATION", value_parser = operation)]
    pub operation: Option<Operation>,
    /// Decide the request of this AccessDenied message (principal, action, resource) and say whether the
    /// playground agrees with the reason AWS gave
    #[arg(long, value_name = "TEXT", conflicts_with = "operation")]
    pub from_error: Option<String>,
    /// For a denied request, print the changes that would allow it, each verified by deciding the edited
    /// scenario (one request, not a suite)
    #[arg(long, conflicts_with = "from_error")]
    pub suggest_fixes: bool,
    /// When the request is made
    #[command(flatten)]
    pub time: TimeArg,
}

/// Decides the scenario's request, or each of a suite's; the exit code follows the decisions.
pub fn run(args: &EvalArgs, paint: Paint) -> Result<Report, CliError> {
    let (_, mut scenario) = args.input.load()?;
    if let Some(operation) = args.operation {
        ask_for(&mut scenario, operation);
    }
    let denied = args
        .from_error
        .as_deref()
        .map(from_error::read)
        .transpose()?;
    if let Some(denied) = &denied {
        from_error::ask(&mut scenario, denied);
    }
    if args.suggest_fixes && scenario.is_suite() {
        return Err(CliError::new(
            "--suggest-fixes decides one request; this document is a suite (`requests`): copy the request to fix into a scenario of its own",
        ));
    }
    let entries = evaluate_suite(&scenario, args.time.request_time());
    let fixes = args
        .suggest_fixes
        .then(|| suggest_fixes(&scenario, args.time.request_time()));
    let agreement = denied.as_ref().zip(entries.first()).map(|(denied, entry)| {
        (
            denied,
            denied::compare(denied, &entry.evaluation),
            &entry.evaluation,
        )
    });
    let text = if let Some((denied, agreement, evaluation)) = &agreement {
        if args.json {
            json_text(&from_error::FromErrorJson {
                access_denied: denied,
                agreement,
                evaluation,
            })?
        } else {
            text(&scenario, &entries, paint) + &from_error::text(denied, agreement, paint)
        }
    } else if let (Some(fixes), [entry]) = (&fixes, entries.as_slice()) {
        if args.json {
            json_text(&fixes::EvaluationWithFixes {
                evaluation: &entry.evaluation,
                fixes,
            })?
        } else {
            text(&scenario, &entries, paint) + &fixes::text(&entry.evaluation, fixes, paint)
        }
    } else if args.json {
        match (scenario.is_suite(), entries.as_slice()) {
            (false, [entry]) => json_text(&entry.evaluation)?,
            _ => json_text(&entries)?,
        }
    } else {
        text(&scenario, &entries, paint)
    };
    let exit = entries
        .iter()
        .map(|entry| match entry.evaluation.decision {
            Decision::Allowed => Exit::Success,
            Decision::ExplicitDeny | Decision::ImplicitDeny => Exit::Failure,
            Decision::Invalid => Exit::Invalid,
        })
        .max()
        .unwrap_or(Exit::Invalid);
    Ok(Report { text, exit })
}

/// `value` as pretty JSON ending in a newline.
fn json_text(value: &impl serde::Serialize) -> Result<String, CliError> {
    let mut json = serde_json::to_string_pretty(value)
        .map_err(|error| CliError::new(format!("cannot write the result as JSON: {error}")))?;
    json.push('\n');
    Ok(json)
}

/// Every request of `scenario` asks for `operation` instead of its action or operation.
fn ask_for(scenario: &mut Scenario, operation: Operation) {
    for request in scenario.request.iter_mut().chain(&mut scenario.requests) {
        request.action.clear();
        request.operation = Some(operation);
    }
}

/// The report of each request, a suite's separated by a blank line and named `scenario › request`.
fn text(scenario: &Scenario, entries: &[SuiteEntry], paint: Paint) -> String {
    entries
        .iter()
        .map(|entry| {
            let name = match (scenario.is_suite(), scenario.name.is_empty()) {
                (true, false) => format!("{} › {}", scenario.name, entry.name),
                _ => entry.name.clone(),
            };
            render::evaluation(&name, &entry.evaluation, paint)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads `--operation`: one of the operations' names.
pub(crate) fn operation(name: &str) -> Result<Operation, String> {
    Operation::from_name(name).ok_or_else(|| {
        format!(
            "unknown operation `{name}`; the operations are {}",
            Operation::known_names()
        )
    })
}
