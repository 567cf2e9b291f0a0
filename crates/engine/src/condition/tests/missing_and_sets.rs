//! Missing keys, `...IfExists`, the set qualifiers and how conditions combine (OPS, MV, COND, section 8).

use super::{condition, eval, multi, single};
use crate::condition::{ConditionWhy, evaluate_conditions, referenced_keys};
use crate::context::Context;
use crate::policy::{OperatorBase, Version};

/// A value each base operator accepts.
fn valid_value(base: OperatorBase) -> &'static str {
    use crate::policy::OperatorFamily::*;
    match base.family() {
        String | Arn => "arn:aws:iam::111122223333:root",
        Numeric => "5",
        Date => "2026-01-01",
        Bool | Null => "true",
        Binary => "aGVsbG8=",
        Ip => "10.0.0.0/8",
    }
}

#[test]
fn a_missing_key_makes_an_ordinary_operator_false() {
    // OPS: "If the key that you specify in a policy condition is not present ... the values do not match".
    for base in OperatorBase::ALL
        .iter()
        .filter(|base| !base.is_negated() && **base != OperatorBase::Null)
    {
        let outcome = eval(base.name(), "k", &[valid_value(*base)], &Context::new());
        assert!(!outcome.matched, "{}", base.name());
        assert!(outcome.missing_key);
        assert_eq!(outcome.request_values, None);
        assert_eq!(outcome.explanation, ConditionWhy::KeyMissingIsFalse);
    }
}

#[test]
fn a_missing_key_makes_a_negated_operator_true() {
    // OPS: negated operators (StringNotEquals, NotIpAddress, ArnNotLike...) are true for a missing key.
    for base in OperatorBase::ALL.iter().filter(|base| base.is_negated()) {
        let outcome = eval(base.name(), "k", &[valid_value(*base)], &Context::new());
        assert!(outcome.matched, "{}", base.name());
        assert_eq!(outcome.explanation, ConditionWhy::KeyMissingNegatedIsTrue);
    }
}

#[test]
fn if_exists_is_true_when_the_key_is_missing() {
    // OPS: "If the key is not present, evaluate the condition element as true"; every operator but Null.
    for base in OperatorBase::ALL
        .iter()
        .filter(|base| **base != OperatorBase::Null)
    {
        let operator = format!("{}IfExists", base.name());
        let outcome = eval(&operator, "k", &[valid_value(*base)], &Context::new());
        assert!(outcome.matched, "{operator}");
        assert_eq!(outcome.explanation, ConditionWhy::KeyMissingIfExistsIsTrue);
    }
    assert!(
        eval(
            "ForAnyValue:StringEqualsIfExists",
            "k",
            &["a"],
            &Context::new()
        )
        .matched
    );
}

#[test]
fn if_exists_evaluates_normally_when_the_key_is_present() {
    // OPS: with the key present, IfExists changes nothing ("Deny + StringNotEqualsIfExists ... still
    // denied" when the value differs).
    assert!(!eval("StringEqualsIfExists", "k", &["a"], &single("k", "b")).matched);
    assert!(eval("StringNotEqualsIfExists", "k", &["a"], &single("k", "b")).matched);
    assert!(
        !eval(
            "NotIpAddressIfExists",
            "k",
            &["10.0.0.0/8"],
            &single("k", "10.0.0.1")
        )
        .matched
    );
}

#[test]
fn for_all_values_is_vacuously_true_for_a_missing_or_empty_key() {
    // OPS, MV, section 8: ForAllValues returns true when the key is missing or an empty set.
    for context in [Context::new(), multi("aws:TagKeys", &[])] {
        for operator in ["ForAllValues:StringEquals", "ForAllValues:StringNotLike"] {
            let outcome = eval(operator, "aws:TagKeys", &["team"], &context);
            assert!(outcome.matched, "{operator}");
            assert!(outcome.missing_key);
            assert_eq!(outcome.explanation, ConditionWhy::ForAllValuesVacuouslyTrue);
        }
    }
}

#[test]
fn for_all_values_needs_every_request_value_to_match_some_policy_value() {
    // OPS, MV: ForAllValues: every request value must match some policy value.
    let policy = ["team", "project"];
    assert!(
        eval(
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            &policy,
            &multi("aws:TagKeys", &["project", "team"])
        )
        .matched
    );
    let outcome = eval(
        "ForAllValues:StringEquals",
        "aws:TagKeys",
        &policy,
        &multi("aws:TagKeys", &["team", "cost"]),
    );
    assert!(!outcome.matched);
    assert_eq!(
        outcome.explanation,
        ConditionWhy::RequestValueMatchedNothing {
            request_value: "cost".to_string()
        }
    );
}

#[test]
fn for_any_value_needs_one_request_value_to_match_and_is_false_when_missing() {
    // OPS, MV: ForAnyValue: at least one request value must match; missing or empty gives false.
    let policy = ["team"];
    assert!(
        eval(
            "ForAnyValue:StringEquals",
            "aws:TagKeys",
            &policy,
            &multi("aws:TagKeys", &["cost", "team"])
        )
        .matched
    );
    assert!(
        !eval(
            "ForAnyValue:StringEquals",
            "aws:TagKeys",
            &policy,
            &multi("aws:TagKeys", &["cost"])
        )
        .matched
    );
    for context in [Context::new(), multi("aws:TagKeys", &[])] {
        let outcome = eval("ForAnyValue:StringEquals", "aws:TagKeys", &policy, &context);
        assert!(!outcome.matched);
        assert_eq!(outcome.explanation, ConditionWhy::ForAnyValueMissingIsFalse);
    }
}

#[test]
fn for_all_values_with_a_negated_operator_means_no_request_value_matches_any_policy_value() {
    // OPS, MV: ForAllValues:StringNotEquals — no request value matches any policy value.
    let policy = ["secret", "admin"];
    assert!(
        eval(
            "ForAllValues:StringNotEquals",
            "k",
            &policy,
            &multi("k", &["team", "cost"])
        )
        .matched
    );
    let outcome = eval(
        "ForAllValues:StringNotEquals",
        "k",
        &policy,
        &multi("k", &["team", "admin"]),
    );
    assert!(!outcome.matched);
    assert_eq!(
        outcome.explanation,
        ConditionWhy::ValueMatched {
            policy_value_index: 1,
            request_value: "admin".to_string()
        }
    );
}

#[test]
fn for_any_value_with_a_negated_operator_means_one_request_value_matches_none() {
    // OPS, MV: ForAnyValue:StringNotEquals — at least one request value matches none of the policy values.
    let policy = ["secret", "admin"];
    let outcome = eval(
        "ForAnyValue:StringNotEquals",
        "k",
        &policy,
        &multi("k", &["admin", "team"]),
    );
    assert!(outcome.matched);
    assert_eq!(
        outcome.explanation,
        ConditionWhy::RequestValueMatchedNothing {
            request_value: "team".to_string()
        }
    );
    let outcome = eval(
        "ForAnyValue:StringNotEquals",
        "k",
        &policy,
        &multi("k", &["admin", "secret"]),
    );
    assert!(!outcome.matched);
    assert_eq!(outcome.explanation, ConditionWhy::EveryRequestValueMatched);
    assert!(!eval("ForAnyValue:StringNotEquals", "k", &policy, &Context::new()).matched);
}

#[test]
fn a_plain_operator_on_a_multivalued_key_matches_when_any_request_value_matches() {
    // MV: UNCONFIRMED for plain operators on multivalued keys; chosen: positive operators need one request
    // value to match, negated operators need no request value to match any policy value.
    let context = multi("aws:PrincipalOrgPaths", &["o-a/r-1/ou-x/", "o-a/r-1/ou-y/"]);
    assert!(
        eval(
            "StringLike",
            "aws:PrincipalOrgPaths",
            &["*/ou-y/*"],
            &context
        )
        .matched
    );
    assert!(
        !eval(
            "StringLike",
            "aws:PrincipalOrgPaths",
            &["*/ou-z/*"],
            &context
        )
        .matched
    );
    assert!(
        !eval(
            "StringNotLike",
            "aws:PrincipalOrgPaths",
            &["*/ou-y/*"],
            &context
        )
        .matched
    );
    assert!(
        eval(
            "StringNotLike",
            "aws:PrincipalOrgPaths",
            &["*/ou-z/*"],
            &context
        )
        .matched
    );
}

#[test]
fn set_qualifiers_treat_a_single_valued_key_as_a_set_of_one() {
    // MV: on single-valued keys the set qualifiers still apply, "overly permissive" when misused.
    assert!(eval("ForAllValues:StringEquals", "k", &["a"], &single("k", "a")).matched);
    assert!(!eval("ForAllValues:StringEquals", "k", &["a"], &single("k", "b")).matched);
}

#[test]
fn condition_key_names_are_case_insensitive() {
    // COND: "Condition key names are not case-sensitive".
    assert!(
        eval(
            "IpAddress",
            "AWS:SOURCEIP",
            &["10.0.0.0/8"],
            &single("aws:SourceIp", "10.1.1.1")
        )
        .matched
    );
}

#[test]
fn all_conditions_of_a_statement_and_together() {
    // MV, ECRIAM: operators AND together, keys within an operator AND together.
    let mut context = single("a", "1");
    context.insert(crate::context::ContextEntry::single(
        "b",
        "2",
        crate::context::ContextSource::Caller,
    ));
    let both = [
        condition("StringEquals", "a", &["1"]),
        condition("StringEquals", "b", &["2"]),
    ];
    let outcome = evaluate_conditions(&both, &context, Version::V2012_10_17);
    assert!(outcome.matched);
    assert_eq!(outcome.each.len(), 2);
    let one_fails = [
        condition("StringEquals", "a", &["9"]),
        condition("StringEquals", "b", &["2"]),
    ];
    let outcome = evaluate_conditions(&one_fails, &context, Version::V2012_10_17);
    assert!(!outcome.matched);
    assert!(!outcome.each[0].matched && outcome.each[1].matched);
    assert!(evaluate_conditions(&[], &context, Version::V2012_10_17).matched);
}

#[test]
fn an_unknown_operator_never_matches() {
    // OPS: only the documented operators exist; the parser reports others, and they never match.
    let outcome = eval("StringEqualz", "k", &["a"], &single("k", "a"));
    assert!(!outcome.matched);
    assert_eq!(outcome.explanation, ConditionWhy::UnknownOperator);
}

#[test]
fn referenced_keys_list_the_key_and_the_variables_in_substituted_values() {
    // VARS: variables read context keys, only in String and ARN operators under 2012-10-17 (section 8).
    let with_variable = condition(
        "StringLike",
        "s3:prefix",
        &["home/${aws:username}/*", "${AWS:USERNAME}"],
    );
    assert_eq!(
        referenced_keys(&with_variable, Version::V2012_10_17),
        ["s3:prefix", "aws:username"]
    );
    assert_eq!(
        referenced_keys(&with_variable, Version::V2008_10_17),
        ["s3:prefix"]
    );
    let numeric = condition("NumericEquals", "k", &["${aws:username}"]);
    assert_eq!(referenced_keys(&numeric, Version::V2012_10_17), ["k"]);
}

#[test]
fn the_explanation_serializes_as_tagged_camel_case_data() {
    // The evaluation result (`crates/ARCHITECTURE.md`): explanations are data the page renders.
    let outcome = eval("StringEquals", "k", &["a"], &single("k", "a"));
    let json = serde_json::to_value(&outcome).unwrap();
    assert_eq!(json["explanation"]["kind"], "valueMatched");
    assert_eq!(json["explanation"]["policyValueIndex"], 0);
    assert_eq!(json["valueResults"][0]["policyValue"], "a");
    // What is false or empty is left out: the key is present, the value has no variables and no note.
    assert_eq!(json.get("missingKey"), None);
    assert_eq!(json.get("invalidValues"), None);
    assert_eq!(json["valueResults"][0].get("variables"), None);
    assert_eq!(json["valueResults"][0].get("note"), None);
}
