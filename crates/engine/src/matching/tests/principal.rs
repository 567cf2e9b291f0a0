//! Principal matching (PRIN, EVAL, GRAM, section 1 same-account table).

use crate::matching::{Caller, NamedAs, PrincipalMismatch, match_principal};
use crate::policy::PrincipalKind;

const USER: &str = "arn:aws:iam::111122223333:user/team/bob";
const ROLE: &str = "arn:aws:iam::111122223333:role/ci";
const SESSION: &str = "arn:aws:sts::111122223333:assumed-role/ci/build-42";
const FEDERATED: &str = "arn:aws:sts::111122223333:federated-user/carol";
const ROOT: &str = "arn:aws:iam::111122223333:root";

fn caller(text: &str) -> Caller {
    Caller::parse(text).unwrap()
}

fn aws(value: &str, who: &str) -> (Option<NamedAs>, Option<PrincipalMismatch>) {
    let result = match_principal(PrincipalKind::Aws, value, &caller(who));
    assert_eq!(result.matched, result.how.is_some());
    assert_eq!(result.matched, result.mismatch.is_none());
    (result.how, result.mismatch)
}

#[test]
fn star_principal_matches_everyone_including_anonymous() {
    // PRIN: `"*"` ≡ `{"AWS":"*"}`, everyone including anonymous callers.
    for who in [
        USER,
        SESSION,
        ROOT,
        "anonymous",
        "codebuild.amazonaws.com",
        "444455556666",
    ] {
        let bare = match_principal(PrincipalKind::Everyone, "*", &caller(who));
        assert_eq!(bare.how, Some(NamedAs::Everyone), "{who}");
        assert_eq!(aws("*", who).0, Some(NamedAs::Everyone), "{who}");
    }
}

#[test]
fn bare_string_principal_other_than_star_matches_nobody() {
    // GRAM: the only bare string principal is `"*"`.
    let result = match_principal(PrincipalKind::Everyone, "111122223333", &caller(ROOT));
    assert_eq!(result.mismatch, Some(PrincipalMismatch::NotAWildcard));
}

#[test]
fn account_id_and_root_arn_match_every_principal_of_the_account() {
    // PRIN: both forms delegate to the whole account, not only to its root user.
    for entry in ["111122223333", ROOT] {
        for who in [USER, ROLE, SESSION, FEDERATED, ROOT, "111122223333"] {
            assert_eq!(aws(entry, who).0, Some(NamedAs::Account), "{entry} / {who}");
        }
    }
}

#[test]
fn account_principal_does_not_match_other_accounts() {
    // PRIN / XACCT: the resource policy must name the principal or its account.
    assert_eq!(
        aws("444455556666", USER).1,
        Some(PrincipalMismatch::DifferentAccount)
    );
    assert_eq!(
        aws("arn:aws:iam::444455556666:root", SESSION).1,
        Some(PrincipalMismatch::DifferentAccount)
    );
}

#[test]
fn account_principal_does_not_match_anonymous_or_service_callers() {
    // PRIN: an account names that account's IAM principals; anonymous callers and services have none.
    assert_eq!(
        aws(ROOT, "anonymous").1,
        Some(PrincipalMismatch::CallerHasNoAccount)
    );
    assert_eq!(
        aws("111122223333", "codebuild.amazonaws.com").1,
        Some(PrincipalMismatch::CallerHasNoAccount)
    );
}

#[test]
fn root_arn_in_another_partition_does_not_match() {
    // PRIN: ARNs name one partition.
    assert_eq!(
        aws("arn:aws-cn:iam::111122223333:root", USER).1,
        Some(PrincipalMismatch::DifferentPartition)
    );
}

#[test]
fn user_arn_matches_that_user_exactly() {
    // PRIN "IAM users"; section 1 table: a grant to the user ARN needs no identity policy.
    assert_eq!(aws(USER, USER).0, Some(NamedAs::ExactUser));
    assert_eq!(
        aws("arn:aws:iam::111122223333:user/team/alice", USER).1,
        Some(PrincipalMismatch::DifferentPrincipal)
    );
    assert_eq!(
        aws("arn:aws:iam::111122223333:user/bob", USER).1,
        Some(PrincipalMismatch::DifferentPrincipal)
    );
}

#[test]
fn user_name_part_is_case_sensitive() {
    // PRIN: the user-name part of the ARN is case-sensitive.
    assert_eq!(
        aws("arn:aws:iam::111122223333:user/team/Bob", USER).1,
        Some(PrincipalMismatch::DifferentPrincipal)
    );
}

#[test]
fn role_arn_matches_sessions_of_that_role() {
    // EVAL: "the principal that makes the request is the IAM role session"; section 1 table row "IAM role
    // ARN, request made by a session of that role".
    assert_eq!(aws(ROLE, SESSION).0, Some(NamedAs::Role));
    assert_eq!(aws(ROLE, ROLE).0, Some(NamedAs::Role));
    assert_eq!(
        aws("arn:aws:iam::111122223333:role/deploy", SESSION).1,
        Some(PrincipalMismatch::DifferentPrincipal)
    );
}

#[test]
fn role_path_is_ignored_when_comparing_with_a_session() {
    // PRIN "role sessions": session ARNs drop the role path, so only partition, account and name compare.
    assert_eq!(
        aws("arn:aws:iam::111122223333:role/service/ci", SESSION).0,
        Some(NamedAs::Role)
    );
    assert_eq!(
        aws("arn:aws:iam::111122223333:role/service/ci", ROLE).1,
        Some(PrincipalMismatch::DifferentPrincipal)
    );
}

#[test]
fn role_session_arn_matches_only_that_session() {
    // PRIN "role sessions"; section 1 table row "Role-session ARN".
    assert_eq!(aws(SESSION, SESSION).0, Some(NamedAs::RoleSession));
    assert_eq!(
        aws("arn:aws:sts::111122223333:assumed-role/ci/other", SESSION).1,
        Some(PrincipalMismatch::DifferentPrincipal)
    );
    assert_eq!(
        aws(SESSION, ROLE).1,
        Some(PrincipalMismatch::DifferentPrincipal)
    );
}

#[test]
fn federated_user_arn_matches_that_federated_user() {
    // PRIN "federated user principals"; section 1 table row "Federated-user ARN".
    assert_eq!(aws(FEDERATED, FEDERATED).0, Some(NamedAs::FederatedUser));
    assert_eq!(
        aws(FEDERATED, USER).1,
        Some(PrincipalMismatch::DifferentPrincipal)
    );
}

#[test]
fn partial_wildcards_never_match() {
    // PRIN: no partial wildcards in principal names or ARNs.
    for entry in [
        "arn:aws:iam::111122223333:user/*",
        "arn:aws:iam::*:root",
        "1111222233?3",
    ] {
        assert_eq!(
            aws(entry, USER).1,
            Some(PrincipalMismatch::PartialWildcard),
            "{entry}"
        );
    }
}

#[test]
fn groups_cannot_be_principals() {
    // PRIN: a user group cannot be a principal.
    assert_eq!(
        aws("arn:aws:iam::111122223333:group/devs", USER).1,
        Some(PrincipalMismatch::Group)
    );
}

#[test]
fn unique_ids_are_not_resolved() {
    // PRIN: deleted users and roles show as unique ids, which name no current principal.
    assert_eq!(
        aws("AIDAJQABLZS4A3QDU576Q", USER).1,
        Some(PrincipalMismatch::UniqueId)
    );
    assert_eq!(
        aws("AROAKSCDLFT9R5DQP782U", SESSION).1,
        Some(PrincipalMismatch::UniqueId)
    );
}

#[test]
fn unrecognized_aws_values_match_nobody() {
    // GRAM/PRIN: AWS values are account ids or principal ARNs, written exactly.
    for entry in [
        "bob",
        "codebuild.amazonaws.com",
        "arn:aws:ecr:us-east-1:111122223333:repository/app",
        " arn:aws:iam::111122223333:user/team/bob",
    ] {
        assert_eq!(
            aws(entry, USER).1,
            Some(PrincipalMismatch::Unrecognized),
            "{entry}"
        );
    }
}

#[test]
fn service_principal_matches_the_same_service_ignoring_case() {
    // ECREX 6, LAMBDA: `"Service": "codebuild.amazonaws.com"` names CodeBuild calls; names compared
    // ASCII-case-insensitively (our documented reading: DNS-style names).
    let codebuild = caller("codebuild.amazonaws.com");
    let result = match_principal(
        PrincipalKind::Service,
        "CodeBuild.amazonaws.com",
        &codebuild,
    );
    assert_eq!(result.how, Some(NamedAs::Service));
    let lambda = match_principal(PrincipalKind::Service, "lambda.amazonaws.com", &codebuild);
    assert_eq!(lambda.mismatch, Some(PrincipalMismatch::DifferentPrincipal));
    let user = match_principal(
        PrincipalKind::Service,
        "codebuild.amazonaws.com",
        &caller(USER),
    );
    assert_eq!(user.mismatch, Some(PrincipalMismatch::CallerNotAService));
}

#[test]
fn service_star_never_matches() {
    // PRIN: `"Service": "*"` is invalid.
    let result = match_principal(
        PrincipalKind::Service,
        "*",
        &caller("codebuild.amazonaws.com"),
    );
    assert_eq!(result.mismatch, Some(PrincipalMismatch::ServiceWildcard));
    let partial = match_principal(
        PrincipalKind::Service,
        "*.amazonaws.com",
        &caller("codebuild.amazonaws.com"),
    );
    assert_eq!(partial.mismatch, Some(PrincipalMismatch::PartialWildcard));
}

#[test]
fn federated_principals_match_no_modelled_caller() {
    // GRAM/PRIN: `Federated` names web-identity and SAML providers, not callers this engine models, and not
    // the service principal that happens to share the name.
    for who in ["cognito-identity.amazonaws.com", FEDERATED, USER] {
        let result = match_principal(
            PrincipalKind::Federated,
            "cognito-identity.amazonaws.com",
            &caller(who),
        );
        assert_eq!(
            result.mismatch,
            Some(PrincipalMismatch::FederatedNotModeled),
            "{who}"
        );
    }
}

#[test]
fn canonical_user_never_matches_ecr_callers() {
    // GRAM: `CanonicalUser` is S3-only in practice.
    let result = match_principal(
        PrincipalKind::CanonicalUser,
        "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
        &caller(ROOT),
    );
    assert_eq!(
        result.mismatch,
        Some(PrincipalMismatch::CanonicalUserNotSupported)
    );
}

#[test]
fn principal_match_records_what_was_compared() {
    // The page shows how the caller was named.
    let result = match_principal(PrincipalKind::Aws, ROLE, &caller(SESSION));
    assert_eq!(result.value, ROLE);
    // Written out, it leaves the value and the caller to the text and the request.
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(json, serde_json::json!({"kind": "AWS", "how": "role"}));
}

/// How an entry names a caller, read from its text at each comparison: the straightforward form of
/// what [`PrincipalName`](crate::matching::PrincipalName) reads once.
fn reference(
    kind: PrincipalKind,
    value: &str,
    caller: &Caller,
) -> Result<NamedAs, PrincipalMismatch> {
    use crate::matching::caller_text::is_account_id;
    use crate::matching::{CallerError, is_unique_id};
    use crate::policy::has_wildcard;
    match kind {
        PrincipalKind::Everyone if value == "*" => Ok(NamedAs::Everyone),
        PrincipalKind::Everyone => Err(PrincipalMismatch::NotAWildcard),
        PrincipalKind::Federated => Err(PrincipalMismatch::FederatedNotModeled),
        PrincipalKind::CanonicalUser => Err(PrincipalMismatch::CanonicalUserNotSupported),
        PrincipalKind::Service if value == "*" => Err(PrincipalMismatch::ServiceWildcard),
        PrincipalKind::Service if has_wildcard(value) => Err(PrincipalMismatch::PartialWildcard),
        PrincipalKind::Service => match caller.service_name() {
            Some(name) if name.eq_ignore_ascii_case(value) => Ok(NamedAs::Service),
            Some(_) => Err(PrincipalMismatch::DifferentPrincipal),
            None => Err(PrincipalMismatch::CallerNotAService),
        },
        PrincipalKind::Aws if value == "*" => Ok(NamedAs::Everyone),
        PrincipalKind::Aws if has_wildcard(value) => Err(PrincipalMismatch::PartialWildcard),
        PrincipalKind::Aws => {
            let entry = if is_account_id(value) {
                None
            } else if is_unique_id(value) {
                return Err(PrincipalMismatch::UniqueId);
            } else if !value.starts_with("arn:") {
                return Err(PrincipalMismatch::Unrecognized);
            } else {
                match Caller::parse(value) {
                    Ok(entry) if entry.is_written_as(value) => Some(entry),
                    Err(CallerError::Group { .. }) => return Err(PrincipalMismatch::Group),
                    _ => return Err(PrincipalMismatch::Unrecognized),
                }
            };
            let Some(account) = caller.account() else {
                return Err(PrincipalMismatch::CallerHasNoAccount);
            };
            let Some(entry) = entry else {
                return if value == account {
                    Ok(NamedAs::Account)
                } else {
                    Err(PrincipalMismatch::DifferentAccount)
                };
            };
            if entry.partition() != caller.partition() {
                return Err(PrincipalMismatch::DifferentPartition);
            }
            if entry.account() != Some(account) {
                return Err(PrincipalMismatch::DifferentAccount);
            }
            match (&entry, caller) {
                (Caller::Root { .. }, _) => Ok(NamedAs::Account),
                (Caller::User { .. }, Caller::User { .. }) if entry == *caller => {
                    Ok(NamedAs::ExactUser)
                }
                (Caller::Role { .. }, Caller::Role { .. }) if entry == *caller => Ok(NamedAs::Role),
                (Caller::Role { name, .. }, Caller::AssumedRole { role_name, .. })
                    if name == role_name =>
                {
                    Ok(NamedAs::Role)
                }
                (Caller::AssumedRole { .. }, Caller::AssumedRole { .. }) if entry == *caller => {
                    Ok(NamedAs::RoleSession)
                }
                (Caller::FederatedUser { .. }, Caller::FederatedUser { .. })
                    if entry == *caller =>
                {
                    Ok(NamedAs::FederatedUser)
                }
                _ => Err(PrincipalMismatch::DifferentPrincipal),
            }
        }
    }
}

/// Entry texts: every form an entry takes, and near misses of each.
const ENTRY_TEXTS: &[&str] = &[
    "*",
    "111122223333",
    "444455556666",
    "11112222333",
    USER,
    ROLE,
    SESSION,
    FEDERATED,
    ROOT,
    "arn:aws:iam::111122223333:user/bob",
    "arn:aws:iam::111122223333:role/path/ci",
    "arn:aws:iam::444455556666:root",
    "arn:aws-cn:iam::111122223333:root",
    "arn:aws:iam::111122223333:group/devs",
    "arn:aws:iam::111122223333:user/*",
    " arn:aws:iam::111122223333:root",
    "AIDAEXAMPLE1234",
    "codebuild.amazonaws.com",
    "CodeBuild.AmazonAWS.com",
    "code*.amazonaws.com",
    "anonymous",
];

/// Callers of every kind.
const CALLER_TEXTS: &[&str] = &[
    USER,
    ROLE,
    SESSION,
    FEDERATED,
    ROOT,
    "arn:aws:iam::111122223333:role/path/ci",
    "arn:aws:iam::444455556666:user/bob",
    "arn:aws-cn:iam::111122223333:user/team/bob",
    "codebuild.amazonaws.com",
    "anonymous",
];

proptest::proptest! {
    #[test]
    fn an_entry_read_once_names_each_caller_as_its_text_does(
        kind in proptest::sample::select(vec![
            PrincipalKind::Everyone,
            PrincipalKind::Aws,
            PrincipalKind::Service,
            PrincipalKind::Federated,
            PrincipalKind::CanonicalUser,
        ]),
        value in proptest::sample::select(ENTRY_TEXTS),
        callers in proptest::collection::vec(proptest::sample::select(CALLER_TEXTS), 1..4),
    ) {
        let name = crate::matching::PrincipalName::read(kind, value);
        for who in callers {
            let who = caller(who);
            let compared = name.compare(&who);
            let expected = reference(kind, value, &who);
            proptest::prop_assert_eq!((compared.how, compared.mismatch), (expected.ok(), expected.err()));
            proptest::prop_assert_eq!(compared.matched, expected.is_ok());
            proptest::prop_assert_eq!(compared.value.as_str(), value);
        }
    }
}
