//! The "all actions" view: every repository action of the catalogue decided for the scenario's caller and
//! repository, reusing one parse of the policies.

use serde::Serialize;

use super::{Decision, Prepared, RequestTime};
use crate::catalog::catalog;

/// One action's decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct MatrixRow {
    /// The action, such as `ecr:BatchGetImage`.
    pub action: String,
    /// Its access level in the catalogue (`Read`, `Write`, ...).
    pub access_level: String,
    /// The decision for it.
    pub decision: Decision,
    /// The one-sentence summary of why.
    pub summary: String,
}

/// Every repository action with its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Matrix {
    /// The rows, in catalogue order.
    pub rows: Vec<MatrixRow>,
}

impl Prepared<'_> {
    /// Decides every ECR repository action for the scenario's principal and repository.
    pub fn matrix(&self, time: RequestTime) -> Matrix {
        let rows = catalog()
            .repository_actions()
            .map(|action| {
                let name = action.full_name();
                let (decision, summary) = self.decision(&name, time);
                MatrixRow {
                    action: name,
                    access_level: action.access_level.clone(),
                    decision,
                    summary,
                }
            })
            .collect();
        Matrix { rows }
    }
}
