//! The decision procedure of iam-semantics.md section 1, with the decisions of section 8. Each step that
//! fires adds a [`Reason`] naming the statements that caused it; the first final step decides.

use crate::decision::Decision;
use crate::matching::{Caller, NamedAs};
use crate::policy::PolicyKind;

use super::inputs::policy_phrase;
use super::reading::Reading;
use super::result::{Reason, StatementOutcome, StatementRef, Step, Verdict};
use super::statement::GrantStrength;

/// One applicable policy's statement outcomes, as the procedure needs them.
#[derive(Debug, Clone)]
pub struct PolicyOutcomes<'a> {
    /// The policy's id.
    pub id: &'a str,
    /// Its kind.
    pub kind: PolicyKind,
    /// A name for people.
    pub name: &'a str,
    /// The SCP or RCP level.
    pub level: Option<usize>,
    /// Each statement: index, label, outcome, and how its principal named the caller.
    pub statements: &'a [StatementFacts<'a>],
}

/// What the procedure needs of one statement.
#[derive(Debug, Clone)]
pub struct StatementFacts<'a> {
    /// Index in the policy.
    pub index: usize,
    /// `statement "Sid"` or `statement 2`.
    pub label: &'a str,
    /// What it did.
    pub outcome: StatementOutcome,
    /// How its principal named the caller, when it matched.
    pub named_as: Option<NamedAs>,
    /// The reading its match rests on, when one does (section 8).
    pub reading: Option<Reading>,
}

/// Everything the procedure decides on.
#[derive(Debug, Clone)]
pub struct DecisionInputs<'a> {
    /// The caller.
    pub caller: &'a Caller,
    /// The applicable policies only.
    pub policies: &'a [PolicyOutcomes<'a>],
    /// Whether the principal and the repository are in different accounts.
    pub cross_account: bool,
    /// Whether the action is registry-level (the repository policy does not apply).
    pub registry_level: bool,
    /// Whether the scenario has a permissions boundary.
    pub has_boundary: bool,
    /// Whether the scenario has a session policy.
    pub has_session_policy: bool,
    /// Number of SCP levels and RCP levels given.
    pub scp_levels: usize,
    /// Number of RCP levels given (counted only when RCPs apply to the request).
    pub rcp_levels: usize,
}

/// Runs the procedure and returns the decision and the reason chain.
pub fn decide(inputs: &DecisionInputs<'_>) -> (Decision, Vec<Reason>) {
    let mut procedure = Procedure {
        inputs,
        reasons: Vec::new(),
    };
    let decision = procedure.run();
    (decision, procedure.reasons)
}

struct Procedure<'a, 'b> {
    inputs: &'b DecisionInputs<'a>,
    reasons: Vec<Reason>,
}

impl Procedure<'_, '_> {
    fn run(&mut self) -> Decision {
        if let Some(decision) = self.explicit_deny() {
            return decision;
        }
        if let Some(decision) = self.organization_levels(PolicyKind::Rcp) {
            return decision;
        }
        if let Some(decision) = self.organization_levels(PolicyKind::Scp) {
            return decision;
        }
        match self.inputs.caller {
            Caller::Service { .. } | Caller::Anonymous => self.resource_policy_only(),
            _ if self.inputs.cross_account => self.cross_account(),
            Caller::Root { .. } => {
                self.say(
                    Step::Decision,
                    Verdict::Allow,
                    "the root user of the repository's account has full access in its own account; only explicit denies and organization policies limit it (EVAL)",
                    Vec::new(),
                );
                Decision::Allowed
            }
            _ => self.same_account(),
        }
    }

    /// Step 1 (EVAL): a matching Deny in any applicable policy decides.
    fn explicit_deny(&mut self) -> Option<Decision> {
        let denies = self.matching(|_| true, StatementOutcome::DenyMatch);
        if denies.is_empty() {
            return None;
        }
        let message = format!(
            "{} denies the request, and an explicit deny in any policy overrides every allow (EVAL)",
            self.describe(&denies)
        );
        self.say(Step::ExplicitDeny, Verdict::Deny, message, denies);
        Some(Decision::ExplicitDeny)
    }

    /// Steps 2 and 3 (EVAL, SCPEVAL, RCP): every level needs an applicable Allow.
    fn organization_levels(&mut self, kind: PolicyKind) -> Option<Decision> {
        let (levels, step, what) = match kind {
            PolicyKind::Rcp => (
                self.inputs.rcp_levels,
                Step::ResourceControlPolicies,
                "resource control policies",
            ),
            _ => (
                self.inputs.scp_levels,
                Step::ServiceControlPolicies,
                "service control policies",
            ),
        };
        if levels == 0 {
            return None;
        }
        let mut allowing = Vec::new();
        for level in 0..levels {
            let allows = self.matching(
                |policy| policy.kind == kind && policy.level == Some(level),
                StatementOutcome::AllowMatch,
            );
            if allows.is_empty() {
                let full_access = if kind == PolicyKind::Rcp {
                    " (AWS attaches RCPFullAWSAccess to every level and it cannot be detached, so a real organization always has an Allow here)"
                } else {
                    ""
                };
                let message = format!(
                    "no {} at level {} allows the request: every level from the root to the account must allow it{full_access}",
                    what,
                    level + 1
                );
                self.say(step, Verdict::Deny, message, Vec::new());
                return Some(Decision::ImplicitDeny);
            }
            allowing.extend(allows);
        }
        let message = format!("the {what} allow the request at every level");
        self.say(step, Verdict::Allow, message, allowing);
        None
    }

    /// Service principals and anonymous callers have no identity policies: the repository policy and the
    /// registry policy decide (section 8, "Service principals"; PRIN for anonymous callers under `"*"`;
    /// section 7 for the registry policy).
    fn resource_policy_only(&mut self) -> Decision {
        let who = match self.inputs.caller {
            Caller::Anonymous => "an anonymous caller",
            _ => "a service principal",
        };
        if self.inputs.registry_level {
            let message = format!(
                "{who} has no identity policies, and a registry-level action is not governed by a repository policy, so nothing can allow it"
            );
            self.say(Step::Decision, Verdict::Deny, message, Vec::new());
            return Decision::ImplicitDeny;
        }
        let allows = self.resource_policy_allows();
        if allows.is_empty() {
            let message = format!(
                "{who} is authorized by {} alone, and no statement of it allows the request",
                self.resource_policies()
            );
            self.say(Step::RepositoryPolicy, Verdict::Deny, message, Vec::new());
            return Decision::ImplicitDeny;
        }
        let message = format!(
            "{} allows {who}, which needs no identity policy",
            self.describe(&allows)
        );
        self.say(Step::RepositoryPolicy, Verdict::Allow, message, allows);
        Decision::Allowed
    }

    /// XACCT: the principal's account and the repository's account must both allow; on the repository's
    /// side the repository policy or the registry policy (section 7).
    fn cross_account(&mut self) -> Decision {
        let trusting = self.resource_policy_allows();
        let trusting_ok = !trusting.is_empty();
        let granted_by = self.policies_of(&trusting);
        if trusting_ok {
            let message = format!(
                "{} allows the caller's account side of this cross-account request",
                self.describe(&trusting)
            );
            self.say(Step::RepositoryPolicy, Verdict::Allow, message, trusting);
        } else {
            let message = format!(
                "the request crosses accounts, so {} must name the caller or its account, and no statement of it allows the request",
                self.resource_policies()
            );
            self.say(Step::RepositoryPolicy, Verdict::Deny, message, Vec::new());
        }
        let trusted_ok = match self.inputs.caller {
            Caller::Root { .. } => {
                self.say(
                    Step::IdentityPolicies,
                    Verdict::Allow,
                    "the caller is the root user of its account, which has full access there",
                    Vec::new(),
                );
                true
            }
            _ => self.identity_side(true),
        };
        let (decision, verdict, message) = match (trusting_ok, trusted_ok) {
            (true, true) => (
                Decision::Allowed,
                Verdict::Allow,
                "both accounts allow the request, as a cross-account request needs (XACCT)".to_string(),
            ),
            (false, true) => (
                Decision::ImplicitDeny,
                Verdict::Deny,
                "the caller's account allows the request but the repository's account does not: across accounts both must allow (XACCT)".to_string(),
            ),
            (true, false) => (
                Decision::ImplicitDeny,
                Verdict::Deny,
                format!("{granted_by} allows the request but the caller's own account does not: across accounts the caller also needs an identity policy that allows it (XACCT)"),
            ),
            (false, false) => (
                Decision::ImplicitDeny,
                Verdict::Deny,
                "neither account allows the request; across accounts both must (XACCT)".to_string(),
            ),
        };
        self.say(Step::CrossAccount, verdict, message, Vec::new());
        decision
    }

    /// Steps 4 to 7 in one account, following the table of section 1; a registry policy grant counts as a
    /// repository policy grant does (section 7).
    fn same_account(&mut self) -> Decision {
        let grants = self.resource_policy_allows();
        let granted_by = self.policies_of(&grants);
        let best = self.best_grant();
        match best {
            Some(how) if GrantStrength::of(how) == GrantStrength::Unlimited => {
                let message = format!(
                    "{} names the caller {}; in the same account that allows the request without an identity policy, and a permissions boundary or session policy does not limit it (EVAL, POL)",
                    self.describe(&grants),
                    describe_named_as(how)
                );
                self.say(Step::RepositoryPolicy, Verdict::Allow, message, grants);
                if self.only_everyone_grant_is_unlimited() {
                    self.everyone_grant_reading();
                }
                let message = format!("allowed by {granted_by}");
                self.say(Step::Decision, Verdict::Allow, message, Vec::new());
                Decision::Allowed
            }
            Some(how) if GrantStrength::of(how) == GrantStrength::LimitedBySession => {
                let message = format!(
                    "{} names {}; that allows the request without an identity policy, but the session's permissions boundary and session policy still limit it (EVAL, POL)",
                    self.describe(&grants),
                    match how {
                        NamedAs::FederatingUser =>
                            "the IAM user who created this federated session",
                        _ => "the role the caller is a session of",
                    }
                );
                self.say(Step::RepositoryPolicy, Verdict::Allow, message, grants);
                self.limits_then_decide(&granted_by)
            }
            Some(_) => {
                let message = format!(
                    "{} names the caller's account; that delegates to the account, so an identity policy must still allow the request (POL)",
                    self.describe(&grants)
                );
                self.say(Step::RepositoryPolicy, Verdict::Info, message, grants);
                self.identity_then_decide()
            }
            None => {
                let message = if self.inputs.registry_level {
                    "a registry-level action is not governed by the repository policy; only IAM policies can allow it (ECRPOL)"
                    .to_string()
                } else if self.has(PolicyKind::Repository) || self.has(PolicyKind::Registry) {
                    format!(
                        "no statement of {} allows the request; in the same account an identity policy can allow it instead (ECRPOL, PTCIAM)",
                        self.resource_policies()
                    )
                } else {
                    "the repository has no repository policy; an identity policy must allow the request"
                        .to_string()
                };
                self.say(Step::RepositoryPolicy, Verdict::Info, message, Vec::new());
                self.identity_then_decide()
            }
        }
    }

    fn identity_then_decide(&mut self) -> Decision {
        if self.identity_side(false) {
            self.say(
                Step::Decision,
                Verdict::Allow,
                "allowed by the caller's identity policies",
                Vec::new(),
            );
            Decision::Allowed
        } else {
            Decision::ImplicitDeny
        }
    }

    fn limits_then_decide(&mut self, granted_by: &str) -> Decision {
        if self.boundary_allows() && self.session_allows() {
            let message = format!("allowed by {granted_by} within the session's limits");
            self.say(Step::Decision, Verdict::Allow, message, Vec::new());
            Decision::Allowed
        } else {
            Decision::ImplicitDeny
        }
    }

    /// Steps 5 to 7: identity policies, then the boundary, then the session.
    fn identity_side(&mut self, cross_account: bool) -> bool {
        let allows = self.matching(
            |policy| policy.kind == PolicyKind::Identity,
            StatementOutcome::AllowMatch,
        );
        if allows.is_empty() {
            let message = if self.has(PolicyKind::Identity) {
                "no identity policy allows the request, so it is implicitly denied (EVAL)"
            } else {
                "the caller has no identity policy, so nothing on its side allows the request (EVAL)"
            };
            let message = if cross_account {
                format!("{message}; across accounts the caller's own account must allow it too")
            } else {
                message.to_string()
            };
            self.say(Step::IdentityPolicies, Verdict::Deny, message, Vec::new());
            return false;
        }
        let message = format!("{} allows the request", self.describe(&allows));
        self.say(Step::IdentityPolicies, Verdict::Allow, message, allows);
        self.boundary_allows() && self.session_allows()
    }

    /// Step 6 (EVAL, BOUND).
    fn boundary_allows(&mut self) -> bool {
        if !self.inputs.has_boundary {
            return true;
        }
        let allows = self.matching(
            |policy| policy.kind == PolicyKind::Boundary,
            StatementOutcome::AllowMatch,
        );
        if allows.is_empty() {
            self.say(
                Step::PermissionsBoundary,
                Verdict::Deny,
                "the permissions boundary does not allow the request; a boundary sets the most the caller can do (BOUND)",
                Vec::new(),
            );
            return false;
        }
        let message = format!(
            "{} allows the request within the boundary",
            self.describe(&allows)
        );
        self.say(Step::PermissionsBoundary, Verdict::Allow, message, allows);
        true
    }

    /// Step 7 (EVAL): role sessions and federated users are limited by their session policy.
    fn session_allows(&mut self) -> bool {
        let caller = self.inputs.caller;
        if !caller.is_session() {
            return true;
        }
        if !self.inputs.has_session_policy {
            if matches!(caller, Caller::FederatedUser { .. }) {
                self.say(
                    Step::SessionPolicy,
                    Verdict::Deny,
                    "a federated user's session has only the permissions of the session policy passed to GetFederationToken, and there is none (EVAL)",
                    Vec::new(),
                );
                return false;
            }
            return true;
        }
        let allows = self.matching(
            |policy| policy.kind == PolicyKind::Session,
            StatementOutcome::AllowMatch,
        );
        if allows.is_empty() {
            self.say(
                Step::SessionPolicy,
                Verdict::Deny,
                "the session policy does not allow the request; a session has at most what its session policy allows (EVAL, POL)",
                Vec::new(),
            );
            return false;
        }
        let message = format!(
            "{} allows the request for this session",
            self.describe(&allows)
        );
        self.say(Step::SessionPolicy, Verdict::Allow, message, allows);
        true
    }

    /// Section 8 reading ([`Reading::EveryoneGrantNotLimited`]): the grant to `"*"` is not limited by
    /// the boundary or the session policy. When one of them would have denied, the chain says that the
    /// decision rests on the reading, at that step.
    fn everyone_grant_reading(&mut self) {
        let said = self.reasons.len();
        let within_limits = self.boundary_allows() && self.session_allows();
        let limits = self.reasons.split_off(said);
        if within_limits {
            return;
        }
        let Some(denial) = limits
            .into_iter()
            .find(|reason| reason.verdict == Verdict::Deny)
        else {
            return;
        };
        let message = format!(
            "{}; the grant to `\"*\"` allows the request anyway, and this rests on a reading: {}",
            denial.message,
            Reading::EveryoneGrantNotLimited.explanation()
        );
        self.say(denial.step, Verdict::Info, message, denial.statements);
    }

    /// Whether every matching resource-policy grant that is not limited on its own names `"*"`, so that
    /// the [`Reading::EveryoneGrantNotLimited`] is what makes it unlimited.
    fn only_everyone_grant_is_unlimited(&self) -> bool {
        let unlimited: Vec<NamedAs> = self
            .resource_grants()
            .filter(|how| GrantStrength::of(*how) == GrantStrength::Unlimited)
            .collect();
        !unlimited.is_empty() && unlimited.iter().all(|how| *how == NamedAs::Everyone)
    }

    fn best_grant(&self) -> Option<NamedAs> {
        self.resource_grants()
            .max_by_key(|how| GrantStrength::of(*how))
    }

    /// How each matching Allow of the repository policy and the registry policy names the caller.
    fn resource_grants(&self) -> impl Iterator<Item = NamedAs> + '_ {
        self.inputs
            .policies
            .iter()
            .filter(|policy| policy.kind.is_ecr_resource_policy())
            .flat_map(|policy| policy.statements)
            .filter(|statement| statement.outcome == StatementOutcome::AllowMatch)
            .filter_map(|statement| statement.named_as)
    }

    /// The Allow statements of the repository policy and the registry policy that match the request.
    fn resource_policy_allows(&self) -> Vec<StatementRef> {
        self.matching(
            |policy| policy.kind.is_ecr_resource_policy(),
            StatementOutcome::AllowMatch,
        )
    }

    /// The applicable ECR resource-based policies in words, joined with `or`: `the repository policy`
    /// (also when there is none, as the place a grant would be), `the registry policy`, or both.
    fn resource_policies(&self) -> &'static str {
        match (
            self.has(PolicyKind::Repository),
            self.has(PolicyKind::Registry),
        ) {
            (true, true) => "the repository policy or the registry policy",
            (false, true) => "the registry policy",
            _ => "the repository policy",
        }
    }

    /// The policies the statements `refs` belong to, in words, each once, joined with `and`.
    fn policies_of(&self, refs: &[StatementRef]) -> String {
        let mut names: Vec<String> = Vec::new();
        for policy in self
            .inputs
            .policies
            .iter()
            .filter(|policy| refs.iter().any(|reference| reference.policy == policy.id))
        {
            let name = policy_phrase(policy.kind, policy.name);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names.join(" and ")
    }

    fn has(&self, kind: PolicyKind) -> bool {
        self.inputs
            .policies
            .iter()
            .any(|policy| policy.kind == kind)
    }

    fn matching(
        &self,
        which: impl Fn(&PolicyOutcomes<'_>) -> bool,
        outcome: StatementOutcome,
    ) -> Vec<StatementRef> {
        self.inputs
            .policies
            .iter()
            .filter(|policy| which(policy))
            .flat_map(|policy| {
                policy
                    .statements
                    .iter()
                    .filter(move |statement| statement.outcome == outcome)
                    .map(|statement| StatementRef {
                        policy: policy.id.to_string(),
                        statement: statement.index,
                    })
            })
            .collect()
    }

    /// The statements in words (``statement `Pull` of the repository policy``), joined with `and`.
    fn describe(&self, refs: &[StatementRef]) -> String {
        let mut described = String::new();
        for reference in refs {
            let Some(policy) = self
                .inputs
                .policies
                .iter()
                .find(|policy| policy.id == reference.policy)
            else {
                continue;
            };
            let Some(statement) = policy
                .statements
                .iter()
                .find(|statement| statement.index == reference.statement)
            else {
                continue;
            };
            if !described.is_empty() {
                described.push_str(" and ");
            }
            described.push_str(statement.label);
            described.push_str(" of ");
            described.push_str(&policy_phrase(policy.kind, policy.name));
        }
        described
    }

    /// Adds a step to the chain. A statement it cites whose match rests on a reading says so.
    fn say(
        &mut self,
        step: Step,
        verdict: Verdict,
        message: impl Into<String>,
        statements: Vec<StatementRef>,
    ) {
        let mut message = message.into();
        for reference in &statements {
            if let Some(reading) = self.reading_of(reference) {
                let which = if statements.len() == 1 {
                    "it".to_string()
                } else {
                    self.describe(std::slice::from_ref(reference))
                };
                message.push_str(&format!(
                    "; {which} applies because of a reading: {}",
                    reading.explanation()
                ));
            }
        }
        self.reasons.push(Reason {
            step,
            verdict,
            message,
            statements,
        });
    }

    /// The reading the statement `reference` rests on, if any.
    fn reading_of(&self, reference: &StatementRef) -> Option<Reading> {
        self.inputs
            .policies
            .iter()
            .filter(|policy| policy.id == reference.policy)
            .flat_map(|policy| policy.statements)
            .find(|statement| statement.index == reference.statement)
            .and_then(|statement| statement.reading)
    }
}

fn describe_named_as(how: NamedAs) -> &'static str {
    match how {
        NamedAs::Everyone => {
            "through `\"*\"` (everyone); for principals of the repository's own account such a grant needs nothing else (PRIN), and the engine treats it like one naming the caller's ARN (section 8)"
        }
        NamedAs::Account => "through its account",
        NamedAs::ExactUser => "by its IAM user ARN",
        NamedAs::Role => "by its role ARN",
        NamedAs::RoleSession => "by its role-session ARN",
        NamedAs::FederatedUser => "by its federated-user ARN",
        NamedAs::Service => "by its service principal name",
        NamedAs::FederatingUser => "through the IAM user who created its federated session",
    }
}
