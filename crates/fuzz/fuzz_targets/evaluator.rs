//! The evaluator on scenario documents read from arbitrary text (seeded with the scenario corpus): it
//! never panics, decides the same way twice, lets an explicit deny win, and decides the all-actions
//! matrix of every scenario it reads.
#![no_main]

use ecr_policy_engine::eval::prepare;
use ecr_policy_engine::scenario::scenarios_from_text;
use ecr_policy_fuzz::hold;
use ecr_policy_test_kit::CORPUS_TIME;
use ecr_policy_test_kit::invariants::{deterministic, explicit_deny_wins};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for scenario in scenarios_from_text(&text)
        .unwrap_or_default()
        .iter()
        .take(4)
    {
        hold(deterministic(scenario));
        hold(explicit_deny_wins(scenario, false));
        hold(explicit_deny_wins(scenario, true));
        let _ = prepare(scenario).matrix(CORPUS_TIME);
    }
});
