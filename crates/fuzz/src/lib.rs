//! Helpers of the fuzz targets in `fuzz_targets/`: a check of diagnostic spans, the scenario corpus as
//! seeds, and a structured mutator of scenario documents. The invariants and the vocabulary come from the
//! test kit (`crates/test-kit`), so the targets and the engine's property tests check the same thing.

pub mod mutate;
pub mod seeds;
pub mod spans;

/// Turns a broken invariant into a crash that libFuzzer records, with the invariant's message.
pub fn hold(check: Result<(), String>) {
    if let Err(message) = check {
        panic!("invariant broken: {message}");
    }
}
