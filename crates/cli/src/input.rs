//! Reading scenario documents: from a file, from standard input (`-`) or from a share link, and turning
//! every failure into one line that names the source and, when known, the line and column.

use std::io::Read;
use std::path::Path;

use ecr_policy_engine::scenario::{Scenario, ScenarioError, scenarios_from_text};
use ecr_policy_engine::share;

use crate::error::CliError;

/// The label of standard input in messages.
pub const STDIN_LABEL: &str = "<stdin>";

/// The label of a share link's document in messages.
pub const LINK_LABEL: &str = "<link>";

/// The engine version of this build; share links carry the version that made them.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where a scenario comes from: a file, `-`, or `--link`, and which scenario of a file that holds several.
#[derive(Debug, Clone, clap::Args)]
pub struct ScenarioInput {
    /// The scenario file (one scenario, an array of them or `{"scenarios": [...]}`); `-` reads standard input
    #[arg(
        value_name = "SCENARIO",
        required_unless_present = "link",
        conflicts_with = "link"
    )]
    pub file: Option<String>,
    /// Read the scenario from a share link made by the page or by `ecr-policy link`
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Which scenario of a file that holds several: its name, or its position counted from 1
    #[arg(long, value_name = "NAME|N")]
    pub scenario: Option<String>,
}

/// A document's text and a label for messages (the path, `<stdin>` or `<link>`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The path as given, `<stdin>` or `<link>`.
    pub label: String,
    /// The whole text.
    pub text: String,
}

impl ScenarioInput {
    /// Reads the document and picks the scenario. A link made by another engine version gets a note on
    /// standard error.
    pub fn load(&self) -> Result<(Document, Scenario), CliError> {
        let document = match (&self.link, &self.file) {
            (Some(link), _) => read_link(link)?,
            (None, Some(file)) => read_source(file)?,
            (None, None) => {
                return Err(CliError::new(
                    "give a scenario file, `-` for standard input, or `--link URL`",
                ));
            }
        };
        let (_, scenario) = select(&document, self.scenario.as_deref())?;
        if self.link.is_some()
            && let Some(version) = scenario
                .engine_version
                .as_deref()
                .filter(|version| *version != ENGINE_VERSION)
        {
            crate::output::note(&format!(
                "note: the link was made by engine version {version}; this is version {ENGINE_VERSION}, so the result may differ"
            ));
        }
        Ok((document, scenario))
    }
}

/// Reads the file named on the command line, or standard input for `-`.
pub fn read_source(argument: &str) -> Result<Document, CliError> {
    if argument == "-" {
        let mut text = String::new();
        let result = std::io::stdin().read_to_string(&mut text).map(|_| text);
        document(STDIN_LABEL.to_string(), result)
    } else {
        read_file(Path::new(argument))
    }
}

/// Reads a file.
pub fn read_file(path: &Path) -> Result<Document, CliError> {
    document(path.display().to_string(), std::fs::read_to_string(path))
}

/// The document read under `label`; a leading byte-order mark is dropped.
fn document(label: String, result: std::io::Result<String>) -> Result<Document, CliError> {
    let text = result
        .map_err(|error| CliError::new(format!("{label}: cannot read: {}", describe_io(&error))))?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    Ok(Document { label, text })
}

/// Decodes a share link into the document it carries.
pub fn read_link(link: &str) -> Result<Document, CliError> {
    let text = share::decode(link).map_err(|error| CliError::new(format!("--link: {error}")))?;
    Ok(Document {
        label: LINK_LABEL.to_string(),
        text,
    })
}

/// Every scenario of `document`.
pub fn scenarios(document: &Document) -> Result<Vec<Scenario>, CliError> {
    scenarios_from_text(&document.text).map_err(|error| scenario_error(document, &error))
}

/// The one scenario `choice` names (its name, or its position from 1), or the only one.
/// Returns its index in the document too.
pub fn select(document: &Document, choice: Option<&str>) -> Result<(usize, Scenario), CliError> {
    let all = scenarios(document)?;
    let label = &document.label;
    let count = all.len();
    let index = match choice {
        None if count == 1 => 0,
        None if count == 0 => {
            return Err(CliError::new(format!(
                "{label}: the file holds no scenario"
            )));
        }
        None => {
            return Err(CliError::new(format!(
                "{label}: the file holds {count} scenarios: choose one with `--scenario NAME` or `--scenario N` (1 to {count})"
            )));
        }
        Some(choice) => match all.iter().position(|scenario| scenario.name == choice) {
            Some(index) => index,
            None => match choice.parse::<usize>() {
                Ok(position) if (1..=count).contains(&position) => position - 1,
                _ => {
                    return Err(CliError::new(format!(
                        "{label}: no scenario is named `{choice}` and it is not a position from 1 to {count}"
                    )));
                }
            },
        },
    };
    let scenario = all.into_iter().nth(index);
    scenario
        .map(|scenario| (index, scenario))
        .ok_or_else(|| CliError::new(format!("{label}: the file holds no scenario {}", index + 1)))
}

/// `file:line:column: path: message`, with the position the engine found in the file's text.
pub fn scenario_error(document: &Document, error: &ScenarioError) -> CliError {
    let position = error.line.zip(error.column);
    let mut message = error.message.clone();
    let mut text = document.label.clone();
    if let Some((line, column)) = position {
        // serde_json's messages end in the position the prefix already gives.
        if let Some(stripped) = message.strip_suffix(&format!(" at line {line} column {column}")) {
            message = stripped.to_string();
        }
        text.push_str(&format!(":{line}:{column}"));
    }
    if !error.path.is_empty() {
        text.push_str(&format!(": {}", error.path));
    }
    CliError::new(format!("{text}: {message}"))
}

/// An I/O error in the words of the style guide: lowercase, without the OS error number.
fn describe_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "it is a directory".to_string(),
        ErrorKind::InvalidData => "the file is not UTF-8 text".to_string(),
        _ => error.to_string(),
    }
}
