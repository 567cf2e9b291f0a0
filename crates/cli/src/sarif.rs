//! SARIF 2.1.0 for code scanning (GitHub shows each result on its policy lines): one run of the
//! `ecr-policy` tool, a rule per finding code, a result per finding with its region.

use ecr_policy_engine::diagnostic::{Diagnostic, Severity};
use ecr_policy_engine::span::Span;
use serde_json::{Value, json};

use crate::error::CliError;
use crate::input::ENGINE_VERSION;

/// The schema the document declares.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// One result before it is written: the rule, the level, the message and where.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The rule id (a finding code, or `failed-expectation`).
    pub rule: String,
    /// What the rule checks, for the rule's short description.
    pub rule_text: String,
    /// The rule's documentation page, when it has one.
    pub help_uri: Option<String>,
    /// `error`, `warning` or `note`.
    pub level: &'static str,
    /// The message.
    pub message: String,
    /// The file, as given on the command line.
    pub uri: String,
    /// Where in the file.
    pub span: Span,
}

impl Finding {
    /// A lint finding of the policy file `uri`.
    pub fn of_diagnostic(uri: &str, diagnostic: &Diagnostic) -> Self {
        Finding {
            rule: diagnostic.code.as_str().to_string(),
            rule_text: format!(
                "ecr-policy {} finding `{}`",
                diagnostic.severity.as_str(),
                diagnostic.code
            ),
            help_uri: diagnostic.docs.map(str::to_string),
            level: match diagnostic.severity {
                Severity::Error | Severity::SecurityWarning => "error",
                Severity::Warning => "warning",
                Severity::Suggestion => "note",
            },
            message: diagnostic.message.clone(),
            uri: uri.to_string(),
            span: diagnostic.span,
        }
    }
}

/// The SARIF document for `findings`: rules in the order their first result appears.
pub fn document(findings: &[Finding]) -> Value {
    let mut rules: Vec<Value> = Vec::new();
    let mut rule_ids: Vec<&str> = Vec::new();
    for finding in findings {
        if !rule_ids.contains(&finding.rule.as_str()) {
            rule_ids.push(&finding.rule);
            let mut rule = json!({
                "id": finding.rule,
                "shortDescription": {"text": finding.rule_text},
            });
            if let (Some(uri), Some(object)) = (&finding.help_uri, rule.as_object_mut()) {
                object.insert("helpUri".to_string(), json!(uri));
            }
            rules.push(rule);
        }
    }
    let results: Vec<Value> = findings
        .iter()
        .map(|finding| {
            json!({
                "ruleId": finding.rule,
                "level": finding.level,
                "message": {"text": finding.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": finding.uri},
                        "region": {
                            "startLine": finding.span.line,
                            "startColumn": finding.span.column,
                            "endLine": finding.span.end_line,
                            "endColumn": finding.span.end_column,
                        }
                    }
                }]
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "ecr-policy",
                "version": ENGINE_VERSION,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// [`document`] as pretty-printed JSON text with a final newline.
pub fn to_text(findings: &[Finding]) -> Result<String, CliError> {
    let mut text = serde_json::to_string_pretty(&document(findings))
        .map_err(|error| CliError::new(format!("cannot write the SARIF document: {error}")))?;
    text.push('\n');
    Ok(text)
}
