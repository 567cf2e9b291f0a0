//! [`StatementTwins`]: which statements of one version of a scenario's policies are written exactly as
//! a statement of another version, so that a request prepared on both versions matches each such
//! statement once. The access diff decides its requests under two versions of one policy whose other
//! statements, and other policies, are mostly unchanged.
//!
//! A statement's action-independent results depend only on what it says, its policy's kind and
//! version, and the request; the same text of a statement object, in a policy of the same kind and
//! version, says the same. Only its position differs, which gives its label when it has no `Sid`.

use std::borrow::Cow;

use crate::policy::Policy;
use crate::scenario::Scenario;

use super::inputs::policy_texts;
use super::policy_set::PolicySet;

/// For each statement of each policy of one set, the position (policy, statement) in another set of a
/// statement with the same text in a policy of the same kind and version.
#[derive(Debug, Clone, Default)]
pub struct StatementTwins {
    /// By policy, then statement, of the first set; empty for a policy that did not parse.
    twins: Vec<Vec<Option<(usize, usize)>>>,
}

impl StatementTwins {
    /// The twins in `other`, the policies of `other_scenario`, of the statements of `set`, the policies
    /// of `scenario`.
    pub fn between(
        set: &PolicySet,
        scenario: &Scenario,
        other: &PolicySet,
        other_scenario: &Scenario,
    ) -> Self {
        let (texts, other_texts) = (policy_texts(scenario), policy_texts(other_scenario));
        let others = statement_texts(other, &other_texts);
        let twins = statement_texts(set, &texts)
            .iter()
            .map(|policy| {
                policy
                    .iter()
                    .map(|statement| {
                        others.iter().enumerate().find_map(|(at, policy)| {
                            let index = policy.iter().position(|other| statement.same(other))?;
                            Some((at, index))
                        })
                    })
                    .collect()
            })
            .collect();
        Self { twins }
    }

    /// The twin of statement `statement` of policy `policy`, when it has one.
    pub(super) fn of(&self, policy: usize, statement: usize) -> Option<(usize, usize)> {
        *self.twins.get(policy)?.get(statement)?
    }
}

/// The statements of each policy of `set` with their texts (`texts`, the policies' texts in the same
/// order); none for a policy that did not parse.
fn statement_texts<'a>(
    set: &'a PolicySet,
    texts: &'a [Cow<'_, str>],
) -> Vec<Vec<StatementText<'a>>> {
    set.policies
        .iter()
        .zip(texts)
        .map(|(loaded, text)| match &loaded.parsed.policy {
            Some(policy) => policy
                .statements
                .iter()
                .map(|statement| StatementText {
                    policy,
                    text: text.get(statement.span.range()),
                })
                .collect(),
            None => Vec::new(),
        })
        .collect()
}

/// A statement's text in its policy; `None` when its span is not in the text.
struct StatementText<'a> {
    policy: &'a Policy,
    text: Option<&'a str>,
}

impl StatementText<'_> {
    /// Whether the two say the same: the same text, in policies of the same kind and version.
    fn same(&self, other: &StatementText<'_>) -> bool {
        self.policy.kind == other.policy.kind
            && self.policy.version == other.policy.version
            && self.text.is_some()
            && self.text == other.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::scenario_from_text;

    fn scenario(policy: &str) -> Scenario {
        let text = format!(
            r#"{{"repositoryPolicy": {policy}, "request": {{"principal": "arn:aws:iam::111122223333:root", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}}}"#
        );
        scenario_from_text(&text).unwrap()
    }

    fn twins(new: &Scenario, old: &Scenario) -> StatementTwins {
        let load = |scenario: &Scenario| PolicySet::load(scenario, scenario.first_request());
        StatementTwins::between(&load(new), new, &load(old), old)
    }

    const PULL: &str = r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}"#;
    const PUSH: &str = r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:PutImage"}"#;

    #[test]
    fn a_statement_written_the_same_is_the_twin_wherever_it_is() {
        let old = scenario(&format!(
            r#"{{"Version": "2012-10-17", "Statement": [{PULL}]}}"#
        ));
        let new = scenario(&format!(
            r#"{{"Version": "2012-10-17", "Statement": [{PUSH}, {PULL}]}}"#
        ));
        let twins = twins(&new, &old);
        assert_eq!(twins.of(0, 0), None);
        assert_eq!(twins.of(0, 1), Some((0, 0)));
    }

    #[test]
    fn a_statement_under_another_version_has_no_twin() {
        let old = scenario(&format!(
            r#"{{"Version": "2008-10-17", "Statement": [{PULL}]}}"#
        ));
        let new = scenario(&format!(
            r#"{{"Version": "2012-10-17", "Statement": [{PULL}]}}"#
        ));
        assert_eq!(twins(&new, &old).of(0, 0), None);
    }
}
