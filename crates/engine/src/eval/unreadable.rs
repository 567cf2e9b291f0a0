//! The evaluation-shaped answer for a scenario document that could not be read, so that every adapter
//! reports an unreadable scenario the same way as an invalid policy: decision `invalid` with the reason.

use crate::decision::Decision;
use crate::scenario::ScenarioError;

use super::result::{Evaluation, Reason, RequestFacts, Step, Verdict};

impl Evaluation {
    /// Decision `invalid`, the error as the one reason, and empty request facts, policies and context.
    pub fn unreadable(error: &ScenarioError) -> Evaluation {
        let message = format!("the scenario is not valid: {error}");
        Evaluation {
            decision: Decision::Invalid,
            summary: message.clone(),
            reasons: vec![Reason {
                step: Step::Decision,
                verdict: Verdict::Deny,
                message,
                statements: Vec::new(),
            }],
            request: RequestFacts::default(),
            policies: Vec::new(),
            context: Vec::new(),
            missing_keys: Vec::new(),
            request_errors: Vec::new(),
            operation: None,
            actions: Vec::new(),
        }
    }
}
