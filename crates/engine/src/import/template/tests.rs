//! Reading hand-written templates of each documented shape: a CloudFormation template in JSON and in
//! YAML (short-form tags), and a Terraform plan in JSON with a child module and values known only after
//! apply.

use super::{MarkerKind, PolicySlot, TemplateFormat, TemplatePolicies, read_template};
use crate::eval::{Decision, RequestTime, evaluate};
use crate::scenario::{Request, Scenario};

const CFN_JSON: &str = include_str!("../../../../../tests/fixtures/templates/ecr-stack.json");
#[cfg(feature = "yaml")]
const CFN_YAML: &str = include_str!("../../../../../tests/fixtures/templates/ecr-stack.yaml");
const PLAN: &str = include_str!("../../../../../tests/fixtures/templates/plan.json");

fn listing(text: &str) -> TemplatePolicies {
    read_template(text).unwrap()
}

/// Each policy's name, slot and position.
fn listed(listing: &TemplatePolicies) -> Vec<(&str, PolicySlot, usize, usize)> {
    listing
        .policies
        .iter()
        .map(|policy| {
            (
                policy.name.as_str(),
                policy.slot,
                policy.line,
                policy.column,
            )
        })
        .collect()
}

/// The loaded text of the policy `name`.
fn text(listing: &TemplatePolicies, name: &str) -> String {
    listing.pick(name).unwrap().policy.text().into_owned()
}

/// The markers of the policy `name`: text, line and column.
fn markers(listing: &TemplatePolicies, name: &str) -> Vec<(String, usize, usize)> {
    listing
        .pick(name)
        .unwrap()
        .markers
        .iter()
        .map(|marker| (marker.text.clone(), marker.line, marker.column))
        .collect()
}

/// The default first-visit request (a session of `app-role` pulling from `app`) with the repository
/// policy that allows it, and the template's policy `name` put into its slot.
fn decide_with(listing: &TemplatePolicies, name: &str) -> Decision {
    let mut scenario = Scenario {
        repository_policy: Some(crate::import::policy_from_text(
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:role/app-role"},
                "Action": "ecr:BatchGetImage"}]}"#,
        )),
        request: Some(Request {
            principal: "arn:aws:sts::111122223333:assumed-role/app-role/session-1".to_owned(),
            action: "ecr:BatchGetImage".to_owned(),
            resource: "arn:aws:ecr:us-east-1:111122223333:repository/app".to_owned(),
            ..Request::default()
        }),
        ..Scenario::default()
    };
    assert_eq!(
        evaluate(&scenario, RequestTime(0)).decision,
        Decision::Allowed
    );
    listing.pick(name).unwrap().apply_to(&mut scenario);
    evaluate(&scenario, RequestTime(0)).decision
}

#[test]
fn cloudformation_lists_every_policy_with_its_slot_and_where_it_is() {
    let listing = listing(CFN_JSON);
    assert_eq!(listing.format, TemplateFormat::CloudFormationJson);
    assert_eq!(
        listed(&listing),
        [
            ("AppRepository", PolicySlot::RepositoryPolicy, 12, 33),
            ("Registry", PolicySlot::RegistryPolicy, 28, 23),
            ("CiRole/pull", PolicySlot::IdentityPolicy, 55, 31),
            (
                "CiRole/PermissionsBoundary",
                PolicySlot::PermissionsBoundary,
                72,
                27
            ),
            ("CiBoundary", PolicySlot::IdentityPolicy, 72, 27),
            ("PushPolicy", PolicySlot::IdentityPolicy, 83, 27),
        ]
    );
    assert!(listing.notes.is_empty());
}

#[test]
fn intrinsic_function_becomes_a_marker_named_with_its_position() {
    let listing = listing(CFN_JSON);
    assert_eq!(
        markers(&listing, "AppRepository"),
        [("{{Fn::GetAtt CiRole.Arn}}".to_owned(), 18, 37)]
    );
    let value: serde_json::Value = serde_json::from_str(&text(&listing, "AppRepository")).unwrap();
    assert_eq!(
        value["Statement"][0]["Principal"]["AWS"],
        "{{Fn::GetAtt CiRole.Arn}}"
    );
    assert_eq!(
        listing.pick("AppRepository").unwrap().markers[0].kind,
        MarkerKind::Intrinsic
    );
}

#[test]
fn fn_sub_keeps_its_text_and_marks_each_variable() {
    let listing = listing(CFN_JSON);
    assert!(text(&listing, "Registry").contains(
        r#""Resource": "arn:aws:ecr:{{Ref AWS::Region}}:{{Ref AWS::AccountId}}:repository/*""#
    ));
    assert_eq!(
        markers(&listing, "Registry"),
        [
            ("{{Ref AWS::Region}}".to_owned(), 36, 27),
            ("{{Ref AWS::AccountId}}".to_owned(), 36, 27),
        ]
    );
}

#[test]
fn fn_sub_literal_and_given_variables_are_known_text() {
    let template = r#"{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument":
        {"Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": {"Fn::Sub": [
            "arn:aws:ecr:us-east-1:${Account}:repository/${!aws:username}/${Other}",
            {"Account": "111122223333", "Other": {"Ref": "Name"}}]}}]}}}}}"#;
    let listing = listing(template);
    assert!(text(&listing, "P").contains(
        r#""arn:aws:ecr:us-east-1:111122223333:repository/${aws:username}/{{Ref Name}}""#
    ));
    assert_eq!(markers(&listing, "P"), [("{{Ref Name}}".to_owned(), 4, 50)]);
}

#[test]
fn fn_join_joins_known_parts_and_marks_the_functions() {
    let listing = listing(CFN_JSON);
    assert!(
        text(&listing, "PushPolicy").contains(
            r#""Resource": "arn:aws:ecr:us-east-1:{{Ref AWS::AccountId}}:repository/app""#
        )
    );
    assert_eq!(
        markers(&listing, "PushPolicy"),
        [("{{Ref AWS::AccountId}}".to_owned(), 90, 61)]
    );
}

#[test]
fn other_intrinsic_functions_show_their_arguments() {
    let template = r#"{"Resources": {"P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument":
        {"Statement": [{"Effect": "Allow", "Action": "ecr:*",
          "Resource": {"Fn::If": ["Prod", {"Fn::ImportValue": "ProdRepo"}, "*"]}}]}}}}}"#;
    assert_eq!(
        markers(&listing(template), "P"),
        [(
            "{{Fn::If [Prod, {Fn::ImportValue ProdRepo}, *]}}".to_owned(),
            3,
            23
        )]
    );
}

#[test]
fn loaded_policy_keeps_the_files_key_order() {
    let text = text(&listing(CFN_JSON), "CiBoundary");
    assert!(text.starts_with("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": ["));
}

#[test]
fn boundary_by_ref_lists_the_managed_policy_as_the_boundary() {
    let listing = listing(CFN_JSON);
    assert_eq!(
        text(&listing, "CiRole/PermissionsBoundary"),
        text(&listing, "CiBoundary")
    );
}

#[test]
fn boundary_outside_the_template_gets_a_note() {
    let template = r#"{"Resources": {"R": {"Type": "AWS::IAM::Role", "Properties": {
        "PermissionsBoundary": "arn:aws:iam::aws:policy/PowerUserAccess"}}}}"#;
    let listing = listing(template);
    assert!(listing.policies.is_empty());
    assert_eq!(
        listing.notes,
        [
            "the permissions boundary of `R` (line 2, column 32) is not a managed policy of the template, so it is not listed"
        ]
    );
}

#[test]
fn apply_to_puts_the_policy_into_its_slot() {
    let listing = listing(CFN_JSON);
    let mut scenario = Scenario::default();
    for name in [
        "AppRepository",
        "Registry",
        "CiRole/pull",
        "CiRole/PermissionsBoundary",
    ] {
        listing.pick(name).unwrap().apply_to(&mut scenario);
    }
    let text_of = |policy: &Option<crate::scenario::PolicySource>| {
        policy.as_ref().map(|policy| policy.text().into_owned())
    };
    assert_eq!(
        text_of(&scenario.repository_policy),
        Some(text(&listing, "AppRepository"))
    );
    assert_eq!(
        text_of(&scenario.registry_policy),
        Some(text(&listing, "Registry"))
    );
    assert_eq!(
        text_of(&scenario.permissions_boundary),
        Some(text(&listing, "CiBoundary"))
    );
    assert_eq!(scenario.identity_policies.len(), 1);
    assert_eq!(scenario.identity_policies[0].name(0), "CiRole/pull");
}

#[test]
fn a_marker_matches_no_principal_so_the_loaded_policy_decides_nothing_it_does_not_say() {
    // The repository policy's only principal is `{{Fn::GetAtt CiRole.Arn}}`: the app role is no longer
    // allowed, and nothing is guessed to allow it.
    assert_ne!(
        decide_with(&listing(CFN_JSON), "AppRepository"),
        Decision::Allowed
    );
}

#[test]
fn pick_by_position_or_name() {
    let listing = listing(CFN_JSON);
    assert_eq!(listing.pick("2").unwrap().name, "Registry");
    assert_eq!(listing.pick("PushPolicy").unwrap().name, "PushPolicy");
    let error = listing.pick("Nothing").unwrap_err();
    assert!(
        error
            .message
            .starts_with("no policy `Nothing` in the template: give a position from 1 to 6")
    );
    assert!(error.message.contains("`CiRole/pull`"));
    assert!(listing.pick("0").is_err());
}

#[test]
fn summary_names_the_slot_and_every_marker() {
    let summary = listing(CFN_JSON).pick("AppRepository").unwrap().summary();
    assert_eq!(
        summary,
        "The repository policy `AppRepository` (AWS::ECR::Repository) from line 12, column 33 of a template. \
         Note: `{{Fn::GetAtt CiRole.Arn}}` at line 18, column 37 of the template is an intrinsic function, \
         known only when the stack is deployed: replace it with the value."
    );
}

#[test]
fn invalid_json_gives_line_and_column() {
    let error = read_template("{\"Resources\": {\n  \"A\": }\n}").unwrap_err();
    assert_eq!((error.line, error.column), (Some(2), Some(8)));
    assert!(
        error.message.starts_with("invalid JSON"),
        "{}",
        error.message
    );
}

#[test]
fn empty_file_is_an_error_at_its_start() {
    for text in ["", " \n\t"] {
        let error = read_template(text).unwrap_err();
        assert_eq!(error.message, "the file is empty");
        assert_eq!((error.line, error.column), (Some(1), Some(1)));
    }
}

#[test]
fn a_document_of_no_recognised_shape_names_the_shapes() {
    let error = read_template(r#"{"Version": "2012-10-17", "Statement": []}"#).unwrap_err();
    assert!(
        error.message.contains("a CloudFormation template"),
        "{}",
        error.message
    );
    assert!(
        error.message.contains("terraform show -json"),
        "{}",
        error.message
    );
    assert_eq!((error.line, error.column), (Some(1), Some(1)));
}

#[test]
fn terraform_plan_lists_the_policies_of_child_modules() {
    let listing = listing(PLAN);
    assert_eq!(listing.format, TemplateFormat::TerraformPlan);
    assert_eq!(
        listed(&listing),
        [
            (
                "aws_ecr_repository_policy.app",
                PolicySlot::RepositoryPolicy,
                30,
                23
            ),
            (
                "aws_ecr_registry_policy.this",
                PolicySlot::RegistryPolicy,
                42,
                23
            ),
            (
                "module.ci.aws_iam_policy.boundary",
                PolicySlot::IdentityPolicy,
                61,
                27
            ),
            (
                "module.ci.aws_iam_policy.push",
                PolicySlot::IdentityPolicy,
                65,
                13
            ),
            (
                "module.ci.aws_iam_role.ci/auth-token",
                PolicySlot::IdentityPolicy,
                90,
                31
            ),
            (
                "module.ci.aws_iam_role.ci/permissions_boundary",
                PolicySlot::PermissionsBoundary,
                61,
                27
            ),
        ]
    );
    assert!(
        text(&listing, "aws_ecr_repository_policy.app")
            .contains("\"Sid\": \"DenyOutsideOrganization\"")
    );
}

#[test]
fn terraform_value_unknown_until_apply_is_a_marker() {
    let listing = listing(PLAN);
    let push = listing.pick("module.ci.aws_iam_policy.push").unwrap();
    assert_eq!(
        push.policy.text(),
        "{{unknown until apply: module.ci.aws_iam_policy.push.policy}}"
    );
    assert_eq!(push.markers.len(), 1);
    assert_eq!(push.markers[0].kind, MarkerKind::Unknown);
    assert_eq!((push.markers[0].line, push.markers[0].column), (65, 13));
    assert!(push.marker_notes()[0].contains("known only after `terraform apply`"));
}

#[test]
fn terraform_boundary_is_found_through_the_configurations_reference() {
    let listing = listing(PLAN);
    assert_eq!(
        text(&listing, "module.ci.aws_iam_role.ci/permissions_boundary"),
        text(&listing, "module.ci.aws_iam_policy.boundary")
    );
}

#[test]
fn terraform_boundary_of_no_policy_in_the_plan_gets_a_note() {
    let plan = r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        {"address": "aws_iam_user.u", "mode": "managed", "type": "aws_iam_user",
         "values": {"permissions_boundary": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}]}}}"#;
    assert_eq!(
        listing(plan).notes,
        [
            "the permissions boundary of `aws_iam_user.u` (arn:aws:iam::aws:policy/ReadOnlyAccess) is not an `aws_iam_policy` of the plan, so it is not listed"
        ]
    );
}

#[test]
fn terraform_plan_without_planned_values_is_read_from_resource_changes() {
    let plan = r#"{"format_version": "1.2", "resource_changes": [
        {"address": "aws_ecr_registry_policy.r", "mode": "managed", "type": "aws_ecr_registry_policy",
         "change": {"actions": ["create"], "after": {"policy": "{\"Statement\": []}"}, "after_unknown": {}}},
        {"address": "aws_iam_policy.gone", "mode": "managed", "type": "aws_iam_policy",
         "change": {"actions": ["delete"], "after": null}}]}"#;
    assert_eq!(
        listed(&listing(plan)),
        [(
            "aws_ecr_registry_policy.r",
            PolicySlot::RegistryPolicy,
            3,
            64
        )]
    );
}

#[test]
fn terraform_emptied_inline_policy_block_is_no_policy() {
    let plan = r#"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
        {"address": "aws_iam_role.r", "mode": "managed", "type": "aws_iam_role",
         "values": {"inline_policy": [{"name": "", "policy": ""}]}}]}}}"#;
    assert!(listing(plan).policies.is_empty());
}

#[test]
fn terraform_format_of_another_major_version_is_rejected() {
    let error = read_template(r#"{"format_version": "2.0", "planned_values": {}}"#).unwrap_err();
    assert_eq!(error.path, "format_version");
    assert_eq!((error.line, error.column), (Some(1), Some(20)));
}

#[cfg(feature = "yaml")]
mod yaml {
    use super::*;

    #[test]
    fn yaml_short_form_tags_read_as_the_long_form() {
        let listing = listing(CFN_YAML);
        assert_eq!(listing.format, TemplateFormat::CloudFormationYaml);
        assert_eq!(
            listed(&listing),
            [
                ("BuildRepository", PolicySlot::RepositoryPolicy, 9, 9),
                ("BuildUser/build", PolicySlot::IdentityPolicy, 25, 13),
                (
                    "BuildUser/PermissionsBoundary",
                    PolicySlot::PermissionsBoundary,
                    38,
                    9
                ),
                ("PullOnlyBoundary", PolicySlot::IdentityPolicy, 38, 9),
                ("TaggedPolicy", PolicySlot::IdentityPolicy, 48, 9),
            ]
        );
        assert_eq!(
            markers(&listing, "BuildRepository"),
            [("{{Fn::GetAtt BuildUser.Arn}}".to_owned(), 14, 20)]
        );
        assert_eq!(
            markers(&listing, "TaggedPolicy"),
            [
                ("{{Ref AWS::AccountId}}".to_owned(), 55, 19),
                (
                    "{{Fn::ImportValue SharedRepositoryName}}".to_owned(),
                    57,
                    19
                ),
            ]
        );
    }

    #[test]
    fn yaml_and_json_of_one_template_load_the_same_policy() {
        let yaml = "Resources:\n  R:\n    Type: AWS::ECR::RegistryPolicy\n    Properties:\n      PolicyText:\n        Version: '2012-10-17'\n        Statement:\n          - Effect: Allow\n            Principal: {AWS: !Ref Account}\n            Action: [ecr:ReplicateImage]\n            Resource: !Sub 'arn:aws:ecr:us-east-1:${AWS::AccountId}:repository/*'\n";
        let json = r#"{"Resources": {"R": {"Type": "AWS::ECR::RegistryPolicy", "Properties": {"PolicyText":
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Ref": "Account"}},
             "Action": ["ecr:ReplicateImage"],
             "Resource": {"Fn::Sub": "arn:aws:ecr:us-east-1:${AWS::AccountId}:repository/*"}}]}}}}}"#;
        assert_eq!(text(&listing(yaml), "R"), text(&listing(json), "R"));
    }

    #[test]
    fn yaml_plain_scalars_follow_the_core_schema() {
        let yaml = "Resources:\n  R:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyDocument:\n        Version: 2012-10-17\n        Statement:\n          - Effect: Allow\n            Action: '*'\n            Resource: '*'\n            Condition:\n              Bool: {aws:SecureTransport: true}\n              NumericLessThan: {s3:max-keys: 10}\n              StringEquals: {aws:PrincipalTag/team: !!str 10, aws:username: ~}\n";
        let value: serde_json::Value = serde_json::from_str(&text(&listing(yaml), "R")).unwrap();
        assert_eq!(value["Version"], "2012-10-17");
        let condition = &value["Statement"][0]["Condition"];
        assert_eq!(condition["Bool"]["aws:SecureTransport"], true);
        assert_eq!(condition["NumericLessThan"]["s3:max-keys"], 10);
        assert_eq!(condition["StringEquals"]["aws:PrincipalTag/team"], "10");
        assert_eq!(
            condition["StringEquals"]["aws:username"],
            serde_json::Value::Null
        );
    }

    #[test]
    fn yaml_aliases_repeat_their_anchored_value() {
        let yaml = "Resources:\n  A:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: &doc\n        Statement: []\n  B:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: *doc\n";
        let listing = listing(yaml);
        assert_eq!(text(&listing, "A"), text(&listing, "B"));
    }

    #[test]
    fn yaml_errors_give_line_and_column() {
        let error = read_template("Resources:\n  A:\n    Type: [unclosed\n").unwrap_err();
        assert!(
            error.message.starts_with("not valid YAML: "),
            "{}",
            error.message
        );
        assert_eq!(error.line, Some(4));
        let error = read_template("Resources:\n  A: 1\n   B: 2\n").unwrap_err();
        assert_eq!(
            (error.line, error.column),
            (Some(3), Some(5)),
            "{}",
            error.message
        );
    }

    #[test]
    fn yaml_boundary_by_getatt_policy_arn_lists_the_managed_policy() {
        let listing = listing(CFN_YAML);
        assert_eq!(
            text(&listing, "BuildUser/PermissionsBoundary"),
            text(&listing, "PullOnlyBoundary")
        );
        // The boundary allows only `ecr:GetAuthorizationToken`: a pull is no longer allowed.
        assert_eq!(
            decide_with(&listing, "BuildUser/PermissionsBoundary"),
            Decision::ImplicitDeny
        );
    }
}

#[cfg(not(feature = "yaml"))]
#[test]
fn without_the_yaml_feature_a_yaml_template_is_read_as_json_and_fails_with_a_position() {
    let error = read_template("Resources:\n  A: 1\n").unwrap_err();
    assert_eq!((error.line, error.column), (Some(1), Some(1)));
}
