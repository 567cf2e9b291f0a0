//! Whether the playground's evaluation of a message's request agrees with the reason AWS gave.

use serde::Serialize;

use super::{AccessDenied, Blame, BlamedPolicy, Denial};
use crate::decision::Decision;
use crate::eval::{Evaluation, Step, Verdict};
use crate::policy::PolicyKind;

/// The playground's answer to an AccessDenied message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Agreement {
    /// Whether it agrees.
    pub verdict: AgreementVerdict,
    /// What it found, in words, and when it disagrees which policy to look at.
    pub message: String,
    /// The policy type to look at when it disagrees.
    pub look_at: Option<BlamedPolicy>,
}

/// Whether the playground agrees with AWS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum AgreementVerdict {
    /// The playground denies the request for the reason AWS gave (or denies it, when AWS gave none).
    Agrees,
    /// The playground allows the request, or denies it for another reason.
    Disagrees,
    /// The playground cannot tell: the scenario is invalid, its request is not the message's, or AWS
    /// blamed a policy the playground does not model.
    CannotTell,
}

/// Compares the playground's `evaluation` of the message's request with the reason AWS gave.
pub fn compare(denied: &AccessDenied, evaluation: &Evaluation) -> Agreement {
    if let Some(message) = other_request(denied, evaluation) {
        return cannot_tell(message);
    }
    if let Some(Blame {
        policy_type: BlamedPolicy::VpcEndpointPolicy,
        ..
    }) = denied.blame
    {
        return cannot_tell(format!(
            "AWS blamed a VPC endpoint policy, which the playground does not model: look at {}",
            BlamedPolicy::VpcEndpointPolicy.where_to_look()
        ));
    }
    let found = match evaluation.decision {
        Decision::Invalid => {
            return cannot_tell(
                "the playground cannot decide this scenario (see its errors), so it cannot check AWS's reason".to_owned(),
            );
        }
        Decision::Allowed => None,
        Decision::ExplicitDeny => Some((Denial::ExplicitDeny, explicit_denies(evaluation))),
        Decision::ImplicitDeny => Some((Denial::NoAllow, missing_allows(evaluation))),
    };
    let aws = denied.blame.as_ref();
    let aws_reason = aws.map_or_else(|| "without saying why".to_owned(), reason);
    let Some((denial, types)) = found else {
        let look_at = aws.map(|blame| blame.policy_type);
        let message = match look_at {
            Some(kind) => format!(
                "AWS denied this request {aws_reason}, but the playground allows it: look at {}; the one AWS evaluated is not the one here",
                kind.where_to_look()
            ),
            None => format!(
                "AWS denied this request {aws_reason}, but the playground allows it: compare each policy here with AWS's, starting with those that allow it"
            ),
        };
        return Agreement {
            verdict: AgreementVerdict::Disagrees,
            message,
            look_at,
        };
    };
    let found_words = found_reason(denial, &types);
    match aws {
        None => Agreement {
            verdict: AgreementVerdict::Agrees,
            message: format!("the playground denies it too, finding {found_words}"),
            look_at: None,
        },
        Some(blame) if blame.denial == denial && types.contains(&blame.policy_type) => Agreement {
            verdict: AgreementVerdict::Agrees,
            message: format!("the playground agrees with AWS: it finds {found_words}"),
            look_at: None,
        },
        Some(blame) => Agreement {
            verdict: AgreementVerdict::Disagrees,
            message: format!(
                "AWS denied this request {aws_reason}, but the playground finds {found_words}: look at {}; the one AWS evaluated is not the one here",
                blame.policy_type.where_to_look()
            ),
            look_at: Some(blame.policy_type),
        },
    }
}

fn cannot_tell(message: String) -> Agreement {
    Agreement {
        verdict: AgreementVerdict::CannotTell,
        message,
        look_at: None,
    }
}

/// What differs between the evaluated request and the message's, in words.
fn other_request(denied: &AccessDenied, evaluation: &Evaluation) -> Option<String> {
    let request = &evaluation.request;
    let fields = [
        ("principal", &request.principal, Some(&denied.principal)),
        ("action", &request.action, Some(&denied.action)),
        ("resource", &request.resource, denied.resource.as_ref()),
    ];
    fields.into_iter().find_map(|(field, asked, said)| {
        let said = said?;
        (asked != said).then(|| {
            format!(
                "the request's {field} is `{asked}` but the AccessDenied message's is `{said}`, so the playground cannot check AWS's reason"
            )
        })
    })
}

/// AWS's reason in words.
fn reason(blame: &Blame) -> String {
    match blame.denial {
        Denial::ExplicitDeny => format!("with an explicit deny in a {}", blame.policy_type.words()),
        Denial::NoAllow => format!("because no {} allows it", blame.policy_type.words()),
    }
}

/// The playground's reason in words.
fn found_reason(denial: Denial, types: &[BlamedPolicy]) -> String {
    let names: Vec<&str> = types.iter().map(|kind| kind.words()).collect();
    let names = if names.is_empty() {
        "no policy type AccessDenied messages name".to_owned()
    } else {
        names.join(" and ")
    };
    match denial {
        Denial::ExplicitDeny => format!("an explicit deny in the {names}"),
        Denial::NoAllow => format!("no Allow in the {names}"),
    }
}

/// The types of the policies whose Deny decided.
fn explicit_denies(evaluation: &Evaluation) -> Vec<BlamedPolicy> {
    let mut types = Vec::new();
    let statements = evaluation
        .reasons
        .iter()
        .filter(|reason| reason.step == Step::ExplicitDeny)
        .flat_map(|reason| &reason.statements);
    for statement in statements {
        let kind = evaluation
            .policies
            .iter()
            .find(|policy| *policy.id == *statement.policy)
            .map(|policy| of_kind(policy.kind));
        if let Some(kind) = kind.filter(|kind| !types.contains(kind)) {
            types.push(kind);
        }
    }
    types
}

/// The types of the steps that denied for want of an Allow.
fn missing_allows(evaluation: &Evaluation) -> Vec<BlamedPolicy> {
    let mut types = Vec::new();
    for reason in &evaluation.reasons {
        let kind = match reason.step {
            Step::ResourceControlPolicies => BlamedPolicy::ResourceControlPolicy,
            Step::ServiceControlPolicies => BlamedPolicy::ServiceControlPolicy,
            Step::RepositoryPolicy => BlamedPolicy::ResourceBasedPolicy,
            Step::IdentityPolicies => BlamedPolicy::IdentityBasedPolicy,
            Step::PermissionsBoundary => BlamedPolicy::PermissionsBoundary,
            Step::SessionPolicy => BlamedPolicy::SessionPolicy,
            _ => continue,
        };
        if reason.verdict == Verdict::Deny && !types.contains(&kind) {
            types.push(kind);
        }
    }
    types
}

/// The type a message calls a policy of `kind`.
fn of_kind(kind: PolicyKind) -> BlamedPolicy {
    match kind {
        PolicyKind::Repository | PolicyKind::Registry => BlamedPolicy::ResourceBasedPolicy,
        PolicyKind::Identity => BlamedPolicy::IdentityBasedPolicy,
        PolicyKind::Boundary => BlamedPolicy::PermissionsBoundary,
        PolicyKind::Session => BlamedPolicy::SessionPolicy,
        PolicyKind::Scp => BlamedPolicy::ServiceControlPolicy,
        PolicyKind::Rcp => BlamedPolicy::ResourceControlPolicy,
    }
}
