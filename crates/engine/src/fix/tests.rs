//! The fixes for one denied request of each kind, each named after the rule it follows, and the text
//! edits that keep the rest of a policy as written.

use serde_json::json;

use super::text::{PolicyText, add_member, add_to_list};
use super::{Fix, FixSide, suggest_fixes};
use crate::eval::{Decision, RequestTime, evaluate};
use crate::operation::Operation;
use crate::registry::RegistryPolicyScope;
use crate::scenario::{IdentityPolicy, PolicySource, Request, Scenario};

const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";
const BOB: &str = "arn:aws:iam::111122223333:user/bob";
const CAROL: &str = "arn:aws:iam::444455556666:user/carol";
const TIME: RequestTime = RequestTime(1_780_272_000);

fn asking(principal: &str, operation: Operation) -> Scenario {
    Scenario {
        request: Some(Request {
            principal: principal.to_owned(),
            operation: Some(operation),
            resource: REPOSITORY.to_owned(),
            ..Request::default()
        }),
        ..Scenario::default()
    }
}

fn text(value: serde_json::Value) -> Option<PolicySource> {
    Some(PolicySource::Text(
        serde_json::to_string_pretty(&value).unwrap(),
    ))
}

fn fixes(scenario: &Scenario) -> Vec<Fix> {
    let fixes = suggest_fixes(scenario, TIME);
    for fix in &fixes {
        assert_eq!(
            evaluate(&fix.scenario, TIME).decision,
            Decision::Allowed,
            "{}",
            fix.description
        );
    }
    fixes
}

#[test]
fn an_allowed_request_has_no_fix() {
    let scenario = asking("111122223333", Operation::Pull);
    assert_eq!(evaluate(&scenario, TIME).decision, Decision::Allowed);
    assert!(suggest_fixes(&scenario, TIME).is_empty());
}

#[test]
fn eval_same_account_pull_is_fixed_on_either_side_and_the_token_only_by_an_identity_policy() {
    // EVAL, ECRPOL: in one account either side may grant the repository actions; the token
    // (ecr:GetAuthorizationToken, no resource type, ECRSAR) comes only from an identity policy, on `*`.
    let fixes = fixes(&asking(BOB, Operation::Pull));
    let sides: Vec<FixSide> = fixes.iter().map(|fix| fix.side).collect();
    assert_eq!(sides, [FixSide::Identity, FixSide::Both]);
    let identity = &fixes[0].changes[0];
    assert!(
        identity.before.is_none(),
        "a new identity policy: the caller has none"
    );
    let policy: serde_json::Value = serde_json::from_str(&identity.after).unwrap();
    assert_eq!(
        policy["Statement"],
        json!([
            {"Sid": "AllowGetAuthorizationToken", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
            {"Sid": "AllowPull", "Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Resource": REPOSITORY}
        ])
    );
    let both = &fixes[1];
    let kinds: Vec<&str> = both
        .changes
        .iter()
        .map(|change| change.policy.as_str())
        .collect();
    assert_eq!(kinds, ["identity:0", "repository"]);
    assert!(
        both.changes[1]
            .after
            .contains(&format!("{{\"AWS\": \"{BOB}\"}}"))
    );
}

#[test]
fn xacct_cross_account_pull_is_one_fix_with_both_sides_named() {
    // XACCT: the caller's account and the repository's account must both allow.
    let scenario = Scenario {
        identity_policies: vec![IdentityPolicy::Unnamed(text(json!({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}]
        })).unwrap())],
        ..asking(CAROL, Operation::Pull)
    };
    let fixes = fixes(&scenario);
    let both = fixes.iter().find(|fix| fix.side == FixSide::Both).unwrap();
    assert!(
        both.description
            .contains("In the caller's account 444455556666"),
        "{}",
        both.description
    );
    assert!(
        both.description
            .contains("In the repository's account 111122223333"),
        "{}",
        both.description
    );
    assert!(both.description.contains("XACCT"));
    let policies: Vec<&str> = both
        .changes
        .iter()
        .map(|change| change.policy.as_str())
        .collect();
    assert_eq!(policies, ["identity:0", "repository"]);
    // The identity policy keeps its statement as written and gets one more.
    let identity = &both.changes[0];
    let before = identity.before.as_deref().unwrap();
    let kept = before.get(..before.rfind(']').unwrap()).unwrap().trim_end();
    assert!(identity.after.starts_with(kept), "{}", identity.after);
}

/// A pull by the repository's own account under a repository policy whose one statement, with the
/// `Sid` `sid`, denies it to everyone.
fn pull_under_a_deny_for_everyone(sid: &str) -> Scenario {
    Scenario {
        repository_policy: text(json!({
            "Version": "2012-10-17",
            "Statement": [{"Sid": sid, "Effect": "Deny", "Principal": "*", "Action": "ecr:BatchGetImage"}]
        })),
        request: Some(Request {
            principal: "111122223333".to_owned(),
            action: "ecr:BatchGetImage".to_owned(),
            resource: REPOSITORY.to_owned(),
            ..Request::default()
        }),
        ..Scenario::default()
    }
}

#[test]
fn eval_an_explicit_deny_is_narrowed_for_the_caller_and_the_fix_says_so() {
    // EVAL step 1: a matching Deny overrides every allow, so the fix must change it, and says it narrows it.
    let scenario = pull_under_a_deny_for_everyone("NoPulls");
    let fixes = fixes(&scenario);
    assert_eq!(fixes.len(), 1);
    let fix = &fixes[0];
    assert_eq!(fix.side, FixSide::Resource);
    assert!(
        fix.description
            .starts_with("Narrow the Deny statement `NoPulls` of the repository policy")
    );
    assert!(fix.description.contains("weakens that Deny"));
    assert!(fix.changes[0].after.contains(
        "\"Condition\": {\"ArnNotEquals\": {\"aws:PrincipalArn\": \"arn:aws:iam::111122223333:root\"}}"
    ));
}

#[test]
fn eval_a_narrowed_deny_with_an_empty_sid_is_named_by_its_number_as_the_reasons_name_it() {
    // A fix names the statement it narrows as the reason chain does: an empty `Sid` is no name.
    let scenario = pull_under_a_deny_for_everyone("");
    let denial = evaluate(&scenario, TIME);
    assert!(denial.reasons.iter().any(|reason| {
        reason
            .message
            .contains("statement 1 of the repository policy")
    }));
    let fixes = fixes(&scenario);
    assert_eq!(fixes.len(), 1);
    assert!(
        fixes[0]
            .description
            .starts_with("Narrow the Deny statement 1 of the repository policy"),
        "{}",
        fixes[0].description
    );
}

#[test]
fn scpeval_a_level_without_an_allow_is_an_organization_change() {
    // SCPEVAL: every level from the root to the account needs an Allow.
    let allow_all = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]});
    let scenario = Scenario {
        scps: vec![
            vec![text(allow_all).unwrap()],
            vec![
                text(json!({
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]
                }))
                .unwrap(),
            ],
        ],
        ..asking("111122223333", Operation::Pull)
    };
    let fixes = fixes(&scenario);
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].side, FixSide::Organization);
    assert_eq!(fixes[0].changes[0].policy, "scp:1:0");
    assert!(fixes[0].description.contains("organization change"));
}

#[test]
fn regperm_a_v1_registry_policy_is_not_offered_for_actions_it_does_not_govern() {
    // REGPERM: under scope V1 the registry policy enforces only three actions, so a pull is not fixed
    // there; under V2 it governs every ECR action on the repositories its Resource names.
    let registry = text(json!({"Version": "2012-10-17", "Statement": [{
        "Sid": "Replication", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::777788889999:root"},
        "Action": "ecr:ReplicateImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/*"
    }]}));
    let v1 = Scenario {
        registry_policy: registry.clone(),
        registry_policy_scope: Some(RegistryPolicyScope::V1),
        ..asking(CAROL, Operation::Pull)
    };
    let v1_fixes = fixes(&v1);
    assert!(!v1_fixes.is_empty());
    assert!(
        v1_fixes
            .iter()
            .all(|fix| fix.changes.iter().all(|change| change.policy != "registry"))
    );
    let v2 = Scenario {
        registry_policy: registry,
        ..asking(CAROL, Operation::Pull)
    };
    let to_registry = fixes(&v2)
        .into_iter()
        .find(|fix| fix.changes.iter().any(|change| change.policy == "registry"))
        .unwrap();
    assert!(to_registry.changes.iter().any(|change| {
        change
            .after
            .contains(&format!("\"Resource\": \"{REPOSITORY}\""))
    }));
}

#[test]
fn a_statement_added_to_a_one_line_policy_stays_on_the_line() {
    let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#;
    let edited = PolicyText::read(policy)
        .unwrap()
        .add_statement(&[
            ("Effect", json!("Allow")),
            ("Action", json!("ecr:PutImage")),
        ])
        .unwrap();
    assert_eq!(
        edited,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}, {"Effect": "Allow", "Action": "ecr:PutImage"}]}"#
    );
}

#[test]
fn a_single_statement_object_becomes_a_list_that_keeps_it_as_written() {
    let policy =
        "{\n  \"Statement\": {\"Effect\":\"Allow\", \"Action\":\"s3:*\", \"Resource\":\"*\"}\n}";
    let edited = PolicyText::read(policy)
        .unwrap()
        .add_statement(&[("Effect", json!("Allow"))])
        .unwrap();
    assert_eq!(
        edited,
        "{\n  \"Statement\": [{\"Effect\":\"Allow\", \"Action\":\"s3:*\", \"Resource\":\"*\"},\n  {\n    \"Effect\": \"Allow\"\n  }]\n}"
    );
}

#[test]
fn an_item_and_a_member_are_added_in_the_layout_around_them() {
    let policy = "{\n    \"Action\": \"ecr:PutImage\",\n    \"Condition\": {}\n}";
    let read = PolicyText::read(policy).unwrap();
    let root = crate::json::parse(policy).unwrap();
    let action = &root.member("Action").unwrap().value;
    assert_eq!(
        add_to_list(policy, action, &json!("ecr:BatchGetImage")).unwrap(),
        "{\n    \"Action\": [\"ecr:PutImage\", \"ecr:BatchGetImage\"],\n    \"Condition\": {}\n}"
    );
    assert_eq!(
        add_member(policy, &root, "Sid", &json!("A")).unwrap(),
        "{\n    \"Action\": \"ecr:PutImage\",\n    \"Condition\": {},\n    \"Sid\": \"A\"\n}"
    );
    assert!(read.sids().is_empty());
}
