//! Embeds the service catalogue without its indentation.
//!
//! `scripts/gen-catalog` writes `src/catalog/data.json` indented, so that a new version of the data reads
//! well in review. The engine embeds it with the whitespace between tokens dropped (`$OUT_DIR/catalog.json`,
//! the same JSON value): the indentation would otherwise be a tenth of the catalogue's share of the page's
//! WebAssembly module, some 700 bytes of it gzipped. A test compares the two values.

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let source = PathBuf::from("src/catalog/data.json");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source)?;
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    std::fs::write(out_dir.join("catalog.json"), without_whitespace(&text))?;
    Ok(())
}

/// `json` without the whitespace between its tokens; strings (their escapes included) are copied as they are.
fn without_whitespace(json: &str) -> String {
    let mut compact = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for character in json.chars() {
        if in_string {
            compact.push(character);
            if escaped {
                escaped = false;
            } else if character == '\\' {
                escaped = true;
            } else if character == '"' {
                in_string = false;
            }
        } else if !matches!(character, ' ' | '\t' | '\n' | '\r') {
            compact.push(character);
            in_string = character == '"';
        }
    }
    compact
}
