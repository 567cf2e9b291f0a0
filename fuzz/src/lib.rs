//! Helpers of the fuzz targets in `fuzz_targets/`: the invariants and the vocabulary they share with the
//! engine's property tests (included by path, so both check the same thing), a check of diagnostic spans,
//! the scenario corpus as seeds, and a structured mutator of scenario documents.

#[path = "../../crates/engine/tests/properties/invariants.rs"]
pub mod invariants;
pub mod mutate;
pub mod seeds;
pub mod spans;
#[path = "../../crates/engine/tests/properties/vocabulary.rs"]
pub mod vocabulary;

/// Turns a broken invariant into a crash that libFuzzer records, with the invariant's message.
pub fn hold(check: Result<(), String>) {
    if let Err(message) = check {
        panic!("invariant broken: {message}");
    }
}
