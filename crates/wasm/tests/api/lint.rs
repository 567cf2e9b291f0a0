//! `lint`: findings about one policy text, as data with spans.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{js, length_at, string_at};

#[wasm_bindgen_test]
fn a_broken_text_gives_error_findings_not_an_exception() {
    let findings = ecr_policy_wasm::lint(
        JsValue::from_str("{\"Version\": "),
        JsValue::from_str("identity"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(length_at(&findings, "diagnostics") > 0);
    assert_eq!(string_at(&findings, "diagnostics.0.severity"), "error");
    assert!(!string_at(&findings, "diagnostics.0.code").is_empty());
}

#[wasm_bindgen_test]
fn a_clean_policy_gives_no_error_findings() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:BatchGetImage",
        "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}]}"#;
    let findings = ecr_policy_wasm::lint(
        JsValue::from_str(text),
        JsValue::from_str("identity"),
        JsValue::UNDEFINED,
    )
    .unwrap();
    let severities: Vec<String> = (0..length_at(&findings, "diagnostics"))
        .map(|index| string_at(&findings, &format!("diagnostics.{index}.severity")))
        .collect();
    assert!(
        !severities.iter().any(|severity| severity == "error"),
        "{severities:?}"
    );
}

#[wasm_bindgen_test]
fn the_repository_arn_option_reaches_the_linter() {
    // A repository policy naming another repository in `Resource` is flagged only when the linter knows
    // which repository the policy belongs to.
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/other"}]}"#;
    let codes = |options: JsValue| {
        let findings = ecr_policy_wasm::lint(
            JsValue::from_str(text),
            JsValue::from_str("repository"),
            options,
        )
        .unwrap();
        (0..length_at(&findings, "diagnostics"))
            .map(|index| string_at(&findings, &format!("diagnostics.{index}.code")))
            .collect::<Vec<_>>()
    };
    let options = js(r#"{"repositoryArn": "arn:aws:ecr:us-east-1:111122223333:repository/app"}"#);
    assert!(codes(options).contains(&"resource-not-this-repository".to_owned()));
    assert!(!codes(JsValue::UNDEFINED).contains(&"resource-not-this-repository".to_owned()));
}

#[wasm_bindgen_test]
fn the_registry_policy_scope_option_reaches_the_linter() {
    // Under scope V1 a registry policy's pull grant is not enforced (REGPERM); V2 is the default.
    let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
        "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"}]}"#;
    let codes = |options: JsValue| {
        let findings = ecr_policy_wasm::lint(
            JsValue::from_str(text),
            JsValue::from_str("registry"),
            options,
        )
        .unwrap();
        (0..length_at(&findings, "diagnostics"))
            .map(|index| string_at(&findings, &format!("diagnostics.{index}.code")))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(js(r#"{"registryPolicyScope": "V1"}"#)),
        ["not-enforced-under-scope-v1"]
    );
    assert_eq!(codes(JsValue::UNDEFINED), Vec::<String>::new());
    assert!(
        ecr_policy_wasm::lint(
            JsValue::from_str(text),
            JsValue::from_str("registry"),
            js(r#"{"registryPolicyScope": "V3"}"#),
        )
        .is_err()
    );
}
