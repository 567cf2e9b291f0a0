//! Lists every scenario file of the corpus (`tests/scenarios/**/*.json`, walked by the test kit) for the
//! wasm tests, which cannot read files at run time in a browser.
//!
//! Writes `$OUT_DIR/corpus.rs`: a `CORPUS` slice of `(path relative to tests/scenarios, text)` pairs, each
//! text embedded with `include_str!`, in path order. Cargo reruns this script whenever a file under the
//! corpus changes, so a new file is picked up by the next test run without touching any list.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

use ecr_policy_test_kit::{corpus_dir, corpus_files};

fn main() -> Result<(), Box<dyn Error>> {
    let root = corpus_dir();
    println!("cargo::rerun-if-changed={}", root.display());
    let files = corpus_files()?;

    let mut source = String::from(
        "/// Every scenario file of the corpus: its path under `tests/scenarios` and its text.\n",
    );
    source.push_str("pub const CORPUS: &[(&str, &str)] = &[\n");
    for file in &files {
        let relative = file
            .strip_prefix(&root)?
            .to_str()
            .ok_or("a corpus path is not UTF-8")?;
        let absolute = file.canonicalize()?;
        let absolute = absolute.to_str().ok_or("a corpus path is not UTF-8")?;
        writeln!(source, "    ({relative:?}, include_str!({absolute:?})),")?;
    }
    source.push_str("];\n");

    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out_dir.join("corpus.rs"), source)?;
    Ok(())
}
