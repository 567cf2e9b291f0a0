//! Linting never panics, whatever the text (style: "never panic on any input").

use proptest::prelude::*;

use super::*;

/// Fragments that reach every check: odd actions, resources, principals, keys and values.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z*?:${}/ -]{0,24}",
        Just("${aws:username}".to_string()),
        Just("arn:aws:ecr:*:*:repository/*".to_string()),
        Just("ecr:*".to_string()),
        Just("*".to_string()),
        Just("arn:".to_string()),
        Just("é😀".to_string()),
    ]
}

fn kind() -> impl Strategy<Value = PolicyKind> {
    proptest::sample::select(PolicyKind::ALL.to_vec())
}

proptest! {
    #[test]
    fn linting_any_text_never_panics(text in any::<String>(), kind in kind()) {
        let _ = lint(&text, kind);
    }

    #[test]
    fn linting_any_policy_shaped_text_never_panics(
        parts in proptest::collection::vec(fragment(), 8),
        kind in kind(),
        version in prop_oneof![Just("2012-10-17"), Just("2008-10-17")],
        effect in prop_oneof![Just("Allow"), Just("Deny")],
    ) {
        let quoted: Vec<String> = parts
            .iter()
            .map(|part| serde_json::Value::String(part.clone()).to_string())
            .collect();
        let text = format!(
            r#"{{"Version": "{version}", "Statement": [{{"Effect": "{effect}", "Principal": {{"AWS": [{0}, "*"], "Service": {1}}}, "Action": [{2}, "ecr:*"], "Resource": [{3}], "Condition": {{"StringLike": {{{4}: {5}}}, "NumericLessThan": {{"aws:MultiFactorAuthAge": {6}}}, "ForAllValues:IpAddress": {{"aws:SourceIp": {7}}}}}}}, {{"Effect": "{effect}", "NotPrincipal": {{"AWS": {0}}}, "NotAction": {2}, "NotResource": {3}}}]}}"#,
            quoted[0], quoted[1], quoted[2], quoted[3], quoted[4], quoted[5], quoted[6], quoted[7]
        );
        for findings in [lint(&text, kind), lint_unknown_repository(&text, kind)] {
            for finding in findings {
                prop_assert!(finding.span.start <= finding.span.end);
                prop_assert!(finding.span.end as usize <= text.len());
            }
        }
    }
}
