//! Inputs the fuzz targets in `crates/fuzz` found, each run through the same function as the target that
//! found it, so that a fixed bug stays fixed. Named after what must hold.

use ecr_policy_engine::policy::{PolicyKind, parse_policy};

/// A one-line repository policy of `statements` statements (about 205 bytes each), as a minified policy
/// pasted into the page or carried by a share link looks.
fn one_line_policy(statements: usize) -> String {
    let statement = r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":["ecr:BatchGetImage","ecr:GetDownloadUrlForLayer"],"Condition":{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}}"#;
    let all = vec![statement; statements].join(",");
    format!(r#"{{"Version":"2012-10-17","Statement":[{all}]}}"#)
}

#[test]
fn a_long_one_line_policy_parses_with_spans_at_the_right_place() {
    // Found by the policy_parser target, slowed to a few executions per second by 16 KiB inputs: each
    // span counted the characters before it from the start of the text and of its line (span.rs
    // `LineIndex::span`), so parsing was quadratic in the text's length (a 46 KiB policy: 1.7 s). Its speed is
    // measured by the "parse 10 KB policy" benchmark (`scripts/bench`), never asserted here; this keeps the
    // input, a 500 KiB one-line policy, and checks that the spans of the fast path point at the right text.
    let text = one_line_policy(2_500);
    assert!(text.len() > 400 * 1024);
    let parsed = parse_policy(&text, PolicyKind::Repository);
    let Some(policy) = parsed.policy else {
        panic!("the policy did not parse: {:?}", parsed.diagnostics.first());
    };
    assert_eq!(policy.statements.len(), 2_500);
    let Some(last) = policy.statements.last() else {
        panic!("no statements");
    };
    assert!(text[last.span.range()].starts_with(r#"{"Effect":"Allow""#));
    assert_eq!(last.span.end as usize, text.len() - 2);
    assert_eq!((last.span.line, last.span.column), (1, last.span.start + 1));
    assert_eq!(
        (last.span.utf16_start, last.span.utf16_end),
        (last.span.start, last.span.end)
    );
}
