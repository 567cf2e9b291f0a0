//! `lint --format sarif` and `test --format sarif`: SARIF 2.1.0 documents with every property the
//! specification requires and code scanning reads, and regions on the policy lines.

use serde_json::Value;

use super::support::{fixture, run};

/// Checks the properties SARIF 2.1.0 requires (and GitHub code scanning reads): `version`, `$schema`,
/// `runs[].tool.driver.name` and `rules`, and for each result `ruleId` (one of the rules), `level`,
/// `message.text` and a physical location with an artifact URI and a region. Returns the results.
#[expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test helper: a document without a required property fails the test"
)]
fn results_of_valid_sarif(text: &str) -> Vec<Value> {
    let document: Value = serde_json::from_str(text).unwrap();
    assert_eq!(document["version"], "2.1.0");
    assert!(
        document["$schema"]
            .as_str()
            .unwrap()
            .contains("sarif-2.1.0")
    );
    let runs = document["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "ecr-policy");
    let rules: Vec<&str> = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| {
            assert!(rule["shortDescription"]["text"].is_string());
            rule["id"].as_str().unwrap()
        })
        .collect();
    let results = runs[0]["results"].as_array().unwrap().clone();
    for result in &results {
        assert!(
            rules.contains(&result["ruleId"].as_str().unwrap()),
            "{result}"
        );
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        assert!(!result["message"]["text"].as_str().unwrap().is_empty());
        let location = &result["locations"][0]["physicalLocation"];
        assert!(location["artifactLocation"]["uri"].is_string());
        let region = &location["region"];
        for field in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[field].as_u64().unwrap() >= 1, "{field} in {region}");
        }
    }
    results
}

#[test]
fn lint_sarif_places_each_finding_on_its_policy_lines() {
    let file = fixture("public-repository-policy.json");
    let result = run(&["lint", &file, "--format", "sarif"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let results = results_of_valid_sarif(&result.stdout);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "public-access");
    let location = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], file.as_str());
    assert_eq!(location["region"]["startLine"], 7);
    assert_eq!(location["region"]["startColumn"], 20);
    assert_eq!(location["region"]["endColumn"], 23);
}

#[test]
fn lint_sarif_of_a_broken_policy_has_error_results_and_exits_1() {
    let result = run(&["lint", &fixture("broken-policy.json"), "--format", "sarif"]);
    assert_eq!(result.code, 1);
    let results = results_of_valid_sarif(&result.stdout);
    assert!(results.iter().any(|result| result["level"] == "error"));
}

#[test]
fn test_sarif_reports_a_failed_expectation_at_the_deciding_statement() {
    let file = fixture("sarif/wrong-expect.json");
    let result = run(&["test", &file, "--format", "sarif"]);
    assert_eq!(result.code, 1);
    assert_eq!(result.stderr.trim(), "0 passed, 1 failed");
    let results = results_of_valid_sarif(&result.stdout);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "failed-expectation");
    assert!(
        results[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("expected allowed, got explicitDeny")
    );
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    // The DenyOutsideOffice statement's object: lines 6 to 12 of the scenario file.
    assert_eq!(
        (region["startLine"].as_u64(), region["endLine"].as_u64()),
        (Some(6), Some(12))
    );
}

#[test]
fn test_sarif_of_passing_scenarios_has_no_results() {
    let result = run(&["test", &fixture("denied.json"), "--format", "sarif"]);
    assert_eq!(result.code, 0);
    assert!(results_of_valid_sarif(&result.stdout).is_empty());
}
