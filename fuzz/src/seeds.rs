//! The scenario corpus (`tests/scenarios/**/*.json`), read once, as the bases the structured target
//! mutates. A scenario of every principal kind is added so that an empty corpus still gives bases.

use std::path::Path;
use std::sync::OnceLock;

use ecr_policy_engine::scenario::{Scenario, scenarios_from_text};

use crate::vocabulary::PRINCIPALS;

/// Every scenario of the corpus, plus one minimal scenario per principal of the vocabulary.
pub fn scenarios() -> &'static [Scenario] {
    static SCENARIOS: OnceLock<Vec<Scenario>> = OnceLock::new();
    SCENARIOS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios");
        let mut found = Vec::new();
        collect(&root, &mut found);
        for principal in PRINCIPALS {
            let text = format!(
                r#"{{"request": {{"principal": "{principal}", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}}}"#
            );
            found.extend(scenarios_from_text(&text).unwrap_or_default());
        }
        found
    })
}

fn collect(folder: &Path, found: &mut Vec<Scenario>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|entry| entry.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, found);
        } else if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            found.extend(scenarios_from_text(&text).unwrap_or_default());
        }
    }
}
