//! Policy variables (VARS; section 8 "Policy variables inside Bool").

use super::{condition, eval, multi, single};
use crate::condition::{ValueNote, VariableUse, evaluate_condition, substitute, variables_in};
use crate::context::Context;
use crate::policy::Version;

fn username(name: &str) -> Context {
    single("aws:username", name)
}

#[test]
fn variables_are_substituted_under_2012_10_17() {
    // VARS: `${aws:username}` is replaced by the request's value.
    let substitution = substitute(
        "home/${aws:username}/",
        &username("bob"),
        Version::V2012_10_17,
    );
    assert_eq!(substitution.value.as_deref(), Some("home/bob/"));
    assert_eq!(
        substitution.variables,
        [VariableUse {
            name: "aws:username".to_string(),
            resolved: Some("bob".to_string()),
            from_default: false,
            multivalued: false,
        }]
    );
    let outcome = eval("StringLike", "s3:prefix", &["home/${aws:username}/*"], &{
        let mut context = username("bob");
        context.insert(crate::context::ContextEntry::single(
            "s3:prefix",
            "home/bob/x",
            crate::context::ContextSource::Caller,
        ));
        context
    });
    assert!(outcome.matched);
    assert_eq!(
        outcome.value_results[0].policy_value.as_deref(),
        Some("home/bob/*")
    );
    assert_eq!(outcome.value_results[0].written, "home/${aws:username}/*");
}

#[test]
fn variables_are_literal_text_under_2008_10_17() {
    // VER, VARS: under 2008-10-17, `${aws:username}` is a literal string.
    let substitution = substitute("${aws:username}", &username("bob"), Version::V2008_10_17);
    assert_eq!(substitution.value.as_deref(), Some("${aws:username}"));
    assert!(substitution.variables.is_empty());
    let mut context = username("bob");
    context.insert(crate::context::ContextEntry::single(
        "k",
        "${aws:username}",
        crate::context::ContextSource::Caller,
    ));
    let outcome = evaluate_condition(
        &condition("StringEquals", "k", &["${aws:username}"]),
        &context,
        Version::V2008_10_17,
    );
    assert!(outcome.matched);
    assert_eq!(
        outcome.value_results[0].note,
        Some(ValueNote::VariablesLiteralInVersion2008)
    );
}

#[test]
fn any_single_valued_context_key_can_be_a_variable_named_in_any_case() {
    // VARS: any single-valued key can be a variable; key names are case-insensitive.
    let context = single("aws:PrincipalTag/Team", "blue");
    let substitution = substitute(
        "team-${aws:principaltag/team}",
        &context,
        Version::V2012_10_17,
    );
    assert_eq!(substitution.value.as_deref(), Some("team-blue"));
}

#[test]
fn escapes_give_literal_star_question_mark_and_dollar() {
    // VARS: `${*}`, `${?}` and `${$}` stand for the characters themselves.
    let substitution = substitute("a${*}b${?}c${$}d", &Context::new(), Version::V2012_10_17);
    assert_eq!(substitution.value.as_deref(), Some("a*b?c$d"));
    assert!(substitution.variables.is_empty());
}

#[test]
fn escaped_wildcards_are_literal_in_like_and_arn_operators() {
    // VARS: `${*}` is how a policy matches a literal `*` where `*` would be a wildcard.
    assert!(eval("StringLike", "k", &["a${*}"], &single("k", "a*")).matched);
    assert!(!eval("StringLike", "k", &["a${*}"], &single("k", "ab")).matched);
    assert!(!eval("StringLike", "k", &["a${?}"], &single("k", "ab")).matched);
    assert!(eval("StringLike", "k", &["${*}*"], &single("k", "*anything")).matched);
    assert!(
        !eval(
            "ArnLike",
            "k",
            &["arn:aws:s3:::b/${*}"],
            &single("k", "arn:aws:s3:::b/x")
        )
        .matched
    );
    assert!(
        eval(
            "ArnLike",
            "k",
            &["arn:aws:s3:::b/${*}"],
            &single("k", "arn:aws:s3:::b/*")
        )
        .matched
    );
}

#[test]
fn a_variables_value_is_literal_in_like_operators() {
    // VARS: substituted values are data, not wildcards (the escapes exist for wildcards the author means).
    let mut context = single("aws:PrincipalTag/team", "*");
    context.insert(crate::context::ContextEntry::single(
        "k",
        "anything",
        crate::context::ContextSource::Caller,
    ));
    assert!(!eval("StringLike", "k", &["${aws:PrincipalTag/team}"], &context).matched);
}

#[test]
fn a_default_applies_when_the_key_has_no_value() {
    // VARS: `${aws:PrincipalTag/team, 'company-wide'}`; whitespace after the comma is allowed.
    for text in [
        "${aws:PrincipalTag/team, 'company-wide'}",
        "${aws:PrincipalTag/team,'company-wide'}",
    ] {
        let substitution = substitute(text, &Context::new(), Version::V2012_10_17);
        assert_eq!(
            substitution.value.as_deref(),
            Some("company-wide"),
            "{text}"
        );
        assert!(substitution.variables[0].from_default);
    }
    let substitution = substitute(
        "${aws:PrincipalTag/team, 'x'}",
        &single("aws:PrincipalTag/team", "blue"),
        Version::V2012_10_17,
    );
    assert_eq!(substitution.value.as_deref(), Some("blue"));
    let substitution = substitute("${k, 'a}b*'}", &Context::new(), Version::V2012_10_17);
    assert_eq!(substitution.value.as_deref(), Some("a}b*"));
    assert!(
        substitution
            .pattern
            .is_some_and(|pattern| !pattern.matches("a}bc"))
    );
}

#[test]
fn only_single_valued_keys_can_be_variables() {
    // VARS: a multivalued key cannot be a variable; it is unresolved (its default applies if given).
    let context = multi("aws:TagKeys", &["a"]);
    let substitution = substitute("${aws:TagKeys}", &context, Version::V2012_10_17);
    assert_eq!(substitution.value, None);
    assert!(substitution.variables[0].multivalued);
    let substitution = substitute("${aws:TagKeys, 'none'}", &context, Version::V2012_10_17);
    assert_eq!(substitution.value.as_deref(), Some("none"));
}

#[test]
fn an_unresolved_variable_makes_equals_and_like_fail_and_their_negations_match() {
    // VARS: a variable without value resolves to null: StringEquals/StringLike do not match,
    // StringNotEquals/StringNotLike do.
    let context = single("k", "bob");
    let outcome = eval("StringEquals", "k", &["${aws:username}"], &context);
    assert!(!outcome.matched);
    assert_eq!(outcome.value_results[0].policy_value, None);
    assert_eq!(
        outcome.value_results[0].note,
        Some(ValueNote::UnresolvedVariable {
            name: "aws:username".to_string()
        })
    );
    assert!(!eval("StringLike", "k", &["*${aws:username}*"], &context).matched);
    assert!(eval("StringNotEquals", "k", &["${aws:username}"], &context).matched);
    assert!(eval("StringNotLike", "k", &["*${aws:username}*"], &context).matched);
}

#[test]
fn variables_are_substituted_only_in_string_and_arn_operators() {
    // Section 8 "Policy variables inside Bool": String and ARN only; elsewhere `${...}` is literal text.
    let mut context = single("aws:SecureTransport", "true");
    context.insert(crate::context::ContextEntry::single(
        "my:flag",
        "true",
        crate::context::ContextSource::Caller,
    ));
    context.insert(crate::context::ContextEntry::single(
        "my:number",
        "5",
        crate::context::ContextSource::Caller,
    ));
    assert!(!eval("Bool", "aws:SecureTransport", &["${my:flag}"], &context).matched);
    assert!(!eval("NumericEquals", "my:number", &["${my:number}"], &context).matched);
    assert!(
        eval(
            "StringEquals",
            "aws:SecureTransport",
            &["${my:flag}"],
            &context
        )
        .matched
    );
    assert!(
        eval("ArnLike", "k", &["arn:aws:iam::${my:number}:*"], &{
            let mut context = context.clone();
            context.insert(crate::context::ContextEntry::single(
                "k",
                "arn:aws:iam::5:root",
                crate::context::ContextSource::Caller,
            ));
            context
        })
        .matched
    );
}

#[test]
fn malformed_variables_stay_literal_text() {
    // VARS: only `${name}` and `${name, 'default'}` are variables.
    for text in [
        "${aws:username",
        "${}",
        "${ }",
        "${a, b}",
        "${a, 'b'",
        "$ {a}",
    ] {
        let substitution = substitute(text, &username("bob"), Version::V2012_10_17);
        assert_eq!(substitution.value.as_deref(), Some(text), "{text}");
        assert!(variables_in(text).is_empty(), "{text}");
    }
    let substitution = substitute("${${aws:username}}", &username("bob"), Version::V2012_10_17);
    assert_eq!(substitution.value.as_deref(), Some("${bob}"));
}
