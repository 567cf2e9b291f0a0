//! The request facts that do not depend on the action, read once by `prepare`: the caller, the resource,
//! the accounts, the errors in the principal, resource and `federatedBy`, and the context without the
//! clock's keys. Each action then adds only what depends on it. Neither depends on the policies, so
//! preparations of the same request on other policies share them, and preparations of the same caller
//! and resource share the facts.

use crate::catalog::{Action, catalog};
use std::sync::OnceLock;

use crate::context::{Context, ContextEntry, ContextSource};
use crate::diagnostic::Diagnostic;
use crate::matching::{Arn, Caller, CallerError};
use crate::policy::SharedStr;
use crate::scenario::Request;

use super::RequestTime;
use super::derive::{RESOURCE_ACCOUNT, derive_untimed, time_entries, with_time};
use super::inputs::{LoadedPolicy, policy_phrase};
use super::result::RequestFacts;

/// The action-independent facts of a scenario's request: they depend on its principal, resource and
/// `federatedBy` alone.
#[derive(Debug, Clone)]
pub struct RequestBasics {
    /// The principal, read.
    pub principal: Result<Caller, CallerError>,
    /// The resource, surrounding whitespace removed.
    pub resource: SharedStr,
    /// The resource as an ARN, when it is one.
    pub resource_arn: Option<Arn>,
    /// The caller's account, when it has one.
    pub caller_account: Option<String>,
    /// The caller as the request facts show it, when the principal could be read.
    pub caller: Option<String>,
    /// `aws:PrincipalType` as the request facts show it.
    pub principal_type: Option<String>,
    /// Problems with the principal and the resource, in that order.
    pub errors: Vec<String>,
    /// The IAM user who created a federated user's session, when given and valid.
    pub federated_by: Option<Caller>,
    /// The problem with `federatedBy`, when there is one.
    pub federated_error: Option<String>,
}

impl RequestBasics {
    /// Reads the principal, the resource and `federatedBy` of `request`.
    pub fn new(request: &Request) -> Self {
        let principal = Caller::parse(&request.principal);
        let resource = request.resource.trim();
        let resource_arn = Arn::parse(resource).ok();
        let caller_ok = principal.as_ref().ok();
        let mut errors = Vec::new();
        if let Err(error) = &principal {
            errors.push(format!("principal: {error}"));
        }
        if resource != "*" && resource_arn.is_none() {
            errors.push(format!(
                "resource: `{resource}` is not an ARN; give the repository ARN, such as `arn:aws:ecr:us-east-1:111122223333:repository/app`, or `*` for registry-level actions"
            ));
        }
        let (federated_by, federated_error) = match federated_by(request, &principal) {
            Ok(user) => (user, None),
            Err(error) => (None, Some(error)),
        };
        Self {
            resource: SharedStr::from(resource),
            resource_arn,
            caller_account: caller_ok.and_then(|caller| caller.account().map(str::to_string)),
            caller: caller_ok.map(Caller::to_string),
            principal_type: caller_ok.map(|caller| match caller.principal_type() {
                Some(kind) => kind.as_str().to_string(),
                None => "AWSService".to_string(),
            }),
            errors,
            federated_by,
            federated_error,
            principal,
        }
    }

    /// Whether `action` is registry-level (ECRSAR): it takes no repository, or the request names `*`.
    pub fn registry_level(&self, known_action: Option<&Action>) -> bool {
        self.resource.as_str() == "*" || known_action.is_some_and(Action::is_registry_level)
    }

    /// The repository's account: the ARN's, or the caller's for registry-level actions.
    pub fn resource_account(&self, registry_level: bool) -> Option<&str> {
        match &self.resource_arn {
            Some(arn) if !registry_level => Some(arn.account()),
            _ => self.caller_account.as_deref(),
        }
    }

    /// Whether the caller's account and the repository's (for a `registry_level` action, the
    /// caller's own) differ.
    pub fn cross_account(&self, registry_level: bool) -> bool {
        match (&self.caller_account, self.resource_account(registry_level)) {
            (Some(caller), Some(resource)) => caller != resource,
            _ => false,
        }
    }

    /// The facts the result shows for `action`.
    pub fn facts(
        &self,
        request: &Request,
        action: &str,
        known_action: Option<&Action>,
    ) -> RequestFacts {
        let registry_level = self.registry_level(known_action);
        let resource_account = self.resource_account(registry_level);
        RequestFacts {
            principal: request.principal.clone(),
            principal_type: self.principal_type.clone(),
            principal_account: self.caller_account.clone(),
            caller: self.caller.clone(),
            action: action.to_string(),
            resource: self.resource.to_string(),
            resource_account: resource_account.map(str::to_string),
            registry_level,
            cross_account: self.cross_account(registry_level),
            known_action: known_action.is_some(),
            suggested_action: match known_action {
                Some(_) => None,
                None => catalog().suggest_action(action).map(Action::full_name),
            },
        }
    }

    /// The problems with the request for `action`: the principal's and the resource's, the action's, then
    /// `federatedBy`'s.
    pub fn errors_for(&self, action: &str) -> Vec<String> {
        let mut errors = self.errors.clone();
        if !action.contains(':') {
            errors.push(format!("action: `{action}` is not of the form `service:Action`, such as `ecr:BatchGetImage`"));
        }
        errors.extend(self.federated_error.iter().cloned());
        errors
    }
}

/// The context of every request of one scenario, without the clock's keys: one for actions on the
/// repository and one for registry-level actions, whose `aws:ResourceAccount` is the caller's account.
/// The second is made from the first when first wanted: most preparations decide actions of one kind.
#[derive(Debug, Clone)]
pub struct Contexts {
    repository: Context,
    registry: OnceLock<Context>,
    /// The caller's account, which `aws:ResourceAccount` holds for registry-level actions.
    caller_account: Option<String>,
}

impl Contexts {
    /// Derives the contexts of `request` by `caller`.
    pub fn new(request: &Request, caller: &Caller, basics: &RequestBasics) -> Self {
        let region = basics.resource_arn.as_ref().map(Arn::region);
        Self {
            repository: derive_untimed(request, caller, basics.resource_account(false), region),
            registry: OnceLock::new(),
            caller_account: basics.caller_account.clone(),
        }
    }

    /// The context without the clock's keys.
    pub fn untimed(&self, registry_level: bool) -> &Context {
        if registry_level {
            self.registry
                .get_or_init(|| on_registry(&self.repository, self.caller_account.as_deref()))
        } else {
            &self.repository
        }
    }

    /// The whole context of a request at `time`.
    pub fn at(&self, registry_level: bool, time: RequestTime) -> Context {
        with_time(self.untimed(registry_level).clone(), time)
    }

    /// The entries of the whole context of a request at `time`, as [`Contexts::at`] holds them.
    pub fn entries_at(&self, registry_level: bool, time: RequestTime) -> Vec<ContextEntry> {
        let untimed = self.untimed(registry_level);
        let timed = time_entries(time);
        let mut entries = Vec::with_capacity(untimed.entries().len() + timed.len());
        entries.extend_from_slice(untimed.entries());
        entries.extend(
            timed
                .into_iter()
                .filter(|entry| untimed.get(&entry.key).is_none()),
        );
        entries
    }
}

/// The registry-level context of a request whose repository-level context is `repository`: what
/// [`derive_untimed`] gives with the caller's account as the resource's. The keys are the same, in the
/// same order, except the derived `aws:ResourceAccount`, which holds `caller_account`, or is absent
/// when the caller has none.
fn on_registry(repository: &Context, caller_account: Option<&str>) -> Context {
    let mut context = Context::new();
    for entry in repository.entries() {
        if entry.source == ContextSource::Derived && entry.key == RESOURCE_ACCOUNT {
            if let Some(account) = caller_account {
                context.insert(ContextEntry::single(
                    RESOURCE_ACCOUNT,
                    account,
                    ContextSource::Derived,
                ));
            }
        } else {
            context.insert(entry.clone());
        }
    }
    context
}

/// `request.federatedBy`: an IAM user of the federated user's own account.
fn federated_by(
    request: &Request,
    caller: &Result<Caller, CallerError>,
) -> Result<Option<Caller>, String> {
    let Some(text) = request.federated_by.as_deref() else {
        return Ok(None);
    };
    match (Caller::parse(text), caller) {
        (Ok(user @ Caller::User { .. }), Ok(caller @ Caller::FederatedUser { .. }))
            if user.account() == caller.account() =>
        {
            Ok(Some(user))
        }
        (_, Ok(Caller::FederatedUser { .. })) => Err(format!(
            "federatedBy: `{text}` is not an IAM user ARN of the federated user's account"
        )),
        _ => Err(
            "federatedBy: only a federated-user principal has a federating IAM user".to_string(),
        ),
    }
}

/// For each policy with errors: how many, and the first.
pub(super) fn blocking(policies: &[LoadedPolicy]) -> Vec<String> {
    policies
        .iter()
        .filter_map(|policy| {
            let errors: Vec<&Diagnostic> = policy
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.is_error())
                .collect();
            let first = errors.first()?;
            let (span, of) = match policy.written_at {
                Some(at) => (first.span.within(at), " of the scenario"),
                None => (first.span, ""),
            };
            Some(format!(
                "{} has {} error{} and was not evaluated; first, at line {}, column {}{of}: {}",
                policy_phrase(policy.kind, &policy.name),
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                span.line,
                span.column,
                first.message
            ))
        })
        .collect()
}
