//! The corpus read as scenarios, once per test binary.

use std::sync::OnceLock;

use ecr_policy_engine::scenario::{Scenario, scenarios_from_text};

use crate::corpus_files;

/// Every scenario of the corpus, in file order, read once. A file that cannot be read or parsed adds
/// nothing here: the corpus test (`crates/engine/tests/scenarios.rs`) reports it by name.
pub fn corpus_scenarios() -> &'static [Scenario] {
    static SCENARIOS: OnceLock<Vec<Scenario>> = OnceLock::new();
    SCENARIOS.get_or_init(|| {
        let files = corpus_files().unwrap_or_default();
        files
            .iter()
            .filter_map(|file| std::fs::read_to_string(file).ok())
            .flat_map(|text| scenarios_from_text(&text).unwrap_or_default())
            .collect()
    })
}
