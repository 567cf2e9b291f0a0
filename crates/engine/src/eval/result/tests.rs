//! The evaluation result as JSON (README, "The evaluation result as JSON"): what the policy text and the
//! request facts say is not written again, and what is left out says the same as what it replaced.

use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

use crate::eval::{PatternDetail, PatternReport, RequestTime, evaluate};
use crate::scenario::{scenario_from_value, scenarios_from_text};

const REPO: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

/// The result as JSON of a request by `principal` for BatchGetImage on the repository, in a scenario with
/// the policies of `fields`.
fn result(principal: &str, mut fields: Value) -> Value {
    fields["request"] =
        json!({"principal": principal, "action": "ecr:BatchGetImage", "resource": REPO});
    let scenario = scenario_from_value(fields).unwrap();
    let evaluation = evaluate(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
    serde_json::to_value(&evaluation).unwrap()
}

/// The text between the quotes of the JSON string at `span`, counted in UTF-16 code units as the page does.
fn between_quotes(text: &str, span: &Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (from, to) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    String::from_utf16(&units[from + 1..to - 1]).unwrap()
}

#[test]
fn a_pattern_written_plainly_is_read_from_the_text_at_its_span() {
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["ecr:Batch*", "ecr:PutImage"], "Resource": "*"}]}"#;
    let json = result(
        "arn:aws:iam::111122223333:user/bob",
        json!({"repositoryPolicy": policy}),
    );
    let statement = &json["policies"][0]["statements"][0];
    let entry = &statement["principal"]["entries"][0];
    assert_eq!(
        *entry,
        json!({"span": entry["span"], "matched": true, "kind": "AWS", "how": "account"})
    );
    assert_eq!(between_quotes(policy, &entry["span"]), "111122223333");
    let patterns = &statement["action"]["patterns"];
    assert_eq!(
        patterns[0],
        json!({"span": patterns[0]["span"], "matched": true, "wildcard": true})
    );
    assert_eq!(between_quotes(policy, &patterns[0]["span"]), "ecr:Batch*");
    assert_eq!(
        patterns[1],
        json!({"span": patterns[1]["span"], "mismatch": "differentName"})
    );
    assert_eq!(between_quotes(policy, &patterns[1]["span"]), "ecr:PutImage");
}

#[test]
fn a_pattern_with_an_escape_or_a_substituted_variable_carries_its_value() {
    // `${aws:username}` and the user name `fifteen-letters` are both 15 characters long, so only
    // knowing that the pattern was substituted tells that the text at the span is not its value.
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:BatchGet\u0049mage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/${aws:username}"}]}"#;
    let json = result(
        "arn:aws:iam::111122223333:user/fifteen-letters",
        json!({"identityPolicies": [{"name": "pull", "policy": policy}]}),
    );
    let statement = &json["policies"][0]["statements"][0];
    assert_eq!(
        statement["action"]["patterns"][0]["value"],
        "ecr:BatchGetImage"
    );
    let resource = &statement["resource"]["patterns"][0];
    assert_eq!(
        resource["value"],
        "arn:aws:ecr:us-east-1:111122223333:repository/fifteen-letters"
    );
    assert_eq!(
        between_quotes(policy, &resource["span"]).len(),
        resource["value"].as_str().unwrap().len()
    );
}

#[test]
fn what_the_request_and_the_statement_say_is_written_once() {
    // The caller every principal entry was compared with is the request's; a statement's label is its
    // Sid or its position; an element's match is its patterns' (NOTACT, NOTRES); a statement without
    // conditions, Sid or Resource has none written; false flags are left out.
    let policy = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": "ecr:BatchGetImage"}]}"#;
    let json = result(
        "arn:aws:sts::111122223333:assumed-role/ci/run-1",
        json!({"repositoryPolicy": policy}),
    );
    assert_eq!(
        json["request"]["caller"],
        "arn:aws:sts::111122223333:assumed-role/ci/run-1"
    );
    let statement = &json["policies"][0]["statements"][0];
    assert_eq!(
        *statement,
        json!({
            "index": 0,
            "effect": "Allow",
            "span": statement["span"],
            "outcome": "no-match",
            "principal": {
                "keySpan": statement["principal"]["keySpan"],
                "entries": [{"span": statement["principal"]["entries"][0]["span"], "kind": "AWS", "mismatch": "differentAccount"}],
            },
            "action": {
                "keySpan": statement["action"]["keySpan"],
                "patterns": [{"span": statement["action"]["patterns"][0]["span"], "matched": true}],
            },
        })
    );
}

/// `report` as written out, and as its own fields followed by its detail's own serialization, both as
/// JSON text, which keeps the order of the fields.
fn written_and_expected<T: PatternDetail + Serialize>(
    report: &PatternReport<T>,
) -> (String, String) {
    let written = serde_json::to_string(report).unwrap();
    let own = serde_json::to_string(&json!({"span": report.span})).unwrap();
    let mut expected = own.trim_end_matches('}').to_owned();
    if report.matched {
        expected.push_str(r#","matched":true"#);
    }
    let plain: Value = serde_json::from_str(&written).unwrap();
    if let Some(value) = plain.get("value") {
        expected.push_str(&format!(r#","value":{value}"#));
    }
    let detail = serde_json::to_string(&report.detail).unwrap();
    let fields = detail.trim_start_matches('{');
    if fields != "}" {
        expected.push(',');
    }
    expected.push_str(fields);
    (written, expected)
}

/// Checks each of `patterns` with [`written_and_expected`]; returns how many there were.
fn each_pattern_as_expected<T: PatternDetail + Serialize>(patterns: &[PatternReport<T>]) -> usize {
    for report in patterns {
        let (written, expected) = written_and_expected(report);
        assert_eq!(written, expected);
    }
    patterns.len()
}

#[test]
fn a_pattern_report_writes_its_detail_as_the_detail_serializes_itself() {
    // PatternReport names its detail's fields itself (`PatternDetail`) instead of flattening the
    // detail: over every statement of every corpus scenario (a suite's first request), the fields it
    // writes are the detail's own serialization, in its order, after `span`, `matched` and `value`.
    let mut patterns = 0;
    for path in ecr_policy_test_kit::corpus_files().unwrap() {
        let text = std::fs::read_to_string(&path).unwrap();
        for scenario in scenarios_from_text(&text).unwrap_or_default() {
            let evaluation = evaluate(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
            for statement in evaluation
                .policies
                .iter()
                .flat_map(|policy| &policy.statements)
            {
                let principal = statement.principal.as_deref();
                patterns += each_pattern_as_expected(principal.map_or(&[], |block| &block.entries));
                let action = statement.action.as_ref();
                patterns += each_pattern_as_expected(action.map_or(&[], |block| &block.patterns));
                let resource = statement.resource.as_deref();
                patterns += each_pattern_as_expected(resource.map_or(&[], |block| &block.patterns));
            }
        }
    }
    assert!(patterns > 1000, "only {patterns} patterns in the corpus");
}

/// A character of a generated pattern: ASCII, accented (AWS takes characters up to U+00FF), or one
/// JSON must escape.
fn pattern_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('a', 'z'),
        Just('é'),
        Just('ÿ'),
        Just('/'),
        Just('"'),
        Just('\\'),
        Just('\n'),
    ]
}

/// `value` as a JSON string, each character written as itself or, where `escaped` says so (and always
/// where JSON requires it), as a `\u` escape.
fn json_string(value: &[(char, bool)]) -> String {
    let mut text = String::from('"');
    for &(character, escaped) in value {
        if escaped || matches!(character, '"' | '\\' | '\n') {
            for unit in character.encode_utf16(&mut [0; 2]) {
                text.push_str(&format!("\\u{unit:04x}"));
            }
        } else {
            text.push(character);
        }
    }
    text.push('"');
    text
}

proptest! {
    #[test]
    fn a_pattern_carries_its_value_exactly_when_its_text_has_an_escape(
        value in proptest::collection::vec((pattern_char(), proptest::bool::weighted(0.1)), 1..12),
    ) {
        // A pattern's `value` is written out exactly when the JSON string at its span is not its value
        // between two quotes: when any character of it is written as an escape.
        let repository = "arn:aws:ecr:us-east-1:111122223333:repository/";
        let value: Vec<(char, bool)> = repository.chars().map(|character| (character, false)).chain(value).collect();
        let written = json_string(&value);
        let policy = format!(
            r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": "ecr:BatchGetImage", "Resource": [{written}]}}]}}"#
        );
        let json = result(
            "arn:aws:iam::111122223333:user/bob",
            json!({"identityPolicies": [{"name": "pull", "policy": policy}]}),
        );
        let pattern = &json["policies"][0]["statements"][0]["resource"]["patterns"][0];
        let plain: String = value.iter().map(|&(character, _)| character).collect();
        let has_escape = written != format!("\"{plain}\"");
        prop_assert_eq!(pattern.get("value").is_some(), has_escape, "{}", written);
        if has_escape {
            prop_assert_eq!(&pattern["value"], &json!(plain));
        } else {
            prop_assert_eq!(between_quotes(&policy, &pattern["span"]), plain);
        }
    }
}
