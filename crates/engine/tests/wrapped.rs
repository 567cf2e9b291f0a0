//! Policies pasted as AWS hands them out: the output of the AWS CLI commands that return a policy (the
//! fixtures in `tests/wrapped/`, written by hand in the documented output format) and a policy given as
//! one JSON string. Each is read from inside its wrapper, and every finding and span points into the
//! text as pasted.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "helpers outside #[test] functions read fixed fixtures and generated texts: a failure there is a test failure"
)]

use ecr_policy_engine::diagnostic::{Diagnostic, Severity};
use ecr_policy_engine::eval::evaluate;
use ecr_policy_engine::lint::{LintOptions, LintResult, lint_document};
use ecr_policy_engine::policy::PolicyKind;
use ecr_policy_engine::scenario::scenario_from_value;
use ecr_policy_engine::span::LineIndex;
use ecr_policy_engine::unwrap::WrapperShape;
use ecr_policy_test_kit::CORPUS_TIME;
use proptest::prelude::*;
use serde_json::json;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/wrapped/{name}.json", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn lint(text: &str, kind: PolicyKind) -> LintResult {
    lint_document(text, kind, &LintOptions::default())
}

/// The code's name (the same whether the code is a name or a typed code).
fn code(diagnostic: &Diagnostic) -> String {
    diagnostic.code.to_string()
}

fn errors(result: &LintResult) -> Vec<&Diagnostic> {
    result
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .collect()
}

#[test]
fn every_documented_output_shape_is_read_from_its_policy_field() {
    let cases = [
        (
            "get-repository-policy",
            PolicyKind::Repository,
            WrapperShape::GetRepositoryPolicy,
            Some("policyText"),
        ),
        (
            "ecr-public-get-repository-policy",
            PolicyKind::Repository,
            WrapperShape::GetRepositoryPolicy,
            Some("policyText"),
        ),
        (
            "get-registry-policy",
            PolicyKind::Registry,
            WrapperShape::GetRegistryPolicy,
            Some("policyText"),
        ),
        (
            "get-policy-version",
            PolicyKind::Identity,
            WrapperShape::GetPolicyVersion,
            Some("PolicyVersion.Document"),
        ),
        (
            "get-policy-version-url-encoded",
            PolicyKind::Identity,
            WrapperShape::GetPolicyVersion,
            Some("PolicyVersion.Document"),
        ),
        (
            "get-role-policy",
            PolicyKind::Identity,
            WrapperShape::GetRolePolicy,
            Some("PolicyDocument"),
        ),
        (
            "get-user-policy",
            PolicyKind::Identity,
            WrapperShape::GetUserPolicy,
            Some("PolicyDocument"),
        ),
        (
            "get-group-policy",
            PolicyKind::Identity,
            WrapperShape::GetGroupPolicy,
            Some("PolicyDocument"),
        ),
        (
            "describe-policy-scp",
            PolicyKind::Scp,
            WrapperShape::DescribePolicy,
            Some("Policy.Content"),
        ),
        (
            "describe-policy-rcp",
            PolicyKind::Rcp,
            WrapperShape::DescribePolicy,
            Some("Policy.Content"),
        ),
        (
            "json-string",
            PolicyKind::Repository,
            WrapperShape::JsonString,
            None,
        ),
    ];
    for (name, kind, shape, field) in cases {
        let pasted = fixture(name);
        let result = lint(&pasted, kind);
        let wrapper = result
            .wrapper
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: not recognised"));
        assert_eq!((wrapper.shape, wrapper.field), (shape, field), "{name}");
        assert!(
            errors(&result).is_empty(),
            "{name}: {:?}",
            result.diagnostics
        );
        // The plain policy is a policy of its own, with the same findings (at its own positions).
        let plain = lint(&wrapper.plain_policy, kind);
        assert!(plain.wrapper.is_none(), "{name}");
        let codes =
            |result: &LintResult| -> Vec<String> { result.diagnostics.iter().map(code).collect() };
        assert_eq!(codes(&plain), codes(&result), "{name}");
    }
}

#[test]
fn the_message_names_the_field_and_the_command() {
    let wrapper = lint(&fixture("get-repository-policy"), PolicyKind::Repository)
        .wrapper
        .unwrap();
    assert_eq!(
        wrapper.message,
        "read the policy from `policyText` of `aws ecr get-repository-policy` output"
    );
    let wrapper = lint(
        &fixture("get-policy-version-url-encoded"),
        PolicyKind::Identity,
    )
    .wrapper
    .unwrap();
    assert!(
        wrapper.message.contains("(URL-encoded)"),
        "{}",
        wrapper.message
    );
}

#[test]
fn an_error_deep_inside_policy_text_points_at_the_pasted_line_and_column() {
    // The CLI prints `policyText` on one line: the error on the inner policy's seventh line is on the
    // pasted document's fourth line, far along it.
    let pasted = fixture("get-repository-policy").replace("\\\"Allow\\\"", "\\\"Alow\\\"");
    let result = lint(&pasted, PolicyKind::Repository);
    let error = errors(&result)[0];
    assert_eq!(code(error), "invalid-effect");
    assert_eq!(&pasted[error.span.range()], "\\\"Alow\\\"");
    let column = pasted.lines().nth(3).unwrap().find("\\\"Alow").unwrap() + 1;
    assert_eq!(
        (error.span.line as usize, error.span.column as usize),
        (4, column)
    );
    assert_eq!(
        error.span,
        LineIndex::new(&pasted).span(error.span.start as usize, error.span.end as usize)
    );
}

#[test]
fn a_json_syntax_error_inside_policy_text_names_the_pasted_line_and_column() {
    let pasted = "{\n  \"registryId\": \"111122223333\",\n  \"repositoryName\": \"app\",\n  \"policyText\": \"{\\n  \\\"Version\\\": \\\"2012-10-17\\\",\\n  \\\"Statement\\\": [,]\\n}\"\n}";
    let result = lint(pasted, PolicyKind::Repository);
    let error = errors(&result)[0];
    assert_eq!(code(error), "json-syntax");
    assert_eq!(error.span.line, 4);
    assert_eq!(&pasted[error.span.range()], ",");
    assert!(
        error
            .message
            .ends_with(&format!("at line 4, column {}", error.span.column)),
        "{}",
        error.message
    );
}

#[test]
fn an_error_in_an_object_document_points_at_its_line_in_the_pasted_document() {
    let pasted = fixture("get-role-policy").replace("\"Allow\"", "\"Alow\"");
    let result = lint(&pasted, PolicyKind::Identity);
    let error = errors(&result)[0];
    assert_eq!(&pasted[error.span.range()], "\"Alow\"");
    let line = pasted
        .lines()
        .position(|line| line.contains("\"Alow\""))
        .unwrap()
        + 1;
    assert_eq!(error.span.line as usize, line);
}

#[test]
fn escapes_of_every_kind_map_back_to_what_was_pasted() {
    // `\/`, `\u00e9` (é, two bytes decoded from six), a surrogate pair (one astral character from
    // twelve bytes), `\\` and `\t` before the error: its span still lands on the pasted `"Alow"`.
    let pasted = r#"{"registryId": "111122223333", "policyText": "{\"Version\":\t\"2012-10-17\", \"Statement\": [{\"Sid\": \"caf\u00e9\", \"Effect\": \"Alow\", \"Action\": \"ecr:*\", \"Principal\": \"*\", \"Resource\": \"arn:aws:ecr:us-east-1:111122223333:repository\/a\\\\b\ud83d\ude00\"}]}"}"#;
    let result = lint(pasted, PolicyKind::Registry);
    let invalid = result
        .diagnostics
        .iter()
        .find(|diagnostic| code(diagnostic) == "invalid-effect")
        .unwrap();
    assert_eq!(&pasted[invalid.span.range()], "\\\"Alow\\\"");
    assert_eq!(
        invalid.span.utf16_start, invalid.span.start,
        "the pasted text is ASCII"
    );
    let plain = &result.wrapper.as_ref().unwrap().plain_policy;
    assert!(
        plain.contains("café") && plain.contains("/a\\\\b😀"),
        "{plain}"
    );
}

#[test]
fn evaluation_reports_point_into_the_pasted_text() {
    let pasted = fixture("get-repository-policy");
    let scenario = scenario_from_value(json!({
        "repositoryPolicy": pasted,
        "request": {
            "principal": "arn:aws:iam::444455556666:role/ci",
            "action": "ecr:BatchGetImage",
            "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"
        }
    }))
    .unwrap();
    let evaluation = evaluate(&scenario, CORPUS_TIME);
    let report = &evaluation.policies[0];
    assert_eq!(
        report.wrapper.as_ref().unwrap().shape,
        WrapperShape::GetRepositoryPolicy
    );
    let statement = &report.statements[0];
    let text = &pasted[statement.span.range()];
    assert!(
        text.starts_with('{') && text.contains("\\\"AllowPull\\\""),
        "{text}"
    );
    let action = statement.action.as_ref().unwrap();
    let pattern = &action.patterns[0];
    assert_eq!(&pasted[pattern.span.range()], "\\\"ecr:BatchGetImage\\\"");
}

#[test]
fn a_plain_policy_has_no_wrapper() {
    let result = lint(
        r#"{"Version": "2012-10-17", "Statement": []}"#,
        PolicyKind::Identity,
    );
    assert!(result.wrapper.is_none());
}

const SHAPES_LINE: &str = "nor is it a recognised wrapper";

#[test]
fn an_unknown_wrapper_gets_one_line_naming_the_recognised_shapes() {
    let result = lint(
        r#"{"repositoryArn": "arn:aws:ecr:us-east-1:111122223333:repository/app", "policy": {}}"#,
        PolicyKind::Repository,
    );
    let with_line: Vec<&Diagnostic> = result
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.message.contains(SHAPES_LINE))
        .collect();
    assert_eq!(with_line.len(), 1, "{:?}", result.diagnostics);
    assert_eq!(with_line[0].severity, Severity::Error);
    assert!(
        with_line[0]
            .message
            .contains("`aws ecr get-repository-policy`")
    );
}

#[test]
fn a_broken_policy_that_is_no_wrapper_attempt_gets_no_shapes_line() {
    for text in [
        r#"{"Version": "2012-10-17"}"#,
        r#"{"Version": "2012-10-17", "Statement": [], "Extra": 1}"#,
        r#"["Statement"]"#,
        r#"{"Version": "2012-10-17", "Statement": [}"#,
    ] {
        let result = lint(text, PolicyKind::Identity);
        assert!(!errors(&result).is_empty(), "{text}");
        assert!(
            result
                .diagnostics
                .iter()
                .all(|diagnostic| !diagnostic.message.contains(SHAPES_LINE)),
            "{text}: {:?}",
            result.diagnostics
        );
    }
}

#[test]
fn a_policy_field_of_the_wrong_type_is_no_wrapper_and_says_which_shapes_are() {
    let result = lint(
        r#"{"registryId": "111122223333", "policyText": 7}"#,
        PolicyKind::Registry,
    );
    assert!(result.wrapper.is_none());
    assert!(
        result
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.message.contains(SHAPES_LINE))
    );
}

#[test]
fn every_truncation_of_every_fixture_gives_findings_not_a_panic() {
    for name in [
        "get-repository-policy",
        "get-policy-version-url-encoded",
        "describe-policy-rcp",
        "json-string",
    ] {
        let pasted = fixture(name);
        for (cut, _) in pasted.char_indices() {
            let result = lint(&pasted[..cut], PolicyKind::Repository);
            for diagnostic in &result.diagnostics {
                assert!(
                    diagnostic.span.end as usize <= cut,
                    "{name} cut at {cut}: {diagnostic:?}"
                );
            }
        }
    }
}

/// `text` as the content of a JSON string, each character escaped one of the ways JSON allows, chosen by
/// `choices` (cycled): literally where allowed, `\uXXXX` (a surrogate pair above the BMP), or the short
/// escapes.
fn escape(text: &str, choices: &[u8]) -> String {
    let mut out = String::new();
    for (index, character) in text.chars().enumerate() {
        let choice = choices[index % choices.len()] % 3;
        let short = match character {
            '"' => Some("\\\""),
            '\\' => Some("\\\\"),
            '\n' => Some("\\n"),
            '\t' => Some("\\t"),
            '\r' => Some("\\r"),
            '/' if choice == 1 => Some("\\/"),
            _ => None,
        };
        match (short, choice) {
            (Some(short), 0 | 1) => out.push_str(short),
            (None, 0 | 1) if u32::from(character) >= 0x20 => out.push(character),
            _ => {
                let mut units = [0u16; 2];
                for unit in character.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out
}

/// Generated policy texts: a repository policy with a varied `Sid`, effect, action and resource
/// (non-ASCII and characters that need escapes among them), sometimes cut short.
fn policy_text() -> impl Strategy<Value = String> {
    (
        "[a-zA-Z0-9 é€😀/\\\\\"\t]{0,12}",
        prop::sample::select(vec!["Allow", "Deny", "Alow"]),
        prop::sample::select(vec!["ecr:BatchGetImage", "ecr:*", "ecr:PutImage", "s3:GetObject", "ecr:Nope"]),
        prop::sample::select(vec!["*", "arn:aws:ecr:us-east-1:111122223333:repository/app", "arn:aws:ecr:::x"]),
        prop::option::of(0usize..400),
    )
        .prop_map(|(sid, effect, action, resource, cut)| {
            let text = format!(
                "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {{\n      \"Sid\": {},\n      \"Effect\": \"{effect}\",\n      \"Principal\": {{\"AWS\": \"arn:aws:iam::444455556666:root\"}},\n      \"Action\": [\"{action}\", \"ecr:BatchGetImage\"],\n      \"Resource\": \"{resource}\"\n    }}\n  ]\n}}",
                serde_json::to_string(&sid).unwrap()
            );
            match cut {
                Some(cut) if cut < text.len() => {
                    let boundary = (0..=cut).rev().find(|&at| text.is_char_boundary(at)).unwrap_or(0);
                    text[..boundary].to_owned()
                }
                _ => text,
            }
        })
}

/// The characters of a piece of a JSON string's content, escapes resolved.
fn unescaped(content: &str) -> String {
    serde_json::from_str(&format!("\"{content}\"")).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn escaping_into_a_wrapper_keeps_the_findings_and_maps_their_spans_to_the_same_characters(
        text in policy_text(),
        choices in prop::collection::vec(any::<u8>(), 1..16),
        indent in "[ \n]{0,6}",
    ) {
        let plain = lint(&text, PolicyKind::Repository);
        let pasted = format!(
            "{{{indent}\"registryId\": \"111122223333\",{indent}\"repositoryName\": \"app\",{indent}\"policyText\": \"{}\"{indent}}}",
            escape(&text, &choices)
        );
        let wrapped = lint(&pasted, PolicyKind::Repository);
        prop_assert_eq!(wrapped.wrapper.as_ref().map(|wrapper| wrapper.plain_policy.clone()), Some(text.clone()));
        prop_assert_eq!(wrapped.diagnostics.len(), plain.diagnostics.len());
        let pasted_index = LineIndex::new(&pasted);
        for (inside, alone) in wrapped.diagnostics.iter().zip(&plain.diagnostics) {
            prop_assert_eq!((inside.severity, inside.code), (alone.severity, alone.code));
            // Messages agree, but for the line and column a syntax error names.
            prop_assert_eq!(inside.message.split(" at line ").next(), alone.message.split(" at line ").next());
            prop_assert_eq!(
                unescaped(&pasted[inside.span.range()]),
                &text[alone.span.range()]
            );
            prop_assert_eq!(inside.span, pasted_index.span(inside.span.start as usize, inside.span.end as usize));
        }
    }
}
