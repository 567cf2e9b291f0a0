//! Runs one of the native benchmark's text-to-answer cases a given number of times, for
//! `scripts/instructions`, which counts the instructions it takes under callgrind: a figure that, unlike a
//! time, the load of a shared machine does not change.
//!
//! Usage: `instructions CASE N`, CASE one of `prepare` (the typical scenario's policies parsed and
//! linted, then its request evaluated), `cached` (the same through a `PolicyCache` that already holds
//! its policies, what the page pays when only the request changed), `small` and `typical` (the
//! scenario's text to its result as JSON text), `keystroke` (the same for the keystroke benchmark's
//! 100-statement scenario after an edit of that policy, its other policy cached) and `diff` (the access
//! diff of two 20-statement policies), on the benchmark's fixtures at the corpus's request time.

use ecr_policy_engine::diff::{DiffInput, diff_policies};
use ecr_policy_engine::eval::{PolicyCache, prepare};
use ecr_policy_engine::policy::PolicyKind;
use ecr_policy_engine::scenario::scenario_from_text;
use ecr_policy_test_kit::CORPUS_TIME as TIME;
use std::hint::black_box;
use std::process::ExitCode;

#[path = "../benches/fixtures/policies.rs"]
mod policies;
#[path = "../benches/fixtures/text_to_result.rs"]
mod text_to_result;
use text_to_result::{cached_text_to_result_json, keystroke_edits, text_to_result_json};

const TYPICAL: &str = include_str!("../benches/fixtures/typical.json");
const SMALL: &str = include_str!("../benches/fixtures/small.json");

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (Some(case), Some(Ok(times))) = (
        arguments.first(),
        arguments.get(1).map(|n| n.parse::<usize>()),
    ) else {
        eprintln!("usage: instructions prepare|cached|small|typical|keystroke|diff N");
        return ExitCode::from(2);
    };
    let Ok(typical) = scenario_from_text(TYPICAL) else {
        eprintln!("the typical fixture does not parse");
        return ExitCode::from(2);
    };
    let (old, new) = policies::twenty_statement_versions();
    let diff_input = DiffInput {
        old: &old,
        new: &new,
        kind: PolicyKind::Repository,
        base: None,
        time: TIME,
    };
    let mut cache = PolicyCache::new();
    cache.prepare(&typical);
    let edits = keystroke_edits();
    let mut keystrokes = edits.iter().cycle();
    let mut keystroke_cache = PolicyCache::new();
    for _ in 0..times {
        match case.as_str() {
            "prepare" => {
                black_box(
                    prepare(black_box(&typical)).evaluate(&typical.first_request().action, TIME),
                );
            }
            "cached" => {
                black_box(
                    cache
                        .prepare(black_box(&typical))
                        .evaluate(&typical.first_request().action, TIME),
                );
            }
            "small" => {
                black_box(text_to_result_json(black_box(SMALL)));
            }
            "typical" => {
                black_box(text_to_result_json(black_box(TYPICAL)));
            }
            "keystroke" => {
                black_box(keystrokes.next().and_then(|text| {
                    cached_text_to_result_json(&mut keystroke_cache, black_box(text))
                }));
            }
            "diff" => {
                black_box(diff_policies(black_box(&diff_input)));
            }
            _ => {
                eprintln!(
                    "unknown case `{case}` (expected prepare, cached, small, typical, keystroke or diff)"
                );
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
