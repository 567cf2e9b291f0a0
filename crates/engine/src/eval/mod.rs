//! Evaluation: a scenario in, a decision with its full explanation out.
//!
//! [`prepare`] parses and lints the scenario's policies once; [`Prepared::evaluate`] decides one action,
//! so the all-actions matrix reuses the parse. [`evaluate`] does both for the common case.

mod decide;
mod derive;
mod inputs;
mod matrix;
mod result;
mod statement;
#[cfg(test)]
mod tests;

pub use derive::RequestTime;
pub use inputs::{LoadedPolicy, level_name, load_policies};
pub use matrix::{Matrix, MatrixRow};
pub use result::{
    Decision, ElementReport, Evaluation, MissingKey, PatternReport, PolicyReport, PrincipalReport,
    Reason, RequestFacts, StatementOutcome, StatementRef, StatementReport, Step, Verdict,
};

use crate::catalog::catalog;
use crate::diagnostic::Diagnostic;
use crate::lint::{LintOptions, lint_parsed};
use crate::matching::{Arn, Caller};
use crate::policy::PolicyKind;
use crate::scenario::Scenario;

use self::decide::{DecisionInputs, PolicyOutcomes, StatementFacts, decide};
use self::statement::{RequestView, evaluate_statement};

/// Evaluates `scenario` at `time`.
pub fn evaluate(scenario: &Scenario, time: RequestTime) -> Evaluation {
    prepare(scenario).evaluate(&scenario.request.action, time)
}

/// A scenario with its policies parsed and linted, ready to decide any action.
#[derive(Debug, Clone)]
pub struct Prepared<'a> {
    scenario: &'a Scenario,
    policies: Vec<LoadedPolicy>,
    diagnostics: Vec<Vec<Diagnostic>>,
    caller: Result<Caller, String>,
}

/// Parses and lints the policies of `scenario` and reads its principal.
pub fn prepare(scenario: &Scenario) -> Prepared<'_> {
    let policies = load_policies(scenario);
    let options = LintOptions {
        repository_arn: Some(scenario.request.resource.clone())
            .filter(|resource| resource.starts_with("arn:")),
    };
    let diagnostics = policies
        .iter()
        .map(|policy| {
            let mut all = policy.parsed.diagnostics.clone();
            all.extend(lint_parsed(&policy.parsed, &options));
            all.sort_by_key(|diagnostic| (diagnostic.severity, diagnostic.span.start));
            all
        })
        .collect();
    let caller =
        Caller::parse(&scenario.request.principal).map_err(|error| format!("principal: {error}"));
    Prepared {
        scenario,
        policies,
        diagnostics,
        caller,
    }
}

impl Prepared<'_> {
    /// The parsed policies.
    pub fn policies(&self) -> &[LoadedPolicy] {
        &self.policies
    }

    /// Decides `action` for the scenario's principal and resource.
    pub fn evaluate(&self, action: &str, time: RequestTime) -> Evaluation {
        let request = &self.scenario.request;
        let resource = request.resource.trim();
        let resource_arn = Arn::parse(resource).ok();
        let known_action = catalog().action(action);
        // ECRSAR: registry-level actions take no repository; a request for `*` is registry-level too.
        let registry_level =
            resource == "*" || known_action.is_some_and(|action| action.is_registry_level());
        let caller_account = self
            .caller
            .as_ref()
            .ok()
            .and_then(|caller| caller.account().map(str::to_string));
        let resource_account = match &resource_arn {
            Some(arn) if !registry_level => Some(arn.account().to_string()),
            _ => caller_account.clone(),
        };
        let cross_account = match (&caller_account, &resource_account) {
            (Some(caller), Some(resource)) => caller != resource,
            _ => false,
        };
        let facts =
            RequestFacts {
                principal: request.principal.clone(),
                principal_type: self.caller.as_ref().ok().map(|caller| {
                    match caller.principal_type() {
                        Some(kind) => kind.as_str().to_string(),
                        None => "AWSService".to_string(),
                    }
                }),
                principal_account: caller_account,
                action: action.to_string(),
                resource: resource.to_string(),
                resource_account: resource_account.clone(),
                registry_level,
                cross_account,
                known_action: known_action.is_some(),
            };
        let mut request_errors = Vec::new();
        if let Err(error) = &self.caller {
            request_errors.push(error.clone());
        }
        if resource != "*" && resource_arn.is_none() {
            request_errors.push(format!(
                "resource: `{resource}` is not an ARN; give the repository ARN, such as `arn:aws:ecr:us-east-1:111122223333:repository/app`, or `*` for registry-level actions"
            ));
        }
        if !action.contains(':') {
            request_errors.push(format!("action: `{action}` is not of the form `service:Action`, such as `ecr:BatchGetImage`"));
        }
        let federated_by = self.federated_by(&mut request_errors);
        let caller = match &self.caller {
            Ok(caller) if request_errors.is_empty() => caller,
            _ => return self.invalid(facts, request_errors, Vec::new()),
        };
        let blocking: Vec<String> = self
            .policies
            .iter()
            .zip(&self.diagnostics)
            .filter_map(|(policy, diagnostics)| {
                let errors: Vec<&Diagnostic> = diagnostics
                    .iter()
                    .filter(|diagnostic| diagnostic.is_error())
                    .collect();
                let first = errors.first()?;
                Some(format!(
                    "the {} has {} error{} and was not evaluated; first, at line {}, column {}: {}",
                    policy.name,
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" },
                    first.span.line,
                    first.span.column,
                    first.message
                ))
            })
            .collect();
        if !blocking.is_empty() {
            return self.invalid(facts, Vec::new(), blocking);
        }
        let region = resource_arn.as_ref().map(|arn| arn.region().to_string());
        let context = derive::derive_context(
            request,
            caller,
            resource_account.as_deref(),
            region.as_deref(),
            time,
        );
        let view = RequestView {
            caller,
            action,
            resource,
            context: &context,
            has_boundary: self.scenario.permissions_boundary.is_some(),
            federated_by: federated_by.as_ref(),
        };
        let mut reports = Vec::new();
        let mut outcomes = Vec::new();
        for (policy, diagnostics) in self.policies.iter().zip(&self.diagnostics) {
            let Some(parsed) = policy.parsed.policy.as_ref() else {
                continue;
            };
            let not_applicable = not_applicable_because(policy.kind, caller, registry_level);
            let results: Vec<_> = parsed
                .statements
                .iter()
                .map(|statement| {
                    let mut result = evaluate_statement(statement, parsed, view);
                    if not_applicable.is_some() {
                        result.report.outcome = StatementOutcome::NotApplicable;
                    }
                    (statement.label(), result)
                })
                .collect();
            if not_applicable.is_none() {
                outcomes.push(PolicyOutcomes {
                    id: policy.id.clone(),
                    kind: policy.kind,
                    name: policy.name.clone(),
                    level: policy.level,
                    statements: results
                        .iter()
                        .map(|(label, result)| StatementFacts {
                            index: result.report.index,
                            label: label.clone(),
                            outcome: result.report.outcome,
                            named_as: result.named_as,
                        })
                        .collect(),
                });
            }
            reports.push(PolicyReport {
                id: policy.id.clone(),
                kind: policy.kind,
                name: policy.name.clone(),
                applies: not_applicable.is_none(),
                note: not_applicable.map(str::to_string),
                diagnostics: diagnostics.clone(),
                statements: results
                    .into_iter()
                    .map(|(_, result)| result.report)
                    .collect(),
            });
        }
        let levels = |kind: PolicyKind, count: usize| {
            if outcomes.iter().any(|policy| policy.kind == kind) {
                count
            } else {
                0
            }
        };
        let inputs = DecisionInputs {
            caller,
            policies: &outcomes,
            cross_account,
            registry_level,
            has_boundary: outcomes
                .iter()
                .any(|policy| policy.kind == PolicyKind::Boundary),
            has_session_policy: outcomes
                .iter()
                .any(|policy| policy.kind == PolicyKind::Session),
            scp_levels: levels(PolicyKind::Scp, self.scenario.scps.len()),
            rcp_levels: levels(PolicyKind::Rcp, self.scenario.rcps.len()),
        };
        let (decision, mut reasons) = decide(&inputs);
        let mut applicability = applicability_notes(&reports);
        applicability.append(&mut reasons);
        let missing_keys = missing_keys(&reports);
        Evaluation {
            decision,
            summary: summary(decision, &applicability),
            reasons: applicability,
            request: facts,
            policies: reports,
            context: context.entries().to_vec(),
            missing_keys,
            request_errors: Vec::new(),
        }
    }

    /// `request.federatedBy`: an IAM user of the federated user's own account.
    fn federated_by(&self, errors: &mut Vec<String>) -> Option<Caller> {
        let text = self.scenario.request.federated_by.as_deref()?;
        match (Caller::parse(text), &self.caller) {
            (Ok(user @ Caller::User { .. }), Ok(caller @ Caller::FederatedUser { .. }))
                if user.account() == caller.account() =>
            {
                Some(user)
            }
            (_, Ok(Caller::FederatedUser { .. })) => {
                errors.push(format!(
                    "federatedBy: `{text}` is not an IAM user ARN of the federated user's account"
                ));
                None
            }
            _ => {
                errors.push(
                    "federatedBy: only a federated-user principal has a federating IAM user"
                        .to_string(),
                );
                None
            }
        }
    }

    fn invalid(
        &self,
        facts: RequestFacts,
        request_errors: Vec<String>,
        policy_errors: Vec<String>,
    ) -> Evaluation {
        let reasons: Vec<Reason> = request_errors
            .iter()
            .chain(&policy_errors)
            .map(|message| Reason {
                step: Step::Decision,
                verdict: Verdict::Deny,
                message: message.clone(),
                statements: Vec::new(),
            })
            .collect();
        Evaluation {
            decision: Decision::Invalid,
            summary: reasons.first().map_or_else(
                || "the input is invalid".to_string(),
                |reason| reason.message.clone(),
            ),
            reasons,
            request: facts,
            policies: self
                .policies
                .iter()
                .zip(&self.diagnostics)
                .map(|(policy, diagnostics)| PolicyReport {
                    id: policy.id.clone(),
                    kind: policy.kind,
                    name: policy.name.clone(),
                    applies: false,
                    note: Some("not evaluated: the input has errors".to_string()),
                    diagnostics: diagnostics.clone(),
                    statements: Vec::new(),
                })
                .collect(),
            context: Vec::new(),
            missing_keys: Vec::new(),
            request_errors,
        }
    }
}

/// Why a policy of `kind` does not take part in this request, or `None` when it does.
fn not_applicable_because(
    kind: PolicyKind,
    caller: &Caller,
    registry_level: bool,
) -> Option<&'static str> {
    let iam_principal = !matches!(caller, Caller::Service { .. } | Caller::Anonymous);
    match kind {
        // ECRPOL: GetAuthorizationToken and other registry-level actions must be allowed through IAM.
        PolicyKind::Repository if registry_level => Some(
            "a repository policy does not govern registry-level actions such as ecr:GetAuthorizationToken (ECRPOL)",
        ),
        // RCP: RCPs apply to the resources in the action's resource-type column (INFERENCE for registry actions).
        PolicyKind::Rcp if registry_level => Some(
            "resource control policies apply to actions on a resource; this registry-level action has none (RCP)",
        ),
        PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session | PolicyKind::Scp
            if !iam_principal =>
        {
            Some(
                "service principals and anonymous callers have no identity policies, boundaries, sessions or organization account",
            )
        }
        PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session
            if matches!(caller, Caller::Root { .. }) =>
        {
            Some(
                "policies cannot be attached to the root user, which has full access in its own account (EVAL)",
            )
        }
        PolicyKind::Session if !caller.is_session() => {
            Some("session policies apply only to role sessions and federated users")
        }
        _ => None,
    }
}

fn applicability_notes(reports: &[PolicyReport]) -> Vec<Reason> {
    reports
        .iter()
        .filter_map(|report| {
            let note = report.note.as_ref()?;
            Some(Reason {
                step: Step::Applicability,
                verdict: Verdict::Info,
                message: format!("the {} does not apply: {note}", report.name),
                statements: Vec::new(),
            })
        })
        .collect()
}

fn summary(decision: Decision, reasons: &[Reason]) -> String {
    let deciding = reasons
        .iter()
        .rev()
        .find(|reason| reason.verdict != Verdict::Info && reason.step != Step::Decision)
        .or_else(|| reasons.last());
    let headline = match decision {
        Decision::Allowed => "Allowed",
        Decision::ExplicitDeny => "Explicitly denied",
        Decision::ImplicitDeny => "Implicitly denied",
        Decision::Invalid => "Not evaluated",
    };
    match deciding {
        Some(reason) => format!("{headline}: {}", reason.message),
        None => headline.to_string(),
    }
}

/// Keys that applicable statements' conditions reference and the request lacks.
fn missing_keys(reports: &[PolicyReport]) -> Vec<MissingKey> {
    let mut missing: Vec<MissingKey> = Vec::new();
    for report in reports.iter().filter(|report| report.applies) {
        for statement in &report.statements {
            for condition in statement
                .conditions
                .each
                .iter()
                .filter(|condition| condition.missing_key)
            {
                let reference = StatementRef {
                    policy: report.id.clone(),
                    statement: statement.index,
                };
                match missing
                    .iter_mut()
                    .find(|key| key.key.eq_ignore_ascii_case(&condition.key))
                {
                    Some(key) if !key.references.contains(&reference) => {
                        key.references.push(reference)
                    }
                    Some(_) => {}
                    None => missing.push(MissingKey {
                        key: condition.key.clone(),
                        references: vec![reference],
                    }),
                }
            }
        }
    }
    missing
}
