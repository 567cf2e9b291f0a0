//! The package reports its version to JavaScript.
//!
//! Runs unchanged in Node.js and in headless Chromium: this file has no `wasm_bindgen_test_configure!`,
//! so the runner picks Node.js by default and a browser when `WASM_BINDGEN_USE_BROWSER` is set
//! (`scripts/test-wasm` sets it for the Chromium run).

use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn version_is_the_workspace_version() {
    let version = ecr_policy_wasm::version();
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    let parts: Vec<&str> = version.split('.').collect();
    assert_eq!(parts.len(), 3, "`{version}` is not MAJOR.MINOR.PATCH");
    assert!(parts.iter().all(|part| part.parse::<u32>().is_ok()));
}
