//! The module's cache of parsed policies, shared by every function that evaluates a scenario.

use std::cell::RefCell;

use ecr_policy_engine::eval::{PolicyCache, Prepared};
use ecr_policy_engine::scenario::Scenario;

thread_local! {
    /// The policies of the last scenarios read. The page evaluates the whole scenario again after every
    /// edit, and an edit usually changes one policy: the others are not parsed and linted again.
    pub static POLICIES: RefCell<PolicyCache> = RefCell::new(PolicyCache::new());
}

/// `scenario` prepared through the module's cache of policies.
pub fn prepare(scenario: &Scenario) -> Prepared<'_> {
    POLICIES.with_borrow_mut(|cache| cache.prepare(scenario))
}
