//! Lists every scenario file of the shared corpus (`tests/scenarios/**/*.json`) for the wasm tests,
//! which cannot read files at run time in a browser.
//!
//! Writes `$OUT_DIR/corpus.rs`: a `CORPUS` slice of `(path relative to tests/scenarios, text)` pairs, each
//! text embedded with `include_str!`, in path order. Cargo reruns this script whenever a file under the
//! corpus changes, so a new file is picked up by the next test run without touching any list.

use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let root = manifest_dir.join("../../tests/scenarios");
    println!("cargo::rerun-if-changed={}", root.display());

    // Without the corpus (the crate built outside this repository) the list is empty, and the corpus
    // test says so.
    let mut files = Vec::new();
    if root.is_dir() {
        collect_json_files(&root, &mut files)?;
    }
    files.sort();

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

/// Adds every `.json` file under `folder`, at any depth, to `found`.
fn collect_json_files(folder: &Path, found: &mut Vec<PathBuf>) -> Result<(), Box<dyn Error>> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_json_files(&path, found)?;
        } else if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            found.push(path);
        }
    }
    Ok(())
}
