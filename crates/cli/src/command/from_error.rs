//! `ecr-policy eval --from-error TEXT`: the request of an AccessDenied message, decided against the
//! scenario's policies, and whether the playground agrees with the reason AWS gave.

use ecr_policy_engine::denied::{self, AccessDenied, Agreement, AgreementVerdict};
use ecr_policy_engine::eval::Evaluation;
use ecr_policy_engine::scenario::{Request, Scenario};
use serde::Serialize;

use crate::color::{Paint, Style};
use crate::error::CliError;

/// The label of the message in errors.
const LABEL: &str = "<from-error>";

/// Reads the AccessDenied message, or says where it stops being one.
pub fn read(text: &str) -> Result<AccessDenied, CliError> {
    denied::parse(text).map_err(|error| {
        CliError::new(format!(
            "{LABEL}:{}:{}: {}",
            error.span.line, error.span.column, error.message
        ))
    })
}

/// The scenario asks the message's request: its principal, action and resource (the scenario's
/// resource when the message names none), with the context of the scenario's first request.
pub fn ask(scenario: &mut Scenario, denied: &AccessDenied) {
    let first = scenario
        .request
        .take()
        .or_else(|| scenario.requests.first().cloned())
        .unwrap_or_default();
    scenario.requests.clear();
    scenario.request = Some(Request {
        name: String::new(),
        principal: denied.principal.clone(),
        action: denied.action.clone(),
        operation: None,
        resource: denied.resource.clone().unwrap_or(first.resource),
        federated_by: None,
        context: first.context,
        expect: None,
    });
}

/// What `--json` prints with `--from-error`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FromErrorJson<'a> {
    /// What the message says.
    pub access_denied: &'a AccessDenied,
    /// Whether the playground agrees.
    pub agreement: &'a Agreement,
    /// The evaluation of the message's request.
    pub evaluation: &'a Evaluation,
}

/// The lines that follow the evaluation: what AWS said and whether the playground agrees.
pub fn text(denied: &AccessDenied, agreement: &Agreement, paint: Paint) -> String {
    let said = match &denied.blame {
        Some(blame) => {
            let reason = match blame.denial {
                denied::Denial::ExplicitDeny => {
                    format!("an explicit deny in a {}", blame.policy_type.words())
                }
                denied::Denial::NoAllow => format!("no {} allows it", blame.policy_type.words()),
            };
            match &blame.policy_arn {
                Some(arn) => format!("{reason} ({arn})"),
                None => reason,
            }
        }
        None => "denied, without a reason".to_owned(),
    };
    let (verdict, style) = match agreement.verdict {
        AgreementVerdict::Agrees => ("agrees", Style::Green),
        AgreementVerdict::Disagrees => ("disagrees", Style::Red),
        AgreementVerdict::CannotTell => ("cannot tell", Style::Yellow),
    };
    format!(
        "\n{}  {said}\n{}  {}: {}\n",
        paint.paint("AWS said  ", Style::Bold),
        paint.paint("playground", Style::Bold),
        paint.paint(verdict, style),
        agreement.message
    )
}
