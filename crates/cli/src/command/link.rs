//! `ecr-policy link`: the share link that opens a scenario in the playground page, made with the engine's
//! codec so that the page and `ecr-policy eval --link` read it back the same.

use ecr_policy_engine::scenario::{Scenario, stamp_engine_version};
use ecr_policy_engine::share;

use super::Report;
use crate::error::CliError;
use crate::exit::Exit;
use crate::input::{ENGINE_VERSION, read_source, select};
use crate::output::note;

/// The page a link opens when neither `--base` nor `ECR_POLICY_PLAYGROUND_URL` says otherwise: the page
/// as `scripts/serve` serves it on this machine.
pub const DEFAULT_BASE: &str = "http://localhost:8080/";

/// Examples shown after `ecr-policy link --help`.
pub const AFTER_HELP: &str = "\
Examples:
  ecr-policy link scenario.json
  ecr-policy link scenario.json --base https://ecr-playground.example.com/
  ECR_POLICY_PLAYGROUND_URL=https://ecr-playground.example.com/ ecr-policy link scenario.json
  ecr-policy eval --link \"$(ecr-policy link scenario.json)\"

The link carries the whole scenario in its fragment (#s=...), which browsers never send to a server.
The scenario's text is kept as written, with `engineVersion` set to this build's version.
Exit codes: 0 the link was printed, 2 invalid input or a scenario too large for a link.";

/// Options of `link`.
#[derive(Debug, Clone, clap::Args)]
pub struct LinkArgs {
    /// The scenario file; `-` reads standard input
    #[arg(value_name = "SCENARIO")]
    pub file: String,
    /// Which scenario of a file that holds several: its name, or its position counted from 1
    #[arg(long, value_name = "NAME|N")]
    pub scenario: Option<String>,
    /// The address of the playground page the link opens
    #[arg(long, value_name = "URL", env = "ECR_POLICY_PLAYGROUND_URL", default_value = DEFAULT_BASE)]
    pub base: String,
}

/// Prints the link; a long one gets a warning on standard error.
pub fn run(args: &LinkArgs) -> Result<Report, CliError> {
    let document = read_source(&args.file)?;
    let (index, scenario) = select(&document, args.scenario.as_deref())?;
    let text = stamp_engine_version(&document.text, index, ENGINE_VERSION)
        .map_or_else(|| serialized(scenario), Ok)?;
    let link = share::link(&args.base, &text);
    share::decode(&link).map_err(|error| {
        CliError::new(format!(
            "{}: the scenario cannot travel in a link: {error}; share the file instead",
            document.label
        ))
    })?;
    if link.chars().count() > share::LONG_LINK {
        note(&format!(
            "warning: the link is {} characters long; some chat tools cut links longer than about {}, so share the file for a state this big",
            link.chars().count(),
            share::LONG_LINK
        ));
    }
    Ok(Report {
        text: format!("{link}\n"),
        exit: Exit::Success,
    })
}

/// The scenario as JSON, for a document whose text cannot be edited in place.
fn serialized(mut scenario: Scenario) -> Result<String, CliError> {
    scenario.engine_version = Some(ENGINE_VERSION.to_string());
    serde_json::to_string_pretty(&scenario)
        .map_err(|error| CliError::new(format!("cannot write the scenario as JSON: {error}")))
}
