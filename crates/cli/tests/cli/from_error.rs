//! `ecr-policy eval --from-error TEXT`: an AccessDenied message's request decided against the scenario's
//! policies, and whether the playground agrees with the reason AWS gave.

use crate::support::{run, run_with};

/// A repository policy that trusts account 444455556666, no identity policy, and another request.
const SCENARIO: &str = r#"{
  "name": "CI pull",
  "repositoryPolicy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
    "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"}]},
  "request": {"principal": "arn:aws:iam::444455556666:role/other", "action": "ecr:PutImage",
    "resource": "arn:aws:ecr:us-east-1:111122223333:repository/other"}
}"#;

fn message(reason: &str) -> String {
    format!(
        "User: arn:aws:sts::444455556666:assumed-role/ci/build-7 is not authorized to perform: \
         ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:111122223333:repository/app {reason}"
    )
}

fn eval(reason: &str, extra: &[&str]) -> crate::support::Run {
    let message = message(reason);
    let mut args = vec!["eval", "-", "--from-error", &message];
    args.extend_from_slice(extra);
    run_with(&args, Some(SCENARIO), &[])
}

#[test]
fn the_message_fills_the_request_and_the_playground_agrees_with_the_stated_reason() {
    let run = eval(
        "because no identity-based policy allows the ecr:BatchGetImage action",
        &[],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("principal  arn:aws:sts::444455556666:assumed-role/ci/build-7\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("resource   arn:aws:ecr:us-east-1:111122223333:repository/app\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("AWS said    no identity-based policy allows it\nplayground  agrees: "),
        "{}",
        run.stdout
    );
}

#[test]
fn another_reason_disagrees_and_names_the_policy_to_look_at() {
    let run = eval("with an explicit deny in a service control policy", &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains("playground  disagrees: ") && run.stdout.contains("look at the SCPs"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_has_the_message_the_agreement_and_the_evaluation() {
    let run = eval(
        "because no resource-based policy allows the ecr:BatchGetImage action",
        &["--json"],
    );
    let output: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(output["accessDenied"]["action"], "ecr:BatchGetImage");
    assert_eq!(
        output["accessDenied"]["blame"]["policyType"],
        "resource-based-policy"
    );
    assert_eq!(output["agreement"]["verdict"], "disagrees");
    assert_eq!(output["agreement"]["lookAt"], "resource-based-policy");
    assert_eq!(output["evaluation"]["decision"], "implicitDeny");
}

#[test]
fn a_text_that_is_no_access_denied_message_exits_2_with_its_position() {
    let run = run(&[
        "eval",
        "tests/fixtures/allowed.json",
        "--from-error",
        "Access Denied",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: <from-error>:1:1: not an AccessDenied message"),
        "{}",
        run.stderr
    );
}
