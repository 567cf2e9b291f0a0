//! The "all actions" view: every ECR action of the catalogue decided for the scenario's caller, the
//! repository actions on its repository and the registry-level ones on `*`, and every operation
//! (iam-semantics.md section 7), reusing one parse of the policies.

use serde::Serialize;

use super::operation::OperationOutcome;
use super::{Brief, Decision, Prepared, RequestTime};
use crate::catalog::{Action, catalog};
use crate::operation::{Operation, Target};

/// One action's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatrixRow {
    /// The action, such as `ecr:BatchGetImage`.
    pub action: String,
    /// Its access level in the catalogue (`Read`, `Write`, ...).
    pub access_level: String,
    /// Whether it is registry-level (no resource type, ECRSAR): decided on `*`, and only identity-side
    /// policies can grant it.
    pub registry_level: bool,
    /// The decision for it.
    pub decision: Decision,
    /// The one-sentence summary of why.
    pub summary: String,
}

/// One operation's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OperationRow {
    /// The operation.
    pub operation: Operation,
    /// Allowed when every one of its actions is, else the decision of the first that is not.
    pub decision: Decision,
    /// The one-sentence summary of why, starting with the deciding action.
    pub summary: String,
    /// The first action not allowed, whose row explains it; `None` when the operation is allowed.
    pub failing_action: Option<String>,
}

/// Every action and every operation with its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// The rows: the repository actions in catalogue order, then the registry-level actions,
    /// `ecr:GetAuthorizationToken` first.
    pub rows: Vec<MatrixRow>,
    /// Every operation, in the order of the rule book's table.
    pub operations: Vec<OperationRow>,
}

/// One action decided for the matrix: on which preparation, the action, and its brief.
struct Decided<'c> {
    on_registry: bool,
    action: &'c Action,
    name: String,
    brief: Brief,
}

impl Prepared<'_> {
    /// Decides every ECR action and every operation for the request's principal and repository. Each
    /// action is decided once: an operation's action is the matrix row's, when it is decided on the same
    /// resource.
    pub fn matrix(&self, time: RequestTime) -> Matrix {
        let registry = self.on_registry();
        let decide = |on_registry: bool, action: &'static Action| {
            let prepared = if on_registry { &registry } else { self };
            let name = action.full_name();
            Decided {
                on_registry,
                action,
                brief: prepared.decision(&name, time),
                name,
            }
        };
        // GetAuthorizationToken first, the others in catalogue order.
        let (token, others): (Vec<&Action>, Vec<&Action>) = catalog()
            .registry_actions()
            .partition(|action| action.name == "GetAuthorizationToken");
        let decided: Vec<Decided<'_>> = catalog()
            .repository_actions()
            .map(|action| decide(false, action))
            .chain(
                token
                    .into_iter()
                    .chain(others)
                    .map(|action| decide(true, action)),
            )
            .collect();
        let registry = Some(registry);
        let operations = Operation::ALL
            .into_iter()
            .map(|operation| {
                let briefs: Vec<Brief> = operation
                    .steps()
                    .iter()
                    .map(|step| {
                        let on_registry = step.target == Target::Registry;
                        decided
                            .iter()
                            .find(|row| row.on_registry == on_registry && row.name == step.action)
                            .map_or_else(
                                || self.for_step(step, &registry).decision(step.action, time),
                                |row| row.brief.clone(),
                            )
                    })
                    .collect();
                let outcome = OperationOutcome::new(operation, &briefs);
                OperationRow {
                    operation,
                    decision: outcome.decision,
                    summary: outcome.summary(),
                    failing_action: outcome
                        .failing
                        .and_then(|index| operation.steps().get(index))
                        .map(|step| step.action.to_owned()),
                }
            })
            .collect();
        let rows = decided
            .into_iter()
            .map(|row| MatrixRow {
                action: row.name,
                access_level: row.action.access_level.clone(),
                registry_level: row.action.is_registry_level(),
                decision: row.brief.decision,
                summary: row.brief.summary,
            })
            .collect();
        Matrix { rows, operations }
    }
}
