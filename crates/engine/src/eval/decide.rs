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
    let mut procedure = Procedure::new(inputs, true);
    let decision = procedure.run();
    (decision, procedure.reasons)
}

/// Runs the procedure for the decision alone: the same steps, without building or wording the reason
/// chain.
pub fn decide_alone(inputs: &DecisionInputs<'_>) -> Decision {
    Procedure::new(inputs, false).run()
}

struct Procedure<'a, 'b> {
    inputs: &'b DecisionInputs<'a>,
    /// Whether the reason chain is wanted; without it no step says anything.
    explaining: bool,
    reasons: Vec<Reason>,
}

/// The matching statements a step rests on: whether there are any, and, when the reasons are wanted,
/// which (the decision alone does not list them).
struct Cited {
    any: bool,
    statements: Vec<StatementRef>,
}

impl Cited {
    fn is_empty(&self) -> bool {
        !self.any
    }
}

impl<'a, 'b> Procedure<'a, 'b> {
    /// The procedure over `inputs`, wording its reasons when `explaining`.
    fn new(inputs: &'b DecisionInputs<'a>, explaining: bool) -> Self {
        Procedure {
            inputs,
            explaining,
            reasons: Vec::new(),
        }
    }
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
                self.say(Step::Decision, Verdict::Allow, Vec::new(), |_, _| {
                    "the root user of the repository's account has full access in its own account; only explicit denies and organization policies limit it (EVAL)"
                });
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
        self.say(Step::ExplicitDeny, Verdict::Deny, denies.statements, |this, refs| {
            format!(
                "{} denies the request, and an explicit deny in any policy overrides every allow (EVAL)",
                this.describe(refs)
            )
        });
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
                self.say(step, Verdict::Deny, Vec::new(), |_, _| {
                    format!(
                        "no {} at level {} allows the request: every level from the root to the account must allow it{full_access}",
                        what,
                        level + 1
                    )
                });
                return Some(Decision::ImplicitDeny);
            }
            allowing.extend(allows.statements);
        }
        self.say(step, Verdict::Allow, allowing, |_, _| {
            format!("the {what} allow the request at every level")
        });
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
            self.say(Step::Decision, Verdict::Deny, Vec::new(), |_, _| {
                format!(
                    "{who} has no identity policies, and a registry-level action is not governed by a repository policy, so nothing can allow it"
                )
            });
            return Decision::ImplicitDeny;
        }
        let allows = self.resource_policy_allows();
        if allows.is_empty() {
            self.say(Step::RepositoryPolicy, Verdict::Deny, Vec::new(), |this, _| {
                format!(
                    "{who} is authorized by {} alone, and no statement of it allows the request",
                    this.resource_policies()
                )
            });
            return Decision::ImplicitDeny;
        }
        self.say(
            Step::RepositoryPolicy,
            Verdict::Allow,
            allows.statements,
            |this, refs| {
                format!(
                    "{} allows {who}, which needs no identity policy",
                    this.describe(refs)
                )
            },
        );
        Decision::Allowed
    }

    /// XACCT: the principal's account and the repository's account must both allow; on the repository's
    /// side the repository policy or the registry policy (section 7).
    fn cross_account(&mut self) -> Decision {
        let trusting = self.resource_policy_allows();
        let trusting_ok = !trusting.is_empty();
        let granted_by = self.wording(|this| this.policies_of(&trusting.statements));
        if trusting_ok {
            self.say(
                Step::RepositoryPolicy,
                Verdict::Allow,
                trusting.statements,
                |this, refs| {
                    format!(
                        "{} allows the caller's account side of this cross-account request",
                        this.describe(refs)
                    )
                },
            );
        } else {
            self.say(Step::RepositoryPolicy, Verdict::Deny, Vec::new(), |this, _| {
                format!(
                    "the request crosses accounts, so {} must name the caller or its account, and no statement of it allows the request",
                    this.resource_policies()
                )
            });
        }
        let trusted_ok = match self.inputs.caller {
            Caller::Root { .. } => {
                self.say(Step::IdentityPolicies, Verdict::Allow, Vec::new(), |_, _| {
                    "the caller is the root user of its account, which has full access there"
                });
                true
            }
            _ => self.identity_side(true),
        };
        let (decision, verdict) = if trusting_ok && trusted_ok {
            (Decision::Allowed, Verdict::Allow)
        } else {
            (Decision::ImplicitDeny, Verdict::Deny)
        };
        self.say(Step::CrossAccount, verdict, Vec::new(), |_, _| {
            match (trusting_ok, trusted_ok) {
                (true, true) => {
                    "both accounts allow the request, as a cross-account request needs (XACCT)".to_string()
                }
                (false, true) => {
                    "the caller's account allows the request but the repository's account does not: across accounts both must allow (XACCT)".to_string()
                }
                (true, false) => format!(
                    "{granted_by} allows the request but the caller's own account does not: across accounts the caller also needs an identity policy that allows it (XACCT)"
                ),
                (false, false) => {
                    "neither account allows the request; across accounts both must (XACCT)".to_string()
                }
            }
        });
        decision
    }

    /// Steps 4 to 7 in one account, following the table of section 1; a registry policy grant counts as a
    /// repository policy grant does (section 7).
    fn same_account(&mut self) -> Decision {
        let grants = self.resource_policy_allows();
        let granted_by = self.wording(|this| this.policies_of(&grants.statements));
        let best = self.best_grant();
        match best {
            Some(how) if GrantStrength::of(how) == GrantStrength::Unlimited => {
                self.say(
                    Step::RepositoryPolicy,
                    Verdict::Allow,
                    grants.statements,
                    |this, refs| {
                        format!(
                            "{} names the caller {}; in the same account that allows the request without an identity policy, and a permissions boundary or session policy does not limit it (EVAL, POL)",
                            this.describe(refs),
                            describe_named_as(how)
                        )
                    },
                );
                if self.explaining && self.only_everyone_grant_is_unlimited() {
                    self.everyone_grant_reading();
                }
                self.say(Step::Decision, Verdict::Allow, Vec::new(), |_, _| {
                    format!("allowed by {granted_by}")
                });
                Decision::Allowed
            }
            Some(how) if GrantStrength::of(how) == GrantStrength::LimitedBySession => {
                self.say(
                    Step::RepositoryPolicy,
                    Verdict::Allow,
                    grants.statements,
                    |this, refs| {
                        format!(
                            "{} names {}; that allows the request without an identity policy, but the session's permissions boundary and session policy still limit it (EVAL, POL)",
                            this.describe(refs),
                            match how {
                                NamedAs::FederatingUser =>
                                    "the IAM user who created this federated session",
                                _ => "the role the caller is a session of",
                            }
                        )
                    },
                );
                self.limits_then_decide(&granted_by)
            }
            Some(_) => {
                self.say(
                    Step::RepositoryPolicy,
                    Verdict::Info,
                    grants.statements,
                    |this, refs| {
                        format!(
                            "{} names the caller's account; that delegates to the account, so an identity policy must still allow the request (POL)",
                            this.describe(refs)
                        )
                    },
                );
                self.identity_then_decide()
            }
            None => {
                self.say(Step::RepositoryPolicy, Verdict::Info, Vec::new(), |this, _| {
                    if this.inputs.registry_level {
                        "a registry-level action is not governed by the repository policy; only IAM policies can allow it (ECRPOL)"
                        .to_string()
                    } else if this.has(PolicyKind::Repository) || this.has(PolicyKind::Registry) {
                        format!(
                            "no statement of {} allows the request; in the same account an identity policy can allow it instead (ECRPOL, PTCIAM)",
                            this.resource_policies()
                        )
                    } else {
                        "the repository has no repository policy; an identity policy must allow the request"
                            .to_string()
                    }
                });
                self.identity_then_decide()
            }
        }
    }

    fn identity_then_decide(&mut self) -> Decision {
        if self.identity_side(false) {
            self.say(
                Step::Decision,
                Verdict::Allow,
                Vec::new(),
                |_, _| "allowed by the caller's identity policies",
            );
            Decision::Allowed
        } else {
            Decision::ImplicitDeny
        }
    }

    fn limits_then_decide(&mut self, granted_by: &str) -> Decision {
        if self.boundary_allows() && self.session_allows() {
            self.say(Step::Decision, Verdict::Allow, Vec::new(), |_, _| {
                format!("allowed by {granted_by} within the session's limits")
            });
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
            self.say(Step::IdentityPolicies, Verdict::Deny, Vec::new(), |this, _| {
                let message = if this.has(PolicyKind::Identity) {
                    "no identity policy allows the request, so it is implicitly denied (EVAL)"
                } else {
                    "the caller has no identity policy, so nothing on its side allows the request (EVAL)"
                };
                if cross_account {
                    format!(
                        "{message}; across accounts the caller's own account must allow it too"
                    )
                } else {
                    message.to_string()
                }
            });
            return false;
        }
        self.say(
            Step::IdentityPolicies,
            Verdict::Allow,
            allows.statements,
            |this, refs| format!("{} allows the request", this.describe(refs)),
        );
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
            self.say(Step::PermissionsBoundary, Verdict::Deny, Vec::new(), |_, _| {
                "the permissions boundary does not allow the request; a boundary sets the most the caller can do (BOUND)"
            });
            return false;
        }
        self.say(
            Step::PermissionsBoundary,
            Verdict::Allow,
            allows.statements,
            |this, refs| {
                format!(
                    "{} allows the request within the boundary",
                    this.describe(refs)
                )
            },
        );
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
                self.say(Step::SessionPolicy, Verdict::Deny, Vec::new(), |_, _| {
                    "a federated user's session has only the permissions of the session policy passed to GetFederationToken, and there is none (EVAL)"
                });
                return false;
            }
            return true;
        }
        let allows = self.matching(
            |policy| policy.kind == PolicyKind::Session,
            StatementOutcome::AllowMatch,
        );
        if allows.is_empty() {
            self.say(Step::SessionPolicy, Verdict::Deny, Vec::new(), |_, _| {
                "the session policy does not allow the request; a session has at most what its session policy allows (EVAL, POL)"
            });
            return false;
        }
        self.say(
            Step::SessionPolicy,
            Verdict::Allow,
            allows.statements,
            |this, refs| {
                format!(
                    "{} allows the request for this session",
                    this.describe(refs)
                )
            },
        );
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
        self.say(denial.step, Verdict::Info, denial.statements, |_, _| {
            message
        });
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
    fn resource_policy_allows(&self) -> Cited {
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

    /// The statements of the policies `which` selects whose outcome is `outcome`.
    fn matching(
        &self,
        which: impl Fn(&PolicyOutcomes<'_>) -> bool,
        outcome: StatementOutcome,
    ) -> Cited {
        let mut found = self
            .inputs
            .policies
            .iter()
            .filter(|policy| which(policy))
            .flat_map(|policy| {
                policy
                    .statements
                    .iter()
                    .filter(move |statement| statement.outcome == outcome)
                    .map(move |statement| (policy, statement))
            });
        if !self.explaining {
            return Cited {
                any: found.next().is_some(),
                statements: Vec::new(),
            };
        }
        let statements: Vec<StatementRef> = found
            .map(|(policy, statement)| StatementRef {
                policy: policy.id.to_string(),
                statement: statement.index,
            })
            .collect();
        Cited {
            any: !statements.is_empty(),
            statements,
        }
    }

    /// What `words` writes when the reasons are wanted; nothing for the decision alone.
    fn wording(&self, words: impl FnOnce(&Self) -> String) -> String {
        if self.explaining {
            words(self)
        } else {
            String::new()
        }
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

    /// Adds a step citing `statements` to the chain, in the words `message` writes from them, when the
    /// reasons are wanted. A statement it cites whose match rests on a reading says so.
    fn say<M: Into<String>>(
        &mut self,
        step: Step,
        verdict: Verdict,
        statements: Vec<StatementRef>,
        message: impl FnOnce(&Self, &[StatementRef]) -> M,
    ) {
        if !self.explaining {
            return;
        }
        let mut message = message(self, &statements).into();
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
