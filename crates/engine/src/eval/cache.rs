//! [`PolicyCache`]: parsed and linted policies remembered between preparations, for a caller such as
//! the page that evaluates the same scenario again after every edit, usually an edit of one policy.

use std::collections::HashMap;

use crate::lint::LintOptions;
use crate::policy::PolicyKind;
use crate::scenario::Scenario;

use super::inputs::{CheckedPolicy, check_policy, load_policies};
use super::{Prepared, lint_options, prepare_loaded};

/// How many preparations an unused policy is remembered for. Two keeps the policies of the previous
/// scenario while the next one is prepared, so that alternating calls (an evaluation, then the matrix of
/// an edited scenario) find theirs, and bounds the cache to two scenarios' worth of policies.
const KEPT_PREPARATIONS: u64 = 2;

/// Parsed and linted policies by what determines them: kind, text and lint options. Preparing through
/// the cache gives exactly what [`prepare`](super::prepare) gives; only unchanged policies are not
/// parsed and linted again.
#[derive(Debug, Default)]
pub struct PolicyCache {
    entries: HashMap<CacheKey, Entry>,
    /// How many preparations the cache has made.
    preparations: u64,
}

/// What a policy's parse and findings depend on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct CacheKey {
    kind: PolicyKind,
    text: String,
    repository_arn: Option<String>,
}

/// A remembered policy and the preparation that last used it.
#[derive(Debug)]
struct Entry {
    checked: CheckedPolicy,
    last_used: u64,
}

impl PolicyCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// [`prepare`](super::prepare), parsing and linting only the policies this cache does not hold.
    /// Policies that the last two preparations did not use are forgotten.
    pub fn prepare<'a>(&mut self, scenario: &'a Scenario) -> Prepared<'a> {
        self.preparations += 1;
        let now = self.preparations;
        let options = lint_options(scenario);
        let policies = load_policies(scenario, |text, kind| {
            self.checked(text, kind, &options, now)
        });
        self.entries
            .retain(|_, entry| now - entry.last_used < KEPT_PREPARATIONS);
        prepare_loaded(scenario, policies)
    }

    /// How many policies the cache holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the cache holds no policy.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The remembered check of `text` as a `kind` policy, made now when there is none.
    fn checked(
        &mut self,
        text: &str,
        kind: PolicyKind,
        options: &LintOptions,
        now: u64,
    ) -> CheckedPolicy {
        let key = CacheKey {
            kind,
            text: text.to_owned(),
            repository_arn: options.repository_arn.clone(),
        };
        let entry = self.entries.entry(key).or_insert_with(|| Entry {
            checked: check_policy(text, kind, options),
            last_used: now,
        });
        entry.last_used = now;
        entry.checked.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::{RequestTime, prepare};
    use crate::scenario::scenarios_from_text;

    const TIME: RequestTime = RequestTime(1_780_272_000);

    fn scenario(repository_policy: &str, resource: &str) -> Scenario {
        let identity = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]}"#;
        let document = serde_json::json!({
            "name": "cache",
            "repositoryPolicy": repository_policy,
            "identityPolicies": [{"name": "pull", "policy": identity}],
            "request": {
                "principal": "arn:aws:iam::111122223333:role/ci",
                "action": "ecr:BatchGetImage",
                "resource": resource,
            },
        });
        scenarios_from_text(&document.to_string())
            .unwrap()
            .pop()
            .unwrap()
    }

    const ALLOW: &str = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Pull", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": "ecr:BatchGetImage"}]}"#;
    const DENY: &str = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "NoPull", "Effect": "Deny", "Principal": "*", "Action": "ecr:*"}]}"#;
    const REPOSITORY: &str = "arn:aws:ecr:us-east-1:111122223333:repository/app";

    fn json(scenario: &Scenario, cache: &mut PolicyCache) -> (String, String) {
        let cached = cache
            .prepare(scenario)
            .evaluate(&scenario.request.action, TIME);
        let fresh = prepare(scenario).evaluate(&scenario.request.action, TIME);
        (
            serde_json::to_string(&cached).unwrap(),
            serde_json::to_string(&fresh).unwrap(),
        )
    }

    #[test]
    fn cached_preparation_gives_what_a_fresh_one_gives() {
        let mut cache = PolicyCache::new();
        for scenario in [
            scenario(ALLOW, REPOSITORY),
            scenario(DENY, REPOSITORY),
            scenario(ALLOW, REPOSITORY),
            scenario("{ broken", REPOSITORY),
            scenario(ALLOW, "arn:aws:ecr:us-east-1:999999999999:repository/other"),
        ] {
            let (cached, fresh) = json(&scenario, &mut cache);
            assert_eq!(cached, fresh);
        }
    }

    #[test]
    fn lint_findings_follow_the_repository_arn_not_only_the_text() {
        // The same policy text linted for another repository can give other findings (RESOURCE lint
        // compares `Resource` with the repository), so the repository is part of what is remembered.
        let policy = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Pull", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}]}"#;
        let mut cache = PolicyCache::new();
        let mut findings = Vec::new();
        for resource in [
            REPOSITORY,
            "arn:aws:ecr:us-east-1:111122223333:repository/other",
        ] {
            let scenario = scenario(policy, resource);
            let (cached, fresh) = json(&scenario, &mut cache);
            assert_eq!(cached, fresh);
            let prepared = cache.prepare(&scenario);
            findings.push(prepared.policies()[0].diagnostics.len());
        }
        assert_ne!(
            findings[0], findings[1],
            "the two repositories give different findings"
        );
    }

    #[test]
    fn unchanged_policies_are_not_parsed_again() {
        let mut cache = PolicyCache::new();
        let first = scenario(ALLOW, REPOSITORY);
        let parsed = |cache: &mut PolicyCache, scenario: &Scenario| {
            cache
                .prepare(scenario)
                .policies()
                .iter()
                .map(|policy| policy.parsed.clone())
                .collect::<Vec<_>>()
        };
        let before = parsed(&mut cache, &first);
        let after = parsed(&mut cache, &scenario(DENY, REPOSITORY));
        assert!(
            !std::ptr::eq(&*before[0], &*after[0]),
            "the edited policy is parsed anew"
        );
        assert!(
            std::ptr::eq(&*before[1], &*after[1]),
            "the unchanged one is reused"
        );
    }

    #[test]
    fn policies_unused_by_the_last_two_preparations_are_forgotten() {
        let mut cache = PolicyCache::new();
        cache.prepare(&scenario(ALLOW, REPOSITORY));
        assert_eq!(cache.len(), 2);
        cache.prepare(&scenario(DENY, REPOSITORY));
        assert_eq!(
            cache.len(),
            3,
            "the previous repository policy is still kept"
        );
        cache.prepare(&scenario("{}", REPOSITORY));
        assert_eq!(
            cache.len(),
            3,
            "ALLOW, unused twice, is gone; DENY, {{}} and the identity policy stay"
        );
    }
}
