//! The scenario corpus (`tests/scenarios/**/*.json`, read by the test kit) as the bases the structured
//! target mutates. A scenario of every principal kind is added so that an empty corpus still gives bases.

use std::sync::OnceLock;

use ecr_policy_engine::scenario::{Scenario, scenarios_from_text};
use ecr_policy_test_kit::corpus_scenarios;
use ecr_policy_test_kit::vocabulary::PRINCIPALS;

/// Every scenario of the corpus, plus one minimal scenario per principal of the vocabulary.
pub fn scenarios() -> &'static [Scenario] {
    static SCENARIOS: OnceLock<Vec<Scenario>> = OnceLock::new();
    SCENARIOS.get_or_init(|| {
        let mut found = corpus_scenarios().to_vec();
        for principal in PRINCIPALS {
            let text = format!(
                r#"{{"request": {{"principal": "{principal}", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}}}"#
            );
            found.extend(scenarios_from_text(&text).unwrap_or_default());
        }
        found
    })
}
