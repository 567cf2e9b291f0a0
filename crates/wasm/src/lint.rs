//! `lint`: the findings about one policy text, as the editor's squiggles.

use ecr_policy_engine::lint::{self as engine_lint, lint_document};
use ecr_policy_engine::registry::RegistryPolicyScope;
use serde::Deserialize;
use tsify::Tsify;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{args, convert};

/// What `lint` may know beyond the text: the engine's `LintOptions`, as a JavaScript object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LintOptions {
    /// The ARN of the scenario's repository, to check a repository policy's `Resource` and to tell
    /// which accounts are other accounts.
    #[serde(default)]
    #[tsify(optional)]
    pub repository_arn: Option<String>,
    /// The registry policy scope, for a policy of kind `registry`: under `V1` only three actions are
    /// enforced; `V2`, the default, when absent.
    #[serde(default)]
    #[tsify(optional)]
    pub registry_policy_scope: Option<RegistryPolicyScope>,
}

/// Every finding about the policy `text` read as a policy of `kind`: parse errors and validation
/// findings (errors, security warnings, warnings, suggestions), each with a code, a message and a span
/// with UTF-16 offsets for the editor, in source order; and `wrapper` when the text is AWS CLI output
/// around the policy (or the policy as one JSON string), whose spans then point into `text` as given.
/// A broken text gives findings, never an exception. Throws only when `text` is not a string, `kind`
/// not a policy kind or `options` not `LintOptions`.
#[wasm_bindgen(unchecked_return_type = "LintResult")]
pub fn lint(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PolicyKind")] kind: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LintOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let text = args::string("lint", "text", &text)?;
    let kind = args::policy_kind("lint", &kind)?;
    let options = lint_options(&options)?;
    let options = engine_lint::LintOptions {
        repository_arn: options.repository_arn,
        registry_scope: options.registry_policy_scope.unwrap_or_default(),
    };
    convert::to_js("lint", &lint_document(&text, kind, &options))
}

/// The optional `options` argument.
fn lint_options(value: &JsValue) -> Result<LintOptions, JsValue> {
    if value.is_undefined() {
        return Ok(LintOptions::default());
    }
    convert::options("lint", "options", value)
}
