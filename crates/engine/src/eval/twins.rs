//! [`StatementTwins`]: which statements of one version of a scenario's policies are written exactly as
//! a statement of another version, so that a request prepared on both versions matches each such
//! statement once. The access diff decides its requests under two versions of one policy whose other
//! statements, and other policies, are mostly unchanged.
//!
//! A statement's action-independent results depend only on what it says, its policy's kind and
//! version, and the request; the same text of a statement object, in a policy of the same kind and
//! version, says the same. Only its position differs, which gives its label when it has no `Sid`.

use crate::policy::Policy;

use super::policy_set::PolicySet;

/// For each statement of each policy of one set, the position (policy, statement) in another set of a
/// statement with the same text in a policy of the same kind and version.
#[derive(Debug, Clone, Default)]
pub struct StatementTwins {
    /// By policy, then statement, of the first set; empty for a policy that did not parse.
    twins: Vec<Vec<Option<(usize, usize)>>>,
}

impl StatementTwins {
    /// The twins in `other` of the statements of `set`.
    pub fn between(set: &PolicySet, other: &PolicySet) -> Self {
        let others = statement_texts(other);
        let twins = statement_texts(set)
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

/// The statements of each policy of `set` with their texts; none for a policy that did not parse.
fn statement_texts(set: &PolicySet) -> Vec<Vec<StatementText<'_>>> {
    set.policies
        .iter()
        .map(|loaded| match &loaded.parsed.policy {
            Some(policy) => policy
                .statements
                .iter()
                .map(|statement| StatementText {
                    policy,
                    text: loaded.text.get(statement.span.start..statement.span.end),
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
    use crate::scenario::{Scenario, scenario_from_text};

    fn policies(policy: &str) -> PolicySet {
        let text = format!(
            r#"{{"repositoryPolicy": {policy}, "request": {{"principal": "arn:aws:iam::111122223333:root", "action": "ecr:BatchGetImage", "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}}}}"#
        );
        let scenario: Scenario = scenario_from_text(&text).unwrap();
        PolicySet::load(&scenario, scenario.first_request())
    }

    const PULL: &str = r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage"}"#;
    const PUSH: &str = r#"{"Effect": "Allow", "Principal": "*", "Action": "ecr:PutImage"}"#;

    #[test]
    fn a_statement_written_the_same_is_the_twin_wherever_it_is() {
        let old = policies(&format!(
            r#"{{"Version": "2012-10-17", "Statement": [{PULL}]}}"#
        ));
        let new = policies(&format!(
            r#"{{"Version": "2012-10-17", "Statement": [{PUSH}, {PULL}]}}"#
        ));
        let twins = StatementTwins::between(&new, &old);
        assert_eq!(twins.of(0, 0), None);
        assert_eq!(twins.of(0, 1), Some((0, 0)));
    }

    #[test]
    fn a_statement_under_another_version_has_no_twin() {
        let old = policies(&format!(
            r#"{{"Version": "2008-10-17", "Statement": [{PULL}]}}"#
        ));
        let new = policies(&format!(
            r#"{{"Version": "2012-10-17", "Statement": [{PULL}]}}"#
        ));
        assert_eq!(StatementTwins::between(&new, &old).of(0, 0), None);
    }
}
