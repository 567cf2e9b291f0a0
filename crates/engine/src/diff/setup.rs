//! Where the two versions are decided: the policy placed in its kind's slot of a scenario, the base
//! scenario's when one is given, else a scenario of defaults in which the decision is the policy's.
//!
//! The defaults, without a base scenario: the repository `arn:aws:ecr:us-east-1:111122223333:repository/app`,
//! no other policy, except that
//! - for a repository or registry policy, a caller of another account has an identity policy that allows
//!   everything (XACCT: it needs one; its own account's callers have none, so the resource policy alone
//!   decides for them);
//! - for a permissions boundary, a session policy, an SCP or an RCP, the caller has an identity policy that
//!   allows everything, and for an RCP the repository policy allows everyone everything, so that the
//!   policy under comparison is what limits.

use std::borrow::Cow;

use crate::eval::{Decider, Decision, PolicyCache, PolicySet, RequestTime, StatementTwins};
use crate::matching::Caller;
use crate::policy::PolicyKind;
use crate::registry::RegistryPolicyScope;
use crate::scenario::{IdentityPolicy, NamedPolicy, PolicySource, Request, Scenario};

/// The repository of the default scenario.
pub(super) const DEFAULT_REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

/// A policy that allows every action on every resource: the side of a decision that the comparison
/// does not look at.
const ALLOW_EVERYTHING: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#;

/// A repository policy that allows every principal every action.
const ALLOW_EVERYONE: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*"}]}"#;

/// The name of the identity policy the defaults give a caller.
const ALLOW_EVERYTHING_NAME: &str = "allows everything (comparison default)";

/// The name of the policy under comparison when it is one of several identity policies.
const UNDER_COMPARISON: &str = "policy under comparison";

/// What every representative request shares.
#[derive(Debug, Clone)]
pub(super) struct Setup<'a> {
    /// The kind of the policy under comparison.
    pub kind: PolicyKind,
    /// The base scenario, when one is given.
    base: Option<&'a Scenario>,
    /// The repository ARN the repository actions are decided on.
    pub repository: String,
    /// The repository's account.
    pub account: String,
    /// The registry policy scope.
    pub registry_scope: RegistryPolicyScope,
    /// The request every representative request starts from: the base scenario's first, or an empty one.
    pub template: Request,
}

/// One version of the policy in its scenarios: as the base scenario has it, or with the defaults, one
/// scenario for the callers of the repository's account and one for the others.
#[derive(Debug)]
pub(super) struct Side {
    own_account: Placed,
    other_accounts: Placed,
}

/// For each scenario of one version, the twins in the other version's of its statements.
#[derive(Debug)]
pub(super) struct SideTwins {
    own_account: StatementTwins,
    other_accounts: StatementTwins,
}

/// A scenario with its policies parsed and linted once.
#[derive(Debug)]
struct Placed {
    scenario: Scenario,
    policies: PolicySet,
}

impl Placed {
    /// The twins in `other`, the same scenario with the other version, of this one's statements.
    fn twins(&self, other: &Placed) -> StatementTwins {
        StatementTwins::between(
            &self.policies,
            &self.scenario,
            &other.policies,
            &other.scenario,
        )
    }
}

impl<'a> Setup<'a> {
    /// The setup for a policy of `kind` with `base`, or with the defaults.
    pub(super) fn new(base: Option<&'a Scenario>, kind: PolicyKind) -> Self {
        let template = base.map_or_else(Request::default, |base| Request {
            name: String::new(),
            expect: None,
            federated_by: None,
            operation: None,
            action: String::new(),
            ..base.first_request().clone()
        });
        let repository = Some(template.resource.as_str())
            .filter(|resource| resource.starts_with("arn:"))
            .unwrap_or(DEFAULT_REPOSITORY)
            .to_string();
        let account = repository.split(':').nth(4).unwrap_or_default().to_string();
        Setup {
            kind,
            base,
            repository,
            account,
            registry_scope: base.map(Scenario::registry_scope).unwrap_or_default(),
            template,
        }
    }

    /// The scenarios of the version `text`, with their policies parsed and linted once: through
    /// `cache`, which both versions' scenarios share, a policy in several of them is parsed once.
    pub(super) fn side(&self, text: &str, cache: &mut PolicyCache) -> Side {
        let mut place = |other_account: bool| {
            let scenario = self.scenario(text, other_account);
            let probe = Request {
                resource: self.repository.clone(),
                ..Request::default()
            };
            let policies = cache.load_set(&scenario, &probe);
            Placed { scenario, policies }
        };
        Side {
            own_account: place(false),
            other_accounts: place(true),
        }
    }

    /// Whether `principal` is a caller of another account than the repository's, decided in the
    /// scenario for such callers.
    pub(super) fn other_account(&self, principal: &str) -> bool {
        Caller::parse(principal)
            .ok()
            .and_then(|caller| caller.account().map(|account| account != self.account))
            .unwrap_or(false)
    }

    /// The scenario that decides the version `text` for a caller of the repository's account or of
    /// another.
    pub(super) fn scenario(&self, text: &str, other_account: bool) -> Scenario {
        let source = PolicySource::Text(text.to_string());
        let mut scenario = match self.base {
            Some(base) => Scenario {
                request: None,
                requests: Vec::new(),
                expect: None,
                ..base.clone()
            },
            None => defaults(self.kind, other_account),
        };
        place(&mut scenario, self.kind, source, self.base.is_some());
        scenario
    }
}

impl Side {
    /// Prepares `request` to be decided, in the scenario its principal picks.
    pub(super) fn decider(&self, setup: &Setup<'_>, request: Request) -> Decider<'_> {
        let placed = self.placed(setup, &request);
        placed.policies.decider(&placed.scenario, request)
    }

    /// The twins in `other`'s scenarios of the statements of this version's.
    pub(super) fn twins(&self, other: &Side) -> SideTwins {
        SideTwins {
            own_account: self.own_account.twins(&other.own_account),
            other_accounts: self.other_accounts.twins(&other.other_accounts),
        }
    }

    /// Prepares the request of `other`, a decider of the other version, to be decided in this
    /// version: the statements with a twin in the other version (`twins`, from [`Side::twins`]) take
    /// their results from `other`, and when `same_caller` is a decider of this version for the same
    /// caller, the `Principal` results of the rest are its.
    pub(super) fn decider_beside<'s>(
        &'s self,
        setup: &Setup<'_>,
        other: &Decider<'_>,
        twins: &SideTwins,
        same_caller: Option<&Decider<'s>>,
    ) -> Decider<'s> {
        let (placed, twins) = if setup.other_account(&other.request().principal) {
            (&self.other_accounts, &twins.other_accounts)
        } else {
            (&self.own_account, &twins.own_account)
        };
        other.on_twin(&placed.policies, &placed.scenario, twins, same_caller)
    }

    /// The scenario of a request by `request`'s principal.
    fn placed(&self, setup: &Setup<'_>, request: &Request) -> &Placed {
        if setup.other_account(&request.principal) {
            &self.other_accounts
        } else {
            &self.own_account
        }
    }

    /// Why the scenarios cannot be evaluated (another policy with errors, a bad request), or nothing.
    pub(super) fn errors(&self, setup: &Setup<'_>, time: RequestTime) -> Vec<String> {
        let request = Request {
            principal: format!("arn:aws:iam::{}:root", setup.account),
            resource: setup.repository.clone(),
            ..setup.template.clone()
        };
        let placed = self.placed(setup, &request);
        let evaluation = placed
            .policies
            .prepare(&placed.scenario, Cow::Owned(request))
            .evaluate("ecr:BatchGetImage", time);
        if evaluation.decision == Decision::Invalid {
            evaluation
                .reasons
                .into_iter()
                .map(|reason| reason.message)
                .collect()
        } else {
            Vec::new()
        }
    }
}

/// The default scenario around a policy of `kind`, for a caller of the repository's account or of
/// another.
fn defaults(kind: PolicyKind, other_account: bool) -> Scenario {
    let allow = |text: &str| PolicySource::Text(text.to_string());
    let grants_identity = match kind {
        PolicyKind::Repository | PolicyKind::Registry => other_account,
        PolicyKind::Identity => false,
        PolicyKind::Boundary | PolicyKind::Session | PolicyKind::Scp | PolicyKind::Rcp => true,
    };
    Scenario {
        identity_policies: if grants_identity {
            vec![IdentityPolicy::Named(NamedPolicy {
                name: ALLOW_EVERYTHING_NAME.to_string(),
                policy: allow(ALLOW_EVERYTHING),
            })]
        } else {
            Vec::new()
        },
        repository_policy: (kind == PolicyKind::Rcp).then(|| allow(ALLOW_EVERYONE)),
        name: String::new(),
        description: String::new(),
        registry_policy: None,
        registry_policy_scope: None,
        permissions_boundary: None,
        session_policy: None,
        scps: Vec::new(),
        rcps: Vec::new(),
        request: None,
        requests: Vec::new(),
        expect: None,
        engine_version: None,
        view: None,
    }
}

/// Puts `source` in the slot of `kind`: it replaces the repository or registry policy, the boundary or
/// the session policy; it is one more identity policy of the caller, or one more SCP or RCP of the last
/// (account) level. In a default scenario it is the caller's only identity policy.
fn place(scenario: &mut Scenario, kind: PolicyKind, source: PolicySource, has_base: bool) {
    match kind {
        PolicyKind::Repository => scenario.repository_policy = Some(source),
        PolicyKind::Registry => scenario.registry_policy = Some(source),
        PolicyKind::Boundary => scenario.permissions_boundary = Some(source),
        PolicyKind::Session => scenario.session_policy = Some(source),
        PolicyKind::Identity if has_base => {
            scenario
                .identity_policies
                .push(IdentityPolicy::Named(NamedPolicy {
                    name: UNDER_COMPARISON.to_string(),
                    policy: source,
                }))
        }
        PolicyKind::Identity => scenario.identity_policies = vec![IdentityPolicy::Unnamed(source)],
        PolicyKind::Scp => push_to_last_level(&mut scenario.scps, source),
        PolicyKind::Rcp => push_to_last_level(&mut scenario.rcps, source),
    }
}

/// Adds `source` to the last organization level, or makes it the only level when there is none.
fn push_to_last_level(levels: &mut Vec<Vec<PolicySource>>, source: PolicySource) {
    match levels.last_mut() {
        Some(last) => last.push(source),
        None => levels.push(vec![source]),
    }
}
