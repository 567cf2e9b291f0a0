//! Policies written as JSON objects in a scenario document are read from their own text: checked exactly
//! like the same policy given as text (a repeated key is still an error), with findings placed in the
//! document, and written back unchanged.

use proptest::prelude::*;

use super::*;
use crate::diagnostic::ParseCode;
use crate::eval::{Decision, RequestTime, evaluate};
use crate::json::strategies::json_value;

const REQUEST: &str = r#""request": {"principal": "arn:aws:iam::111122223333:user/bob", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}"#;

/// A repository-policy statement with `Effect` twice: GRAM "must not contain multiple instances of the
/// same key"; section 8 "Duplicate JSON keys": an error on the duplicate key.
const TWICE: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Effect": "Deny", "Principal": "*", "Action": "ecr:BatchGetImage"}]}"#;

fn scenario_with_repository_policy(policy: &str) -> (String, Scenario) {
    let document = format!("{{\n  \"repositoryPolicy\": {policy},\n  {REQUEST}\n}}");
    let scenario = scenario_from_text(&document).unwrap();
    (document, scenario)
}

fn decision(scenario: &Scenario) -> Decision {
    evaluate(scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS)).decision
}

#[test]
fn a_repeated_key_in_a_policy_object_is_an_error_as_in_the_same_policy_as_text() {
    // Section 8, "Duplicate JSON keys": the object form is read from its text, so the repeated key
    // survives; JSON values would keep only the last one (`Deny`) and deny explicitly.
    let (_, object) = scenario_with_repository_policy(TWICE);
    let quoted = serde_json::to_string(TWICE).unwrap();
    let (_, text) = scenario_with_repository_policy(&quoted);
    assert_eq!(decision(&object), Decision::Invalid);
    assert_eq!(decision(&text), Decision::Invalid);
    let codes = |scenario: &Scenario| {
        let evaluation = evaluate(scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
        evaluation.policies[0]
            .diagnostics
            .iter()
            .map(|diagnostic| (diagnostic.code, diagnostic.span.start))
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&object), codes(&text));
    assert!(
        codes(&object)
            .iter()
            .any(|(code, _)| *code == ParseCode::DuplicateKey)
    );
}

#[test]
fn findings_of_a_policy_object_have_positions_in_the_scenario_document() {
    let (document, scenario) = scenario_with_repository_policy(TWICE);
    let source = scenario.repository_policy.as_ref().unwrap();
    let at = source.written_at().unwrap();
    assert_eq!((at.line, at.column), (2, 23));
    assert_eq!(&document[at.range()], TWICE);
    assert_eq!(source.text(), TWICE);
    let evaluation = evaluate(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
    let report = &evaluation.policies[0];
    assert_eq!(report.written_at, Some(at));
    let duplicate = report
        .diagnostics
        .iter()
        .find(|diagnostic| diagnostic.code == ParseCode::DuplicateKey)
        .unwrap();
    let in_document = duplicate.span.within(at);
    assert_eq!(&document[in_document.range()], "\"Effect\"");
    assert_eq!(in_document.line, 2);
    assert_eq!(
        in_document.column as usize,
        document
            .lines()
            .nth(1)
            .unwrap()
            .rfind("\"Effect\"")
            .unwrap()
            + 1
    );
    assert!(
        evaluation.summary.contains(&format!(
            "at line 2, column {} of the scenario",
            in_document.column
        )),
        "{}",
        evaluation.summary
    );
}

#[test]
fn every_policy_slot_keeps_its_written_text() {
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;
    let rcp = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}"#;
    let document = format!(
        r#"{{"registryPolicy": {rcp}, "identityPolicies": [{policy}, {{"name": "ci", "policy": {policy}}}, "{{}}"], "permissionsBoundary": {policy}, "sessionPolicy": {policy}, "scps": [[{policy}]], "rcps": [[{rcp}], [{rcp}, {rcp}]], {REQUEST}}}"#
    );
    let scenario = scenario_from_text(&document).unwrap();
    let sources: Vec<&PolicySource> = [
        scenario.registry_policy.as_ref(),
        scenario.permissions_boundary.as_ref(),
        scenario.session_policy.as_ref(),
    ]
    .into_iter()
    .flatten()
    .chain(
        scenario
            .identity_policies
            .iter()
            .take(2)
            .map(IdentityPolicy::source),
    )
    .chain(scenario.scps.iter().chain(&scenario.rcps).flatten())
    .collect();
    assert_eq!(sources.len(), 9);
    for source in sources {
        let at = source.written_at().unwrap();
        assert_eq!(document[at.range()], source.text());
    }
    assert_eq!(scenario.identity_policies[2].source().written_at(), None);
}

#[test]
fn a_scenario_written_back_keeps_its_policy_objects_and_a_repeated_key() {
    // Share links made from a serialized scenario: a policy object is written as an object again, and one
    // whose text repeats a key travels as that text, so the scenario still decides the same.
    let plain = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}]}"#;
    let (_, scenario) = scenario_with_repository_policy(plain);
    let written = serde_json::to_string_pretty(&scenario).unwrap();
    assert!(written.contains("\"repositoryPolicy\": {"), "{written}");
    assert_eq!(scenario_from_text(&written).unwrap(), scenario);

    let (_, repeated) = scenario_with_repository_policy(TWICE);
    let written = serde_json::to_string_pretty(&repeated).unwrap();
    let quoted = serde_json::to_string(TWICE).unwrap();
    assert!(written.contains(&quoted), "{written}");
    let read_back = scenario_from_text(&written).unwrap();
    assert_eq!(
        read_back.repository_policy.as_ref().map(PolicySource::text),
        Some(TWICE.into())
    );
    assert_eq!(decision(&read_back), Decision::Invalid);
}

#[test]
fn a_scenario_built_from_a_json_value_pretty_prints_its_policies() {
    // serde_json values cannot repeat a key; their text is the value pretty-printed, as before.
    let value: serde_json::Value = serde_json::from_str(&format!(
        "{{\"repositoryPolicy\": {{\"Statement\": []}}, {REQUEST}}}"
    ))
    .unwrap();
    let scenario = scenario_from_value(value).unwrap();
    let source = scenario.repository_policy.as_ref().unwrap();
    assert_eq!(source.written_at(), None);
    assert_eq!(source.text(), "{\n  \"Statement\": []\n}");
}

#[test]
fn a_named_identity_policy_without_its_policy_is_still_an_error() {
    // The reader takes policies out of the document before reading its fields; an object with a `name`
    // and no `policy` has nothing to take, and stays an error of that object.
    let document = format!(r#"{{"identityPolicies": [{{"name": "ci"}}], {REQUEST}}}"#);
    let error = scenario_from_text(&document).unwrap_err();
    assert_eq!(error.path, "identityPolicies[0]");
    assert_eq!(error.message, "missing field `policy`");
    assert_eq!((error.line, error.column), (Some(1), Some(23)));
}

proptest! {
    /// Whatever JSON value stands where a scenario has a policy is read as that policy: a string as its
    /// text; `null`, where a scenario has at most one such policy, as none; anything else as the text
    /// written there, which is where its span says, and whose value is what serde_json reads from it.
    #[test]
    fn any_value_where_a_policy_stands_is_read_as_written(value in json_value(), pretty in any::<bool>()) {
        let names_itself = value.get("name").is_some() || value.get("policy").is_some();
        prop_assume!(!names_itself, "a bare identity policy with these keys is read as a named one");
        let written = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        let w = &written;
        let document = format!(
            r#"{{"repositoryPolicy": {w}, "registryPolicy": {w}, "permissionsBoundary": {w}, "sessionPolicy": {w}, "identityPolicies": [{w}, {{"name": "ci", "policy": {w}}}], "scps": [[{w}], [{w}, {w}]], "rcps": [[{w}]], {REQUEST}}}"#
        );
        let scenario = scenario_from_text(&document).unwrap();
        let singles = [
            &scenario.repository_policy,
            &scenario.registry_policy,
            &scenario.permissions_boundary,
            &scenario.session_policy,
        ];
        let listed = scenario
            .identity_policies
            .iter()
            .map(IdentityPolicy::source)
            .chain(scenario.scps.iter().chain(&scenario.rcps).flatten());
        let mut sources: Vec<&PolicySource> = listed.collect();
        prop_assert_eq!(sources.len(), 6);
        if value.is_null() {
            prop_assert!(singles.iter().all(|single| single.is_none()));
        } else {
            sources.extend(singles.iter().map(|single| single.as_ref().unwrap()));
        }
        for source in sources {
            match (source, &value) {
                (PolicySource::Text(text), serde_json::Value::String(string)) => {
                    prop_assert_eq!(text, string);
                }
                (PolicySource::Value(policy), _) if !value.is_string() => {
                    let at = source.written_at().unwrap();
                    prop_assert_eq!(&document[at.range()], w.as_str());
                    prop_assert_eq!(source.text(), w.as_str());
                    // serde_json's reading, not `value`: its default float reader is not exact.
                    let expected: serde_json::Value = serde_json::from_str(w).unwrap();
                    let read = policy.value();
                    prop_assert_eq!(read.as_ref(), &expected);
                }
                _ => prop_assert!(false, "{source:?} read from {w}"),
            }
        }
    }
}

#[test]
fn a_policy_object_with_a_number_beyond_a_float_is_read_as_written_and_written_back_whole() {
    // The parser keeps such a number as written (the condition reads it as text); a JSON value cannot
    // hold it, so the scenario written back carries the policy's text, as for a repeated key.
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Condition": {"NumericLessThan": {"ecr:ImageCount": 1e999}}}]}"#;
    let (_, object) = scenario_with_repository_policy(policy);
    let quoted = serde_json::to_string(policy).unwrap();
    let (_, text) = scenario_with_repository_policy(&quoted);
    assert_eq!(decision(&object), decision(&text));
    let written = serde_json::to_string(&object).unwrap();
    assert!(written.contains(&quoted), "{written}");
    let read_back = scenario_from_text(&written).unwrap();
    assert_eq!(
        read_back.repository_policy.as_ref().map(PolicySource::text),
        Some(policy.into())
    );
    assert_eq!(decision(&read_back), decision(&object));
}
