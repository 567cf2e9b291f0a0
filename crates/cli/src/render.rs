//! The evaluation result as text for people: decision, reason chain, a table of every statement with its
//! outcome, the context used and the policies' findings. Only presentation: every fact comes from the
//! engine's [`Evaluation`].

use ecr_policy_engine::context::ContextSource;
use ecr_policy_engine::diagnostic::{Diagnostic, Severity};
use ecr_policy_engine::eval::{
    Decision, Evaluation, StatementOutcome, StatementRef, StatementReport, Verdict,
};
use ecr_policy_engine::policy::Effect;

use crate::color::{Paint, Style};
use crate::table::{Cell, Table};

/// The whole report of one evaluation.
pub fn evaluation(name: &str, evaluation: &Evaluation, paint: Paint) -> String {
    let request = &evaluation.request;
    let mut out = String::new();
    let heading = |text: &str| paint.paint(text, Style::Bold);
    if !name.is_empty() {
        out.push_str(&format!("{}  {name}\n", heading("scenario ")));
    }
    out.push_str(&format!(
        "{}  {}\n",
        heading("principal"),
        request.principal
    ));
    match evaluation.operation {
        Some(operation) => {
            out.push_str(&format!(
                "{}  {}\n",
                heading("operation"),
                operation.as_str()
            ));
            for action in &evaluation.actions {
                out.push_str(&format!(
                    "           {}  on {}  {}\n",
                    action.action,
                    action.resource,
                    decision(action.decision, paint)
                ));
            }
            out.push_str(&format!(
                "{}  {}  (the reports below are `{}`'s)\n",
                heading("resource "),
                request.resource,
                request.action
            ));
        }
        None => {
            out.push_str(&format!("{}  {}\n", heading("action   "), request.action));
            out.push_str(&format!("{}  {}\n", heading("resource "), request.resource));
        }
    }
    out.push_str(&format!(
        "{}  {}\n",
        heading("decision "),
        decision(evaluation.decision, paint)
    ));
    out.push_str(&format!("           {}\n", evaluation.summary));
    out.push_str(&format!("\n{}\n", heading("reason chain")));
    out.push_str(&reasons(evaluation, paint, "  "));
    out.push_str(&format!("\n{}\n", heading("statements")));
    out.push_str(&statements(evaluation, paint));
    if !evaluation.context.is_empty() {
        out.push_str(&format!("\n{}\n", heading("context")));
        out.push_str(&context(evaluation, paint));
    }
    if !evaluation.missing_keys.is_empty() {
        out.push_str(&format!(
            "\n{}\n",
            heading("keys the policies reference that the request lacks")
        ));
        for missing in &evaluation.missing_keys {
            let places: Vec<String> = missing
                .references
                .iter()
                .map(|reference| statement_label(evaluation, reference))
                .collect();
            out.push_str(&format!("  {}  ({})\n", missing.key, places.join(", ")));
        }
    }
    let findings = findings(evaluation, paint);
    if !findings.is_empty() {
        out.push_str(&format!("\n{}\n", heading("findings")));
        out.push_str(&findings);
    }
    out
}

/// The decision's name as in scenario files (`allowed`, `explicitDeny`, ...), coloured by what it means.
pub fn decision(decision: Decision, paint: Paint) -> String {
    paint.paint(decision.as_str(), decision_style(decision))
}

/// The colour of a decision: green allowed, red explicit deny, yellow implicit deny, magenta invalid.
pub fn decision_style(decision: Decision) -> Style {
    match decision {
        Decision::Allowed => Style::Green,
        Decision::ExplicitDeny => Style::Red,
        Decision::ImplicitDeny => Style::Yellow,
        Decision::Invalid => Style::Magenta,
    }
}

/// The reason chain, one numbered line per step, each line starting with `indent`.
pub fn reasons(evaluation: &Evaluation, paint: Paint, indent: &str) -> String {
    let mut out = String::new();
    for (number, reason) in evaluation.reasons.iter().enumerate() {
        let (label, style) = match reason.verdict {
            Verdict::Allow => ("allow", Style::Green),
            Verdict::Deny => ("deny ", Style::Red),
            Verdict::Info => ("info ", Style::Dim),
        };
        out.push_str(&format!(
            "{indent}{}. {}  {}",
            number + 1,
            paint.paint(label, style),
            reason.message
        ));
        if !reason.statements.is_empty() {
            let places: Vec<String> = reason
                .statements
                .iter()
                .map(|reference| statement_label(evaluation, reference))
                .collect();
            out.push_str(&paint.paint(&format!("  [{}]", places.join(", ")), Style::Dim));
        }
        out.push('\n');
    }
    out
}

/// `repository policy #2 "AllowPull"`: the policy's name, the statement counted from 1, and its `Sid`.
fn statement_label(evaluation: &Evaluation, reference: &StatementRef) -> String {
    let policy = evaluation
        .policies
        .iter()
        .find(|policy| policy.id == reference.policy);
    let name = policy.map_or(reference.policy.as_str(), |policy| policy.name.as_str());
    let sid = policy
        .and_then(|policy| {
            policy
                .statements
                .iter()
                .find(|statement| statement.index == reference.statement)
        })
        .and_then(|statement| statement.sid.as_deref());
    match sid {
        Some(sid) => format!("{name} #{} {sid:?}", reference.statement + 1),
        None => format!("{name} #{}", reference.statement + 1),
    }
}

/// One row per statement of every policy; a policy without statements gets one row with its note.
fn statements(evaluation: &Evaluation, paint: Paint) -> String {
    let mut table = Table::new(&["POLICY", "#", "SID", "EFFECT", "OUTCOME", "DETAIL"]);
    for policy in &evaluation.policies {
        if policy.statements.is_empty() {
            let note = policy
                .note
                .clone()
                .unwrap_or_else(|| "no statements".to_string());
            table.row(vec![
                Cell::plain(&policy.name),
                Cell::plain("-"),
                Cell::plain(""),
                Cell::plain(""),
                Cell::plain(""),
                Cell::plain(note),
            ]);
        }
        for statement in &policy.statements {
            let (outcome, style) = outcome(statement.outcome);
            let detail = match statement.outcome {
                StatementOutcome::NoMatch => unmatched(statement),
                StatementOutcome::NotApplicable => policy.note.clone().unwrap_or_default(),
                StatementOutcome::AllowMatch | StatementOutcome::DenyMatch => String::new(),
            };
            table.row(vec![
                Cell::plain(&policy.name),
                Cell::plain((statement.index + 1).to_string()),
                Cell::plain(statement.sid.clone().unwrap_or_default()),
                Cell::plain(effect(statement.effect)),
                Cell::styled(outcome, style),
                Cell::plain(detail),
            ]);
        }
    }
    table.render(paint, "  ")
}

fn outcome(outcome: StatementOutcome) -> (&'static str, Style) {
    match outcome {
        StatementOutcome::AllowMatch => ("allow-match", Style::Green),
        StatementOutcome::DenyMatch => ("deny-match", Style::Red),
        StatementOutcome::NoMatch => ("no-match", Style::Dim),
        StatementOutcome::NotApplicable => ("not-applicable", Style::Dim),
    }
}

fn effect(effect: Effect) -> &'static str {
    match effect {
        Effect::Allow => "Allow",
        Effect::Deny => "Deny",
    }
}

/// The elements of a statement that did not match: `principal, condition aws:SourceIp`.
fn unmatched(statement: &StatementReport) -> String {
    let mut parts = Vec::new();
    if statement
        .principal
        .as_ref()
        .is_some_and(|principal| !principal.matched)
    {
        parts.push("principal".to_string());
    }
    if statement
        .action
        .as_ref()
        .is_some_and(|action| !action.matched)
    {
        parts.push("action".to_string());
    }
    if statement
        .resource
        .as_ref()
        .is_some_and(|resource| !resource.matched)
    {
        parts.push("resource".to_string());
    }
    for condition in statement
        .conditions
        .each
        .iter()
        .filter(|condition| !condition.matched)
    {
        parts.push(format!(
            "condition {} {}",
            condition.operator_text, condition.key
        ));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("did not match: {}", parts.join(", "))
    }
}

/// The context used, derived keys marked.
fn context(evaluation: &Evaluation, paint: Paint) -> String {
    let mut table = Table::new(&["KEY", "VALUE", "SOURCE"]);
    for entry in &evaluation.context {
        let value = if entry.multivalued {
            format!("[{}]", entry.values.join(", "))
        } else {
            entry.values.join(", ")
        };
        let source = match entry.source {
            ContextSource::Caller => Cell::plain("given"),
            ContextSource::Derived => Cell::styled("derived", Style::Dim),
        };
        table.row(vec![Cell::plain(&entry.key), Cell::plain(value), source]);
    }
    table.render(paint, "  ")
}

/// Every policy's findings as `policy:line:column: severity[code]: message`. For a policy written as a
/// JSON object in the scenario file, the line and column are the file's: `policy (scenario):line:column`.
fn findings(evaluation: &Evaluation, paint: Paint) -> String {
    let mut out = String::new();
    for policy in &evaluation.policies {
        let label = match policy.written_at {
            Some(_) => format!("{} (scenario)", policy.name),
            None => policy.name.to_string(),
        };
        for diagnostic in &policy.diagnostics {
            let diagnostic = match policy.written_at {
                Some(at) => Diagnostic {
                    span: diagnostic.span.within(at),
                    ..diagnostic.clone()
                },
                None => diagnostic.clone(),
            };
            out.push_str(&format!("  {}\n", finding(&label, &diagnostic, paint)));
        }
    }
    out
}

/// `label:line:column: severity[code]: message`, the severity coloured.
pub fn finding(label: &str, diagnostic: &Diagnostic, paint: Paint) -> String {
    let style = match diagnostic.severity {
        Severity::Error => Style::Red,
        Severity::SecurityWarning => Style::Magenta,
        Severity::Warning => Style::Yellow,
        Severity::Suggestion => Style::Dim,
    };
    format!(
        "{label}:{}:{}: {}[{}]: {}",
        diagnostic.span.line,
        diagnostic.span.column,
        paint.paint(diagnostic.severity.as_str(), style),
        diagnostic.code,
        diagnostic.message
    )
}
