//! A fix being made: the scenario with the edits so far, the text of each policy changed, and the
//! sentences that say what changed. Each edit is one statement added to a policy, or an exception added
//! to a Deny statement; the rest of every policy stays as written ([`super::text`]).

use serde_json::{Value, json};

use super::gaps::{Gap, GrantSide, Limit, Need};
use super::text::{PolicyText, add_member, add_to_list};
use super::{Fix, FixSide, Grant, PolicyChange};
use crate::eval::{Decision, Evaluation, PolicySet, policy_phrase};
use crate::json::JsonKind;
use crate::matching::Caller;
use crate::operation::Operation;
use crate::policy::PolicyKind;
use crate::registry::{RegistryPolicyScope, enforced_under_v1};
use crate::scenario::{IdentityPolicy, NamedPolicy, PolicySource, PolicyValue, Scenario, Slot};

/// A scenario being edited into one the request is allowed in.
pub(super) struct Draft {
    original: Scenario,
    scenario: Scenario,
    grant: Grant,
    caller: Caller,
    operation: Option<Operation>,
    /// The caller's `aws:PrincipalArn` (GCK), as the request carries it.
    principal_arn: Option<String>,
    /// The caller's `aws:PrincipalServiceName`, for a service principal.
    service_name: Option<String>,
    /// For a service principal, the condition that keeps a grant to the resource it acts for: the
    /// request's `aws:SourceArn` or else its `aws:SourceAccount` (ECREX 6, LAMBDA).
    acting_for: Option<Value>,
    cross_account: bool,
    resource_account: Option<String>,
    /// Each changed policy: its id, kind, name and current text, in the order first changed.
    changed: Vec<Changed>,
    sentences: Vec<String>,
}

/// A policy the draft has changed.
struct Changed {
    id: String,
    kind: PolicyKind,
    name: String,
    before: Option<String>,
    text: String,
}

impl Draft {
    /// A draft of `scenario`, whose request `denied` decides, that puts grants either side could make on
    /// the `grant` side. `None` for a registry-policy attempt on a registry without a policy, unless
    /// the request is one of the actions a registry policy is meant for (REGREPL, PTCIAM).
    pub(super) fn new(scenario: &Scenario, denied: &Evaluation, grant: Grant) -> Option<Self> {
        let request = scenario.first_request();
        let caller = Caller::parse(&request.principal).ok()?;
        let context_value = |key: &str| {
            denied
                .context
                .iter()
                .find(|entry| entry.key.eq_ignore_ascii_case(key))
                .and_then(|entry| entry.values.first().map(String::from))
        };
        let asked: Vec<&str> = match request.operation {
            Some(operation) => operation.steps().iter().map(|step| step.action).collect(),
            None => vec![request.action.as_str()],
        };
        if grant == Grant::Registry
            && scenario.registry_policy.is_none()
            && !asked.iter().any(|action| enforced_under_v1(action))
        {
            return None;
        }
        let mut edited = scenario.clone();
        edited.expect = scenario.expect.map(|_| Decision::Allowed);
        Some(Self {
            original: scenario.clone(),
            scenario: edited,
            grant,
            caller,
            operation: request.operation,
            principal_arn: context_value("aws:PrincipalArn"),
            service_name: context_value("aws:PrincipalServiceName"),
            acting_for: match (
                context_value("aws:SourceArn"),
                context_value("aws:SourceAccount"),
            ) {
                (Some(arn), _) => Some(json!({ "ArnEquals": { "aws:SourceArn": arn } })),
                (None, Some(account)) => {
                    Some(json!({ "StringEquals": { "aws:SourceAccount": account } }))
                }
                (None, None) => None,
            },
            cross_account: denied.request.cross_account,
            resource_account: denied.request.resource_account.clone(),
            changed: Vec::new(),
            sentences: Vec::new(),
        })
    }

    /// The scenario with the edits so far.
    pub(super) fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Makes the edits that close `gaps`; `None` when one cannot be made.
    pub(super) fn close(&mut self, gaps: &[Gap]) -> Option<()> {
        let (mut identity, mut resource) = (Vec::new(), Vec::new());
        let mut limits: Vec<(Limit, Vec<Need>)> = Vec::new();
        let mut denies: Vec<(String, usize)> = Vec::new();
        for gap in gaps {
            match gap {
                Gap::Deny { policy, statement } => {
                    add_once(&mut denies, (policy.clone(), *statement))
                }
                Gap::Limit { limit, need } => {
                    match limits.iter_mut().find(|(known, _)| known == limit) {
                        Some((_, needs)) => add_once(needs, need.clone()),
                        None => limits.push((*limit, vec![need.clone()])),
                    }
                }
                Gap::Grant { side, need } => {
                    let to_identity = match side {
                        GrantSide::Identity => true,
                        GrantSide::Resource => false,
                        GrantSide::Either => self.grant == Grant::Identity,
                    };
                    add_once(
                        if to_identity {
                            &mut identity
                        } else {
                            &mut resource
                        },
                        need.clone(),
                    );
                }
            }
        }
        for (policy, statement) in denies {
            self.narrow(&policy, statement)?;
        }
        for (limit, needs) in limits {
            self.allow_within(limit, &needs)?;
        }
        if !identity.is_empty() {
            self.grant_identity(&identity)?;
        }
        if !resource.is_empty() {
            self.grant_resource(&resource)?;
        }
        Some(())
    }

    /// The fix: the edited scenario, each changed policy and the description.
    pub(super) fn finish(self) -> Fix {
        let kinds: Vec<PolicyKind> = self.changed.iter().map(|changed| changed.kind).collect();
        let caller_side = kinds.iter().any(|kind| {
            matches!(
                kind,
                PolicyKind::Identity | PolicyKind::Boundary | PolicyKind::Session
            )
        });
        let resource_side = kinds
            .iter()
            .any(|kind| matches!(kind, PolicyKind::Repository | PolicyKind::Registry));
        let side = if kinds
            .iter()
            .any(|kind| matches!(kind, PolicyKind::Scp | PolicyKind::Rcp))
        {
            FixSide::Organization
        } else {
            match (caller_side, resource_side) {
                (true, true) => FixSide::Both,
                (false, true) => FixSide::Resource,
                _ => FixSide::Identity,
            }
        };
        let mut sentences = self.sentences;
        if self.cross_account && resource_side {
            sentences.push(if caller_side {
                "The request crosses accounts, so both accounts must allow it (XACCT): the fix is both edits together."
            } else {
                "The request crosses accounts: the repository's side must name the caller or its account, and the caller's side already allows it (XACCT)."
            }.to_owned());
        }
        Fix {
            side,
            description: sentences.join(" "),
            changes: self
                .changed
                .into_iter()
                .map(|changed| PolicyChange {
                    policy: changed.id,
                    kind: changed.kind,
                    name: changed.name,
                    before: changed.before,
                    after: changed.text,
                })
                .collect(),
            scenario: self.scenario,
        }
    }

    /// Adds to the Deny statement `statement` of the policy `id` an exception for the caller, so that it
    /// stops denying this caller and nothing else (EVAL: a matching Deny overrides every allow; a negated
    /// operator with several values must match none of them, MV).
    fn narrow(&mut self, id: &str, statement: usize) -> Option<()> {
        let (operator, key, value) = match (&self.principal_arn, &self.service_name) {
            (Some(arn), _) => ("ArnNotEquals", "aws:PrincipalArn", arn.clone()),
            (None, Some(service)) => (
                "StringNotEquals",
                "aws:PrincipalServiceName",
                service.clone(),
            ),
            (None, None) => return None,
        };
        let text = self.current_text(id)?;
        let policy = PolicyText::read(&text)?;
        let found = policy.statement(statement)?;
        let label = label_of(found, statement);
        let edited = match found.member("Condition") {
            Some(condition) => match condition.value.member(operator) {
                Some(block) => match block.value.member(key) {
                    Some(values) => add_to_list(&text, &values.value, &Value::from(value.clone())),
                    None => add_member(&text, &block.value, key, &Value::from(value.clone())),
                },
                None => add_member(&text, &condition.value, operator, &json!({ key: value })),
            },
            None => add_member(
                &text,
                found,
                "Condition",
                &json!({ operator: { key: value } }),
            ),
        }?;
        let (kind, name) = self.kind_and_name(id)?;
        let organization = if matches!(kind, PolicyKind::Scp | PolicyKind::Rcp) {
            " This is an organization change."
        } else {
            ""
        };
        self.sentences.push(format!(
            "Narrow the Deny {label} of {}: add `{operator}` `{{\"{key}\": \"{value}\"}}` to its Condition, so that it stops denying `{value}`. This weakens that Deny on purpose: it still denies everyone else it matched, but no longer this caller (EVAL: an explicit deny overrides every allow).{organization}",
            policy_phrase(kind, &name)
        ));
        self.set_text(id, kind, &name, edited)
    }

    /// Adds an Allow of `needs` to the policy that limits the request: an organization level's first
    /// policy (a new one for a level with none), the permissions boundary or the session policy (a new
    /// one for a session that has none).
    fn allow_within(&mut self, limit: Limit, needs: &[Need]) -> Option<()> {
        let (id, kind, why) = match limit {
            Limit::Scp(level) => (
                format!("scp:{level}:0"),
                PolicyKind::Scp,
                "every level of service control policies from the root to the account must allow the request (SCPEVAL). This is an organization change, made in the organization's management account",
            ),
            Limit::Rcp(level) => (
                format!("rcp:{level}:0"),
                PolicyKind::Rcp,
                "every level of resource control policies must allow the request (RCP). This is an organization change, made in the organization's management account",
            ),
            Limit::Boundary => (
                "boundary".to_owned(),
                PolicyKind::Boundary,
                "a permissions boundary sets the most the caller can do (BOUND)",
            ),
            Limit::Session => (
                "session".to_owned(),
                PolicyKind::Session,
                "a session has at most what its session policy allows (EVAL, POL)",
            ),
        };
        let principal = (kind == PolicyKind::Rcp).then(|| Value::from("*"));
        let statements = self.allow_statements(&id, principal, needs);
        let what = describe_needs(needs);
        match self.current_text(&id) {
            Some(text) => {
                let (kind, name) = self.kind_and_name(&id)?;
                let edited = add_statements(&text, &statements)?;
                self.sentences.push(format!(
                    "Add {} to {} allowing {what}: {why}.",
                    sid_phrase(&statements),
                    policy_phrase(kind, &name)
                ));
                self.set_text(&id, kind, &name, edited)
            }
            None => self.add_policy(limit, statements, &what, why),
        }
    }

    /// A new policy for `limit` holding `statements`: an organization level's first policy, or a
    /// session policy.
    fn add_policy(
        &mut self,
        limit: Limit,
        statements: Vec<Vec<(&'static str, Value)>>,
        what: &str,
        why: &str,
    ) -> Option<()> {
        let text = new_policy_text(&statements);
        let source = PolicySource::Text(text.clone());
        let (id, kind, name) = match limit {
            Limit::Scp(level) | Limit::Rcp(level) => {
                let (levels, kind, short) = match limit {
                    Limit::Scp(_) => (&mut self.scenario.scps, PolicyKind::Scp, "SCP"),
                    _ => (&mut self.scenario.rcps, PolicyKind::Rcp, "RCP"),
                };
                let policies = levels
                    .get_mut(level)
                    .filter(|policies| policies.is_empty())?;
                policies.push(source);
                (
                    format!("{}:{level}:0", kind.as_str()),
                    kind,
                    format!("{short} level {}, policy 1", level + 1),
                )
            }
            Limit::Session => {
                self.scenario.session_policy = Some(source);
                (
                    "session".to_owned(),
                    PolicyKind::Session,
                    "session policy".to_owned(),
                )
            }
            Limit::Boundary => return None,
        };
        self.sentences.push(format!(
            "Add a new {} allowing {what}: {why}.",
            policy_phrase(kind, &name).trim_start_matches("the ")
        ));
        self.record(id, kind, name, None, text);
        Some(())
    }

    /// Adds to the caller's first identity policy (a new named one when it has none that can be
    /// edited) an Allow of `needs`: the repository ARN for repository actions, `*` for registry-level
    /// ones (ECRSAR, ECRPOL).
    fn grant_identity(&mut self, needs: &[Need]) -> Option<()> {
        if matches!(
            self.caller,
            Caller::Service { .. } | Caller::Anonymous | Caller::Root { .. }
        ) {
            return None;
        }
        let account = self.caller.account().unwrap_or_default().to_owned();
        let what = describe_needs(needs);
        let registry_note = if needs.iter().any(|need| need.resource == "*") {
            " A registry-level action such as `ecr:GetAuthorizationToken` has no resource type, so it is allowed on `*`, and only an identity policy can allow it (ECRSAR, ECRPOL)."
        } else {
            ""
        };
        let existing = (0..self.scenario.identity_policies.len()).find_map(|index| {
            let id = format!("identity:{index}");
            let text = self.current_text(&id)?;
            PolicyText::read(&text)?;
            Some((id, text))
        });
        match existing {
            Some((id, text)) => {
                let statements = self.allow_statements(&id, None, needs);
                let edited = add_statements(&text, &statements)?;
                let (kind, name) = self.kind_and_name(&id)?;
                self.sentences.push(format!(
                    "In the caller's account {account}, add {} to {} allowing {what}.{registry_note}",
                    sid_phrase(&statements),
                    policy_phrase(kind, &name)
                ));
                self.set_text(&id, kind, &name, edited)
            }
            None => {
                let statements = self.allow_statements("", None, needs);
                let text = new_policy_text(&statements);
                let index = self.scenario.identity_policies.len();
                let name = format!("allow-{}", self.subject_name().to_lowercase());
                let value: Value = serde_json::from_str(&text).ok()?;
                self.scenario
                    .identity_policies
                    .push(IdentityPolicy::Named(NamedPolicy {
                        name: name.clone(),
                        policy: PolicySource::Value(PolicyValue::Built(value)),
                    }));
                self.sentences.push(format!(
                    "In the caller's account {account}, attach a new identity policy `{name}` to the caller allowing {what}.{registry_note}"
                ));
                self.record(
                    format!("identity:{index}"),
                    PolicyKind::Identity,
                    name,
                    None,
                    text,
                );
                Some(())
            }
        }
    }

    /// Adds to the repository policy (the registry policy for a registry attempt) a statement that allows
    /// the caller `needs`, naming it as precisely as the request shows it (its ARN; a role session by its
    /// role's ARN, as `aws:PrincipalArn` holds it, GCK; a service by its name).
    fn grant_resource(&mut self, needs: &[Need]) -> Option<()> {
        if needs.iter().any(|need| need.resource == "*") {
            return None;
        }
        let registry = self.grant == Grant::Registry;
        if registry
            && self.scenario.registry_scope() == RegistryPolicyScope::V1
            && !needs.iter().all(|need| enforced_under_v1(&need.action))
        {
            // REGPERM: under scope V1 the registry policy governs only three actions.
            return None;
        }
        let principal = match (&self.caller, &self.principal_arn) {
            (Caller::Service { name }, _) => json!({ "Service": name }),
            (Caller::Anonymous, _) => Value::from("*"),
            (_, Some(arn)) => json!({ "AWS": arn }),
            (_, None) => return None,
        };
        let who = match &self.caller {
            Caller::Anonymous => "everyone, anonymous callers included (`\"*\"`: this makes the repository public for these actions)".to_owned(),
            Caller::Service { name } => format!("the service `{name}`"),
            _ => format!("`{}`", self.principal_arn.as_deref().unwrap_or_default()),
        };
        let (id, kind, name) = if registry {
            ("registry", PolicyKind::Registry, "registry policy")
        } else {
            ("repository", PolicyKind::Repository, "repository policy")
        };
        let mut statements = self.allow_statements(id, Some(principal), needs);
        for statement in &mut statements {
            if !registry {
                // Section 8: a repository policy's statements need no `Resource` (this repository).
                statement.retain(|(key, _)| *key != "Resource");
            }
            if let (Caller::Service { .. }, Some(condition)) = (&self.caller, &self.acting_for) {
                statement.push(("Condition", condition.clone()));
            }
        }
        let account = self
            .resource_account
            .as_deref()
            .map(|account| format!("In the repository's account {account}, "));
        let actions = describe_actions(needs);
        let why = if registry && !self.cross_account {
            " The registry policy grants like a repository policy, for the repositories its Resource names (section 7)."
        } else {
            ""
        };
        let edited = match self.current_text(id) {
            Some(text) => add_statements(&text, &statements)?,
            None => new_policy_text(&statements),
        };
        let change = match self.current_text(id) {
            Some(_) => format!("add {} to the {name}", sid_phrase(&statements)),
            None => format!("create a {name} with {}", sid_phrase(&statements)),
        };
        let sentence = match account {
            Some(account) => format!("{account}{change}"),
            None => capitalize(&change),
        };
        self.sentences
            .push(format!("{sentence} allowing {who} to call {actions}.{why}"));
        self.set_text(id, kind, name, edited)
    }

    /// Allow statements for `needs`, one per resource (`Resource` naming it), each with a `Sid` not used
    /// in the policy `id` and `principal` when given.
    fn allow_statements(
        &self,
        id: &str,
        principal: Option<Value>,
        needs: &[Need],
    ) -> Vec<Vec<(&'static str, Value)>> {
        let mut taken = self
            .current_text(id)
            .and_then(|text| PolicyText::read(&text).map(|policy| policy.sids()))
            .unwrap_or_default();
        let mut resources: Vec<&str> = Vec::new();
        for need in needs {
            if !resources.contains(&need.resource.as_str()) {
                resources.push(&need.resource);
            }
        }
        resources
            .into_iter()
            .map(|resource| {
                let actions: Vec<&str> = needs
                    .iter()
                    .filter(|need| need.resource == resource)
                    .map(|need| need.action.as_str())
                    .collect();
                let base = self.sid_base(&actions, resource == "*");
                let sid = unique_sid(&base, &taken);
                taken.push(sid.clone());
                let mut members = vec![("Sid", Value::from(sid)), ("Effect", Value::from("Allow"))];
                if let Some(principal) = &principal {
                    members.push(("Principal", principal.clone()));
                }
                members.push(("Action", string_or_list(&actions)));
                members.push(("Resource", Value::from(resource)));
                members
            })
            .collect()
    }

    /// `AllowBatchGetImage` for one action, `AllowPull` for an operation's actions on the repository,
    /// `AllowPullToken` for its registry-level ones.
    fn sid_base(&self, actions: &[&str], registry_level: bool) -> String {
        match actions {
            [one] => format!("Allow{}", one.split(':').next_back().unwrap_or(one)),
            _ => format!(
                "Allow{}{}",
                self.subject_name(),
                if registry_level { "Registry" } else { "" }
            ),
        }
    }

    /// The request's operation in CamelCase (`PullThroughCache`), or its action's name.
    fn subject_name(&self) -> String {
        match self.operation {
            Some(operation) => operation.as_str().split('-').map(capitalize).collect(),
            None => {
                let action = &self.original.first_request().action;
                action.split(':').next_back().unwrap_or(action).to_owned()
            }
        }
    }

    /// The current text of the policy `id`: as edited so far, or as in the scenario.
    fn current_text(&self, id: &str) -> Option<String> {
        if let Some(changed) = self.changed.iter().find(|changed| changed.id == id) {
            return Some(changed.text.clone());
        }
        Slot::from_id(id)
            .and_then(|slot| self.scenario.policy(slot))
            .map(as_written)
    }

    /// The kind and name of the policy `id` of the scenario.
    fn kind_and_name(&self, id: &str) -> Option<(PolicyKind, String)> {
        if let Some(changed) = self.changed.iter().find(|changed| changed.id == id) {
            return Some((changed.kind, changed.name.clone()));
        }
        PolicySet::load(&self.scenario, self.scenario.first_request())
            .policies()
            .iter()
            .find(|policy| policy.id == id)
            .map(|policy| (policy.kind, policy.name.clone()))
    }

    /// Sets the text of the existing or new policy `id` (the repository or registry policy may be new).
    fn set_text(&mut self, id: &str, kind: PolicyKind, name: &str, text: String) -> Option<()> {
        let place = Slot::from_id(id)?;
        let before = self.original.policy(place).map(as_written);
        let slot = match self.scenario.policy_mut(place) {
            Some(slot) => slot,
            None => {
                let created = match place {
                    Slot::Repository => &mut self.scenario.repository_policy,
                    Slot::Registry => &mut self.scenario.registry_policy,
                    _ => return None,
                };
                created.insert(PolicySource::Text(String::new()))
            }
        };
        *slot = match slot {
            PolicySource::Text(_) => PolicySource::Text(text.clone()),
            PolicySource::Value(_) => {
                PolicySource::Value(PolicyValue::Built(serde_json::from_str(&text).ok()?))
            }
        };
        match self.changed.iter_mut().find(|changed| changed.id == id) {
            Some(changed) => changed.text = text,
            None => self.record(id.to_owned(), kind, name.to_owned(), before, text),
        }
        Some(())
    }

    fn record(
        &mut self,
        id: String,
        kind: PolicyKind,
        name: String,
        before: Option<String>,
        text: String,
    ) {
        self.changed.push(Changed {
            id,
            kind,
            name,
            before,
            text,
        });
    }
}

/// The text of a policy as its editor shows it: a policy written as a JSON object inside a scenario
/// document without the document's indent, which its lines after the first carry.
fn as_written(source: &PolicySource) -> String {
    let text = source.text();
    if source.written_at().is_none() {
        return text.into_owned();
    }
    let indent = text
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().to_owned();
    lines.fold(first, |text, line| {
        format!(
            "{text}\n{}",
            line.get(indent..).unwrap_or(line.trim_start())
        )
    })
}

/// `text` with each of `statements` added after its last statement.
fn add_statements(text: &str, statements: &[Vec<(&'static str, Value)>]) -> Option<String> {
    statements
        .iter()
        .try_fold(text.to_owned(), |text, statement| {
            PolicyText::read(&text)?.add_statement(statement)
        })
}

/// A new policy holding `statements`, laid out with two-space indents.
fn new_policy_text(statements: &[Vec<(&'static str, Value)>]) -> String {
    let empty = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": []\n}";
    add_statements(empty, statements).unwrap_or_else(|| empty.to_owned())
}

/// How the evaluation names a statement of a policy's text ([`statement_label`](crate::policy::statement_label)).
fn label_of(statement: &crate::json::JsonValue, index: usize) -> String {
    let sid = match statement.member("Sid").map(|sid| &sid.value.kind) {
        Some(JsonKind::String(sid)) => Some(sid.as_ref()),
        _ => None,
    };
    crate::policy::statement_label(sid, index)
}

/// `statement `AllowPull`` or `statements `AllowPull` and `AllowPullRegistry``.
fn sid_phrase(statements: &[Vec<(&'static str, Value)>]) -> String {
    let sids: Vec<String> = statements
        .iter()
        .filter_map(|statement| statement.iter().find(|(key, _)| *key == "Sid"))
        .map(|(_, sid)| format!("`{}`", sid.as_str().unwrap_or_default()))
        .collect();
    match sids.as_slice() {
        [one] => format!("statement {one}"),
        _ => format!("statements {}", sids.join(" and ")),
    }
}

/// `` `ecr:BatchGetImage` and `ecr:GetDownloadUrlForLayer` on `arn:...`, and `ecr:GetAuthorizationToken` on `*` ``.
fn describe_needs(needs: &[Need]) -> String {
    let mut resources: Vec<&str> = Vec::new();
    for need in needs {
        if !resources.contains(&need.resource.as_str()) {
            resources.push(&need.resource);
        }
    }
    let parts: Vec<String> = resources
        .into_iter()
        .map(|resource| {
            let on: Vec<Need> = needs
                .iter()
                .filter(|need| need.resource == resource)
                .cloned()
                .collect();
            format!("{} on `{resource}`", describe_actions(&on))
        })
        .collect();
    parts.join(", and ")
}

/// `` `ecr:BatchGetImage` and `ecr:GetDownloadUrlForLayer` ``.
fn describe_actions(needs: &[Need]) -> String {
    let names: Vec<String> = needs
        .iter()
        .map(|need| format!("`{}`", need.action))
        .collect();
    match names.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// One action as a string, several as a list.
fn string_or_list(actions: &[&str]) -> Value {
    match actions {
        [one] => Value::from(*one),
        _ => Value::from(actions.to_vec()),
    }
}

/// `base`, or `base2`, `base3`, ... when a statement of the policy already has that `Sid`.
fn unique_sid(base: &str, taken: &[String]) -> String {
    (1..)
        .map(|number| match number {
            1 => base.to_owned(),
            _ => format!("{base}{number}"),
        })
        .find(|sid| !taken.contains(sid))
        .unwrap_or_else(|| base.to_owned())
}

/// `word` with its first letter in capitals.
fn capitalize(word: &str) -> String {
    let mut characters = word.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// Pushes `item` unless `list` has it.
fn add_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}
