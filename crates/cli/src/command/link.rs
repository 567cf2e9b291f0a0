//! `ecr-policy link`: the share link that opens a scenario in the playground page, made with the engine's
//! codec so that the page and `ecr-policy eval --link` read it back the same.

use ecr_policy_engine::json::{self, JsonKind, JsonValue};
use ecr_policy_engine::scenario::Scenario;
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
    let text = stamped_text(&document.text, index).map_or_else(|| serialized(scenario), Ok)?;
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

/// The text of the scenario at `index` of the document exactly as written, with its `engineVersion`
/// member set to this build's version (replaced, or added first).
fn stamped_text(text: &str, index: usize) -> Option<String> {
    let root = json::parse(text).ok()?;
    let scenario = scenario_value(&root, index)?;
    let JsonKind::Object(members) = &scenario.kind else {
        return None;
    };
    let version = format!("\"{}\"", ENGINE_VERSION.escape_default());
    let (start, end) = (scenario.span.start, scenario.span.end);
    let (edit_start, edit_end, replacement) = match members
        .iter()
        .rev()
        .find(|member| member.key == "engineVersion")
    {
        Some(member) => (member.value.span.start, member.value.span.end, version),
        None => match members.first() {
            Some(first) => {
                let gap = text.get(start + 1..first.key_span.start)?;
                (
                    first.key_span.start,
                    first.key_span.start,
                    format!("\"engineVersion\": {version},{gap}"),
                )
            }
            None => (
                start + 1,
                start + 1,
                format!("\"engineVersion\": {version}"),
            ),
        },
    };
    Some(format!(
        "{}{replacement}{}",
        text.get(start..edit_start)?,
        text.get(edit_end..end)?
    ))
}

/// The scenario at `index`: the element of a top-level array or of `{"scenarios": [...]}`, or the root.
fn scenario_value(root: &JsonValue, index: usize) -> Option<&JsonValue> {
    match &root.kind {
        JsonKind::Array(items) => items.get(index),
        JsonKind::Object(members) => match members
            .iter()
            .rev()
            .find(|member| member.key == "scenarios")
        {
            Some(member) => match &member.value.kind {
                JsonKind::Array(items) => items.get(index),
                _ => None,
            },
            None => Some(root),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engine_version_is_added_first_keeping_the_layout() {
        let text = "{\n  \"name\": \"x\",\n  \"request\": {}\n}\n";
        let stamped = stamped_text(text, 0).unwrap();
        assert_eq!(
            stamped,
            format!(
                "{{\n  \"engineVersion\": \"{ENGINE_VERSION}\",\n  \"name\": \"x\",\n  \"request\": {{}}\n}}"
            )
        );
    }

    #[test]
    fn an_older_engine_version_is_replaced() {
        let stamped = stamped_text("{\"engineVersion\": \"0.0.1\", \"request\": {}}", 0).unwrap();
        assert_eq!(
            stamped,
            format!("{{\"engineVersion\": \"{ENGINE_VERSION}\", \"request\": {{}}}}")
        );
    }

    #[test]
    fn one_scenario_of_an_array_or_a_scenarios_object_is_cut_out() {
        let array = "[{\"name\": \"a\"}, {\"name\": \"b\"}]";
        assert_eq!(
            stamped_text(array, 1).unwrap(),
            format!("{{\"engineVersion\": \"{ENGINE_VERSION}\",\"name\": \"b\"}}")
        );
        let wrapped = "{\"scenarios\": [{\"name\": \"a\"}]}";
        assert_eq!(
            stamped_text(wrapped, 0).unwrap(),
            format!("{{\"engineVersion\": \"{ENGINE_VERSION}\",\"name\": \"a\"}}")
        );
    }
}
