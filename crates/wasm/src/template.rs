//! `readTemplate`: the policies of a CloudFormation template (JSON or YAML) or a Terraform plan in JSON,
//! as the page's "Import from template" dialog lists them. A file that cannot be read, or is of none of
//! the recognised shapes, comes back as `{ok: false, message, line, column}`. Self-contained, so that it
//! can live in whichever module of the page loads the analyses.

use ecr_policy_engine::import::{TemplatePolicies, read_template as read};
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{args, convert};

/// What `readTemplate` returns: the template's policies, or why it cannot be read.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(untagged)]
pub enum ReadTemplateResult {
    /// The template was read.
    Read {
        /// Always `true`.
        #[tsify(type = "true")]
        ok: bool,
        /// Its policies, each with its slot, position, loaded text and markers.
        template: TemplatePolicies,
    },
    /// The file could not be read.
    Failed(TemplateFailed),
}

/// Why a template could not be read, and where.
#[derive(Debug, Clone, Serialize, Tsify)]
pub struct TemplateFailed {
    /// Always `false`.
    #[tsify(type = "false")]
    ok: bool,
    /// What is wrong, starting with `line L, column C: ` when the position is known.
    message: String,
    /// 1-based line in the file, when known.
    line: Option<usize>,
    /// 1-based column in the file, when known.
    column: Option<usize>,
}

/// Reads a CloudFormation template or a Terraform plan and lists its policies. Throws only when `text`
/// is not a string.
#[wasm_bindgen(js_name = readTemplate, unchecked_return_type = "ReadTemplateResult")]
pub fn read_template(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    let text = args::string("readTemplate", "text", &text)?;
    let result = match read(&text) {
        Ok(template) => ReadTemplateResult::Read { ok: true, template },
        Err(error) => {
            let at = match (error.line, error.column) {
                (Some(line), Some(column)) => format!("line {line}, column {column}: "),
                _ => String::new(),
            };
            ReadTemplateResult::Failed(TemplateFailed {
                ok: false,
                message: format!("{at}{}", error.message),
                line: error.line,
                column: error.column,
            })
        }
    };
    convert::to_js("readTemplate", &result)
}
