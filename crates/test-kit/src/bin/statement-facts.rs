//! Prints what the engine itself says of every statement of an evaluation, for the page's test that its
//! explanation agrees with the engine (`web/test/explain-parity.test.ts`). The evaluation result leaves
//! these facts out, as the policy text or the request facts say them (README, "The evaluation result as
//! JSON"), and the page works them out again; this prints the engine's own values, read from its native
//! result, so that the two can be compared.
//!
//! Usage: `statement-facts SECONDS`, then one scenario document a line on standard input (JSON, as the
//! page gives `evaluate`). Each is evaluated at the request time `SECONDS` (Unix seconds), and one line is
//! printed for it: a JSON array with, for each policy, its `id` and each statement's `index`, `label`
//! (how messages name it), and for each element it has (`principal`, `action`, `resource`) whether it
//! `matched` and each pattern's or entry's `value` as compared and what it was `against` (the caller,
//! the request's action or resource). A document the engine cannot read is an error (exit status 1).

use std::error::Error;
use std::io::{BufRead, Write};

use ecr_policy_engine::eval::{
    ElementReport, PatternDetail, PatternReport, PrincipalReport, RequestTime, StatementReport,
    evaluate,
};
use ecr_policy_engine::matching::{ActionMatch, ResourceMatch};
use ecr_policy_engine::scenario::scenario_from_text;
use serde_json::{Value, json};

fn main() -> Result<(), Box<dyn Error>> {
    let seconds: i64 = std::env::args()
        .nth(1)
        .ok_or("usage: statement-facts SECONDS < documents")?
        .parse()?;
    let mut out = std::io::stdout().lock();
    for (number, line) in std::io::stdin().lock().lines().enumerate() {
        let scenario = scenario_from_text(&line?)
            .map_err(|error| format!("document {}: {error}", number + 1))?;
        let evaluation = evaluate(&scenario, RequestTime(seconds));
        let caller = evaluation.request.caller.as_deref().unwrap_or_default();
        let policies: Vec<Value> = evaluation
            .policies
            .iter()
            .map(|policy| {
                let statements: Vec<Value> = policy
                    .statements
                    .iter()
                    .map(|report| statement(report, caller))
                    .collect();
                json!({ "id": &*policy.id, "statements": statements })
            })
            .collect();
        writeln!(out, "{}", Value::Array(policies))?;
    }
    Ok(())
}

/// A statement's label and its elements' facts; principal entries are compared with `caller`, the
/// caller as the engine reads it (the result's `request.caller`).
fn statement(report: &StatementReport, caller: &str) -> Value {
    let action = report
        .action
        .as_ref()
        .map(|element| patterns(element, |detail: &ActionMatch| &detail.action));
    let resource = report
        .resource
        .as_deref()
        .map(|element| patterns(element, |detail: &ResourceMatch| &detail.resource));
    json!({
        "index": report.index,
        "label": &*report.label,
        "principal": report.principal.as_deref().map(|element| principal(element, caller)),
        "action": action,
        "resource": resource,
    })
}

/// Whether the `Principal`/`NotPrincipal` element matched, and each entry as compared with `caller`.
fn principal(report: &PrincipalReport, caller: &str) -> Value {
    let entries: Vec<Value> = report
        .entries
        .iter()
        .map(|entry| compared(entry, caller))
        .collect();
    json!({ "matched": report.matched, "patterns": entries })
}

/// Whether an `Action` or `Resource` element matched, and each pattern as compared with the request's
/// part that `against` picks.
fn patterns<T: PatternDetail>(element: &ElementReport<T>, against: impl Fn(&T) -> &str) -> Value {
    let patterns: Vec<Value> = element
        .patterns
        .iter()
        .map(|pattern| compared(pattern, against(&pattern.detail)))
        .collect();
    json!({ "matched": element.matched, "patterns": patterns })
}

/// A pattern or entry as compared, and what with.
fn compared<T: PatternDetail>(pattern: &PatternReport<T>, against: &str) -> Value {
    json!({ "value": pattern.detail.compared(), "against": against })
}
