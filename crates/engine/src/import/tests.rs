//! Importing identities from hand-written account authorization details in both documented forms: the
//! AWS CLI's (policy documents as JSON objects) and the raw API's (URL-encoded strings).

use super::{AccountDetails, IdentityKind};
use crate::eval::{Decision, RequestTime, evaluate};
use crate::scenario::{PolicySource, Request, Scenario};

const CLI_OUTPUT: &str = include_str!("../../../../tests/fixtures/account-details/cli-output.json");
const API_RESPONSE: &str =
    include_str!("../../../../tests/fixtures/account-details/api-response.json");
const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

fn details(text: &str) -> AccountDetails {
    AccountDetails::read(text).unwrap()
}

fn names(identity: &super::ImportedIdentity) -> Vec<&str> {
    identity
        .identity_policies
        .iter()
        .map(|policy| policy.name.as_str())
        .collect()
}

/// The policy's `Sid`s, to tell versions apart.
fn sids(source: &PolicySource) -> Vec<String> {
    let value: serde_json::Value = serde_json::from_str(&source.text()).unwrap();
    value["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|statement| statement["Sid"].as_str().map(str::to_owned))
        .collect()
}

/// `principal` asking for `action` on the repository, with its imported identity side.
fn decide(details: &AccountDetails, principal: &str, action: &str) -> Decision {
    let mut scenario = Scenario {
        request: Some(Request {
            principal: String::new(),
            action: action.to_owned(),
            resource: REPOSITORY.to_owned(),
            ..Request::default()
        }),
        ..Scenario::default()
    };
    details.identity(principal).unwrap().apply_to(&mut scenario);
    evaluate(&scenario, RequestTime(0)).decision
}

#[test]
fn principals_lists_users_then_roles_in_document_order() {
    let principals = details(CLI_OUTPUT).principals();
    let listed: Vec<(&str, IdentityKind)> = principals
        .iter()
        .map(|principal| (principal.name.as_str(), principal.kind))
        .collect();
    assert_eq!(
        listed,
        [
            ("alice", IdentityKind::User),
            ("bob", IdentityKind::User),
            ("ci-build", IdentityKind::Role),
            ("auditor", IdentityKind::Role),
        ]
    );
}

#[test]
fn eval_a_users_identity_policies_are_its_own_and_its_groups() {
    let alice = details(CLI_OUTPUT)
        .identity("arn:aws:iam::111122223333:user/alice")
        .unwrap();
    assert_eq!(alice.principal, "arn:aws:iam::111122223333:user/alice");
    assert_eq!(
        names(&alice),
        [
            "alice-list (inline)",
            "dev-token (group developers, inline)",
            "EcrPullTeam (group developers, managed)",
        ]
    );
    assert!(alice.missing.is_empty());
    // The group's token grant and managed pull policy decide alice's pull.
    let details = details(CLI_OUTPUT);
    let alice_arn = "arn:aws:iam::111122223333:user/alice";
    assert_eq!(
        decide(&details, alice_arn, "ecr:BatchGetImage"),
        Decision::Allowed
    );
    assert_eq!(
        decide(&details, alice_arn, "ecr:PutImage"),
        Decision::ImplicitDeny
    );
}

#[test]
fn a_managed_policy_is_taken_at_its_default_version() {
    let alice = details(CLI_OUTPUT)
        .identity("arn:aws:iam::111122223333:user/alice")
        .unwrap();
    let managed = alice.identity_policies.last().unwrap();
    assert_eq!(sids(&managed.policy), ["PullApp"]);
}

#[test]
fn a_managed_policy_the_document_lacks_is_reported_by_name() {
    let bob = details(CLI_OUTPUT)
        .identity("arn:aws:iam::111122223333:user/bob")
        .unwrap();
    assert_eq!(names(&bob), ["EcrPullTeam (managed)"]);
    let missing: Vec<&str> = bob
        .missing
        .iter()
        .map(|policy| policy.name.as_str())
        .collect();
    assert_eq!(missing, ["AmazonEC2ContainerRegistryPowerUser"]);
    assert!(
        bob.missing[0]
            .message
            .contains("is not in the document's `Policies`"),
        "{}",
        bob.missing[0].message
    );
}

#[test]
fn eval_the_permissions_boundary_is_imported_and_limits_the_user() {
    let details = details(CLI_OUTPUT);
    let bob = details
        .identity("arn:aws:iam::111122223333:user/bob")
        .unwrap();
    assert_eq!(
        sids(bob.permissions_boundary.as_ref().unwrap()),
        ["ReadOnlyBoundary"]
    );
    // EcrPullTeam allows the pull, the boundary does not.
    assert_eq!(
        decide(
            &details,
            "arn:aws:iam::111122223333:user/bob",
            "ecr:BatchGetImage"
        ),
        Decision::ImplicitDeny
    );
}

#[test]
fn a_role_becomes_a_session_of_the_role_with_aws_managed_policies_the_document_holds() {
    let details = details(CLI_OUTPUT);
    let role = details
        .identity("arn:aws:iam::111122223333:role/ci/ci-build")
        .unwrap();
    assert_eq!(role.kind, IdentityKind::Role);
    assert_eq!(
        role.principal,
        "arn:aws:sts::111122223333:assumed-role/ci-build/session"
    );
    assert_eq!(
        names(&role),
        [
            "ci-push (inline)",
            "AmazonEC2ContainerRegistryReadOnly (managed)"
        ]
    );
    let session = "arn:aws:sts::111122223333:assumed-role/ci-build/build-7";
    let named = details.identity(session).unwrap();
    assert_eq!(named.principal, session);
    assert_eq!(named.arn, "arn:aws:iam::111122223333:role/ci/ci-build");
    assert_eq!(decide(&details, session, "ecr:PutImage"), Decision::Allowed);
}

#[test]
fn url_encoded_documents_of_the_raw_api_are_decoded() {
    let details = details(API_RESPONSE);
    let deploy = details
        .identity("arn:aws:iam::111122223333:user/deploy")
        .unwrap();
    assert_eq!(
        names(&deploy),
        ["deploy-token (inline)", "EcrPullApp (managed)"]
    );
    assert!(matches!(
        deploy.identity_policies[0].policy,
        PolicySource::Value(_)
    ));
    assert_eq!(sids(&deploy.identity_policies[1].policy), ["PullApp"]);
    assert_eq!(
        decide(
            &details,
            "arn:aws:iam::111122223333:role/web",
            "ecr:GetDownloadUrlForLayer"
        ),
        Decision::Allowed
    );
}

#[test]
fn a_policy_document_that_is_no_json_object_stays_text_for_the_parser_to_report() {
    let text = CLI_OUTPUT.replacen(
        r#""PolicyName": "alice-list",
                    "PolicyDocument": {"#,
        r#""PolicyName": "alice-list",
                    "PolicyDocument": "%7B%22Version", "Unused": {"#,
        1,
    );
    let alice = details(&text)
        .identity("arn:aws:iam::111122223333:user/alice")
        .unwrap();
    assert_eq!(
        alice.identity_policies[0].policy,
        PolicySource::Text("{\"Version".to_owned())
    );
}

#[test]
fn an_unknown_principal_is_an_error_that_says_what_the_document_holds() {
    let error = details(CLI_OUTPUT)
        .identity("arn:aws:iam::111122223333:user/mallory")
        .unwrap_err();
    assert_eq!(
        error.message,
        "no user or role `arn:aws:iam::111122223333:user/mallory` in the account details: give the ARN of one of its 2 users and 2 roles (or a session of a role)"
    );
}

#[test]
fn a_document_of_another_shape_is_an_error_with_a_position() {
    let error = AccountDetails::read(r#"{"Version": "2012-10-17", "Statement": []}"#).unwrap_err();
    assert!(error.message.contains("get-account-authorization-details"));
    let error = AccountDetails::read("{\n  \"UserDetailList\": [{\"Arn\": 5}]\n}").unwrap_err();
    assert_eq!((error.line, error.column), (Some(2), Some(30)));
    assert_eq!(error.path, "UserDetailList[0].Arn");
    let error = AccountDetails::read("{\"UserDetailList\": [").unwrap_err();
    assert_eq!(error.line, Some(1));
}

#[test]
fn a_truncated_document_says_so_in_the_notes() {
    let text = CLI_OUTPUT.replace(
        r#""IsTruncated": false"#,
        r#""IsTruncated": true, "Marker": "next""#,
    );
    let alice = details(&text)
        .identity("arn:aws:iam::111122223333:user/alice")
        .unwrap();
    assert_eq!(alice.notes.len(), 1);
    assert!(alice.notes[0].contains("IsTruncated"));
}

#[test]
fn the_summary_names_every_policy_left_out() {
    let bob = details(CLI_OUTPUT)
        .identity("arn:aws:iam::111122223333:user/bob")
        .unwrap();
    assert_eq!(
        bob.summary(),
        "The identity side of user arn:aws:iam::111122223333:user/bob from account authorization details: \
         1 identity policy and a permissions boundary. Note: managed policy `AmazonEC2ContainerRegistryPowerUser` \
         (arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser) attached to the user is not in the \
         document's `Policies`; it is left out."
    );
}
