//! The decision alone ([`condition_holds`], [`conditions_hold`]) says a condition holds exactly when
//! the explained evaluation's outcome does: for every operator (each base, set qualifier and
//! `IfExists`, and an unknown name) over values of every family, valid and not, with variables, for a
//! missing key, an empty set, single and multivalued keys, under both policy versions.
//!
//! Both ways share each operator's comparison (`operand`) and the set qualifiers' combination (`set`),
//! so this proves only that the decision alone reads them as the explained way does; what each operator
//! and qualifier decides is held to the rule book by the operator tests beside this file, which write
//! their expected outcomes out.

use proptest::prelude::*;

use super::condition;
use crate::condition::{condition_holds, conditions_hold, evaluate_condition, evaluate_conditions};
use crate::context::{Context, ContextEntry, ContextSource};
use crate::policy::{Operator, OperatorBase, OperatorFamily, SharedList, SharedStr, Version};

/// Values of every family, some of them invalid for it, and text with variables and wildcards.
const VALUES: &[&str] = &[
    "web",
    "WEB",
    "w*b",
    "w?b",
    "${other}",
    "pre-${other}",
    "${missing}",
    "${missing, 'web'}",
    "w${*}b",
    "10",
    "1e1",
    "-2.5",
    "2026-06-01T00:00:00Z",
    "1780272000",
    "true",
    "False",
    "aGVsbG8=",
    "10.0.0.0/8",
    "10.1.2.3",
    "2001:db8::/32",
    "arn:aws:iam::123456789012:role/*",
    "arn:aws:iam::123456789012:role/web",
    "arn:aws:iam::*",
    "",
];

/// Every operator name: each base with each set qualifier, with and without `IfExists` (never on
/// `Null`), and one unknown name.
fn operator_names() -> Vec<String> {
    let mut names = vec!["StringEqualz".to_string()];
    for base in OperatorBase::ALL {
        for prefix in ["", "ForAllValues:", "ForAnyValue:"] {
            names.push(format!("{prefix}{}", base.name()));
            if *base != OperatorBase::Null {
                names.push(format!("{prefix}{}IfExists", base.name()));
            }
        }
    }
    names
}

/// A context with key `k` as `request` says (missing when `None`; multivalued when `multivalued`, so
/// that an empty list is an empty set) and `other`, the variable the values use, as `other` says.
fn context(request: Option<&[&str]>, multivalued: bool, other: &[&str]) -> Context {
    let mut context = Context::new();
    let entry = |key: &str, values: &[&str], multivalued| ContextEntry {
        key: key.into(),
        values: SharedList::from(
            values
                .iter()
                .map(|value| SharedStr::from(*value))
                .collect::<Vec<_>>(),
        ),
        multivalued,
        source: ContextSource::Caller,
    };
    if let Some(request) = request {
        context.insert(entry("k", request, multivalued));
    }
    context.insert(entry("other", other, other.len() != 1));
    context
}

/// Checks that the decision alone agrees with the explained outcome for `operator` on key `key` with
/// policy `values`, in `context` under `version`.
fn agrees(
    operator: &str,
    key: &str,
    values: &[&str],
    context: &Context,
    version: Version,
) -> Result<(), TestCaseError> {
    let condition = condition(operator, key, values);
    prop_assert_eq!(
        condition_holds(&condition, context, version),
        evaluate_condition(&condition, context, version).matched,
        "{} {:?} {:?} in {:?} under {:?}",
        operator,
        key,
        values,
        context,
        version
    );
    Ok(())
}

#[test]
fn every_operator_decides_alone_as_its_explained_outcome_says() {
    // OPS, MV, VARS: one value of every family against one request value of every family, and the
    // missing, empty and multivalued keys, for every operator.
    let requests: Vec<(Option<Vec<&str>>, bool)> = [(None, false), (Some(Vec::new()), true)]
        .into_iter()
        .chain(VALUES.iter().map(|value| (Some(vec![*value]), false)))
        .chain([
            (Some(vec!["web", "WEB"]), true),
            (Some(vec!["10.1.2.3", "192.0.2.1"]), true),
            (Some(vec!["10", "1e1"]), true),
        ])
        .collect();
    let contexts: Vec<Context> = requests
        .iter()
        .map(|(request, multivalued)| context(request.as_deref(), *multivalued, &["web"]))
        .collect();
    let mut checked = 0;
    for operator in operator_names() {
        // VARS: the version tells only where variables are substituted, in String and ARN values.
        let versions = match Operator::parse(&operator).map(|operator| operator.base.family()) {
            Ok(OperatorFamily::String | OperatorFamily::Arn) => {
                &[Version::V2012_10_17, Version::V2008_10_17][..]
            }
            _ => &[Version::V2012_10_17][..],
        };
        for value in VALUES {
            for context in &contexts {
                for version in versions {
                    if let Err(failure) = agrees(&operator, "k", &[value], context, *version) {
                        panic!("{failure}");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}

fn version() -> impl Strategy<Value = Version> {
    prop::sample::select(vec![Version::V2012_10_17, Version::V2008_10_17])
}

/// A value of the vocabulary, or any short text of the characters values are made of.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(VALUES).prop_map(str::to_string),
        "[wWeb*?:./0-9a-f${}']{0,10}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_decision_alone_agrees_with_the_explained_outcome(
        operator in prop::sample::select(operator_names()),
        key in prop::sample::select(vec!["k", "K"]),
        values in prop::collection::vec(value(), 0..4),
        request in prop::option::of(prop::collection::vec(value(), 0..4)),
        multivalued in any::<bool>(),
        other in prop::collection::vec(value(), 0..3),
        version in version(),
    ) {
        // COND: key names compare case-insensitively. A variable of a key with other than one value has
        // no value (VARS).
        let request: Option<Vec<&str>> = request.as_ref().map(|values| values.iter().map(String::as_str).collect());
        let other: Vec<&str> = other.iter().map(String::as_str).collect();
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let context = context(request.as_deref(), multivalued || request.as_ref().is_some_and(|values| values.len() != 1), &other);
        agrees(&operator, key, &values, &context, version)?;
    }

    #[test]
    fn a_statements_conditions_hold_alone_as_their_explained_outcome_says(
        conditions in prop::collection::vec((prop::sample::select(operator_names()), value()), 0..4),
        request in value(),
        version in version(),
    ) {
        // MV: a statement's conditions AND together.
        let conditions: Vec<_> = conditions
            .iter()
            .map(|(operator, value)| condition(operator, "k", &[value]))
            .collect();
        let context = context(Some(&[&request]), false, &["web"]);
        prop_assert_eq!(
            conditions_hold(&conditions, &context, version),
            evaluate_conditions(&conditions, &context, version).matched
        );
    }
}
