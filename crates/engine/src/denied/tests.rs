//! Each message form of AWS's "Troubleshoot access denied error messages", and the comparison with the
//! playground's evaluation of the same request.

use super::*;
use crate::eval::{RequestTime, evaluate};
use crate::scenario::scenario_from_value;

const SESSION: &str = "arn:aws:sts::444455556666:assumed-role/ci/build-7";
const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

/// A message about `ecr:BatchGetImage` on the repository by the session, with `reason` after it.
fn message(reason: &str) -> String {
    format!(
        "User: {SESSION} is not authorized to perform: ecr:BatchGetImage on resource: {REPOSITORY}{reason}"
    )
}

fn blame_of(reason: &str) -> Option<Blame> {
    parse(&message(reason)).unwrap().blame
}

#[test]
fn each_explicit_deny_form_names_its_policy_type() {
    for (kind, words) in BlamedPolicy::ALL {
        let article = if words.starts_with(['i', 'a', 'e', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let blame = blame_of(&format!(" with an explicit deny in {article} {words}")).unwrap();
        assert_eq!(
            (blame.denial, blame.policy_type),
            (Denial::ExplicitDeny, kind),
            "{words}"
        );
        assert_eq!(blame.policy_arn, None);
    }
}

#[test]
fn each_no_allow_form_names_its_policy_type() {
    for (kind, words) in BlamedPolicy::ALL {
        let blame = blame_of(&format!(
            " because no {words} allows the ecr:BatchGetImage action"
        ))
        .unwrap();
        assert_eq!(
            (blame.denial, blame.policy_type),
            (Denial::NoAllow, kind),
            "{words}"
        );
    }
}

#[test]
fn the_assumed_role_form_gives_principal_action_and_resource() {
    let denied = parse(&message(
        " because no resource-based policy allows the ecr:BatchGetImage action",
    ))
    .unwrap();
    assert_eq!(denied.principal, SESSION);
    assert_eq!(denied.action, "ecr:BatchGetImage");
    assert_eq!(denied.resource.as_deref(), Some(REPOSITORY));
}

#[test]
fn the_user_form_inside_cli_output_gives_the_user() {
    let text = "An error occurred (AccessDeniedException) when calling the BatchGetImage operation: \
        User: arn:aws:iam::111122223333:user/deployer is not authorized to perform: ecr:BatchGetImage \
        on resource: arn:aws:ecr:us-east-1:111122223333:repository/app because no identity-based policy \
        allows the ecr:BatchGetImage action";
    let denied = parse(text).unwrap();
    assert_eq!(denied.principal, "arn:aws:iam::111122223333:user/deployer");
    assert_eq!(
        denied.blame.unwrap().policy_type,
        BlamedPolicy::IdentityBasedPolicy
    );
}

#[test]
fn the_older_form_without_a_reason_has_no_blame() {
    let denied = parse(&message(".")).unwrap();
    assert_eq!(denied.resource.as_deref(), Some(REPOSITORY));
    assert_eq!(denied.blame, None);
}

#[test]
fn a_message_without_a_resource_has_none() {
    let denied = parse("User: arn:aws:iam::111122223333:user/deployer is not authorized to perform: ecr:GetAuthorizationToken").unwrap();
    assert_eq!(denied.action, "ecr:GetAuthorizationToken");
    assert_eq!(denied.resource, None);
}

#[test]
fn the_denying_policy_arn_of_newer_messages_is_kept() {
    let arn = "arn:aws:organizations::111122223333:policy/o-exampleorg1/service_control_policy/p-examplescp1";
    let blame = blame_of(&format!(" with an explicit deny in a service control policy: {arn}. Go to https://console.example/authorization-details/abc")).unwrap();
    assert_eq!(blame.policy_type, BlamedPolicy::ServiceControlPolicy);
    assert_eq!(blame.policy_arn.as_deref(), Some(arn));
}

#[test]
fn a_message_wrapped_over_lines_reads_the_same() {
    let wrapped = message(" because no identity-based policy allows the ecr:BatchGetImage action")
        .replace(" is not ", "\n  is not ")
        .replace(" no identity-based", "\nno identity-based");
    assert_eq!(
        parse(&wrapped).unwrap(),
        parse(&message(
            " because no identity-based policy allows the ecr:BatchGetImage action"
        ))
        .unwrap()
    );
}

#[test]
fn a_text_that_is_no_access_denied_message_says_what_was_expected() {
    let error = parse("{\"Version\": \"2012-10-17\"}").unwrap_err();
    assert!(
        error.message.contains("is not authorized to perform:"),
        "{}",
        error.message
    );
    assert_eq!((error.span.line, error.span.column), (1, 1));
}

#[test]
fn an_unknown_policy_type_is_an_error_at_its_line_and_column() {
    let error = parse(&format!(
        "{}\nwith an explicit deny in a bucket policy",
        message("")
    ))
    .unwrap_err();
    assert!(
        error.message.contains("unknown policy type"),
        "{}",
        error.message
    );
    assert_eq!((error.span.line, error.span.column), (2, 28));
}

#[test]
fn a_message_with_no_caller_or_no_action_is_an_error() {
    assert!(
        parse("is not authorized to perform: ecr:BatchGetImage")
            .unwrap_err()
            .message
            .contains("no caller")
    );
    assert!(
        parse("User: arn:aws:iam::111122223333:user/a is not authorized to perform:   ")
            .unwrap_err()
            .message
            .contains("no action")
    );
}

/// The playground's evaluation of the message's request, with these policies.
fn evaluated(policies: serde_json::Value) -> crate::eval::Evaluation {
    let mut document = policies;
    document["request"] = serde_json::json!({
        "principal": SESSION, "action": "ecr:BatchGetImage", "resource": REPOSITORY
    });
    evaluate(&scenario_from_value(document).unwrap(), RequestTime(0))
}

fn allow(principal: bool) -> serde_json::Value {
    let mut statement = serde_json::json!({"Effect": "Allow", "Action": "ecr:*", "Resource": "*"});
    if principal {
        statement["Principal"] = serde_json::json!({"AWS": "arn:aws:iam::444455556666:root"});
    }
    serde_json::json!({"Version": "2012-10-17", "Statement": [statement]})
}

fn deny() -> serde_json::Value {
    serde_json::json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ecr:BatchGetImage", "Resource": "*"}]})
}

#[test]
fn no_resource_based_allow_across_accounts_agrees() {
    let evaluation = evaluated(serde_json::json!({"identityPolicies": [allow(false)]}));
    let denied = parse(&message(
        " because no resource-based policy allows the ecr:BatchGetImage action",
    ))
    .unwrap();
    let agreement = compare(&denied, &evaluation);
    assert_eq!(
        agreement.verdict,
        AgreementVerdict::Agrees,
        "{}",
        agreement.message
    );
}

#[test]
fn an_explicit_deny_in_an_scp_agrees_when_the_playground_finds_it_there() {
    let evaluation = evaluated(serde_json::json!({
        "repositoryPolicy": allow(true), "identityPolicies": [allow(false)], "scps": [[allow(false), deny()]]
    }));
    let denied = parse(&message(
        " with an explicit deny in a service control policy",
    ))
    .unwrap();
    assert_eq!(
        compare(&denied, &evaluation).verdict,
        AgreementVerdict::Agrees
    );
}

#[test]
fn a_deny_in_another_policy_type_disagrees_and_points_at_the_blamed_one() {
    let evaluation = evaluated(serde_json::json!({
        "repositoryPolicy": allow(true), "identityPolicies": [allow(false), deny()]
    }));
    let denied = parse(&message(
        " with an explicit deny in a service control policy",
    ))
    .unwrap();
    let agreement = compare(&denied, &evaluation);
    assert_eq!(agreement.verdict, AgreementVerdict::Disagrees);
    assert_eq!(agreement.look_at, Some(BlamedPolicy::ServiceControlPolicy));
    assert!(
        agreement
            .message
            .contains("an explicit deny in the identity-based policy"),
        "{}",
        agreement.message
    );
    assert!(
        agreement.message.contains("look at the SCPs"),
        "{}",
        agreement.message
    );
}

#[test]
fn an_allowed_request_disagrees_and_points_at_the_blamed_type() {
    let evaluation = evaluated(
        serde_json::json!({"repositoryPolicy": allow(true), "identityPolicies": [allow(false)]}),
    );
    let denied = parse(&message(
        " because no permissions boundary allows the ecr:BatchGetImage action",
    ))
    .unwrap();
    let agreement = compare(&denied, &evaluation);
    assert_eq!(agreement.verdict, AgreementVerdict::Disagrees);
    assert_eq!(agreement.look_at, Some(BlamedPolicy::PermissionsBoundary));
    assert!(
        agreement.message.contains("the playground allows it"),
        "{}",
        agreement.message
    );
}

#[test]
fn the_older_form_agrees_with_any_denial() {
    let evaluation = evaluated(serde_json::json!({"identityPolicies": [allow(false)]}));
    let agreement = compare(&parse(&message("")).unwrap(), &evaluation);
    assert_eq!(agreement.verdict, AgreementVerdict::Agrees);
    assert!(
        agreement
            .message
            .contains("no Allow in the resource-based policy"),
        "{}",
        agreement.message
    );
}

#[test]
fn another_request_or_a_vpc_endpoint_policy_cannot_be_told() {
    let evaluation = evaluated(serde_json::json!({"identityPolicies": [allow(false)]}));
    let other = parse(&message("").replace("BatchGetImage", "PutImage")).unwrap();
    let agreement = compare(&other, &evaluation);
    assert_eq!(agreement.verdict, AgreementVerdict::CannotTell);
    assert!(
        agreement
            .message
            .contains("the request's action is `ecr:BatchGetImage`"),
        "{}",
        agreement.message
    );
    let vpc = parse(&message(" with an explicit deny in a VPC endpoint policy")).unwrap();
    assert_eq!(
        compare(&vpc, &evaluation).verdict,
        AgreementVerdict::CannotTell
    );
}
