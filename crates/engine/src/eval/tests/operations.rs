//! Operations in the decision procedure (iam-semantics.md section 7, "Operations"): allowed only when
//! every action is, else the first action not allowed in the table's order decides, each action decided on
//! its own resource; and the all-actions matrix with the registry-level actions and the operations.

use super::*;
use crate::operation::Operation;

const LOGIN: &str = "ecr:GetAuthorizationToken";

fn run_operation(operation: &str, mut fields: Value) -> Evaluation {
    fields["request"] = json!({"principal": USER, "operation": operation, "resource": REPO});
    let scenario = scenario_from_value(fields).unwrap();
    evaluate(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS))
}

fn identity(statements: Value) -> Value {
    json!({"identityPolicies": [{"Version": "2012-10-17", "Statement": statements}]})
}

fn pull_grant() -> Value {
    json!([
        {"Effect": "Allow", "Action": LOGIN, "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], "Resource": REPO}
    ])
}

#[test]
fn an_operation_is_allowed_when_every_action_is_each_on_its_resource() {
    // Section 7: allowed only when every action is; the token on `*` (PUSHIAM, ECRSAR), the rest on the
    // repository.
    let evaluation = run_operation("pull", identity(pull_grant()));
    assert_eq!(evaluation.decision, Decision::Allowed);
    assert_eq!(evaluation.operation, Some(Operation::Pull));
    let decided: Vec<(&str, &str, Decision)> = evaluation
        .actions
        .iter()
        .map(|action| {
            (
                action.action.as_str(),
                action.resource.as_str(),
                action.decision,
            )
        })
        .collect();
    assert_eq!(
        decided,
        [
            (LOGIN, "*", Decision::Allowed),
            ("ecr:BatchGetImage", REPO, Decision::Allowed),
            ("ecr:GetDownloadUrlForLayer", REPO, Decision::Allowed)
        ]
    );
    assert_eq!(evaluation.reasons[0].step, Step::Operation);
}

#[test]
fn the_first_action_not_allowed_in_the_tables_order_decides_the_operation() {
    // Section 7: the token is missing (implicit deny) and a later action is explicitly denied; the token,
    // first in the order, decides, and the reason chain starts with it in words.
    let fields = json!({
        "repositoryPolicy": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Principal": "*", "Action": "ecr:GetDownloadUrlForLayer"}
        ]}
    });
    let evaluation = run_operation("pull", fields);
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert_eq!(evaluation.actions[2].decision, Decision::ExplicitDeny);
    assert!(
        evaluation.reasons[0].message.starts_with(
            "a docker pull needs `ecr:GetAuthorizationToken`, which only an identity policy can grant; "
        ),
        "{}",
        evaluation.reasons[0].message
    );
    assert!(
        evaluation
            .summary
            .starts_with("Implicitly denied: a docker pull needs")
    );
    // The reports are the deciding action's.
    assert_eq!(evaluation.request.action, LOGIN);
    assert_eq!(evaluation.request.resource, "*");
}

#[test]
fn the_token_is_decided_on_star_so_a_grant_scoped_to_the_repository_does_not_give_it() {
    // ECRSAR: GetAuthorizationToken has no resource type; PUSHIAM grants it on "*". A statement whose
    // Resource names the repository does not match the token request.
    let evaluation = run_operation(
        "pull",
        identity(json!([{"Effect": "Allow", "Action": "ecr:*", "Resource": REPO}])),
    );
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert_eq!(evaluation.actions[0].decision, Decision::ImplicitDeny);
    assert_eq!(evaluation.actions[1].decision, Decision::Allowed);
}

#[test]
fn creating_the_repository_is_explained_as_the_first_time() {
    // Section 8: pull-through-cache includes ecr:CreateRepository "because the repository does not exist yet".
    let mut statements = pull_grant();
    statements.as_array_mut().unwrap().push(
        json!({"Effect": "Allow", "Action": "ecr:BatchImportUpstreamImage", "Resource": REPO}),
    );
    let evaluation = run_operation("pull-through-cache", identity(statements));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(
        evaluation.reasons[0].message.contains(
            "needs `ecr:CreateRepository`, needed because the repository does not exist yet"
        ),
        "{}",
        evaluation.reasons[0].message
    );
}

#[test]
fn mount_layer_says_the_source_repository_was_assumed_to_be_the_target() {
    // Section 8: the request names one repository, so the source is the target, and the explanation says so.
    let push = json!([
        {"Effect": "Allow", "Action": LOGIN, "Resource": "*"},
        {"Effect": "Allow", "Action": [
            "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload", "ecr:PutImage", "ecr:BatchGetImage"
        ], "Resource": REPO}
    ]);
    let evaluation = run_operation("mount-layer", identity(push));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(
        evaluation.reasons[0]
            .message
            .contains("assumed to be the target"),
        "{}",
        evaluation.reasons[0].message
    );
}

#[test]
fn a_plain_action_result_has_no_operation_fields() {
    // The result of an action request stays as it was: `operation` and `actions` are left out.
    let json = serde_json::to_value(run(USER, identity(pull_grant()))).unwrap();
    assert!(json.get("operation").is_none() && json.get("actions").is_none());
}

#[test]
fn every_action_of_an_operation_shares_one_parse_of_the_policies() {
    // One preparation: the registry-level action reuses the parsed and linted policies.
    let evaluation = run_operation("pull", identity(pull_grant()));
    let findings: Vec<&SharedList<Diagnostic>> = evaluation
        .actions
        .iter()
        .map(|action| &action.evaluation.policies[0].diagnostics)
        .collect();
    assert!(
        findings
            .iter()
            .all(|each| std::ptr::eq(each.as_ptr(), findings[0].as_ptr()))
    );
}

#[test]
fn the_matrix_lists_the_registry_level_actions_on_star_and_every_operation() {
    // ECRPOL, ECRSAR: the token comes only from identity policies; section 7: a row per operation with the
    // first action not allowed.
    let fields = json!({
        "repositoryPolicy": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"AWS": USER},
            "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        }]},
        "request": {"principal": USER, "action": "ecr:BatchGetImage", "resource": REPO}
    });
    let scenario = scenario_from_value(fields).unwrap();
    let matrix = prepare(&scenario).matrix(RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
    let first_registry = matrix
        .rows
        .iter()
        .position(|row| row.registry_level)
        .unwrap();
    assert_eq!(matrix.rows[first_registry].action, LOGIN);
    assert!(
        matrix.rows[..first_registry]
            .iter()
            .all(|row| !row.registry_level)
    );
    assert!(
        matrix.rows[first_registry..]
            .iter()
            .all(|row| row.registry_level)
    );
    assert_eq!(matrix.rows[first_registry].decision, Decision::ImplicitDeny);
    let operations: Vec<Operation> = matrix.operations.iter().map(|row| row.operation).collect();
    assert_eq!(operations, Operation::ALL);
    let pull = &matrix.operations[0];
    assert_eq!(pull.decision, Decision::ImplicitDeny);
    assert_eq!(pull.failing_action.as_deref(), Some(LOGIN));
    // The row says what the operation's evaluation says.
    let mut pulling = scenario.clone();
    if let Some(request) = pulling.request.as_mut() {
        request.action.clear();
        request.operation = Some(Operation::Pull);
    }
    let evaluation = evaluate(&pulling, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS));
    assert_eq!(pull.summary, evaluation.summary);
}
