//! The policy parser and the linter on arbitrary text, as every kind of policy: they never panic, every
//! diagnostic points into the text, and a text that yields no policy model has an error saying why.
#![no_main]

use ecr_policy_engine::lint::{LintOptions, lint_policy};
use ecr_policy_engine::policy::{PolicyKind, parse_policy};
use ecr_policy_fuzz::{hold, spans};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = LintOptions {
        repository_arn: Some("arn:aws:ecr:us-east-1:111122223333:repository/app".to_string()),
        ..LintOptions::default()
    };
    for kind in PolicyKind::ALL {
        let parsed = parse_policy(&text, kind);
        hold(spans::check(&text, &parsed.diagnostics));
        if parsed.policy.is_none() && !parsed.diagnostics.iter().any(|found| found.is_error()) {
            hold(Err(format!(
                "{kind:?}: no policy and no error for {text:?}"
            )));
        }
        hold(spans::check(&text, &lint_policy(&text, kind, &options)));
    }
});
