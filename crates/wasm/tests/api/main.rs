//! The shape of the WebAssembly API as JavaScript sees it: plain objects in and out, user input that is
//! wrong comes back as data, misuse throws an `Error` with a message, spans carry UTF-16 offsets.
//! Runs in Node.js and in headless Chromium (`scripts/test-wasm`).

// `cfg(test)` so that crates/clippy.toml's test allowances (unwrap, panic...) cover `wasm_bindgen_test`
// functions.
#![cfg(test)]

mod account;
#[cfg(feature = "bench")]
mod bench;
mod catalog;
mod denied;
mod diff;
mod evaluate;
mod fixes;
mod lint;
mod matrix;
mod misuse;
mod read;
mod share;
mod spans;
mod support;
mod template;
