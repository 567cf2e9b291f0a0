//! `ecr-policy import`: a scenario from account authorization details, which `eval` then decides.

use crate::support::{assert_one_line_error, run, run_with};

/// A file of the hand-written account authorization details fixtures, relative to the crate folder.
pub fn account_fixture(name: &str) -> String {
    format!("../../tests/fixtures/account-details/{name}")
}

const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

/// `import` for `principal` asking for `action` on the repository, with the fixture repository policy.
fn import(principal: &str, action: &str) -> crate::support::Run {
    run(&[
        "import",
        "--account-details",
        &account_fixture("cli-output.json"),
        "--principal",
        principal,
        "--repository-policy",
        &account_fixture("repository-policy.json"),
        "--resource",
        REPOSITORY,
        "--action",
        action,
    ])
}

/// `eval --json -` of `scenario`: the decision.
fn decision_of(scenario: &str) -> String {
    let eval = run_with(&["eval", "--json", "-"], Some(scenario), &[]);
    let result: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    result["decision"].as_str().unwrap().to_owned()
}

#[test]
fn the_imported_scenario_is_one_eval_decides() {
    let alice = import("arn:aws:iam::111122223333:user/alice", "ecr:BatchGetImage");
    assert_eq!(alice.code, 0, "{}", alice.stderr);
    assert_eq!(alice.stderr, "");
    let scenario: serde_json::Value = serde_json::from_str(&alice.stdout).unwrap();
    assert_eq!(
        scenario["request"]["principal"],
        "arn:aws:iam::111122223333:user/alice"
    );
    assert_eq!(scenario["identityPolicies"].as_array().unwrap().len(), 3);
    assert_eq!(
        scenario["repositoryPolicy"]["Statement"][0]["Sid"],
        "PartnerPull"
    );
    assert_eq!(decision_of(&alice.stdout), "allowed");
    // The repository policy's Deny names the role, so it denies every session of it.
    let auditor = import(
        "arn:aws:iam::111122223333:role/auditor",
        "ecr:BatchGetImage",
    );
    assert_eq!(decision_of(&auditor.stdout), "explicitDeny");
}

#[test]
fn a_managed_policy_the_document_lacks_is_named_on_standard_error_and_in_the_scenario() {
    let bob = import("arn:aws:iam::111122223333:user/bob", "ecr:DescribeImages");
    assert_eq!(bob.code, 0);
    assert_eq!(
        bob.stderr,
        "note: managed policy `AmazonEC2ContainerRegistryPowerUser` (arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser) attached to the user is not in the document's `Policies`; it is left out\n"
    );
    let scenario: serde_json::Value = serde_json::from_str(&bob.stdout).unwrap();
    assert!(
        scenario["description"]
            .as_str()
            .unwrap()
            .contains("AmazonEC2ContainerRegistryPowerUser")
    );
    assert!(scenario["permissionsBoundary"].is_object());
    // EcrPullTeam does not grant DescribeImages; the boundary alone grants nothing.
    assert_eq!(decision_of(&bob.stdout), "implicitDeny");
}

#[test]
fn without_an_action_the_request_asks_for_a_pull_of_the_role_session() {
    let ci = run(&[
        "import",
        "--account-details",
        &account_fixture("api-response.json"),
        "--principal",
        "arn:aws:iam::111122223333:role/web",
        "--resource",
        REPOSITORY,
    ]);
    assert_eq!(ci.code, 0, "{}", ci.stderr);
    let scenario: serde_json::Value = serde_json::from_str(&ci.stdout).unwrap();
    assert_eq!(scenario["request"]["operation"], "pull");
    assert_eq!(
        scenario["request"]["principal"],
        "arn:aws:sts::111122223333:assumed-role/web/session"
    );
    // The role's inline policy allows the repository actions but not the token a pull needs.
    assert_eq!(decision_of(&ci.stdout), "implicitDeny");
}

#[test]
fn an_unknown_principal_or_a_broken_document_is_one_line_and_exit_2() {
    let unknown = import(
        "arn:aws:iam::111122223333:user/mallory",
        "ecr:BatchGetImage",
    );
    assert_one_line_error(
        &unknown,
        "--principal: no user or role `arn:aws:iam::111122223333:user/mallory` in the account details",
    );
    let broken = run_with(
        &["import", "--account-details", "-", "--principal", "x"],
        Some("{\n  \"UserDetailList\": [{\"Arn\": true}]\n}"),
        &[],
    );
    assert_one_line_error(
        &broken,
        "<stdin>:2:30: UserDetailList[0].Arn: invalid type: boolean `true`, expected a string",
    );
}

#[test]
fn import_help_has_examples() {
    let help = run(&["import", "--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout
            .contains("Examples:\n  aws iam get-account-authorization-details")
    );
    assert!(
        run(&["--help"])
            .stdout
            .contains("ecr-policy import --account-details")
    );
}
