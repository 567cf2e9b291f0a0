//! Inputs the fuzz targets in `fuzz/` found, each run through the same function as the target that found
//! it, so that a fixed bug stays fixed. Named after what must hold.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use ecr_policy_engine::policy::{PolicyKind, parse_policy};

/// A one-line repository policy of `statements` statements (about 205 bytes each), as a minified policy
/// pasted into the page or carried by a share link looks.
fn one_line_policy(statements: usize) -> String {
    let statement = r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}}"#;
    let all = vec![statement; statements].join(",");
    format!(r#"{{"Version":"2012-10-17","Statement":[{all}]}}"#)
}

/// Runs `work` on another thread and gives up after `limit`, so that a slow parse fails the test instead
/// of hanging the run.
fn finishes_within(
    limit: Duration,
    work: impl FnOnce() + Send + 'static,
) -> Result<Duration, String> {
    let (done, finished) = mpsc::channel();
    let start = Instant::now();
    thread::spawn(move || {
        work();
        let _ = done.send(());
    });
    match finished.recv_timeout(limit) {
        Ok(()) => Ok(start.elapsed()),
        Err(_) => Err(format!("still running after {limit:?}")),
    }
}

#[test]
fn a_long_one_line_policy_parses_in_linear_time() {
    // Found by the policy_parser target, slowed to a few executions per second by 16 KiB inputs: each
    // span counted the characters before it from the start of the text and of its line (span.rs
    // `LineIndex::span`), so parsing was quadratic in the text's length (a 46 KiB policy: 1.7 s). A share
    // link may carry 1 MiB of scenario (design.md), and this 500 KiB policy froze the page for minutes;
    // parsed in linear time it takes a fraction of a second.
    let text = one_line_policy(2_500);
    let kib = text.len() / 1024;
    assert!(kib > 400);
    let outcome = finishes_within(Duration::from_secs(20), move || {
        let parsed = parse_policy(&text, PolicyKind::Repository);
        assert!(parsed.policy.is_some());
    });
    if let Err(message) = outcome {
        panic!("parsing a {kib} KiB one-line policy: {message}");
    }
}
