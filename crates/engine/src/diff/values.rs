//! The representative contexts: for every condition key either version tests (other than those derived
//! from the caller, [`CALLER_KEYS`]), a value on each side of every condition on it, and absent:
//! - `IpAddress`/`NotIpAddress`: one address in each region of the partition that all the blocks on the
//!   key make of the address space (IPv6 only when some block is IPv6);
//! - string and ARN operators: each value as written, each pattern with its wildcards filled in, and a
//!   value that matches none;
//! - numeric and date operators: each value and the values one below and one above it (one second for
//!   dates);
//! - `Bool`: `true` and `false`; `BinaryEquals`: each value and another; `Null`: a present value.
//!
//! The contexts are every combination of the keys' values when there are at most [`MAX_CONTEXTS`];
//! beyond that, for each statement every combination of the values of the keys it tests (at most
//! [`MAX_CONTEXTS`] of them), the other keys absent.

use std::collections::{BTreeMap, BTreeSet};
use std::net::{Ipv4Addr, Ipv6Addr};

use crate::condition::{epoch_seconds, parse_ip_block};
use crate::eval::RequestTime;
use crate::policy::{OperatorBase, OperatorFamily, Statement};

use super::principals::CALLER_KEYS;

/// The most contexts the comparison combines the keys' values into.
pub(super) const MAX_CONTEXTS: usize = 64;

/// A string value that no string pattern of a policy is likely to match.
const NO_STRING_MATCH: &str = "comparison-matches-no-value";

/// An ARN that no ARN pattern of a policy is likely to match.
const NO_ARN_MATCH: &str = "arn:aws:iam::000000000000:user/comparison-matches-no-value";

/// One context: each present key's value, by key as first written.
pub(super) type Context = BTreeMap<String, String>;

/// The values one key takes in the representative contexts; `None` is absent.
#[derive(Debug, Clone, Default)]
struct KeyValues {
    /// The key as first written.
    key: String,
    values: BTreeSet<Option<String>>,
    /// The blocks of its IP conditions.
    ip_blocks: Vec<(bool, u128, u128)>,
}

/// Fills a pattern's wildcards (`*`, `?`) with `x`, so that the result matches it.
pub(super) fn instantiate(pattern: &str) -> String {
    pattern.replace(['*', '?'], "x")
}

/// The representative contexts of `statements` (those of both versions that can apply to one caller),
/// sorted, each once.
pub(super) fn contexts(statements: &[&Statement]) -> Vec<Context> {
    let keys = key_values(statements);
    let all: Vec<&KeyValues> = keys.values().collect();
    let full = all
        .iter()
        .try_fold(1usize, |count, key| count.checked_mul(key.values.len()))
        .is_some_and(|count| count <= MAX_CONTEXTS);
    let mut contexts: BTreeSet<Context> = BTreeSet::new();
    if full {
        contexts.extend(combinations(&all));
    } else {
        contexts.insert(Context::new());
        for statement in statements {
            let tested: BTreeSet<String> = statement
                .conditions
                .iter()
                .map(|condition| condition.key.value.to_ascii_lowercase())
                .collect();
            let tested: Vec<&KeyValues> = tested.iter().filter_map(|key| keys.get(key)).collect();
            contexts.extend(combinations(&tested).into_iter().take(MAX_CONTEXTS));
        }
    }
    contexts.into_iter().collect()
}

/// Every combination of the keys' values, absent keys left out.
fn combinations(keys: &[&KeyValues]) -> Vec<Context> {
    let mut contexts = vec![Context::new()];
    for key in keys {
        let mut next = Vec::with_capacity(contexts.len() * key.values.len());
        for context in &contexts {
            for value in &key.values {
                let mut context = context.clone();
                if let Some(value) = value {
                    context.insert(key.key.clone(), value.clone());
                }
                next.push(context);
            }
        }
        contexts = next;
    }
    contexts
}

/// The representative values of every key the statements' conditions test, by lowercase key (COND:
/// key names compare case-insensitively).
fn key_values(statements: &[&Statement]) -> BTreeMap<String, KeyValues> {
    let mut keys: BTreeMap<String, KeyValues> = BTreeMap::new();
    for condition in statements
        .iter()
        .flat_map(|statement| &statement.conditions)
    {
        let key = &condition.key.value;
        if CALLER_KEYS
            .iter()
            .any(|derived| derived.eq_ignore_ascii_case(key))
        {
            continue;
        }
        let entry = keys
            .entry(key.to_ascii_lowercase())
            .or_insert_with(|| KeyValues {
                key: key.to_string(),
                ..KeyValues::default()
            });
        entry.values.insert(None);
        let Some(operator) = condition.operator else {
            continue;
        };
        for value in &condition.values {
            add_values(entry, operator.base, &value.text);
        }
        if operator.base.family() == OperatorFamily::Null && entry.values.len() == 1 {
            entry.values.insert(Some(NO_STRING_MATCH.to_string()));
        }
    }
    for entry in keys.values_mut() {
        let addresses = partition(&entry.ip_blocks);
        entry.values.extend(addresses.into_iter().map(Some));
    }
    keys
}

/// Adds the values on each side of one condition value of `base`.
fn add_values(entry: &mut KeyValues, base: OperatorBase, text: &str) {
    let mut add = |value: String| {
        entry.values.insert(Some(value));
    };
    match base.family() {
        OperatorFamily::String => {
            add(text.to_string());
            if matches!(base, OperatorBase::StringLike | OperatorBase::StringNotLike) {
                add(instantiate(text));
            }
            add(NO_STRING_MATCH.to_string());
        }
        OperatorFamily::Arn => {
            add(text.to_string());
            add(instantiate(text));
            add(NO_ARN_MATCH.to_string());
        }
        OperatorFamily::Numeric => match text.parse::<i64>() {
            Ok(number) => {
                for near in [number.saturating_sub(1), number, number.saturating_add(1)] {
                    add(near.to_string());
                }
            }
            Err(_) => add(text.to_string()),
        },
        OperatorFamily::Date => match epoch_seconds(text) {
            Some(seconds) => {
                for near in [
                    seconds.saturating_sub(1),
                    seconds,
                    seconds.saturating_add(1),
                ] {
                    add(RequestTime(near).iso8601());
                }
            }
            None => add(text.to_string()),
        },
        OperatorFamily::Bool => {
            add("true".to_string());
            add("false".to_string());
        }
        OperatorFamily::Binary => {
            add(text.to_string());
            add("AA==".to_string());
        }
        OperatorFamily::Ip => {
            if let Some(block) = parse_ip_block(text) {
                entry.ip_blocks.push(block.range());
            }
        }
        OperatorFamily::Null => {}
    }
}

/// One address in each region of the partition that `blocks` make: the first address of the space and
/// each block's first address and the one after its last, for IPv4 always and for IPv6 when a block is.
fn partition(blocks: &[(bool, u128, u128)]) -> Vec<String> {
    if blocks.is_empty() {
        return Vec::new();
    }
    let mut addresses = Vec::new();
    for is_v6 in [false, true] {
        let of_family: Vec<&(bool, u128, u128)> =
            blocks.iter().filter(|(v6, _, _)| *v6 == is_v6).collect();
        if is_v6 && of_family.is_empty() {
            continue;
        }
        let top = if is_v6 {
            u128::MAX
        } else {
            u128::from(u32::MAX)
        };
        let mut starts: BTreeSet<u128> = BTreeSet::from([0]);
        for (_, first, last) in of_family {
            starts.insert(*first);
            if *last < top {
                starts.insert(last + 1);
            }
        }
        addresses.extend(starts.into_iter().map(|start| {
            if is_v6 {
                Ipv6Addr::from(start).to_string()
            } else {
                Ipv4Addr::from(u32::try_from(start).unwrap_or(u32::MAX)).to_string()
            }
        }));
    }
    addresses
}
