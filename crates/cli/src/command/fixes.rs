//! `ecr-policy eval --suggest-fixes`: after the explanation of a denied request, the engine's fixes, each
//! with the side it changes, what it changes and the new text of each policy; with `--json`, the result
//! object with `fixes` (each `{side, description, changes, scenario}`).

use ecr_policy_engine::eval::Evaluation;
use ecr_policy_engine::fix::Fix;
use serde::Serialize;

use crate::color::{Paint, Style};

/// The evaluation with the fixes beside its fields.
#[derive(Serialize)]
pub struct EvaluationWithFixes<'a> {
    /// The evaluation, its fields at the top level.
    #[serde(flatten)]
    pub evaluation: &'a Evaluation,
    /// The fixes; empty for an allowed or invalid request.
    pub fixes: &'a [Fix],
}

/// The "how to fix" section: each fix numbered, with its side, its description and each changed
/// policy's new text.
pub fn text(evaluation: &Evaluation, fixes: &[Fix], paint: Paint) -> String {
    let mut out = format!("\n{}\n", paint.paint("how to fix", Style::Bold));
    if fixes.is_empty() {
        let why = match evaluation.decision {
            ecr_policy_engine::eval::Decision::Allowed => "the request is allowed: nothing to fix",
            ecr_policy_engine::eval::Decision::Invalid => {
                "the scenario is invalid: fix its errors first"
            }
            _ => "no change to the scenario's policies allows this request",
        };
        out.push_str(&format!("  {}\n", paint.paint(why, Style::Dim)));
        return out;
    }
    for (number, fix) in fixes.iter().enumerate() {
        let side = serde_json::to_value(fix.side)
            .ok()
            .and_then(|side| side.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.push_str(&format!("  {}. [{side}] {}\n", number + 1, fix.description));
        for change in &fix.changes {
            let verb = if change.before.is_some() {
                "changes"
            } else {
                "adds"
            };
            out.push_str(&format!(
                "     {} {} ({}):\n",
                paint.paint(verb, Style::Dim),
                change.name,
                change.policy
            ));
            for line in change.after.lines() {
                out.push_str(&format!("       {line}\n"));
            }
        }
    }
    out
}
