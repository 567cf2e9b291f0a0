//! `Action` and `NotAction` findings.

use super::*;

fn identity_allowing(actions: &str) -> String {
    policy(&format!(
        r#"    {{"Effect": "Allow", "Action": {actions}, "Resource": "*"}}"#
    ))
}

fn repository_allowing(actions: &str) -> String {
    policy(&format!(
        r#"    {{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::111122223333:role/ci"}}, "Action": {actions}}}"#
    ))
}

#[test]
fn unknown_ecr_actions_are_errors_with_a_did_you_mean() {
    // ECRSAR: the catalogue lists every ecr action; ACT: names compare case-insensitively.
    let text = identity_allowing(r#"["ecr:BatchGetImages", "ECR:batchgetimage", "ecr:Nonsense"]"#);
    let findings = lint(&text, PolicyKind::Identity);
    let unknown = with_code(&findings, LintCode::UnknownAction);
    assert_eq!(unknown.len(), 2, "{findings:#?}");
    assert_eq!(text_at(&text, unknown[0]), "\"ecr:BatchGetImages\"");
    assert!(
        unknown[0]
            .message
            .ends_with("did you mean `ecr:BatchGetImage`?")
    );
    assert_eq!(
        unknown[1].message,
        "`ecr:Nonsense` is not an ECR action: check the spelling against the list of ECR actions"
    );
    assert_eq!(unknown[1].docs, Some(super::super::docs::ECRSAR));
}

#[test]
fn an_ecr_public_action_under_ecr_points_to_the_right_service() {
    // ECRPSAR: GetRepositoryCatalogData exists only in ECR Public.
    let findings = lint(
        &identity_allowing(r#""ecr:GetRepositoryCatalogData""#),
        PolicyKind::Identity,
    );
    let finding = only(&findings, LintCode::UnknownAction);
    assert_eq!(
        finding.message,
        "`ecr:GetRepositoryCatalogData` is not an ECR action; ECR Public has an action of that name: write `ecr-public:GetRepositoryCatalogData`"
    );
}

#[test]
fn ecr_public_has_no_pull_actions() {
    // ECRPSAR, ECRPUB: there is no pull action, because pulls from a public repository are public.
    let findings = lint(
        &identity_allowing(r#""ecr-public:BatchGetImage""#),
        PolicyKind::Identity,
    );
    let finding = only(&findings, LintCode::UnknownAction);
    assert!(
        finding.message.contains("ECR Public has no pull actions"),
        "{}",
        finding.message
    );
    assert_eq!(finding.docs, Some(super::super::docs::ECRPSAR));
}

#[test]
fn actions_of_other_services_are_not_errors_in_identity_policies() {
    // The catalogue knows only ecr and ecr-public; `ecs` and `ec2` are real services near `ecr`.
    let text = identity_allowing(
        r#"["s3:GetObject", "iam:PassRole", "ecs:RunTask", "ec2:DescribeImages", "ecr*:Get*"]"#,
    );
    assert_eq!(lint(&text, PolicyKind::Identity), Vec::new());
}

#[test]
fn wildcard_ecr_patterns_that_match_no_action_are_errors() {
    // ACT: `*` works anywhere in the name; a pattern that matches nothing grants nothing.
    let text = identity_allowing(r#"["ecr:Batch*", "ecr:Get?mage*", "ecr:*Images*Foo"]"#);
    let findings = lint(&text, PolicyKind::Identity);
    let nothing = only(&findings, LintCode::ActionMatchesNothing);
    assert_eq!(text_at(&text, nothing), "\"ecr:*Images*Foo\"");
}

#[test]
fn misspelled_or_invalid_service_prefixes_are_errors() {
    // ACT: actions are `service:Action`; prefixes are letters, digits and `-`.
    let text = identity_allowing(
        r#"["ecr_public:PutImage", "ecrpublic:PutImage", "ecr publc:PutImage", "e c r:PutImage"]"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    let unknown = with_code(&findings, LintCode::UnknownService);
    assert_eq!(unknown.len(), 4, "{findings:#?}");
    assert!(
        unknown[0]
            .message
            .contains("did you mean `ecr-public:PutImage`?")
    );
    assert!(
        unknown[1]
            .message
            .contains("did you mean `ecr-public:PutImage`?")
    );
    assert!(
        unknown[2]
            .message
            .contains("did you mean `ecr-public:PutImage`?")
    );
    assert!(unknown[3].message.contains("did you mean `ecr:PutImage`?"));
}

#[test]
fn actions_without_a_service_prefix_are_errors() {
    // ACT: the format is `service:Action`.
    let text = identity_allowing(r#"["BatchGetImage", "Whatever", ":PutImage"]"#);
    let findings = lint(&text, PolicyKind::Identity);
    let malformed = with_code(&findings, LintCode::MalformedAction);
    assert_eq!(malformed.len(), 3);
    assert_eq!(
        malformed[0].message,
        "`BatchGetImage` has no service prefix: write `ecr:BatchGetImage`"
    );
    assert!(
        malformed[1]
            .message
            .contains("actions are written `service:Action`")
    );
    assert!(malformed[2].message.contains("write `ecr:PutImage`"));
}

#[test]
fn registry_level_actions_in_a_repository_policy_are_warnings() {
    // ECRPOL: GetAuthorizationToken must come from an IAM policy; ECRSAR: registry-level actions take no
    // repository; section 5: CreateRepository cannot apply to a repository that exists.
    let text = repository_allowing(
        r#"["ecr:GetAuthorizationToken", "ecr:*PullThroughCache*", "ecr:CreateRepository", "ecr:Get*", "ecr:BatchGetImage"]"#,
    );
    let findings = lint(&text, PolicyKind::Repository);
    let registry = with_code(&findings, LintCode::RegistryActionInRepositoryPolicy);
    let flagged = texts_at(&text, &registry);
    assert_eq!(
        flagged,
        [
            "\"ecr:GetAuthorizationToken\"",
            "\"ecr:*PullThroughCache*\"",
            "\"ecr:CreateRepository\""
        ]
    );
    assert!(
        registry[0]
            .message
            .contains("grant it in the caller's IAM policy")
    );
    assert!(registry[2].message.contains("does not exist yet"));
}

#[test]
fn registry_level_actions_in_identity_policies_are_fine() {
    // ECRPOL: identity policies are where GetAuthorizationToken belongs.
    let findings = lint(
        &identity_allowing(r#""ecr:GetAuthorizationToken""#),
        PolicyKind::Identity,
    );
    assert_eq!(findings, Vec::new());
}

#[test]
fn other_services_actions_in_a_repository_policy_are_warnings() {
    // ECRPOL: a repository policy governs the repository's own actions; a public repository's are
    // ecr-public's (ECRPUB).
    let text = repository_allowing(
        r#"["s3:GetObject", "ecr-public:BatchCheckLayerAvailability", "ecr:BatchGetImage"]"#,
    );
    let findings = lint(&text, PolicyKind::Repository);
    let other = with_code(&findings, LintCode::OtherServiceAction);
    let flagged = texts_at(&text, &other);
    assert_eq!(
        flagged,
        [
            "\"s3:GetObject\"",
            "\"ecr-public:BatchCheckLayerAvailability\""
        ]
    );
    assert!(other[0].message.contains("governs only `ecr:` actions"));
    // Without the repository, either catalogued service may be meant.
    let unknown = lint_unknown_repository(&text, PolicyKind::Repository);
    assert_eq!(with_code(&unknown, LintCode::OtherServiceAction).len(), 1);
}

#[test]
fn not_action_with_allow_is_a_security_warning() {
    // NOTACT: NotAction with Allow allows every other action, of every service.
    let allow = policy(r#"    {"Effect": "Allow", "NotAction": "ecr:Delete*", "Resource": "*"}"#);
    let findings = lint(&allow, PolicyKind::Identity);
    let finding = only(&findings, LintCode::NotActionWithAllow);
    assert_eq!(text_at(&allow, finding), "\"NotAction\"");
    let deny = allow.replace("Allow", "Deny");
    assert_eq!(lint(&deny, PolicyKind::Identity), Vec::new());
    // SCP Allows are guardrails, not grants (EVAL).
    assert_eq!(lint(&allow, PolicyKind::Scp), Vec::new());
}

#[test]
fn a_prefix_that_is_no_aws_service_is_an_error_with_the_nearest_prefix() {
    // ACT: actions are `service:Action`; the catalogue lists every AWS service prefix.
    let text =
        identity_allowing(r#"["ecrr:BatchGetImage", "stss:AssumeRole", "notaservice:DoIt"]"#);
    let findings = lint(&text, PolicyKind::Identity);
    let unknown = with_code(&findings, LintCode::UnknownService);
    assert_eq!(
        texts_at(&text, &unknown),
        [
            "\"ecrr:BatchGetImage\"",
            "\"stss:AssumeRole\"",
            "\"notaservice:DoIt\""
        ]
    );
    assert_eq!(
        unknown[0].message,
        "`ecrr` is not an AWS service prefix, so this matches no action: did you mean `ecr:BatchGetImage`?"
    );
    assert_eq!(unknown[0].docs, Some(super::super::docs::ECRSAR));
    assert!(
        unknown[1]
            .message
            .ends_with("did you mean `sts:AssumeRole`?")
    );
    assert!(
        unknown[2]
            .message
            .ends_with("write the prefix of the service, such as `ecr`")
    );
    assert_eq!(unknown[2].docs, Some(super::super::docs::SERVICES));
    assert_all(&unknown, Severity::Error);
}

#[test]
fn real_service_prefixes_of_other_services_are_not_unknown() {
    let text = identity_allowing(
        r#"["s3:GetObject", "STS:GetServiceBearerToken", "ec2:DescribeInstances", "ecs:*"]"#,
    );
    let findings = lint(&text, PolicyKind::Identity);
    assert!(
        with_code(&findings, LintCode::UnknownService).is_empty(),
        "{findings:#?}"
    );
}

#[test]
fn an_unknown_prefix_in_a_repository_policy_is_not_also_another_services_action() {
    let text = policy(
        r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/ci"}, "Action": "ecrr:BatchGetImage"}"#,
    );
    let findings = lint(&text, PolicyKind::Repository);
    assert_eq!(codes_of(&findings), [LintCode::UnknownService]);
}
