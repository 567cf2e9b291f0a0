//! Reading scenario documents: every accepted form, and strict errors with the path to the bad field.

use super::*;

const MINIMAL: &str =
    r#"{"request": {"principal": "anonymous", "action": "ecr:BatchGetImage", "resource": "*"}}"#;

#[test]
fn a_file_holds_one_scenario_an_array_or_an_object_with_scenarios() {
    // A file holds one scenario, a JSON array of them, or `{"scenarios": [...]}`.
    assert_eq!(scenarios_from_text(MINIMAL).map(|all| all.len()), Ok(1));
    assert_eq!(
        scenarios_from_text(&format!("[{MINIMAL}, {MINIMAL}]")).map(|all| all.len()),
        Ok(2)
    );
    assert_eq!(
        scenarios_from_text(&format!("{{\"scenarios\": [{MINIMAL}]}}")).map(|all| all.len()),
        Ok(1)
    );
}

#[test]
fn policies_may_be_json_values_or_text_as_typed() {
    let text = r#"{
        "repositoryPolicy": "{\"Statement\": [}",
        "identityPolicies": [{"name": "ci", "policy": {"Statement": []}}, {"Version": "2012-10-17", "Statement": []}],
        "request": {"principal": "anonymous", "action": "ecr:BatchGetImage", "resource": "*"}
    }"#;
    let scenario = &scenarios_from_text(text).unwrap()[0];
    assert_eq!(
        scenario
            .repository_policy
            .as_ref()
            .map(PolicySource::text)
            .as_deref(),
        Some("{\"Statement\": [}")
    );
    assert_eq!(scenario.identity_policies[0].name(0), "ci");
    assert_eq!(scenario.identity_policies[1].name(1), "identity policy 2");
    assert!(
        scenario.identity_policies[1]
            .source()
            .text()
            .contains("\"Version\": \"2012-10-17\"")
    );
}

#[test]
fn unknown_fields_are_errors_with_their_path() {
    let text = r#"{"request": {"principal": "anonymous", "action": "a:b", "resource": "*", "contxt": {}}}"#;
    let error = scenarios_from_text(text).unwrap_err();
    assert_eq!(error.path, "request.contxt");
    assert!(
        error.message.contains("unknown field `contxt`"),
        "{}",
        error.message
    );
}

#[test]
fn wrong_context_types_name_the_key() {
    let text = r#"{"request": {"principal": "x", "action": "a:b", "resource": "*", "context": {"aws:SourceIp": {"a": 1}}}}"#;
    let error = scenarios_from_text(text).unwrap_err();
    // The position is the bad value's, found by following the path through the text.
    assert_eq!(
        error.to_string(),
        "1:94: request.context[\"aws:SourceIp\"]: expected a string, a number, a boolean or an array of them"
    );
}

/// Context values are read whole before their shape is checked: a number out of range anywhere in one is
/// reported where it is, any other wrong shape as the value's.
#[test]
fn context_values_of_the_wrong_shape_are_errors_of_the_whole_value() {
    let cases = [
        (
            "[1, [2]]",
            "1:83: request.context.k: expected a string, a number, a boolean or an array of them",
        ),
        (
            "null",
            "1:83: request.context.k: expected a string, a number, a boolean or an array of them",
        ),
        (
            "[{\"a\": 1}, 1e999]",
            "1:94: request.context.k[1]: the number 1e999 is out of range",
        ),
        (
            "{\"a\": [1e999]}",
            "1:90: request.context.k.a[0]: the number 1e999 is out of range",
        ),
    ];
    for (value, message) in cases {
        let text = format!(
            r#"{{"request": {{"principal": "x", "action": "a:b", "resource": "*", "context": {{"k": {value}}}}}}}"#
        );
        assert_eq!(
            scenarios_from_text(&text).unwrap_err().to_string(),
            message,
            "{value}"
        );
    }
}

#[test]
fn errors_read_from_text_point_at_the_unknown_field_or_the_bad_value() {
    let text = "[{\"request\": {}}, {\n  \"request\": {\n    \"actionz\": 1\n  }\n}]";
    let error = scenarios_from_text(text).unwrap_err();
    assert_eq!(error.path, "[0].request");
    assert_eq!((error.line, error.column), (Some(1), Some(14)));
    let text = "{\"scenarios\": [{\n  \"request\": {\"principal\": \"x\", \"action\": \"a:b\", \"resource\": \"*\", \"actionz\": 1}}]}";
    let error = scenarios_from_text(text).unwrap_err();
    assert!(
        error.path.starts_with("scenarios[0].request"),
        "{}",
        error.path
    );
    assert_eq!((error.line, error.column), (Some(2), Some(67)));
    let error = scenario_from_value(serde_json::json!({"request": 3})).unwrap_err();
    assert_eq!((error.path.as_str(), error.line), ("request", None));
}

#[test]
fn named_identity_policies_are_read_strictly() {
    let text = r#"{"identityPolicies": [{"name": "x", "polcy": {}}], "request": {"principal": "x", "action": "a:b", "resource": "*"}}"#;
    let error = scenarios_from_text(text).unwrap_err();
    assert!(
        error.path.starts_with("identityPolicies[0]"),
        "{}",
        error.path
    );
    assert!(error.message.contains("polcy"), "{}", error.message);
}

#[test]
fn errors_in_a_list_carry_the_index() {
    let text = format!("[{MINIMAL}, {{\"request\": {{}}}}]");
    let error = scenarios_from_text(&text).unwrap_err();
    assert!(error.path.starts_with("[1].request"), "{}", error.path);
}

#[test]
fn invalid_json_gives_line_and_column() {
    let error = scenarios_from_text("{\n  \"request\": \n}").unwrap_err();
    assert_eq!((error.line, error.column), (Some(3), Some(1)));
}

#[test]
fn scenarios_round_trip_through_json() {
    let scenario = &scenarios_from_text(MINIMAL).unwrap()[0];
    let text = serde_json::to_string(scenario).unwrap();
    assert_eq!(&scenarios_from_text(&text).unwrap()[0], scenario);
}

#[test]
fn a_named_identity_policy_needs_a_string_name_and_a_policy() {
    let request = r#""request": {"principal": "x", "action": "a:b", "resource": "*"}"#;
    for (policy, expected) in [
        (r#"{"name": "x"}"#, "missing field `policy`"),
        (r#"{"policy": {}}"#, "missing field `name`"),
        (
            r#"{"name": 7, "policy": {}}"#,
            "`name`: expected a string, got 7",
        ),
        (
            r#"{"name": {"b": [1.50, "é"], "a": null}, "policy": {}}"#,
            r#"`name`: expected a string, got {"a":null,"b":[1.5,"é"]}"#,
        ),
    ] {
        let text = format!(r#"{{"identityPolicies": [{policy}], {request}}}"#);
        let error = scenarios_from_text(&text).unwrap_err();
        assert_eq!(error.path, "identityPolicies[0]");
        assert_eq!(error.message, expected);
        assert_eq!((error.line, error.column), (Some(1), Some(23)));
    }
}

#[test]
fn a_bare_identity_policy_is_text_when_a_string_and_json_otherwise() {
    let text = r#"{"identityPolicies": ["{ broken", {"Version": "2012-10-17", "Statement": []}],
                   "request": {"principal": "x", "action": "a:b", "resource": "*"}}"#;
    let scenario = &scenarios_from_text(text).unwrap()[0];
    assert_eq!(scenario.identity_policies[0].source().text(), "{ broken");
    assert!(matches!(
        scenario.identity_policies[1].source(),
        PolicySource::Value(_)
    ));
}

#[test]
fn an_empty_document_is_an_error_at_its_start() {
    let error = scenarios_from_text("  ").unwrap_err();
    assert!(
        error.message.starts_with("invalid JSON: the text is empty"),
        "{}",
        error.message
    );
    assert_eq!(error.line, Some(1));
}

#[test]
fn registry_policy_scope_is_v1_or_v2_and_absent_means_v2() {
    // REGSET, section 8 "Registry policy scope": V2 unless the scenario says V1.
    let request = r#""request": {"principal": "x", "action": "a:b", "resource": "*"}"#;
    let read = |fields: &str| scenario_from_text(&format!("{{{fields}{request}}}"));
    assert_eq!(read("").unwrap().registry_scope(), RegistryPolicyScope::V2);
    let v1 = read(r#""registryPolicy": {"Statement": []}, "registryPolicyScope": "V1", "#).unwrap();
    assert_eq!(v1.registry_scope(), RegistryPolicyScope::V1);
    assert!(matches!(v1.registry_policy, Some(PolicySource::Value(_))));
    let text = serde_json::to_string(&v1).unwrap();
    assert!(text.contains(r#""registryPolicyScope":"V1""#), "{text}");
    assert_eq!(scenario_from_text(&text).unwrap(), v1);
    for wrong in [r#""v2""#, r#""V3""#, "2"] {
        let error = read(&format!("\n  \"registryPolicyScope\": {wrong}, ")).unwrap_err();
        assert_eq!(error.path, "registryPolicyScope", "{wrong}");
        assert!(
            error.message.contains("`V1` or `V2`"),
            "{wrong}: {}",
            error.message
        );
        assert_eq!((error.line, error.column), (Some(2), Some(26)), "{wrong}");
    }
}

const REQUEST_FIELDS: &str =
    r#""principal": "anonymous", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app""#;

#[test]
fn a_request_may_name_an_operation_instead_of_an_action() {
    let text = format!(r#"{{"request": {{{REQUEST_FIELDS}, "operation": "pull-through-cache"}}}}"#);
    let scenario = scenario_from_text(&text).unwrap();
    assert_eq!(
        scenario.first_request().operation,
        Some(crate::operation::Operation::PullThroughCache)
    );
}

#[test]
fn a_request_with_both_action_and_operation_is_an_error_at_the_operation() {
    let text = format!(
        "{{\"request\": {{{REQUEST_FIELDS},\n \"action\": \"ecr:PutImage\", \"operation\": \"push\"}}}}"
    );
    let error = scenario_from_text(&text).unwrap_err();
    assert_eq!(error.path, "request.operation");
    assert_eq!(error.message, "give `action` or `operation`, not both");
    assert_eq!((error.line, error.column), (Some(2), Some(28)));
}

#[test]
fn a_request_with_neither_action_nor_operation_is_an_error_listing_the_operations() {
    let text = format!(
        r#"{{"requests": [{{{REQUEST_FIELDS}, "operation": "pull"}}, {{{REQUEST_FIELDS}}}]}}"#
    );
    let error = scenario_from_text(&text).unwrap_err();
    assert_eq!(error.path, "requests[1]");
    assert!(error.message.contains("`action`"), "{}", error.message);
    assert!(error.message.contains("`mount-layer`"), "{}", error.message);
}

#[test]
fn an_unknown_operation_is_an_error_listing_the_known_ones() {
    let text = format!(r#"{{"request": {{{REQUEST_FIELDS}, "operation": "pul"}}}}"#);
    let error = scenario_from_text(&text).unwrap_err();
    assert_eq!(error.path, "request.operation");
    assert!(
        error
            .message
            .contains("`pull`, `push`, `pull-through-cache`, `replicate`, `mount-layer`"),
        "{}",
        error.message
    );
    assert!(error.line.is_some());
}

#[test]
fn a_scenario_has_request_or_requests_never_both_or_neither() {
    let request = format!(r#"{{{REQUEST_FIELDS}, "action": "ecr:BatchGetImage"}}"#);
    let both = scenario_from_text(&format!(
        r#"{{"request": {request}, "requests": [{request}]}}"#
    ))
    .unwrap_err();
    assert_eq!(both.path, "requests");
    assert!(both.message.contains("not both"), "{}", both.message);
    let neither = scenario_from_text(r#"{"name": "x"}"#).unwrap_err();
    assert_eq!(neither.path, "");
    assert!(
        neither.message.contains("`requests`"),
        "{}",
        neither.message
    );
    let empty = scenario_from_text(r#"{"requests": []}"#).unwrap_err();
    assert_eq!(empty.path, "requests");
}

#[test]
fn name_and_expect_go_on_a_suites_requests_and_beside_a_single_request() {
    let request =
        format!(r#"{{{REQUEST_FIELDS}, "action": "ecr:BatchGetImage", "expect": "allowed"}}"#);
    let single = scenario_from_text(&format!(r#"{{"request": {request}}}"#)).unwrap_err();
    assert_eq!(single.path, "request.expect");
    let suite = scenario_from_text(&format!(
        r#"{{"requests": [{request}], "expect": "allowed"}}"#
    ))
    .unwrap_err();
    assert_eq!(suite.path, "expect");
    let fine = scenario_from_text(&format!(r#"{{"requests": [{request}]}}"#)).unwrap();
    assert_eq!(fine.expected(&fine.requests[0]), Some(Decision::Allowed));
}

#[test]
fn a_suite_written_as_json_reads_back_the_same() {
    let text = format!(
        r#"{{"requests": [{{"name": "pull", {REQUEST_FIELDS}, "operation": "pull", "expect": "implicitDeny"}}]}}"#
    );
    let scenario = scenario_from_text(&text).unwrap();
    let written = serde_json::to_string(&scenario).unwrap();
    assert_eq!(scenario_from_text(&written).unwrap(), scenario);
}

#[test]
fn every_policy_id_of_the_evaluation_is_its_slots_id_and_names_that_policy() {
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;
    let document = format!(
        r#"{{"repositoryPolicy": {policy}, "registryPolicy": {policy}, "identityPolicies": [{policy}, {{"name": "ci", "policy": {policy}}}], "permissionsBoundary": {policy}, "sessionPolicy": {policy}, "scps": [[{policy}], [{policy}, {policy}]], "rcps": [[{policy}]],
        "request": {{"principal": "arn:aws:sts::111122223333:assumed-role/ci/session", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}}}"#
    );
    let mut scenario = scenario_from_text(&document).unwrap();
    let evaluation = crate::eval::evaluate(
        &scenario,
        crate::eval::RequestTime(ecr_policy_test_kit::CORPUS_SECONDS),
    );
    assert_eq!(evaluation.policies.len(), 10);
    for report in &evaluation.policies {
        let slot = Slot::from_id(&report.id).unwrap();
        assert_eq!(slot.id(), report.id.as_ref());
        assert_eq!(slot.kind(), report.kind);
        let written_at = scenario.policy(slot).and_then(PolicySource::written_at);
        assert_eq!(written_at, report.written_at, "{}", report.id);
        assert!(report.written_at.is_some(), "{}", report.id);
        let changed = scenario.policy_mut(slot).unwrap();
        *changed = PolicySource::Text(report.id.to_string());
        assert_eq!(scenario.policy(slot).unwrap().text(), report.id.as_ref());
    }
    assert_eq!(Slot::from_id("scp:1"), None);
    assert_eq!(Slot::from_id("identity:x"), None);
}
