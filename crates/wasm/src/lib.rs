//! WebAssembly surface of the ECR policy engine for the playground page.
//!
//! This crate only adapts: it converts between JavaScript values and the engine's types and holds no
//! policy logic of its own.

use wasm_bindgen::prelude::wasm_bindgen;

/// Installs the panic hook so that a panic, should one ever happen, reaches the browser console with
/// its message instead of an opaque `unreachable` trap. Runs when the module is instantiated; calling
/// it again does nothing.
#[wasm_bindgen(start)]
pub fn init() {
    console_error_panic_hook::set_once();
}

/// The version of this package, which is the version of the whole workspace and so of the engine.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
