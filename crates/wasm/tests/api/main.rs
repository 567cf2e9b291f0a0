//! The shape of the WebAssembly API as JavaScript sees it: plain objects in and out, user input that is
//! wrong comes back as data, misuse throws an `Error` with a message, spans carry UTF-16 offsets.
//! Runs in Node.js and in headless Chromium (`scripts/test-wasm`).

// `cfg(test)` so that crates/clippy.toml's test allowances (unwrap, panic...) cover `wasm_bindgen_test`
// functions.
#![cfg(test)]

// Each file tests the functions of one module (crates/wasm/src/lib.rs): `scripts/test-wasm` runs this
// crate once against each module's build.
#[cfg(feature = "analyses")]
mod account;
#[cfg(feature = "bench")]
mod bench;
#[cfg(feature = "first-load")]
mod catalog;
#[cfg(feature = "analyses")]
mod denied;
#[cfg(feature = "analyses")]
mod diff;
#[cfg(feature = "analyses")]
mod encode;
#[cfg(feature = "first-load")]
mod evaluate;
#[cfg(feature = "analyses")]
mod fixes;
#[cfg(feature = "first-load")]
mod lint;
#[cfg(feature = "first-load")]
mod matrix;
#[cfg(feature = "first-load")]
mod misuse;
#[cfg(feature = "first-load")]
mod read;
#[cfg(feature = "first-load")]
mod share;
#[cfg(feature = "first-load")]
mod spans;
mod support;
#[cfg(feature = "analyses")]
mod template;
