//! Runs every scenario in `tests/scenarios/` (the corpus every layer runs) and checks its `expect`, each
//! request of a suite with its own. A failure prints the scenario, the expected and actual decisions and
//! the reason chain.

use ecr_policy_engine::eval::evaluate_suite;
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
            for entry in evaluate_suite(&scenario, CORPUS_TIME) {
                let name = match scenario.is_suite() {
                    true => format!("{} › {}", scenario.name, entry.name),
                    false => entry.name.clone(),
                };
                let Some(expected) = entry.expect else {
                    failures.push(format!("{}: `{name}` has no `expect`", file.display()));
                    continue;
                };
                checked += 1;
                let evaluation = &entry.evaluation;
                if evaluation.decision != expected {
                    let reasons: Vec<String> = evaluation
                        .reasons
                        .iter()
                        .map(|reason| format!("    - {:?}: {}", reason.step, reason.message))
                        .collect();
                    failures.push(format!(
                        "{}: `{name}`\n  expected {}, got {}\n{}",
                        file.display(),
                        expected.as_str(),
                        evaluation.decision.as_str(),
                        reasons.join("\n")
                    ));
                }
            }
        }
    }
    println!("{checked} requests checked from {} files", files.len());
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
