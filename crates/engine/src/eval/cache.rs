//! [`PolicyCache`]: parsed and linted policies remembered between preparations, for a caller such as
//! the page that evaluates the same scenario again after every edit, usually an edit of one policy.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::lint::LintOptions;
use crate::policy::PolicyKind;
use crate::registry::RegistryPolicyScope;
use crate::scenario::{Request, Scenario};

use super::inputs::{CheckedPolicy, check_policy, load_policies};
use super::{Matching, PolicySet, Prepared, lint_options, prepare_loaded};

/// How many preparations an unused policy is remembered for. Two keeps the policies of the previous
/// scenario while the next one is prepared, so that alternating calls (an evaluation, then the matrix of
/// an edited scenario) find theirs, and bounds the cache to two scenarios' worth of policies.
const KEPT_PREPARATIONS: u64 = 2;

/// Parsed and linted policies by what determines them: kind, text and lint options (the repository ARN
/// and the registry policy scope). Preparing through
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
    registry_scope: RegistryPolicyScope,
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
        self.prepare_request(scenario, scenario.first_request())
    }

    /// [`prepare_request`](super::prepare_request) through this cache: a suite's requests on the same
    /// repository share one parse of each policy.
    pub fn prepare_request<'a>(
        &mut self,
        scenario: &'a Scenario,
        request: &'a Request,
    ) -> Prepared<'a> {
        let set = self.load(scenario, &lint_options(scenario, request));
        prepare_loaded(
            scenario,
            Cow::Borrowed(request),
            Cow::Owned(set),
            Matching::REPORTS,
        )
    }

    /// [`PolicySet::load`] through this cache: the policies of `scenario`, linted as for `request`,
    /// parsing and linting only those this cache does not hold. It counts as a preparation.
    pub fn load_set(&mut self, scenario: &Scenario, request: &Request) -> PolicySet {
        self.load(scenario, &lint_options(scenario, request))
    }

    /// The policies of `scenario` linted with `options`, parsing and linting only those this cache
    /// does not hold. It counts as a preparation: policies that the last two did not use are forgotten.
    pub(super) fn load(&mut self, scenario: &Scenario, options: &LintOptions) -> PolicySet {
        self.preparations += 1;
        let now = self.preparations;
        let policies = load_policies(scenario, |text, kind| {
            self.checked(text, kind, options, now)
        });
        self.entries
            .retain(|_, entry| now - entry.last_used < KEPT_PREPARATIONS);
        PolicySet::new(policies)
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
            registry_scope: options.registry_scope,
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
mod tests;
