//! What the tests of every crate share, so that each exists once: the scenario corpus `tests/scenarios/`
//! (its files, and its scenarios read once), the moment the corpus is written for, the invariants of the
//! engine that the property tests (`crates/engine/tests/properties.rs`) and the fuzz targets
//! (`crates/fuzz`) both check, and the vocabulary both build their inputs from.
//!
//! A dev-dependency of the engine, the CLI, the wasm crate and the fuzz crate, never a dependency of what
//! ships. `crates/wasm/build.rs` uses it without its `engine` feature, for the file list only. Its program
//! `statement-facts` (`src/bin/`) gives the page's tests the engine's own view of each statement.

mod corpus;
#[cfg(feature = "engine")]
pub mod invariants;
#[cfg(feature = "engine")]
mod scenarios;
pub mod vocabulary;

pub use corpus::{corpus_dir, corpus_files};
#[cfg(feature = "engine")]
pub use scenarios::{corpus_scenarios, each_request};

/// 2026-06-01T00:00:00Z in Unix seconds: the moment every test evaluates at. The corpus's date
/// conditions are written for it, so their results do not change with the day the tests run.
pub const CORPUS_SECONDS: i64 = 1_780_272_000;

/// [`CORPUS_SECONDS`] as the engine's request time.
#[cfg(feature = "engine")]
pub const CORPUS_TIME: ecr_policy_engine::eval::RequestTime =
    ecr_policy_engine::eval::RequestTime(CORPUS_SECONDS);
