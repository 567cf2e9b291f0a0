//! Looking things up in the catalogue: actions by name or wildcard pattern, condition keys, and
//! did-you-mean suggestions. Action and key names are case-insensitive (ACT, COND).

use super::index::{Place, Tables};
use super::key_name;
use super::model::{Action, Catalog, ConditionKey, GlobalConditionKey, Service};
use crate::distance::{is_close, levenshtein};
use crate::matching::glob_match_ignore_case;
use crate::policy::has_wildcard;

/// The service whose repository actions make the "all actions" matrix.
const MATRIX_SERVICE: &str = "ecr";

impl Catalog {
    /// The service with this prefix (`ecr`, `ECR-Public`), case-insensitive.
    pub fn service(&self, prefix: &str) -> Option<&Service> {
        self.services
            .iter()
            .find(|service| service.prefix.eq_ignore_ascii_case(prefix))
    }

    /// Whether `prefix` is an AWS service prefix (case-insensitive); `None` when the catalogue has no
    /// prefix list to tell.
    pub fn is_service_prefix(&self, prefix: &str) -> Option<bool> {
        if self.service_prefixes.is_empty() {
            return None;
        }
        let lowered = prefix.to_ascii_lowercase();
        Some(
            self.service_prefixes
                .binary_search_by(|known| known.as_str().cmp(&lowered))
                .is_ok(),
        )
    }

    /// The AWS service prefix closest to a `prefix` that is not one, when it is close enough to be a
    /// misspelling: `ecrr` gives `ecr`.
    pub fn suggest_service_prefix(&self, prefix: &str) -> Option<&str> {
        let lowered = prefix.to_ascii_lowercase();
        self.service_prefixes
            .iter()
            .map(|known| (levenshtein(&lowered, known), known))
            .filter(|(distance, _)| is_close(*distance, lowered.len()))
            .min_by_key(|(distance, _)| *distance)
            .map(|(_, known)| known.as_str())
    }

    /// Every action of every service, in catalogue order (by service, then by name).
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.services.iter().flat_map(|service| &service.actions)
    }

    /// The action a policy names, prefix included, case-insensitive: `ecr:batchgetimage`.
    pub fn action(&self, name: &str) -> Option<&Action> {
        let tables = self.tables();
        tables
            .named(name)
            .find_map(|position| self.action_at(tables, position))
    }

    /// The actions an `Action` pattern covers: `*`, `ecr:*`, `ecr:Batch*`, `ecr:Get?mage` (case-insensitive,
    /// matched against the full `service:Name`). A pattern for a service the catalogue does not know gives
    /// nothing.
    pub fn expand(&self, pattern: &str) -> Vec<&Action> {
        self.covered_by(pattern).collect()
    }

    /// The actions [`expand`](Self::expand) lists, in the same order, found one at a time: for a caller that
    /// asks only whether there are any, or whether all of them are of some kind, without collecting them.
    pub fn covered_by<'c, 'p>(
        &'c self,
        pattern: &'p str,
    ) -> impl Iterator<Item = &'c Action> + use<'c, 'p> {
        let tables = self.tables();
        let ascii = tables.ascii_names && pattern.is_ascii();
        // An ASCII pattern without wildcards names the actions whose full name it equals ignoring ASCII
        // case, as the glob would find when the names are ASCII too: a comparison of lengths rules out
        // nearly every other action at once.
        let exact = ascii && !has_wildcard(pattern);
        // `*`, or an ASCII `service:pattern` whose service has no wildcard: the full name matches when the
        // service is the action's (the `:` can only meet the name's own) and the rest matches its name.
        let service_and_name = (!exact)
            .then(|| pattern.split_once(':'))
            .flatten()
            .filter(|(service, _)| ascii && !has_wildcard(service));
        let matches = move |place: Place, full_name: &str| match service_and_name {
            _ if pattern == "*" => true,
            Some((service, name)) => self.action_at_place(place).is_some_and(|action| {
                action.service.eq_ignore_ascii_case(service)
                    && (name == "*" || glob_match_ignore_case(name, &action.name))
            }),
            None => glob_match_ignore_case(pattern, full_name),
        };
        // An exact name is looked up by its length in the name index, which lists the same actions in
        // the same order as comparing it with every full name would.
        let named = exact
            .then(|| tables.named(pattern))
            .into_iter()
            .flatten()
            .filter_map(|position| tables.actions.get(position));
        let scanned = (!exact)
            .then(|| tables.actions.iter())
            .into_iter()
            .flatten()
            .filter(move |(place, full_name)| matches(*place, full_name));
        named
            .chain(scanned)
            .filter_map(|(place, _)| self.action_at_place(*place))
    }

    /// The lookup tables, made on the first lookup.
    fn tables(&self) -> &Tables {
        self.index.tables(self)
    }

    /// The action at `position` in the tables' catalogue order.
    fn action_at(&self, tables: &Tables, position: usize) -> Option<&Action> {
        let (place, _) = tables.actions.get(position)?;
        self.action_at_place(*place)
    }

    /// The action at `place`.
    fn action_at_place(&self, place: Place) -> Option<&Action> {
        self.services.get(place.service)?.actions.get(place.action)
    }

    /// The action a misspelled name probably meant (`ecr:BatchGetImages` -> `ecr:BatchGetImage`), or `None`
    /// when the name is an action already or nothing is close.
    pub fn suggest_action(&self, name: &str) -> Option<&Action> {
        if self.action(name).is_some() {
            return None;
        }
        let wanted = name.to_ascii_lowercase();
        closest(self.actions(), &wanted, |action| {
            action.full_name().to_ascii_lowercase()
        })
    }

    /// The `ecr:` actions that act on a repository: the rows of the "all actions" matrix.
    pub fn repository_actions(&self) -> impl Iterator<Item = &Action> {
        self.service(MATRIX_SERVICE)
            .into_iter()
            .flat_map(|service| &service.actions)
            .filter(|action| action.takes_repository())
    }

    /// The registry-level actions of the service the matrix shows (no resource type: GetAuthorizationToken,
    /// the registry policy, pull-through cache rules, ...), in catalogue order.
    pub fn registry_actions(&self) -> impl Iterator<Item = &Action> {
        self.service(MATRIX_SERVICE)
            .into_iter()
            .flat_map(|service| &service.actions)
            .filter(|action| action.is_registry_level())
    }

    /// The global key a policy names, case-insensitive, tag keys filled in (`aws:PrincipalTag/team`).
    pub fn global_key(&self, name: &str) -> Option<&GlobalConditionKey> {
        self.tables()
            .global_key(name)
            .and_then(|position| self.global_condition_keys.get(position))
    }

    /// The service-specific key a policy names (`ecr:AccountSetting`, `ecr-public:ResourceTag/team`),
    /// looked up in the service its prefix names; `aws:` keys are global, see [`Catalog::global_key`].
    pub fn service_key(&self, name: &str) -> Option<&ConditionKey> {
        let (prefix, _) = name.split_once(':')?;
        self.service(prefix)?
            .condition_keys
            .iter()
            .find(|key| key_name::matches(&key.name, name))
    }

    /// The global key a misspelled `aws:` key probably meant (`aws:SourceIps` -> `aws:SourceIp`,
    /// `aws:PrincipalTags/team` -> `aws:PrincipalTag/${TagKey}`), or `None` when the name is a global key
    /// already or nothing is close.
    pub fn suggest_key(&self, name: &str) -> Option<&GlobalConditionKey> {
        if self.global_key(name).is_some() {
            return None;
        }
        let lowered = name.to_ascii_lowercase();
        // A tagged name compares by its part up to the `/`, as the templates do.
        let wanted = match lowered.split_once('/') {
            Some((head, _)) => format!("{head}/"),
            None => lowered,
        };
        closest(self.global_condition_keys.iter(), &wanted, |key| {
            key_name::comparable(&key.name)
        })
    }
}

/// The candidate whose comparable name is nearest to `wanted`, if it is close enough; the first one wins
/// a tie, so the answer follows catalogue order.
fn closest<'a, T>(
    candidates: impl Iterator<Item = &'a T>,
    wanted: &str,
    comparable: impl Fn(&T) -> String,
) -> Option<&'a T>
where
    T: 'a,
{
    let wanted_len = wanted.chars().count();
    candidates
        .map(|candidate| (levenshtein(wanted, &comparable(candidate)), candidate))
        .filter(|(distance, _)| is_close(*distance, wanted_len))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}
