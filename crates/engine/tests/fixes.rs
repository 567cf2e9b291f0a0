//! Every fix the engine suggests for a denied request of the corpus is decided `allowed`: its scenario
//! as the engine returns it, and as JSON read back (what `ecr-policy eval` of a fix's `scenario` reads).
//! Every statement a fix adds names the needed actions, never `*`, and `Resource` `*` only for
//! registry-level actions (ECRSAR); only callers that no policy can let in go without a fix.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a test: a failure to read what it built is a test failure"
)]

use ecr_policy_engine::catalog::catalog;
use ecr_policy_engine::eval::{Decision, evaluate};
use ecr_policy_engine::fix::{Fix, suggest_fixes};
use ecr_policy_engine::matching::Caller;
use ecr_policy_engine::scenario::scenario_from_value;
use ecr_policy_test_kit::{CORPUS_TIME, corpus_scenarios};
use serde_json::Value;

#[test]
fn every_fix_of_every_denied_corpus_request_is_allowed_and_scoped() {
    let mut fixed = 0;
    for scenario in corpus_scenarios() {
        let decision = evaluate(scenario, CORPUS_TIME).decision;
        let fixes = suggest_fixes(scenario, CORPUS_TIME);
        if !matches!(decision, Decision::ExplicitDeny | Decision::ImplicitDeny) {
            assert!(fixes.is_empty(), "{}", scenario.name);
            continue;
        }
        if fixes.is_empty() {
            // Only callers with no identity side and nothing any policy can grant them go unfixed:
            // an anonymous caller (which cannot get a token, ECRPOL) or a service asking for a
            // registry-level action (section 8).
            let caller = Caller::parse(&scenario.first_request().principal).unwrap();
            assert!(
                matches!(caller, Caller::Anonymous | Caller::Service { .. }),
                "no fix for {}",
                scenario.name
            );
        } else {
            fixed += 1;
        }
        for fix in &fixes {
            assert_allowed(&scenario.name, fix);
            assert_scoped(&scenario.name, fix);
        }
    }
    assert!(fixed > 0);
}

/// The fix's scenario, and its JSON read back, is allowed.
fn assert_allowed(name: &str, fix: &Fix) {
    let edited = evaluate(&fix.scenario, CORPUS_TIME);
    assert_eq!(
        edited.decision,
        Decision::Allowed,
        "{name}: {}",
        fix.description
    );
    let reread = scenario_from_value(serde_json::to_value(&fix.scenario).unwrap()).unwrap();
    let decision = evaluate(&reread, CORPUS_TIME).decision;
    assert_eq!(
        decision,
        Decision::Allowed,
        "{name} read back: {}",
        fix.description
    );
    assert!(!fix.description.is_empty() && !fix.changes.is_empty());
}

/// Every Allow statement a change adds names actions without wildcards, and `Resource` `*` only for
/// registry-level actions (those of the catalogue, and actions of other services such as
/// `sts:GetServiceBearerToken`, which the catalogue has no resource type for).
fn assert_scoped(name: &str, fix: &Fix) {
    for change in &fix.changes {
        let before = statements(change.before.as_deref().unwrap_or("{}"));
        for added in statements(&change.after)
            .into_iter()
            .filter(|statement| !before.contains(statement) && statement["Effect"] == "Allow")
        {
            let actions = strings(&added["Action"]);
            assert!(!actions.is_empty(), "{name}: {added}");
            assert!(
                actions.iter().all(|action| !action.contains('*')),
                "{name}: {added}"
            );
            if strings(&added["Resource"]) == ["*"] && change.kind.as_str() != "rcp" {
                assert!(
                    actions.iter().all(|action| catalog()
                        .action(action)
                        .is_none_or(|known| known.is_registry_level())),
                    "{name}: {added}"
                );
            }
        }
    }
}

fn statements(text: &str) -> Vec<Value> {
    let policy: Value = serde_json::from_str(text).unwrap();
    match &policy["Statement"] {
        Value::Array(items) => items.clone(),
        Value::Null => Vec::new(),
        one => vec![one.clone()],
    }
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(one) => vec![one.clone()],
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}
