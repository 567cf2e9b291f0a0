//! The request context: the caller's keys, plus the keys AWS would set that can be derived from the
//! principal, the repository ARN and the clock (GCK). The caller's values win.

use crate::context::{Context, ContextEntry, ContextSource};
use crate::matching::Caller;
use crate::policy::SharedStr;
use crate::scenario::{ContextInput, Request};
use crate::time::RequestTime;

/// The derived keys whose value can differ between two requests of one prepared scenario: the clock's,
/// and the repository's account, which for a registry-level action is the caller's.
pub const PER_REQUEST_KEYS: [&str; 3] = [RESOURCE_ACCOUNT, "aws:CurrentTime", "aws:EpochTime"];

/// The key of the repository's account, derived from the repository ARN, or for a registry-level
/// action the caller's account.
pub const RESOURCE_ACCOUNT: &str = "aws:ResourceAccount";

/// Builds the context without the clock's keys, which [`with_time`] adds last: every key of
/// `request.context`, then each derivable key the request lacks.
pub fn derive_untimed(
    request: &Request,
    caller: &Caller,
    resource_account: Option<&str>,
    region: Option<&str>,
) -> Context {
    let mut context = Context::new();
    for (key, input) in &request.context {
        context.insert(match input {
            ContextInput::Single(value) => {
                ContextEntry::single(key, value.text(), ContextSource::Caller)
            }
            ContextInput::Multi(values) => {
                let values = values
                    .iter()
                    .map(|value| SharedStr::from(value.text()))
                    .collect();
                ContextEntry::multi(key, values, ContextSource::Caller)
            }
        });
    }
    let derived = |key: &str, value: &str| ContextEntry::single(key, value, ContextSource::Derived);
    let mut add = |entry: ContextEntry| context.insert_if_absent(entry);

    // GCK: aws:PrincipalArn is the role ARN for a role session; absent for service principals and anonymous.
    if let Some(arn) = caller.principal_arn() {
        add(derived("aws:PrincipalArn", &arn));
    }
    // GCK: aws:PrincipalAccount is present for all requests, `anonymous` for anonymous callers.
    match (caller, caller.account()) {
        (_, Some(account)) => add(derived("aws:PrincipalAccount", account)),
        (Caller::Anonymous, None) => add(derived("aws:PrincipalAccount", "anonymous")),
        _ => {}
    }
    // Section 8: Account, User, FederatedUser, AssumedRole, Anonymous.
    if let Some(principal_type) = caller.principal_type() {
        add(derived("aws:PrincipalType", principal_type.as_str()));
    }
    // GCK: aws:username only for IAM users; aws:userid where it can be known.
    if let Some(username) = caller.username() {
        add(derived("aws:username", username));
    }
    if let Some(userid) = caller.userid() {
        add(derived("aws:userid", &userid));
    }
    // GCK: aws:PrincipalIsAWSService is present on all signed requests; PrincipalServiceName only for services.
    if !matches!(caller, Caller::Anonymous) {
        let is_service = matches!(caller, Caller::Service { .. });
        let is_service = if is_service { "true" } else { "false" };
        add(derived("aws:PrincipalIsAWSService", is_service));
    }
    if let Some(service) = caller.service_name() {
        add(derived("aws:PrincipalServiceName", service));
    }
    // GCK: always present for ECR.
    if let Some(account) = resource_account {
        add(derived(RESOURCE_ACCOUNT, account));
    }
    if let Some(region) = region.filter(|region| !region.is_empty()) {
        add(derived("aws:RequestedRegion", region));
    }
    add(derived("aws:SecureTransport", "true"));
    add(derived("aws:ViaAWSService", "false"));
    context
}

/// Completes a context from [`derive_untimed`] with the clock's keys the caller did not give.
pub fn with_time(mut context: Context, time: RequestTime) -> Context {
    for entry in time_entries(time) {
        context.insert_if_absent(entry);
    }
    context
}

/// GCK: `aws:CurrentTime` and `aws:EpochTime`, derived unless the caller gives them.
pub fn time_entries(time: RequestTime) -> [ContextEntry; 2] {
    [
        ContextEntry::single("aws:CurrentTime", time.iso8601(), ContextSource::Derived),
        ContextEntry::single("aws:EpochTime", time.0.to_string(), ContextSource::Derived),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::SharedList;
    use crate::scenario::Scalar;

    fn derive_context(
        request: &Request,
        caller: &Caller,
        resource_account: Option<&str>,
        region: Option<&str>,
        time: RequestTime,
    ) -> Context {
        with_time(
            derive_untimed(request, caller, resource_account, region),
            time,
        )
    }

    fn request(principal: &str) -> Request {
        Request {
            principal: principal.to_string(),
            action: "ecr:BatchGetImage".to_string(),
            resource: "arn:aws:ecr:us-east-1:111122223333:repository/app".to_string(),
            federated_by: None,
            context: Default::default(),
            ..Request::default()
        }
    }

    fn value(context: &Context, key: &str) -> Option<String> {
        context.get(key).map(|entry| entry.values.join(","))
    }

    #[test]
    fn principal_arn_of_a_role_session_is_the_role_arn() {
        // GCK: for roles aws:PrincipalArn holds the role ARN, never the session ARN.
        let caller = Caller::parse("arn:aws:sts::111122223333:assumed-role/ci/run-1").unwrap();
        let context = derive_context(
            &request("x"),
            &caller,
            Some("111122223333"),
            None,
            RequestTime(0),
        );
        assert_eq!(
            value(&context, "aws:PrincipalArn").as_deref(),
            Some("arn:aws:iam::111122223333:role/ci")
        );
        assert_eq!(
            value(&context, "aws:PrincipalType").as_deref(),
            Some("AssumedRole")
        );
        assert_eq!(value(&context, "aws:username"), None);
    }

    #[test]
    fn username_is_present_only_for_iam_users() {
        // GCK: aws:username is present only for IAM users.
        let caller = Caller::parse("arn:aws:iam::111122223333:user/bob").unwrap();
        let context = derive_context(&request("x"), &caller, None, None, RequestTime(0));
        assert_eq!(value(&context, "aws:username").as_deref(), Some("bob"));
        let root = Caller::parse("111122223333").unwrap();
        assert_eq!(
            value(
                &derive_context(&request("x"), &root, None, None, RequestTime(0)),
                "aws:username"
            ),
            None
        );
    }

    #[test]
    fn anonymous_callers_have_principal_account_anonymous() {
        // GCK: aws:PrincipalAccount is `anonymous` for anonymous requests.
        let context = derive_context(
            &request("x"),
            &Caller::Anonymous,
            None,
            None,
            RequestTime(0),
        );
        assert_eq!(
            value(&context, "aws:PrincipalAccount").as_deref(),
            Some("anonymous")
        );
        assert_eq!(value(&context, "aws:PrincipalArn"), None);
        assert_eq!(value(&context, "aws:PrincipalIsAWSService"), None);
    }

    #[test]
    fn service_principals_carry_their_service_name() {
        // GCK: aws:PrincipalIsAWSService true and aws:PrincipalServiceName only for service principals.
        let caller = Caller::parse("codebuild.amazonaws.com").unwrap();
        let context = derive_context(&request("x"), &caller, None, None, RequestTime(0));
        assert_eq!(
            value(&context, "aws:PrincipalIsAWSService").as_deref(),
            Some("true")
        );
        assert_eq!(
            value(&context, "aws:PrincipalServiceName").as_deref(),
            Some("codebuild.amazonaws.com")
        );
    }

    #[test]
    fn caller_values_take_precedence_and_derived_keys_are_marked() {
        let mut request = request("x");
        request.context.insert(
            "aws:SecureTransport".to_string(),
            ContextInput::Single(Scalar::Bool(false)),
        );
        let caller = Caller::parse("arn:aws:iam::111122223333:user/bob").unwrap();
        let context = derive_context(&request, &caller, None, None, RequestTime(0));
        let secure = context.get("aws:securetransport").unwrap();
        assert_eq!(
            (secure.values.clone(), secure.source),
            (SharedList::from(["false".into()]), ContextSource::Caller)
        );
        assert_eq!(
            context.get("aws:username").map(|entry| entry.source),
            Some(ContextSource::Derived)
        );
    }

    #[test]
    fn current_time_is_iso8601_utc_and_epoch_time_is_seconds() {
        // GCK: aws:CurrentTime and aws:EpochTime are always present.
        let caller = Caller::Anonymous;
        let context = derive_context(
            &request("x"),
            &caller,
            None,
            None,
            RequestTime(1_795_424_700),
        );
        assert_eq!(
            value(&context, "aws:CurrentTime").as_deref(),
            Some("2026-11-23T09:05:00Z")
        );
        assert_eq!(
            value(&context, "aws:EpochTime").as_deref(),
            Some("1795424700")
        );
        assert_eq!(RequestTime(0).iso8601(), "1970-01-01T00:00:00Z");
        assert_eq!(RequestTime(951_782_400).iso8601(), "2000-02-29T00:00:00Z");
    }
}
