//! WebAssembly surface of the ECR policy engine for the playground page.
//!
//! This crate only adapts: it converts between JavaScript values and the engine's types and holds no
//! policy logic of its own. Every function takes plain JavaScript values and returns plain objects
//! shaped as the engine's JSON (maps become objects, `None` becomes `null`).
//!
//! Errors follow one rule: what a person typed never throws. A malformed scenario or policy comes back
//! as data (`decision: "invalid"` with the path and message, or diagnostics with spans). Only misuse of
//! the API, such as a number where a scenario object belongs or a missing argument, throws a JavaScript
//! `Error` whose message names the function and what was wrong.
//!
//! The TypeScript types are derived, never written by hand: the engine's `wasm` feature derives `Tsify` on
//! its public result and input types, this crate's own types derive it too, and wasm-bindgen writes them
//! all into the package's `.d.ts`.

//! The crate builds two modules from one source, chosen by cargo features: `first-load` (on by default)
//! has what the page needs for its first decision and while a person types; `analyses` has the analyses
//! the page loads only when one is first used (crates/ARCHITECTURE.md, "Two WebAssembly modules"). Each
//! function's module is the feature on its `mod` and `pub use` lines below: moving a function from one
//! module to the other is changing those two attributes.

mod args;
#[cfg(feature = "bench")]
mod bench;
mod convert;
mod policies;
mod utf8;

#[cfg(feature = "first-load")]
mod catalog;
#[cfg(feature = "first-load")]
mod evaluate;
#[cfg(feature = "first-load")]
mod lint;
#[cfg(feature = "first-load")]
mod read;
#[cfg(feature = "first-load")]
mod share;

#[cfg(feature = "analyses")]
mod account;
#[cfg(feature = "analyses")]
mod compare;
#[cfg(feature = "analyses")]
mod denied;
#[cfg(feature = "analyses")]
mod encode;
#[cfg(feature = "analyses")]
mod fixes;
#[cfg(feature = "analyses")]
mod template;

use wasm_bindgen::prelude::wasm_bindgen;

#[cfg(feature = "bench")]
pub use bench::bench_engine;

#[cfg(feature = "first-load")]
pub use catalog::catalog;
#[cfg(feature = "first-load")]
pub use evaluate::{
    EvaluateResult, MatrixResult, RequestDecision, SuiteDecisions, SuiteResult, decide_suite,
    evaluate, evaluate_suite, matrix,
};
#[cfg(feature = "first-load")]
pub use lint::{LintOptions, lint};
#[cfg(feature = "first-load")]
pub use read::{ReadScenariosResult, read_scenarios};
#[cfg(feature = "first-load")]
pub use share::{DecodeShareResult, decode_share, long_link};

#[cfg(feature = "analyses")]
pub use account::{
    Failed, ImportIdentityResult, ReadAccountResult, WhoCanResult, import_identity, read_account,
    who_can_js,
};
#[cfg(feature = "analyses")]
pub use compare::diff;
#[cfg(feature = "analyses")]
pub use denied::{AccessDeniedResult, access_denied};
#[cfg(feature = "analyses")]
pub use encode::encode_share;
#[cfg(feature = "analyses")]
pub use fixes::{SuggestFixesResult, suggest_fixes_js};
#[cfg(feature = "analyses")]
pub use template::{ReadTemplateResult, TemplateFailed, read_template};

/// Installs the panic hook so that a panic, should one ever happen, reaches the browser console with
/// its message instead of an opaque `unreachable` trap. Runs when the module is instantiated, so it is
/// left out of the TypeScript types; calling it again does nothing.
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    console_error_panic_hook::set_once();
}

/// The version of this package, which is the version of the whole workspace and so of the engine.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
