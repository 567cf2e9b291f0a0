//! The scenario corpus `tests/scenarios/`: the one walk over its files that every test uses.

use std::path::{Path, PathBuf};

/// The corpus folder, `tests/scenarios/` at the root of the repository.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/scenarios")
}

/// Every `.json` file under the corpus folder, at any depth, in path order.
pub fn corpus_files() -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    collect_json_files(&corpus_dir(), &mut found)?;
    found.sort();
    Ok(found)
}

fn collect_json_files(folder: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
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
