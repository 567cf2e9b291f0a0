//! Runs every scenario in `tests/scenarios/` (the corpus every layer runs) and checks its `expect`.
//! A failure prints the scenario, the expected and actual decisions and the reason chain.

use ecr_policy_engine::eval::evaluate;
use ecr_policy_engine::scenario::scenarios_from_text;
use ecr_policy_test_kit::{CORPUS_TIME, corpus_dir, corpus_files};

#[test]
fn every_scenario_in_the_corpus_gives_its_expected_decision() {
    let files = corpus_files().unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let scenarios = match scenarios_from_text(&text) {
            Ok(scenarios) => scenarios,
            Err(error) => {
                failures.push(format!("{}: {error}", file.display()));
                continue;
            }
        };
        for scenario in scenarios {
            let Some(expected) = scenario.expect else {
                failures.push(format!(
                    "{}: scenario `{}` has no `expect`",
                    file.display(),
                    scenario.name
                ));
                continue;
            };
            checked += 1;
            let evaluation = evaluate(&scenario, CORPUS_TIME);
            if evaluation.decision != expected {
                let reasons: Vec<String> = evaluation
                    .reasons
                    .iter()
                    .map(|reason| format!("    - {:?}: {}", reason.step, reason.message))
                    .collect();
                failures.push(format!(
                    "{}: `{}`\n  expected {}, got {}\n{}",
                    file.display(),
                    scenario.name,
                    expected.as_str(),
                    evaluation.decision.as_str(),
                    reasons.join("\n")
                ));
            }
        }
    }
    println!("{checked} scenarios checked from {} files", files.len());
    assert!(
        checked > 0,
        "the corpus under {} is empty",
        corpus_dir().display()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} scenarios failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
