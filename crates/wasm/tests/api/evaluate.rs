//! `evaluate`: a scenario object in, a plain evaluation object out; a malformed scenario is data.

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{TIME, allowed_scenario, at, is_plain_object, js, length_at, string_at};

#[wasm_bindgen_test]
fn a_valid_scenario_gives_a_plain_evaluation_object() {
    let result = ecr_policy_wasm::evaluate(allowed_scenario(), JsValue::from(TIME)).unwrap();
    assert!(is_plain_object(&result));
    assert_eq!(string_at(&result, "decision"), "allowed");
    assert_eq!(length_at(&result, "scenarioErrors"), 0);
    assert_eq!(
        string_at(&result, "request.principalAccount"),
        "111122223333"
    );
    // A span is `[from, to]`, two UTF-16 offsets.
    assert!(js_sys::Array::is_array(&at(
        &result,
        "policies.0.statements.0.span"
    )));
    // `Option::None` is `null`, not `undefined`: the result is what `JSON.stringify` writes.
    assert!(at(&result, "policies.0.note").is_null());
}

#[wasm_bindgen_test]
fn an_unknown_field_is_invalid_with_its_path_not_an_exception() {
    let scenario = js(
        r#"{"request": {"principal": "anonymous", "action": "ecr:BatchGetImage", "resource": "*", "contxt": {}}}"#,
    );
    let result = ecr_policy_wasm::evaluate(scenario, JsValue::from(TIME)).unwrap();
    assert_eq!(string_at(&result, "decision"), "invalid");
    assert_eq!(
        string_at(&result, "scenarioErrors.0.path"),
        "request.contxt"
    );
    assert!(string_at(&result, "scenarioErrors.0.message").contains("unknown field `contxt`"));
    assert!(string_at(&result, "summary").contains("request.contxt"));
    assert_eq!(string_at(&result, "reasons.0.step"), "decision");
    assert_eq!(length_at(&result, "policies"), 0);
}

#[wasm_bindgen_test]
fn a_wrong_type_is_invalid_with_its_path_not_an_exception() {
    let scenario = js(
        r#"{"request": {"principal": "anonymous", "action": "ecr:BatchGetImage",
        "resource": "*", "context": {"aws:SourceIp": {"ip": "203.0.113.7"}}}}"#,
    );
    let result = ecr_policy_wasm::evaluate(scenario, JsValue::from(TIME)).unwrap();
    assert_eq!(string_at(&result, "decision"), "invalid");
    assert_eq!(
        string_at(&result, "scenarioErrors.0.path"),
        r#"request.context["aws:SourceIp"]"#
    );
    assert_eq!(
        string_at(&result, "scenarioErrors.0.message"),
        "expected a string, a number, a boolean or an array of them"
    );
    assert!(at(&result, "scenarioErrors.0.line").is_null());
}

#[wasm_bindgen_test]
fn a_missing_request_is_invalid_not_an_exception() {
    let result = ecr_policy_wasm::evaluate(js("{}"), JsValue::from(TIME)).unwrap();
    assert_eq!(string_at(&result, "decision"), "invalid");
    assert!(string_at(&result, "scenarioErrors.0.message").contains("missing field `request`"));
}

#[wasm_bindgen_test]
fn a_broken_policy_text_is_invalid_with_its_diagnostics() {
    let scenario = js(
        r#"{"repositoryPolicy": "{\"Version\": \"2012-10-17\", \"Statement\": [",
        "request": {"principal": "arn:aws:iam::111122223333:user/bob", "action": "ecr:BatchGetImage",
        "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}"#,
    );
    let result = ecr_policy_wasm::evaluate(scenario, JsValue::from(TIME)).unwrap();
    assert_eq!(string_at(&result, "decision"), "invalid");
    assert_eq!(length_at(&result, "scenarioErrors"), 0);
    assert_eq!(string_at(&result, "policies.0.id"), "repository");
    assert_eq!(
        string_at(&result, "policies.0.diagnostics.0.severity"),
        "error"
    );
    assert!(
        at(&result, "policies.0.diagnostics.0.span.0")
            .as_f64()
            .is_some()
    );
}

#[wasm_bindgen_test]
fn undefined_properties_are_left_out_as_json_would() {
    let scenario = allowed_scenario();
    js_sys::Reflect::set(&scenario, &"description".into(), &JsValue::UNDEFINED).unwrap();
    js_sys::Reflect::set(
        &scenario,
        &"permissionsBoundary".into(),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    let result = ecr_policy_wasm::evaluate(scenario, JsValue::from(TIME)).unwrap();
    assert_eq!(string_at(&result, "decision"), "allowed");
}

#[wasm_bindgen_test]
fn at_is_the_request_time_in_unix_seconds() {
    let result = ecr_policy_wasm::evaluate(allowed_scenario(), JsValue::from(TIME + 0.75)).unwrap();
    let context = context_values(&result);
    assert!(context.contains(&("aws:EpochTime".to_owned(), "1780272000".to_owned())));
    assert!(context.contains(&(
        "aws:CurrentTime".to_owned(),
        "2026-06-01T00:00:00Z".to_owned()
    )));
}

#[wasm_bindgen_test]
fn without_at_the_request_time_is_now() {
    let before = (js_sys::Date::now() / 1000.0).floor();
    let result = ecr_policy_wasm::evaluate(allowed_scenario(), JsValue::UNDEFINED).unwrap();
    let after = (js_sys::Date::now() / 1000.0).floor();
    let epoch: f64 = context_values(&result)
        .into_iter()
        .find(|(key, _)| key == "aws:EpochTime")
        .map(|(_, value)| value.parse().unwrap())
        .unwrap();
    assert!(
        before <= epoch && epoch <= after,
        "{before} <= {epoch} <= {after}"
    );
}

/// `(key, first value)` of every context entry of an evaluation.
fn context_values(result: &JsValue) -> Vec<(String, String)> {
    (0..length_at(result, "context"))
        .map(|index| {
            (
                string_at(result, &format!("context.{index}.key")),
                string_at(result, &format!("context.{index}.values.0")),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn the_registry_policy_and_its_scope_reach_the_engine() {
    // The scenario reader is the engine's: `registryPolicy` is evaluated, and under `registryPolicyScope`
    // V1 its pull grant is not enforced.
    let scenario = |scope: &str| {
        js(&format!(
            r#"{{"registryPolicy": {{"Version": "2012-10-17", "Statement": [{{"Sid": "Pull", "Effect": "Allow",
            "Principal": {{"AWS": "arn:aws:iam::111122223333:user/bob"}}, "Action": "ecr:BatchGetImage",
            "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"}}]}}, {scope}
            "request": {{"principal": "arn:aws:iam::111122223333:user/bob", "action": "ecr:BatchGetImage",
            "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}}}"#
        ))
    };
    let v2 = ecr_policy_wasm::evaluate(scenario(""), JsValue::from(TIME)).unwrap();
    assert_eq!(string_at(&v2, "decision"), "allowed");
    assert_eq!(string_at(&v2, "policies.0.kind"), "registry");
    let v1 = ecr_policy_wasm::evaluate(
        scenario(r#""registryPolicyScope": "V1","#),
        JsValue::from(TIME),
    )
    .unwrap();
    assert_eq!(string_at(&v1, "decision"), "implicitDeny");
    assert!(string_at(&v1, "reasons.0.message").contains("not enforced under scope V1"));
    let wrong = ecr_policy_wasm::evaluate(
        scenario(r#""registryPolicyScope": "V3","#),
        JsValue::from(TIME),
    )
    .unwrap();
    assert_eq!(string_at(&wrong, "decision"), "invalid");
    assert_eq!(
        string_at(&wrong, "scenarioErrors.0.path"),
        "registryPolicyScope"
    );
    assert!(string_at(&wrong, "scenarioErrors.0.message").contains("`V1` or `V2`"));
}

#[wasm_bindgen_test]
fn evaluate_suite_gives_each_request_with_its_name_expect_and_evaluation() {
    let scenario = js(r#"{
        "identityPolicies": [{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}
        ]}],
        "requests": [
            {"name": "login", "principal": "arn:aws:iam::111122223333:user/bob", "action": "ecr:GetAuthorizationToken", "resource": "*", "expect": "allowed"},
            {"principal": "arn:aws:iam::111122223333:user/bob", "operation": "pull", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}
        ]
    }"#);
    let result = ecr_policy_wasm::evaluate_suite(scenario, JsValue::from(TIME)).unwrap();
    assert_eq!(length_at(&result, "requests"), 2);
    assert_eq!(length_at(&result, "scenarioErrors"), 0);
    assert_eq!(string_at(&result, "requests.0.name"), "login");
    assert_eq!(string_at(&result, "requests.0.expect"), "allowed");
    assert_eq!(
        string_at(&result, "requests.0.evaluation.decision"),
        "allowed"
    );
    assert_eq!(string_at(&result, "requests.1.name"), "request 2");
    assert!(at(&result, "requests.1.expect").is_null());
    assert_eq!(
        string_at(&result, "requests.1.evaluation.operation"),
        "pull"
    );
    assert_eq!(
        string_at(&result, "requests.1.evaluation.actions.1.action"),
        "ecr:BatchGetImage"
    );
    assert_eq!(
        string_at(&result, "requests.1.evaluation.decision"),
        "implicitDeny"
    );
}

#[wasm_bindgen_test]
fn decide_suite_gives_each_request_the_decision_and_summary_evaluate_suite_gives_and_nothing_more()
{
    let scenario = || {
        js(r#"{
        "identityPolicies": [{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}
        ]}],
        "requests": [
            {"name": "login", "principal": "arn:aws:iam::111122223333:user/bob", "action": "ecr:GetAuthorizationToken", "resource": "*", "expect": "allowed"},
            {"principal": "arn:aws:iam::111122223333:user/bob", "operation": "pull", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}
        ]
    }"#)
    };
    let full = ecr_policy_wasm::evaluate_suite(scenario(), JsValue::from(TIME)).unwrap();
    let decided = ecr_policy_wasm::decide_suite(scenario(), JsValue::from(TIME)).unwrap();
    assert_eq!(length_at(&decided, "requests"), 2);
    assert_eq!(length_at(&decided, "scenarioErrors"), 0);
    for index in 0..2 {
        let entry = format!("requests.{index}");
        let name = format!("{entry}.name");
        assert_eq!(string_at(&decided, &name), string_at(&full, &name));
        for field in ["decision", "summary"] {
            assert_eq!(
                string_at(&decided, &format!("{entry}.{field}")),
                string_at(&full, &format!("{entry}.evaluation.{field}"))
            );
        }
    }
    assert_eq!(string_at(&decided, "requests.0.expect"), "allowed");
    assert!(at(&decided, "requests.1.expect").is_null());
    assert_eq!(string_at(&decided, "requests.1.decision"), "implicitDeny");
    assert!(at(&decided, "requests.1.evaluation").is_undefined());

    let malformed = js(r#"{"requests": [{"principal": "anonymous", "resource": "*"}]}"#);
    let result = ecr_policy_wasm::decide_suite(malformed, JsValue::from(TIME)).unwrap();
    assert_eq!(length_at(&result, "requests"), 0);
    assert_eq!(string_at(&result, "scenarioErrors.0.path"), "requests[0]");
}

#[wasm_bindgen_test]
fn a_suite_request_without_action_or_operation_is_a_scenario_error_with_its_path() {
    let scenario = js(r#"{"requests": [{"principal": "anonymous", "resource": "*"}]}"#);
    let result = ecr_policy_wasm::evaluate_suite(scenario, JsValue::from(TIME)).unwrap();
    assert_eq!(length_at(&result, "requests"), 0);
    assert_eq!(string_at(&result, "scenarioErrors.0.path"), "requests[0]");
}

/// The module keeps the scenario it read last, by its JSON text: the same scenario again is not read
/// again, and a scenario whose text differs in anything is.
#[wasm_bindgen_test]
fn a_scenario_read_by_the_previous_call_decides_the_same_and_an_edited_one_is_read_again() {
    let decide = |scenario: &str| {
        let result = ecr_policy_wasm::evaluate(js(scenario), JsValue::from(TIME)).unwrap();
        (
            string_at(&result, "decision"),
            js_sys::JSON::stringify(&result)
                .unwrap()
                .as_string()
                .unwrap(),
        )
    };
    let allowed = r#"{"repositoryPolicy": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"ecr:BatchGetImage\"}]}",
        "request": {"principal": "arn:aws:iam::111122223333:user/bob", "action": "ecr:BatchGetImage",
        "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}"#;
    let first = decide(allowed);
    assert_eq!(first.0, "allowed");
    assert_eq!(decide(allowed), first);
    let other_action = allowed.replace(
        r#""action": "ecr:BatchGetImage""#,
        r#""action": "ecr:PutImage""#,
    );
    assert_eq!(decide(&other_action).0, "implicitDeny");
    assert_eq!(decide(allowed), first);
    let unknown_field = allowed.replace(r#""request": {"#, r#""request": {"contxt": {}, "#);
    let unreadable = decide(&unknown_field);
    assert_eq!(unreadable.0, "invalid");
    assert!(unreadable.1.contains("request.contxt"));
    assert_eq!(decide(&unknown_field), unreadable);
}

/// Each call returns objects of its own: changing one result changes no other.
#[wasm_bindgen_test]
fn each_call_returns_its_own_objects() {
    let first = ecr_policy_wasm::evaluate(allowed_scenario(), JsValue::from(TIME)).unwrap();
    js_sys::Reflect::set(&first, &"decision".into(), &"changed".into()).unwrap();
    let second = ecr_policy_wasm::evaluate(allowed_scenario(), JsValue::from(TIME)).unwrap();
    assert_eq!(string_at(&second, "decision"), "allowed");
}
