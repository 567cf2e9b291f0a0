//! `ecr-policy import --template`: the policies of a CloudFormation template (JSON, YAML) or a Terraform
//! plan listed, and one picked into a scenario that `eval` decides.

use crate::support::{assert_one_line_error, run, run_with};

/// A file of the hand-written template fixtures, relative to the crate folder.
fn template_fixture(name: &str) -> String {
    format!("../../tests/fixtures/templates/{name}")
}

const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";
const SESSION: &str = "arn:aws:sts::111122223333:assumed-role/app-role/session-1";

#[test]
fn without_pick_the_policies_are_listed_with_where_each_is_and_its_markers() {
    let listed = run(&["import", "--template", &template_fixture("ecr-stack.yaml")]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert_eq!(listed.stderr, "");
    let lines: Vec<&str> = listed.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "../../tests/fixtures/templates/ecr-stack.yaml: CloudFormation template (YAML), 5 policies"
    );
    assert!(
        lines[1].starts_with("  1  repository policy     BuildRepository "),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("  9:9  "), "{}", lines[1]);
    assert!(lines[1].ends_with("AWS::ECR::Repository"), "{}", lines[1]);
    assert_eq!(
        lines[2],
        "     intrinsic: {{Fn::GetAtt BuildUser.Arn}} at 14:20"
    );
    assert!(
        listed
            .stdout
            .contains("permissions boundary  BuildUser/PermissionsBoundary")
    );
    assert_eq!(
        lines.last(),
        Some(&"Pick one with --pick N or --pick NAME.")
    );
}

#[test]
fn a_terraform_value_unknown_until_apply_is_listed_as_such() {
    let listed = run(&["import", "--template", &template_fixture("plan.json")]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert!(listed.stdout.contains("Terraform plan (JSON), 6 policies"));
    assert!(listed.stdout.contains(
        "     unknown until apply: {{unknown until apply: module.ci.aws_iam_policy.push.policy}} at 65:13"
    ));
}

#[test]
fn the_picked_policy_is_in_its_slot_of_a_scenario_eval_decides() {
    let imported = run(&[
        "import",
        "--template",
        &template_fixture("plan.json"),
        "--pick",
        "aws_ecr_repository_policy.app",
        "--principal",
        SESSION,
        "--resource",
        REPOSITORY,
        "--action",
        "ecr:BatchGetImage",
    ]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert_eq!(imported.stderr, "");
    let scenario: serde_json::Value = serde_json::from_str(&imported.stdout).unwrap();
    assert!(
        scenario["repositoryPolicy"]
            .as_str()
            .unwrap()
            .contains("DenyOutsideOrganization")
    );
    assert_eq!(scenario["request"]["principal"], SESSION);
    let eval = run_with(&["eval", "--json", "-"], Some(&imported.stdout), &[]);
    let result: serde_json::Value = serde_json::from_str(&eval.stdout).unwrap();
    // The policy denies every principal outside the organization, and the request names none.
    assert_eq!(result["decision"], "explicitDeny");
}

#[test]
fn pick_by_position_names_each_marker_on_standard_error() {
    let imported = run(&[
        "import",
        "--template",
        &template_fixture("ecr-stack.json"),
        "--pick",
        "1",
        "--principal",
        SESSION,
        "--resource",
        REPOSITORY,
    ]);
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert_eq!(
        imported.stderr,
        "note: `{{Fn::GetAtt CiRole.Arn}}` at line 18, column 37 of the template is an intrinsic function, known only when the stack is deployed: replace it with the value\n"
    );
    let scenario: serde_json::Value = serde_json::from_str(&imported.stdout).unwrap();
    assert!(
        scenario["repositoryPolicy"]
            .as_str()
            .unwrap()
            .contains("\"AWS\": \"{{Fn::GetAtt CiRole.Arn}}\"")
    );
    assert_eq!(scenario["request"]["operation"], "pull");
}

#[test]
fn invalid_yaml_is_refused_with_its_line_and_column() {
    let dir = std::env::temp_dir().join(format!("ecr-policy-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.yaml");
    std::fs::write(&path, "Resources:\n  A: [\n").unwrap();
    let refused = run(&["import", "--template", path.to_str().unwrap()]);
    assert_one_line_error(
        &refused,
        &format!("{}:3:1: not valid YAML: ", path.display()),
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn invalid_json_is_refused_with_its_line_and_column() {
    let refused = run_with(
        &["import", "--template", "-"],
        Some("{\"Resources\": {\n  \"A\": }\n}"),
        &[],
    );
    assert_one_line_error(&refused, "<stdin>:2:8: invalid JSON");
}

#[test]
fn a_document_of_no_recognised_shape_names_the_shapes() {
    let refused = run_with(
        &["import", "--template", "-"],
        Some(r#"{"Version": "2012-10-17", "Statement": []}"#),
        &[],
    );
    assert_one_line_error(
        &refused,
        "<stdin>:1:1: this is not a template the playground reads: give a CloudFormation template (JSON or YAML, with `Resources`) or a Terraform plan in JSON",
    );
}

#[test]
fn an_unknown_pick_lists_the_names() {
    let refused = run(&[
        "import",
        "--template",
        &template_fixture("ecr-stack.json"),
        "--pick",
        "Nope",
    ]);
    assert_one_line_error(
        &refused,
        "--pick: no policy `Nope` in the template: give a position from 1 to 6 or one of the names `AppRepository`",
    );
}

#[test]
fn template_and_account_details_together_are_refused() {
    let refused = run(&[
        "import",
        "--template",
        &template_fixture("plan.json"),
        "--account-details",
        "x.json",
    ]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("cannot be used with"),
        "{}",
        refused.stderr
    );
}
