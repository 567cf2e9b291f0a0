//! Parsing the caller and deriving its principal facts (the scenario's `principal`, GCK, section 8).

use crate::matching::{Caller, CallerError, PrincipalType};

fn parse(text: &str) -> Caller {
    Caller::parse(text).unwrap()
}

#[test]
fn iam_user_arn_with_a_path_is_a_user() {
    // PRIN: `arn:aws:iam::A:user/path/name`.
    let caller = parse("arn:aws:iam::111122223333:user/division/team/Bob");
    assert_eq!(
        caller,
        Caller::User {
            partition: "aws".into(),
            account: "111122223333".into(),
            path: "/division/team/".into(),
            name: "Bob".into(),
        }
    );
    assert_eq!(
        caller.to_string(),
        "arn:aws:iam::111122223333:user/division/team/Bob"
    );
}

#[test]
fn iam_role_arn_is_a_session_of_that_role() {
    // EVAL: "the principal that makes the request is the IAM role session".
    let caller = parse("arn:aws:iam::111122223333:role/service/ci");
    assert!(
        matches!(&caller, Caller::Role { path, name, .. } if path == "/service/" && name == "ci")
    );
    assert!(caller.is_session());
    assert_eq!(
        caller.role_arn().as_deref(),
        Some("arn:aws:iam::111122223333:role/service/ci")
    );
}

#[test]
fn assumed_role_arn_is_a_role_session() {
    // PRIN "role sessions": `arn:aws:sts::A:assumed-role/RoleName/session`.
    let caller = parse("arn:aws:sts::111122223333:assumed-role/ci/build-42");
    assert_eq!(
        caller,
        Caller::AssumedRole {
            partition: "aws".into(),
            account: "111122223333".into(),
            role_name: "ci".into(),
            session_name: "build-42".into(),
        }
    );
    assert!(caller.is_session());
    assert_eq!(
        caller.arn().as_deref(),
        Some("arn:aws:sts::111122223333:assumed-role/ci/build-42")
    );
}

#[test]
fn principal_arn_of_a_role_session_is_the_role_arn() {
    // GCK: for roles `aws:PrincipalArn` holds the role ARN, never the session ARN. The session ARN carries
    // no path, so the derived role ARN has the path `/`.
    let caller = parse("arn:aws:sts::111122223333:assumed-role/ci/build-42");
    assert_eq!(
        caller.principal_arn().as_deref(),
        Some("arn:aws:iam::111122223333:role/ci")
    );
    assert_eq!(caller.role_arn(), caller.principal_arn());
}

#[test]
fn federated_user_arn_is_a_session() {
    // EVAL step 7: a GetFederationToken federated user is a session principal.
    let caller = parse("arn:aws:sts::111122223333:federated-user/carol");
    assert!(matches!(&caller, Caller::FederatedUser { name, .. } if name == "carol"));
    assert!(caller.is_session());
    assert_eq!(caller.role_arn(), None);
    assert_eq!(
        caller.principal_arn().as_deref(),
        Some("arn:aws:sts::111122223333:federated-user/carol")
    );
}

#[test]
fn bare_account_id_is_that_accounts_root_user() {
    // PRIN: the account id and `arn:aws:iam::A:root` are equivalent; GCK: root's PrincipalArn is the root ARN.
    let bare = parse("111122223333");
    assert_eq!(bare, parse("arn:aws:iam::111122223333:root"));
    assert_eq!(
        bare.principal_arn().as_deref(),
        Some("arn:aws:iam::111122223333:root")
    );
    assert!(!bare.is_session());
}

#[test]
fn service_principals_end_in_amazonaws_com() {
    // ECREX 6 and LAMBDA: `codebuild.amazonaws.com`, `lambda.amazonaws.com`; China: `.amazonaws.com.cn`.
    let caller = parse("codebuild.amazonaws.com");
    assert_eq!(caller.service_name(), Some("codebuild.amazonaws.com"));
    assert_eq!(
        parse("ecs-tasks.amazonaws.com.cn").service_name(),
        Some("ecs-tasks.amazonaws.com.cn")
    );
    assert!(matches!(
        Caller::parse(".amazonaws.com"),
        Err(CallerError::InvalidServiceName { .. })
    ));
    assert!(matches!(
        Caller::parse("*.amazonaws.com"),
        Err(CallerError::InvalidServiceName { .. })
    ));
}

#[test]
fn service_principals_have_no_account_arn_or_principal_type() {
    // Section 8 "service principals": no identity side. The rule book lists no aws:PrincipalType value for
    // them, so the key is absent rather than invented.
    let caller = parse("lambda.amazonaws.com");
    assert_eq!(caller.account(), None);
    assert_eq!(caller.principal_arn(), None);
    assert_eq!(caller.principal_type(), None);
    assert_eq!(caller.username(), None);
    assert!(!caller.is_session());
}

#[test]
fn anonymous_is_a_caller_without_account() {
    // PRIN: `"*"` includes anonymous callers; GCK: aws:PrincipalType `Anonymous`.
    let caller = parse(" anonymous ");
    assert_eq!(caller, Caller::Anonymous);
    assert_eq!(caller.account(), None);
    assert_eq!(caller.principal_type(), Some(PrincipalType::Anonymous));
    assert_eq!(caller.userid(), None);
    assert_eq!(caller.to_string(), "anonymous");
}

#[test]
fn principal_type_values_follow_section_8() {
    // Section 8 "aws:PrincipalType values": Account, User, FederatedUser, AssumedRole, Anonymous.
    let cases = [
        ("111122223333", "Account"),
        ("arn:aws:iam::111122223333:user/bob", "User"),
        (
            "arn:aws:sts::111122223333:federated-user/carol",
            "FederatedUser",
        ),
        ("arn:aws:sts::111122223333:assumed-role/ci/s", "AssumedRole"),
        ("arn:aws:iam::111122223333:role/ci", "AssumedRole"),
        ("anonymous", "Anonymous"),
    ];
    for (principal, expected) in cases {
        let kind = parse(principal).principal_type().unwrap();
        assert_eq!(kind.as_str(), expected, "{principal}");
        assert_eq!(serde_json::to_value(kind).unwrap(), expected);
    }
}

#[test]
fn username_is_present_only_for_iam_users() {
    // GCK: aws:username is present only for IAM users.
    assert_eq!(
        parse("arn:aws:iam::111122223333:user/team/bob").username(),
        Some("bob")
    );
    for other in [
        "arn:aws:iam::111122223333:role/ci",
        "arn:aws:sts::111122223333:assumed-role/ci/s",
        "arn:aws:sts::111122223333:federated-user/carol",
        "111122223333",
        "anonymous",
    ] {
        assert_eq!(parse(other).username(), None, "{other}");
    }
}

#[test]
fn userid_is_derived_only_where_no_unique_id_is_needed() {
    // GCK: federated user `account:name`; VARS principal key values: root has the account id. Users and
    // role sessions carry unique ids we cannot know.
    assert_eq!(
        parse("arn:aws:sts::111122223333:federated-user/carol")
            .userid()
            .as_deref(),
        Some("111122223333:carol")
    );
    assert_eq!(
        parse("111122223333").userid().as_deref(),
        Some("111122223333")
    );
    assert_eq!(parse("arn:aws:iam::111122223333:user/bob").userid(), None);
    assert_eq!(
        parse("arn:aws:sts::111122223333:assumed-role/ci/s").userid(),
        None
    );
}

#[test]
fn every_supported_partition_is_accepted() {
    // The partitions a caller ARN may name: aws, aws-cn and aws-us-gov.
    for partition in ["aws", "aws-cn", "aws-us-gov"] {
        let caller = parse(&format!("arn:{partition}:iam::111122223333:user/bob"));
        assert_eq!(caller.partition(), Some(partition));
        assert_eq!(caller.account(), Some("111122223333"));
    }
}

#[test]
fn unsupported_partitions_are_rejected_with_a_clear_message() {
    // Style: lowercase, no final period, input in backticks.
    let error = Caller::parse("arn:aws-iso:iam::111122223333:user/bob").unwrap_err();
    assert_eq!(
        error.to_string(),
        "`arn:aws-iso:iam::111122223333:user/bob` has the unsupported partition `aws-iso`: expected `aws`, `aws-cn` or `aws-us-gov`"
    );
}

#[test]
fn groups_cannot_be_principals() {
    // PRIN: "You cannot identify a user group as a principal".
    let error = Caller::parse("arn:aws:iam::111122223333:group/devs").unwrap_err();
    assert!(matches!(error, CallerError::Group { .. }));
    assert!(error.to_string().contains("groups cannot be principals"));
}

#[test]
fn malformed_principals_are_rejected() {
    // Only the forms a scenario's `principal` may take are callers.
    type IsExpected = fn(&CallerError) -> bool;
    let cases: [(&str, IsExpected); 10] = [
        ("", |e| matches!(e, CallerError::Empty)),
        ("bob", |e| matches!(e, CallerError::Unrecognized { .. })),
        ("11112222333", |e| {
            matches!(e, CallerError::Unrecognized { .. })
        }),
        ("arn:aws:iam", |e| {
            matches!(e, CallerError::InvalidArn { .. })
        }),
        ("arn:aws:iam::1111:user/bob", |e| {
            matches!(e, CallerError::InvalidAccount { .. })
        }),
        ("arn:aws:iam:us-east-1:111122223333:user/bob", |e| {
            matches!(e, CallerError::UnexpectedRegion { .. })
        }),
        ("arn:aws:iam::111122223333:user/", |e| {
            matches!(e, CallerError::InvalidName { .. })
        }),
        ("arn:aws:iam::111122223333:user/bob smith", |e| {
            matches!(e, CallerError::InvalidName { .. })
        }),
        ("arn:aws:sts::111122223333:assumed-role/ci", |e| {
            matches!(e, CallerError::InvalidName { .. })
        }),
        ("arn:aws:ecr:us-east-1:111122223333:repository/app", |e| {
            matches!(e, CallerError::NotAPrincipalArn { .. })
        }),
    ];
    for (input, expected) in cases {
        let error = Caller::parse(input).unwrap_err();
        assert!(expected(&error), "{input}: {error:?}");
    }
    assert!(matches!(
        Caller::parse("arn:aws:iam::111122223333:user//bob"),
        Err(CallerError::InvalidPath { .. })
    ));
}

#[test]
fn caller_error_messages_are_lowercase_without_final_period_and_quote_the_input() {
    // The message style of `diagnostic.rs`: lowercase, no final period, user input quoted.
    for input in [
        "",
        "bob",
        "arn:aws:iam",
        "arn:aws:iam::1:user/bob",
        "arn:aws:iam:r:111122223333:user/bob",
        "arn:aws:iam::111122223333:group/g",
        "arn:aws:iam::111122223333:user/b b",
        "arn:aws:s3:::bucket",
        "x.amazonaws.com?",
    ] {
        let message = Caller::parse(input).unwrap_err().to_string();
        let first = message.chars().next().unwrap();
        assert!(first.is_lowercase() || first == '`', "{message}");
        assert!(!message.ends_with('.'), "{message}");
        assert!(
            input.is_empty() || message.contains(&format!("`{input}`")),
            "{message}"
        );
    }
}

#[test]
fn caller_serializes_with_its_kind() {
    // The page shows the parsed caller.
    let json = serde_json::to_value(parse("arn:aws:sts::111122223333:assumed-role/ci/s")).unwrap();
    assert_eq!(json["kind"], "assumedRole");
    assert_eq!(json["roleName"], "ci");
    assert_eq!(json["sessionName"], "s");
}

#[test]
fn a_caller_is_written_as_its_display_form_only() {
    for text in [
        "arn:aws:iam::111122223333:user/team/bob",
        "arn:aws:iam::111122223333:role/ci",
        "arn:aws:sts::111122223333:assumed-role/ci/run-1",
        "arn:aws:sts::111122223333:federated-user/alice",
        "arn:aws-cn:iam::111122223333:root",
        "codebuild.amazonaws.com",
        "anonymous",
    ] {
        let caller = Caller::parse(text).unwrap();
        assert!(caller.is_written_as(text), "{text}");
        assert_eq!(caller.to_string(), text);
        assert!(!caller.is_written_as(&format!(" {text}")), "{text}");
        assert!(!caller.is_written_as(&format!("{text}x")), "{text}");
        assert!(!caller.is_written_as(&text[..text.len() - 1]), "{text}");
    }
    let bare = Caller::parse("111122223333").unwrap();
    assert!(bare.is_written_as("arn:aws:iam::111122223333:root"));
    assert!(!bare.is_written_as("111122223333"));
}

proptest::proptest! {
    #[test]
    fn a_user_or_roles_path_is_the_text_between_the_slashes_around_its_segments(
        kind in proptest::sample::select(vec!["user", "role"]),
        segments in proptest::collection::vec("[a-zA-Z0-9_+=,.@-]{0,4}|[ !~é]", 0..4),
        name in "[a-zA-Z0-9_+=,.@-]{0,6}",
        padding in proptest::sample::select(vec!["", " ", "\t"]),
    ) {
        // The caller's path borrows the ARN's text; it must be the `/segments/` a copy would build, and
        // the caller must read and be written as it did when the path was built as a copy.
        let resource: String = segments.iter().map(|segment| format!("{segment}/")).collect();
        let text = format!("{padding}arn:aws:iam::111122223333:{kind}/{resource}{name}{padding}");
        let expected_path = match segments.as_slice() {
            [] => "/".to_string(),
            _ => format!("/{}", resource),
        };
        match Caller::parse(&text) {
            Ok(Caller::User { path, name: read, .. } | Caller::Role { path, name: read, .. }) => {
                proptest::prop_assert_eq!(&path, &expected_path);
                proptest::prop_assert_eq!(&read, &name);
                proptest::prop_assert!(Caller::parse(&text).is_ok_and(|caller| caller.is_written_as(text.trim())));
            }
            Ok(other) => proptest::prop_assert!(false, "{text:?} read as {other:?}"),
            Err(CallerError::InvalidPath { path, .. }) => {
                proptest::prop_assert_eq!(&path, &expected_path);
            }
            Err(CallerError::InvalidName { .. }) => proptest::prop_assert!(name.is_empty()),
            Err(other) => proptest::prop_assert!(false, "{text:?} refused: {other}"),
        }
    }
}
