//! Spans reach JavaScript as `[from, to]` in UTF-16 offsets: after non-ASCII text (accented letters,
//! which AWS accepts, or an astral character, which it rejects) `text.substring(from, to)` is still exactly
//! the element, though byte offsets differ.

use js_sys::JsString;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{TIME, js, length_at, number_at, string_at};

const SECOND_STATEMENT: &str =
    r#"{"Sid": "Zweite", "Effect": "Deny", "Principal": "*", "Action": "ecr:PutImage"}"#;

fn policy_text() -> String {
    format!(
        "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {{\"Sid\": \"Zugriff für Tëam\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}},\n    {SECOND_STATEMENT}\n  ]\n}}"
    )
}

/// `text.substring(start, end)` as JavaScript computes it.
fn substring(text: &str, start: f64, end: f64) -> String {
    JsString::from(text)
        .substring(start as u32, end as u32)
        .into()
}

/// `evaluate` of bob's `ecr:BatchGetImage` on `app` with `text` as the repository policy.
fn evaluate_with_repository_policy(text: &str) -> JsValue {
    let scenario = js(
        r#"{"request": {"principal": "arn:aws:iam::111122223333:user/bob", "action": "ecr:BatchGetImage",
        "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}"#,
    );
    js_sys::Reflect::set(
        &scenario,
        &"repositoryPolicy".into(),
        &JsValue::from_str(text),
    )
    .unwrap();
    ecr_policy_wasm::evaluate(scenario, JsValue::from(TIME)).unwrap()
}

#[wasm_bindgen_test]
fn a_statement_after_a_non_ascii_sid_has_utf16_offsets() {
    let text = policy_text();
    let result = evaluate_with_repository_policy(&text);
    assert_eq!(
        string_at(&result, "decision"),
        "allowed",
        "{}",
        string_at(&result, "summary")
    );
    assert_eq!(string_at(&result, "policies.0.statements.1.sid"), "Zweite");
    let span = "policies.0.statements.1.span";
    let (start, end) = (
        number_at(&result, &format!("{span}.0")),
        number_at(&result, &format!("{span}.1")),
    );
    assert_eq!(substring(&text, start, end), SECOND_STATEMENT);
    // The two offsets are all a span carries: line, column and byte offsets are not in the result.
    assert_eq!(length_at(&result, span), 2);
    let sid = "policies.0.statements.0.sid";
    assert_eq!(string_at(&result, sid), "Zugriff für Tëam");
}

#[wasm_bindgen_test]
fn a_finding_after_a_non_ascii_sid_has_utf16_offsets() {
    let text = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Tëam 😀\", \"Effect\": \"Allow\", \"Action\": \"ecr:BatchGetImage\", \"Resource\": \"*\", \"Efect\": \"Allow\"}]}";
    let findings = ecr_policy_wasm::lint(
        JsValue::from_str(text),
        JsValue::from_str("identity"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let found = (0..length_at(&findings, "diagnostics")).map(|index| {
        let (start, end) = (
            number_at(&findings, &format!("diagnostics.{index}.span.0")),
            number_at(&findings, &format!("diagnostics.{index}.span.1")),
        );
        substring(text, start, end)
    });
    let highlighted: Vec<String> = found.collect();
    assert!(
        highlighted.iter().any(|text| text.contains("Efect")),
        "{highlighted:?}"
    );
}

#[wasm_bindgen_test]
fn a_lone_surrogate_reads_as_one_replacement_character_and_the_spans_after_it_hold() {
    // A JavaScript string may hold half of a surrogate pair, which UTF-8 cannot: the module reads it as
    // U+FFFD, one UTF-16 code unit like the half it replaces, so the offsets after it do not move.
    let text: JsString = js(
        r#""{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"T\ud800am\", \"Effect\": \"Allow\", \"Action\": \"ecr:BatchGetImage\", \"Resource\": \"*\", \"Efect\": \"Allow\"}]}""#,
    )
    .into();
    assert_eq!(text.char_code_at(50), f64::from(0xd800));
    let findings = ecr_policy_wasm::lint(
        text.clone().into(),
        JsValue::from_str("identity"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let highlighted: Vec<String> = (0..length_at(&findings, "diagnostics"))
        .map(|index| {
            let (start, end) = (
                number_at(&findings, &format!("diagnostics.{index}.span.0")),
                number_at(&findings, &format!("diagnostics.{index}.span.1")),
            );
            text.substring(start as u32, end as u32).into()
        })
        .collect();
    assert!(
        highlighted.contains(&r#""Efect""#.to_owned()),
        "{highlighted:?}"
    );
}

/// `aws ecr get-repository-policy` output around `policy_text()`, with a repository name outside the
/// Basic Multilingual Plane before it, so that UTF-16, character and byte offsets all differ.
fn wrapped_policy_text() -> String {
    format!(
        "{{\n  \"registryId\": \"111122223333\",\n  \"repositoryName\": \"app😀\",\n  \"policyText\": {}\n}}",
        serde_json::to_string(&policy_text()).unwrap()
    )
}

#[wasm_bindgen_test]
fn spans_of_a_wrapped_policy_point_into_the_text_as_pasted() {
    let text = wrapped_policy_text().replace("\\\"Deny\\\"", "\\\"Dany\\\"");
    let result = ecr_policy_wasm::lint(
        JsValue::from_str(&text),
        JsValue::from_str("repository"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(string_at(&result, "wrapper.shape"), "get-repository-policy");
    assert_eq!(string_at(&result, "wrapper.field"), "policyText");
    assert!(string_at(&result, "wrapper.plainPolicy").starts_with("{\n  \"Version\""));
    let error = (0..length_at(&result, "diagnostics"))
        .map(|index| format!("diagnostics.{index}"))
        .find(|path| string_at(&result, &format!("{path}.code")) == "invalid-effect")
        .unwrap();
    let (start, end) = (
        number_at(&result, &format!("{error}.span.0")),
        number_at(&result, &format!("{error}.span.1")),
    );
    assert_eq!(substring(&text, start, end), "\\\"Dany\\\"");
}

#[wasm_bindgen_test]
fn the_evaluation_of_a_wrapped_policy_says_so_and_tints_the_pasted_text() {
    let text = wrapped_policy_text();
    let result = evaluate_with_repository_policy(&text);
    assert_eq!(string_at(&result, "decision"), "allowed");
    assert_eq!(
        string_at(&result, "policies.0.wrapper.shape"),
        "get-repository-policy"
    );
    let span = "policies.0.statements.1.span";
    let (start, end) = (
        number_at(&result, &format!("{span}.0")),
        number_at(&result, &format!("{span}.1")),
    );
    assert_eq!(
        substring(&text, start, end),
        serde_json::to_string(SECOND_STATEMENT)
            .unwrap()
            .trim_matches('"')
    );
}
