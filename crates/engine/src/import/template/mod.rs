//! Infrastructure as code: the policies of a CloudFormation template (JSON, or YAML with the `yaml`
//! feature) or of a Terraform plan in JSON (`terraform show -json plan.out`), listed with where each is
//! in the file and the scenario slot it goes into, ready to load one.
//!
//! The text is read into one tree ([`tree`]), JSON by the engine's JSON reader and YAML by
//! [`yaml`]; the CloudFormation reader and the Terraform reader work on that tree. A value the file
//! does not know (an intrinsic function, a value known only after apply) is never guessed: the loaded
//! text holds a `{{...}}` marker in its place, and the listing names each marker with its position.

mod cloudformation;
mod intrinsic;
mod listing;
mod terraform;
#[cfg(test)]
mod tests;
mod tree;
#[cfg(feature = "yaml")]
mod yaml;

pub use listing::{
    MarkerKind, PolicySlot, TemplateFormat, TemplatePolicies, TemplatePolicy, ValueMarker,
};

use crate::json;
use crate::scenario::ScenarioError;
use tree::Node;

/// The shapes [`read_template`] recognises, for the message given for any other document.
pub const RECOGNISED_SHAPES: &str = "a CloudFormation template (JSON or YAML, with `Resources`) or a Terraform plan in JSON (`terraform show -json plan.out`, with `planned_values` or `resource_changes`)";

/// Reads a template and lists its policies. Errors give the line and column in `text`; a document of
/// none of the recognised shapes is an error naming them.
pub fn read_template(text: &str) -> Result<TemplatePolicies, ScenarioError> {
    let (root, format) = parse(text)?;
    if let Some(listing) = cloudformation::policies(&root, format) {
        return Ok(listing);
    }
    if format == TemplateFormat::CloudFormationJson
        && let Some(listing) = terraform::policies(&root)
    {
        return listing;
    }
    Err(ScenarioError {
        path: String::new(),
        message: format!("this is not a template the playground reads: give {RECOGNISED_SHAPES}"),
        line: Some(root.at.line),
        column: Some(root.at.column),
    })
}

/// The text as a tree: JSON when it starts with `{` (or when YAML is not built in), else YAML.
fn parse(text: &str) -> Result<(Node, TemplateFormat), ScenarioError> {
    if text.trim().is_empty() {
        return Err(ScenarioError {
            path: String::new(),
            message: "the file is empty".to_owned(),
            line: Some(1),
            column: Some(1),
        });
    }
    #[cfg(feature = "yaml")]
    if !text.trim_start().starts_with('{') {
        return yaml::read(text).map(|root| (root, TemplateFormat::CloudFormationYaml));
    }
    let value = json::parse(text).map_err(|error| {
        let (line, column) = (error.span.line as usize, error.span.column as usize);
        let position = format!(" at line {line}, column {column}");
        let message = error
            .message
            .strip_suffix(&position)
            .unwrap_or(&error.message)
            .to_owned();
        ScenarioError {
            path: String::new(),
            message,
            line: Some(line),
            column: Some(column),
        }
    })?;
    Ok((Node::from(&value), TemplateFormat::CloudFormationJson))
}
