//! Who can pull from the fixture repository: the account's users and roles with their whole identity
//! side, and the principals outside the account that the repository policy names.

use super::{WhoCanKind, who_can};
use crate::eval::{Decision, RequestTime};
use crate::import::{AccountDetails, policy_from_text};
use crate::operation::Operation;
use crate::scenario::{Request, Scenario};

const CLI_OUTPUT: &str = include_str!("../../../../tests/fixtures/account-details/cli-output.json");
const REPOSITORY_POLICY: &str =
    include_str!("../../../../tests/fixtures/account-details/repository-policy.json");
const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

/// The fixture repository's side asking for `action` or `operation`.
fn base(action: &str, operation: Option<Operation>) -> Scenario {
    Scenario {
        repository_policy: Some(policy_from_text(REPOSITORY_POLICY)),
        request: Some(Request {
            action: action.to_owned(),
            operation,
            resource: REPOSITORY.to_owned(),
            ..Request::default()
        }),
        ..Scenario::default()
    }
}

fn rows(scenario: &Scenario) -> Vec<(String, WhoCanKind, Decision)> {
    let details = AccountDetails::read(CLI_OUTPUT).unwrap();
    who_can(&details, scenario, RequestTime(0))
        .principals
        .into_iter()
        .map(|row| (row.arn, row.kind, row.decision))
        .collect()
}

#[test]
fn xacct_every_principal_of_the_account_and_those_the_policy_names_outside_it() {
    let got = rows(&base("ecr:BatchGetImage", None));
    let expected = [
        (
            "arn:aws:iam::111122223333:user/alice",
            WhoCanKind::User,
            Decision::Allowed,
        ),
        (
            "arn:aws:iam::111122223333:user/bob",
            WhoCanKind::User,
            Decision::ImplicitDeny,
        ),
        (
            "arn:aws:iam::111122223333:role/ci/ci-build",
            WhoCanKind::Role,
            Decision::Allowed,
        ),
        (
            "arn:aws:iam::111122223333:role/auditor",
            WhoCanKind::Role,
            Decision::ExplicitDeny,
        ),
        (
            "arn:aws:iam::444455556666:role/deployer",
            WhoCanKind::External,
            Decision::Allowed,
        ),
    ];
    let expected: Vec<(String, WhoCanKind, Decision)> = expected
        .into_iter()
        .map(|(arn, kind, decision)| (arn.to_owned(), kind, decision))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn each_row_says_why_and_names_the_deciding_statement() {
    let details = AccountDetails::read(CLI_OUTPUT).unwrap();
    let answer = who_can(&details, &base("ecr:BatchGetImage", None), RequestTime(0));
    let by_arn = |arn: &str| {
        answer
            .principals
            .iter()
            .find(|row| row.arn.ends_with(arn))
            .unwrap()
    };
    let auditor = by_arn("role/auditor");
    assert_eq!(
        auditor.statement.as_deref(),
        Some("statement `NoPullForAuditor` of the repository policy")
    );
    assert!(
        auditor.reason.starts_with("Explicitly denied: "),
        "{}",
        auditor.reason
    );
    let alice = by_arn("user/alice");
    assert_eq!(
        alice.statement.as_deref(),
        Some("statement `PullApp` of identity policy `EcrPullTeam (group developers, managed)`")
    );
    let bob = by_arn("user/bob");
    assert_eq!(bob.missing, ["AmazonEC2ContainerRegistryPowerUser"]);
    let deployer = by_arn("role/deployer");
    assert_eq!(
        deployer.needs.as_deref(),
        Some(
            "an identity policy in account 444455556666 that allows `ecr:BatchGetImage` on arn:aws:ecr:us-east-1:111122223333:repository/app"
        )
    );
    assert_eq!(
        deployer.statement.as_deref(),
        Some("statement `PartnerPull` of the repository policy")
    );
}

#[test]
fn ops_an_operation_needs_every_action_so_a_pull_without_the_token_is_denied() {
    let got = rows(&base("", Some(Operation::Pull)));
    let decisions: Vec<Decision> = got.iter().map(|(_, _, decision)| *decision).collect();
    // alice has the token through her group; ci-build through AmazonEC2ContainerRegistryReadOnly; the
    // auditor has no token, the first action of a pull, which decides before the repository's Deny; the
    // deployer's account is assumed to grant every action its side needs, the token included.
    assert_eq!(
        decisions,
        [
            Decision::Allowed,
            Decision::ImplicitDeny,
            Decision::Allowed,
            Decision::ImplicitDeny,
            Decision::Allowed,
        ]
    );
}

#[test]
fn an_allow_naming_a_whole_other_account_or_a_service_gets_a_row_each() {
    let mut scenario = base("ecr:BatchGetImage", None);
    scenario.repository_policy = Some(policy_from_text(
        r#"{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": ["777788889999", "arn:aws:iam::111122223333:root"]}, "Action": "ecr:BatchGetImage"},
            {"Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"}, "Action": "ecr:BatchGetImage"}
        ]}"#,
    ));
    let outside: Vec<(String, Decision)> = rows(&scenario)
        .into_iter()
        .filter(|(_, kind, _)| *kind == WhoCanKind::External)
        .map(|(arn, _, decision)| (arn, decision))
        .collect();
    assert_eq!(
        outside,
        [
            ("777788889999".to_owned(), Decision::Allowed),
            ("codebuild.amazonaws.com".to_owned(), Decision::Allowed),
        ]
    );
}
