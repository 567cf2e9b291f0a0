//! The decision procedure, rule by rule (iam-semantics.md section 1 and section 8). Each test is named
//! after the rule it shows and cites its source; the scenario corpus covers the combinations.

use serde_json::{Value, json};

use super::*;
use crate::diagnostic::{JsonCode, Severity};
use crate::scenario::scenario_from_value;

const REPO: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";
const USER: &str = "arn:aws:iam::111122223333:user/bob";
const ROLE: &str = "arn:aws:iam::111122223333:role/ci";
const SESSION: &str = "arn:aws:sts::111122223333:assumed-role/ci/run-1";
const OTHER_USER: &str = "arn:aws:iam::444455556666:user/alice";

fn allow(action: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]})
}

/// An RCP level policy: RCPs must name `"*"` as the principal (RCPSYN).
fn rcp_allow(action: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": action, "Resource": "*"}]})
}

fn deny(action: &str) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": action, "Resource": "*"}]})
}

fn repository_allow(principal: Value) -> Value {
    json!({"Version": "2012-10-17", "Statement": [{"Sid": "Grant", "Effect": "Allow", "Principal": principal, "Action": "ecr:BatchGetImage"}]})
}

/// Builds a scenario from `fields` plus a request by `principal` for BatchGetImage on the repository.
fn run(principal: &str, fields: Value) -> Evaluation {
    run_action(principal, "ecr:BatchGetImage", REPO, fields)
}

fn run_action(principal: &str, action: &str, resource: &str, mut fields: Value) -> Evaluation {
    fields["request"] = json!({"principal": principal, "action": action, "resource": resource});
    let scenario = scenario_from_value(fields).unwrap();
    evaluate(&scenario, RequestTime(ecr_policy_test_kit::CORPUS_SECONDS))
}

fn decision(principal: &str, fields: Value) -> Decision {
    run(principal, fields).decision
}

#[test]
fn explicit_deny_in_any_policy_overrides_every_allow() {
    // EVAL step 1: "an explicit deny in any policy overrides any allows".
    let fields = json!({"repositoryPolicy": repository_allow(json!({"AWS": USER})), "identityPolicies": [deny("ecr:*")]});
    let evaluation = run(USER, fields);
    assert_eq!(evaluation.decision, Decision::ExplicitDeny);
    let step = evaluation
        .reasons
        .iter()
        .find(|reason| reason.step == Step::ExplicitDeny)
        .unwrap();
    assert_eq!(
        step.statements,
        [StatementRef {
            policy: "identity:0".into(),
            statement: 0
        }]
    );
}

#[test]
fn with_nothing_that_allows_the_request_is_implicitly_denied() {
    // EVAL: "All requests are implicitly denied" unless allowed.
    assert_eq!(decision(USER, json!({})), Decision::ImplicitDeny);
}

#[test]
fn same_account_either_policy_is_enough() {
    // ECRPOL: "only needs to be allowed ... through either a repository policy or an IAM policy but not both".
    assert_eq!(
        decision(
            USER,
            json!({"identityPolicies": [allow("ecr:BatchGetImage")]})
        ),
        Decision::Allowed
    );
    assert_eq!(
        decision(
            USER,
            json!({"repositoryPolicy": repository_allow(json!({"AWS": USER}))})
        ),
        Decision::Allowed
    );
}

#[test]
fn same_account_user_arn_grant_is_not_limited_by_a_boundary() {
    // Section 1 table, row "IAM user ARN": no identity policy needed, not limited by the boundary (EVAL, BOUND).
    let fields = json!({"repositoryPolicy": repository_allow(json!({"AWS": USER})), "permissionsBoundary": allow("s3:*")});
    assert_eq!(decision(USER, fields), Decision::Allowed);
}

#[test]
fn same_account_role_arn_grant_is_limited_by_boundary_and_session_policy() {
    // Section 1 table, row "IAM role ARN": limited by the boundary and by the session policy (EVAL, POL).
    let grant = repository_allow(json!({"AWS": ROLE}));
    assert_eq!(
        decision(SESSION, json!({"repositoryPolicy": grant})),
        Decision::Allowed
    );
    assert_eq!(
        decision(
            SESSION,
            json!({"repositoryPolicy": grant, "permissionsBoundary": allow("s3:*")})
        ),
        Decision::ImplicitDeny
    );
    assert_eq!(
        decision(
            SESSION,
            json!({"repositoryPolicy": grant, "sessionPolicy": allow("s3:*")})
        ),
        Decision::ImplicitDeny
    );
    assert_eq!(
        decision(
            SESSION,
            json!({"repositoryPolicy": grant, "sessionPolicy": allow("ecr:*"), "permissionsBoundary": allow("ecr:*")})
        ),
        Decision::Allowed
    );
}

#[test]
fn same_account_session_arn_grant_is_not_limited() {
    // Section 1 table, row "Role-session ARN": "A boundary never limits a grant made to the session ARN" (POL).
    let fields = json!({
        "repositoryPolicy": repository_allow(json!({"AWS": SESSION})),
        "permissionsBoundary": allow("s3:*"),
        "sessionPolicy": allow("s3:*")
    });
    assert_eq!(decision(SESSION, fields), Decision::Allowed);
}

#[test]
fn account_grant_delegates_to_the_account_and_needs_an_identity_policy() {
    // Section 1 table, row "Account": "individual users ... must still be granted permissions" (POL).
    for principal in [
        json!({"AWS": "111122223333"}),
        json!({"AWS": "arn:aws:iam::111122223333:root"}),
    ] {
        let grant = repository_allow(principal);
        assert_eq!(
            decision(USER, json!({"repositoryPolicy": grant})),
            Decision::ImplicitDeny
        );
        let with_identity =
            json!({"repositoryPolicy": grant, "identityPolicies": [allow("ecr:BatchGetImage")]});
        assert_eq!(decision(USER, with_identity), Decision::Allowed);
    }
}

#[test]
fn everyone_grant_in_the_same_account_is_not_limited_by_boundary_or_session_policy() {
    // Section 8: "*" without condition, same account: like the aws:PrincipalArn row, not limited (PRIN).
    let fields = json!({"repositoryPolicy": repository_allow(json!("*")), "permissionsBoundary": allow("s3:*"), "sessionPolicy": allow("s3:*")});
    let evaluation = run(SESSION, fields);
    assert_eq!(evaluation.decision, Decision::Allowed);
    assert!(
        evaluation
            .reasons
            .iter()
            .any(|reason| reason.message.contains("section 8"))
    );
}

#[test]
fn identity_allow_is_limited_by_the_permissions_boundary() {
    // EVAL step 6: a boundary that does not allow the action gives an implicit deny.
    let fields = json!({"identityPolicies": [allow("ecr:*")], "permissionsBoundary": allow("ecr:Describe*")});
    let evaluation = run(USER, fields);
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert_eq!(
        evaluation.reasons.last().map(|reason| reason.step),
        Some(Step::PermissionsBoundary)
    );
}

#[test]
fn role_session_without_session_policy_is_allowed_but_federated_user_is_not() {
    // EVAL step 7: no session policy: a role session gets Allow, a GetFederationToken federated user implicitDeny.
    let fields = json!({"identityPolicies": [allow("ecr:*")]});
    assert_eq!(decision(SESSION, fields.clone()), Decision::Allowed);
    assert_eq!(
        decision("arn:aws:sts::111122223333:federated-user/dev", fields),
        Decision::ImplicitDeny
    );
}

#[test]
fn cross_account_needs_both_the_repository_policy_and_an_identity_policy() {
    // XACCT: evaluated in both accounts; allowed only if both allow.
    let grant = repository_allow(json!({"AWS": "arn:aws:iam::444455556666:root"}));
    assert_eq!(
        decision(OTHER_USER, json!({"repositoryPolicy": grant})),
        Decision::ImplicitDeny
    );
    assert_eq!(
        decision(OTHER_USER, json!({"identityPolicies": [allow("ecr:*")]})),
        Decision::ImplicitDeny
    );
    let both = json!({"repositoryPolicy": grant, "identityPolicies": [allow("ecr:*")]});
    let evaluation = run(OTHER_USER, both);
    assert_eq!(evaluation.decision, Decision::Allowed);
    assert!(evaluation.request.cross_account);
}

#[test]
fn cross_account_identity_side_is_limited_by_the_boundary() {
    // XACCT: the trusted account evaluates the identity policy plus boundary, session policy and SCPs.
    let fields = json!({
        "repositoryPolicy": repository_allow(json!({"AWS": OTHER_USER})),
        "identityPolicies": [allow("ecr:*")],
        "permissionsBoundary": allow("s3:*")
    });
    assert_eq!(decision(OTHER_USER, fields), Decision::ImplicitDeny);
}

#[test]
fn scps_need_an_allow_at_every_level() {
    // SCPEVAL: "An explicit Allow is needed at every level: root, each OU, account".
    let full = allow("*");
    let fields = |account_level: Value| json!({"identityPolicies": [allow("ecr:*")], "scps": [[full], [account_level]]});
    assert_eq!(decision(USER, fields(allow("ecr:*"))), Decision::Allowed);
    let evaluation = run(USER, fields(allow("s3:*")));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(
        evaluation
            .reasons
            .iter()
            .any(|reason| reason.step == Step::ServiceControlPolicies
                && reason.message.contains("level 2"))
    );
}

#[test]
fn an_empty_organization_level_has_no_allow_and_denies() {
    // SCPEVAL: an Allow is needed at every level; a level given with no policy has none, wherever it is.
    let identity = allow("ecr:*");
    for scps in [
        json!([[]]),
        json!([[], [allow("*")]]),
        json!([[allow("*")], []]),
    ] {
        let fields = json!({"identityPolicies": [identity], "scps": scps});
        assert_eq!(decision(USER, fields), Decision::ImplicitDeny, "{scps}");
    }
}

#[test]
fn rcps_need_an_allow_at_every_level_and_apply_to_every_caller() {
    // RCP: a resource has only the permissions every parent permits; they apply to service principals too.
    let fields = json!({"repositoryPolicy": repository_allow(json!({"Service": "codebuild.amazonaws.com"})), "rcps": [[rcp_allow("s3:*")]]});
    assert_eq!(
        decision("codebuild.amazonaws.com", fields),
        Decision::ImplicitDeny
    );
}

#[test]
fn scps_do_not_apply_to_service_principals() {
    // SCPs apply to principals of the account they are attached to (EVAL); a service principal is not one.
    let fields = json!({"repositoryPolicy": repository_allow(json!({"Service": "codebuild.amazonaws.com"})), "scps": [[allow("s3:*")]]});
    assert_eq!(
        decision("codebuild.amazonaws.com", fields),
        Decision::Allowed
    );
}

#[test]
fn registry_level_actions_are_not_rcp_gated() {
    // RCP INFERENCE: actions with no resource type, such as ecr:GetAuthorizationToken, are not RCP-gated.
    let fields = json!({"identityPolicies": [allow("ecr:GetAuthorizationToken")], "rcps": [[rcp_allow("s3:*")]]});
    assert_eq!(
        run_action(USER, "ecr:GetAuthorizationToken", "*", fields).decision,
        Decision::Allowed
    );
}

#[test]
fn root_user_has_full_access_in_its_account_but_explicit_denies_apply() {
    // EVAL: root has full access; INFERENCE: explicit denies, including a resource-policy Deny "*", apply to root.
    let root = "arn:aws:iam::111122223333:root";
    assert_eq!(decision(root, json!({})), Decision::Allowed);
    let deny_all = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "ecr:*"}]});
    assert_eq!(
        decision(root, json!({"repositoryPolicy": deny_all})),
        Decision::ExplicitDeny
    );
    assert_eq!(
        decision(root, json!({"scps": [[allow("s3:*")]]})),
        Decision::ImplicitDeny
    );
}

#[test]
fn service_principals_are_decided_by_the_repository_policy_alone() {
    // Section 8: "Service principals: decided by the repository policy (plus RCPs and explicit denies)".
    let codebuild = "codebuild.amazonaws.com";
    assert_eq!(
        decision(
            codebuild,
            json!({"repositoryPolicy": repository_allow(json!({"Service": codebuild}))})
        ),
        Decision::Allowed
    );
    assert_eq!(
        decision(codebuild, json!({"identityPolicies": [allow("ecr:*")]})),
        Decision::ImplicitDeny
    );
    assert_eq!(
        decision(
            "lambda.amazonaws.com",
            json!({"repositoryPolicy": repository_allow(json!({"Service": codebuild}))})
        ),
        Decision::ImplicitDeny
    );
}

#[test]
fn anonymous_callers_are_allowed_only_through_everyone() {
    // PRIN: "*" means everyone, including anonymous callers.
    assert_eq!(
        decision(
            "anonymous",
            json!({"repositoryPolicy": repository_allow(json!("*"))})
        ),
        Decision::Allowed
    );
    assert_eq!(
        decision(
            "anonymous",
            json!({"repositoryPolicy": repository_allow(json!({"AWS": "111122223333"}))})
        ),
        Decision::ImplicitDeny
    );
}

#[test]
fn registry_level_actions_must_be_allowed_by_iam_not_the_repository_policy() {
    // ECRPOL: GetAuthorizationToken must be allowed "through an IAM policy"; a repository policy cannot supply it.
    let grant = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": USER}, "Action": "ecr:*"}]});
    let evaluation = run_action(
        USER,
        "ecr:GetAuthorizationToken",
        "*",
        json!({"repositoryPolicy": grant}),
    );
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert!(evaluation.request.registry_level);
    let repository = &evaluation.policies[0];
    assert!(!repository.applies);
    assert_eq!(
        repository.statements[0].outcome,
        StatementOutcome::NotApplicable
    );
    let with_iam = json!({"identityPolicies": [allow("ecr:GetAuthorizationToken")]});
    assert_eq!(
        run_action(USER, "ecr:GetAuthorizationToken", "*", with_iam).decision,
        Decision::Allowed
    );
}

#[test]
fn not_principal_deny_always_applies_to_principals_with_a_permissions_boundary() {
    // NOTPRIN: with Deny, NotPrincipal "always denies any principal that has a permissions boundary".
    let policy = json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Deny", "NotPrincipal": {"AWS": [USER, "arn:aws:iam::111122223333:root"]}, "Action": "ecr:*"}
    ]});
    let identity = allow("ecr:*");
    assert_eq!(
        decision(
            USER,
            json!({"repositoryPolicy": policy, "identityPolicies": [identity]})
        ),
        Decision::Allowed
    );
    let with_boundary = json!({"repositoryPolicy": policy, "identityPolicies": [identity], "permissionsBoundary": allow("ecr:*")});
    assert_eq!(decision(USER, with_boundary), Decision::ExplicitDeny);
}

#[test]
fn not_principal_excludes_a_session_only_when_account_role_and_session_are_named() {
    // NOTPRIN: AWS may check the account, then the role, then the session.
    let policy = |names: Value| {
        json!({"repositoryPolicy": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "NotPrincipal": {"AWS": names}, "Action": "ecr:*"}
        ]}, "identityPolicies": [allow("ecr:*")]})
    };
    assert_eq!(
        decision(SESSION, policy(json!([SESSION]))),
        Decision::ExplicitDeny
    );
    assert_eq!(
        decision(
            SESSION,
            policy(json!([SESSION, ROLE, "arn:aws:iam::111122223333:root"]))
        ),
        Decision::Allowed
    );
}

#[test]
fn a_policy_with_errors_is_not_evaluated() {
    // Section 8: "A policy with errors is not evaluated. The decision says which policy is invalid and why."
    let evaluation = run(USER, json!({"identityPolicies": ["{\"Statement\": ["]}));
    assert_eq!(evaluation.decision, Decision::Invalid);
    assert!(
        evaluation.summary.contains("identity policy 1"),
        "{}",
        evaluation.summary
    );
    assert_eq!(evaluation.policies[0].diagnostics[0].code, JsonCode::Syntax);
}

#[test]
fn a_policy_report_lists_its_findings_in_the_order_lint_gives_them() {
    // One order of findings everywhere: by position, then severity. The error (a duplicate key) comes
    // after the warning (no Version) in the text, so an errors-first order would differ.
    let text = r#"{"Statement": [{"Effect": "Allow", "Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]}"#;
    let evaluation = run(USER, json!({"identityPolicies": [text]}));
    let linted = crate::lint::lint_policy(text, PolicyKind::Identity, &LintOptions::default());
    assert_eq!(*evaluation.policies[0].diagnostics, *linted);
    let severities: Vec<Severity> = linted.iter().map(|finding| finding.severity).collect();
    assert!(severities.first() != Some(&Severity::Error), "{linted:#?}");
    assert!(severities.contains(&Severity::Error), "{linted:#?}");
}

#[test]
fn warnings_never_block_evaluation() {
    // Section 8: "warnings never block".
    let policy = json!({"Version": "2012-10-17", "Statement": [{"Sid": "ECR Repository Policy", "Effect": "Allow", "Principal": {"AWS": USER}, "Action": "ecr:BatchGetImage"}]});
    assert_eq!(
        decision(USER, json!({"repositoryPolicy": policy})),
        Decision::Allowed
    );
}

#[test]
fn an_unreadable_principal_makes_the_request_invalid() {
    let evaluation = run("bob", json!({}));
    assert_eq!(evaluation.decision, Decision::Invalid);
    assert!(evaluation.request_errors[0].starts_with("principal:"));
}

#[test]
fn a_misspelled_action_carries_the_catalogue_action_it_probably_means() {
    let misspelled = run_action(USER, "ecr:BatchGetImages", REPO, json!({}));
    assert!(!misspelled.request.known_action);
    assert_eq!(
        misspelled.request.suggested_action.as_deref(),
        Some("ecr:BatchGetImage")
    );
    let known = run_action(USER, "ecr:BatchGetImage", REPO, json!({}));
    assert_eq!(known.request.suggested_action, None);
    let far = run_action(USER, "ecr:Frobnicate", REPO, json!({}));
    assert_eq!(far.request.suggested_action, None);
}

#[test]
fn every_statement_reports_its_outcome() {
    let policy = json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"AWS": USER}, "Action": "ecr:BatchGetImage"},
        {"Effect": "Deny", "Principal": "*", "Action": "ecr:DeleteRepository"},
        {"Effect": "Allow", "Principal": {"AWS": OTHER_USER}, "Action": "ecr:*"}
    ]});
    let evaluation = run(USER, json!({"repositoryPolicy": policy}));
    let outcomes: Vec<_> = evaluation.policies[0]
        .statements
        .iter()
        .map(|statement| statement.outcome)
        .collect();
    assert_eq!(
        outcomes,
        [
            StatementOutcome::AllowMatch,
            StatementOutcome::NoMatch,
            StatementOutcome::NoMatch
        ]
    );
    let action = evaluation.policies[0].statements[1]
        .action
        .as_ref()
        .unwrap();
    assert!(!action.matched && !action.patterns[0].matched);
}

#[test]
fn keys_that_policies_reference_and_the_request_lacks_are_listed() {
    // SIM "MissingContextValues": keys the policies need but the request did not supply.
    let policy = json!({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecr:*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}
    ]});
    let evaluation = run(USER, json!({"identityPolicies": [policy]}));
    assert_eq!(evaluation.decision, Decision::ImplicitDeny);
    assert_eq!(evaluation.missing_keys.len(), 1);
    assert_eq!(evaluation.missing_keys[0].key, "aws:SourceVpce");
}

#[test]
fn the_context_marks_derived_keys() {
    let evaluation = run(USER, json!({}));
    let principal_arn = evaluation
        .context
        .iter()
        .find(|entry| entry.key == "aws:PrincipalArn")
        .unwrap();
    assert_eq!(principal_arn.values, vec![SharedStr::from(USER)]);
    assert_eq!(principal_arn.source, crate::context::ContextSource::Derived);
}

#[test]
fn the_matrix_decides_every_repository_action() {
    let scenario = scenario_from_value(json!({
        "identityPolicies": [allow("ecr:BatchGetImage")],
        "request": {"principal": USER, "action": "ecr:BatchGetImage", "resource": REPO}
    }))
    .unwrap();
    let matrix = prepare(&scenario).matrix(RequestTime(0));
    assert!(matrix.rows.len() > 20);
    let allowed: Vec<_> = matrix
        .rows
        .iter()
        .filter(|row| row.decision == Decision::Allowed)
        .map(|row| row.action.as_str())
        .collect();
    assert_eq!(allowed, ["ecr:BatchGetImage"]);
}

mod operations;
mod readings;
mod registry;
mod suites;
