//! The decision for a request. A leaf module: the evaluation returns a decision and a scenario expects
//! one, and neither needs the other to say what a decision is.

use serde::{Deserialize, Serialize};

/// The decision for a request, as the IAM policy simulator names them (SIMAPI), plus `invalid`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    /// Some policy allows the request and nothing denies it.
    Allowed,
    /// A matching `Deny` statement refuses the request.
    ExplicitDeny,
    /// Nothing that is needed allows the request.
    ImplicitDeny,
    /// The input has errors, so nothing was evaluated.
    Invalid,
}

impl Decision {
    /// The name used in scenario files and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Allowed => "allowed",
            Decision::ExplicitDeny => "explicitDeny",
            Decision::ImplicitDeny => "implicitDeny",
            Decision::Invalid => "invalid",
        }
    }
}
