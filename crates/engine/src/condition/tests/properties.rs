//! Property tests: the parsers and the evaluator never panic; negation is exact; globbing agrees with a
//! plain recursive reference.

use proptest::prelude::*;

use super::{condition, single};
use crate::condition::string::equal_ignoring_case;
use crate::condition::{
    Pattern, ValueSide, date, evaluate_condition, ip, numeric, substitute, unreadable_policy_values,
};
use crate::context::{Context, ContextEntry, ContextSource};
use crate::policy::{OperatorBase, SharedList, SharedStr, Version};

/// The obvious exponential matcher, as the reference.
fn reference_glob(pattern: &[char], value: &[char]) -> bool {
    match pattern.split_first() {
        None => value.is_empty(),
        Some(('*', rest)) => (0..=value.len()).any(|skip| reference_glob(rest, &value[skip..])),
        Some(('?', rest)) => !value.is_empty() && reference_glob(rest, &value[1..]),
        Some((c, rest)) => value.first() == Some(c) && reference_glob(rest, &value[1..]),
    }
}

/// Checks that the policy pattern `pattern` matches `value` as the reference says.
fn glob_agrees_with_the_reference(pattern: &str, value: &str) -> Result<(), TestCaseError> {
    let pattern_chars: Vec<char> = pattern.chars().collect();
    let value_chars: Vec<char> = value.chars().collect();
    prop_assert_eq!(
        Pattern::from_policy_text(pattern).matches(value),
        reference_glob(&pattern_chars, &value_chars)
    );
    Ok(())
}

fn operator_name() -> impl Strategy<Value = String> {
    let base = prop::sample::select(OperatorBase::ALL.to_vec());
    let prefix = prop::sample::select(vec!["", "ForAllValues:", "ForAnyValue:"]);
    (prefix, base, any::<bool>()).prop_map(|(prefix, base, if_exists)| {
        let suffix = if if_exists && base != OperatorBase::Null {
            "IfExists"
        } else {
            ""
        };
        format!("{prefix}{}{suffix}", base.name())
    })
}

proptest! {
    #[test]
    fn the_date_parser_never_panics(text in any::<String>()) {
        let _ = date::parse(&text);
    }

    #[test]
    fn the_date_parser_never_panics_on_date_like_text(text in "[-+0-9:.TZtz]{0,40}") {
        let _ = date::parse(&text);
    }

    #[test]
    fn the_ip_parser_never_panics(text in any::<String>()) {
        let _ = ip::parse(&text);
    }

    #[test]
    fn the_ip_parser_never_panics_on_address_like_text(text in "[0-9a-f:./]{0,45}") {
        if let Some(network) = ip::parse(&text) {
            prop_assert!(network.contains(&network));
        }
    }

    #[test]
    fn the_number_parser_never_panics(text in "[-+0-9.eE]{0,30}") {
        let _ = numeric::parse(&text);
    }

    #[test]
    fn substitution_never_panics(text in "[${}*?,' a-z:]{0,30}", value in "[a-z*]{0,5}") {
        let _ = substitute(&text, &single("a", &value), Version::V2012_10_17);
    }

    #[test]
    fn evaluate_condition_never_panics(
        operator in operator_name(),
        values in prop::collection::vec(any::<String>(), 0..4),
        request in prop::option::of(prop::collection::vec(any::<String>(), 0..4)),
        multivalued in any::<bool>(),
    ) {
        let mut context = Context::new();
        if let Some(request) = request {
            let entry = if multivalued {
                ContextEntry::multi("k", request.into_iter().map(SharedStr::from).collect(), ContextSource::Caller)
            } else {
                ContextEntry { key: "k".into(), values: SharedList::from(request.into_iter().map(SharedStr::from).collect::<Vec<_>>()), multivalued: false, source: ContextSource::Caller }
            };
            context.insert(entry);
        }
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let outcome = evaluate_condition(&condition(&operator, "k", &values), &context, Version::V2012_10_17);
        prop_assert_eq!(outcome.value_results.len(), values.len());
    }

    #[test]
    fn a_negated_string_operator_is_the_opposite_of_the_positive_one(
        pair in prop::sample::select(vec![
            ("StringEquals", "StringNotEquals"),
            ("StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"),
            ("StringLike", "StringNotLike"),
            ("ArnLike", "ArnNotLike"),
        ]),
        values in prop::collection::vec("[aB:*?]{0,6}|\\$\\{k\\}|\\$\\{missing\\}", 1..4),
        request in "[aAbB:*?]{0,6}",
    ) {
        // OPS: each Not operator is the negation of its positive form when the key is present and single-valued.
        let context = single("k", &request);
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let positive = evaluate_condition(&condition(pair.0, "k", &values), &context, Version::V2012_10_17);
        let negated = evaluate_condition(&condition(pair.1, "k", &values), &context, Version::V2012_10_17);
        prop_assert_eq!(positive.matched, !negated.matched);
    }

    #[test]
    fn glob_matching_agrees_with_the_reference(pattern in "[ab*?]{0,10}", value in "[ab]{0,10}") {
        glob_agrees_with_the_reference(&pattern, &value)?;
    }

    #[test]
    fn glob_matching_agrees_with_the_reference_on_non_ascii_values(
        pattern in "[aé*?]{0,10}",
        value in "[aéK\u{212A}]{0,10}",
    ) {
        // OPS: ASCII values are matched over bytes, others over characters; both as the reference says.
        glob_agrees_with_the_reference(&pattern, &value)?;
    }

    #[test]
    fn ignoring_case_is_comparing_the_lowercased_texts(
        a in "[aAzZ0 ΣσςéÉK\u{212A}]{0,6}",
        other in "[aAzZ0 ΣσςéÉK\u{212A}]{0,6}",
        case in 0..3,
    ) {
        // OPS: StringEqualsIgnoreCase compares the texts as lowercased, final sigma included. The other text
        // is an unrelated one, or the first with each character's case changed on its own.
        let b: String = match case {
            0 => other,
            1 => a.chars().flat_map(char::to_lowercase).collect(),
            _ => a.chars().flat_map(char::to_uppercase).collect(),
        };
        prop_assert_eq!(equal_ignoring_case(&a, &b), a.to_lowercase() == b.to_lowercase());
    }

    #[test]
    fn text_without_variables_is_substituted_as_itself(text in "[$}{*?a-z:é]{0,20}") {
        // VARS: text with no `${` holds no variable: its value is the text, its `*` and `?` wildcards.
        prop_assume!(!text.contains("${"));
        let substitution = substitute(&text, &single("a", "b"), Version::V2012_10_17);
        prop_assert_eq!(substitution.value.as_deref(), Some(text.as_str()));
        prop_assert_eq!(substitution.pattern, Some(Pattern::from_policy_text(&text)));
        prop_assert!(substitution.variables.is_empty());
    }

    #[test]
    fn arn_matching_never_panics(pattern in any::<String>(), value in any::<String>()) {
        let _ = Pattern::from_policy_text(&pattern).matches_arn(&value);
    }
}

proptest! {
    #[test]
    fn unreadable_policy_values_are_the_policy_side_of_the_evaluations_invalid_values(
        operator in operator_name(),
        values in prop::collection::vec("[-+0-9a-zA-Z:./=${}TZ ]{0,12}|true|false|10\\.0\\.0\\.0/8|2020-01-01T00:00:00Z|QmluYXJ5", 0..4),
        key_present in any::<bool>(),
    ) {
        // The linter finds a condition's unreadable values directly; they must be those evaluating the
        // condition reports on the policy side, with the same reasons, in the same order, whatever the
        // request.
        let values: Vec<&str> = values.iter().map(String::as_str).collect();
        let condition = condition(&operator, "aws:SourceIp", &values);
        let context = if key_present { single("aws:SourceIp", "10.1.2.3") } else { Context::new() };
        let direct: Vec<(String, _, _)> = unreadable_policy_values(&condition)
            .map(|(value, reason)| (value.text.to_string(), Some(value.span), reason))
            .collect();
        for version in [Version::V2012_10_17, Version::V2008_10_17] {
            let evaluated: Vec<(String, _, _)> = evaluate_condition(&condition, &context, version)
                .invalid_values
                .into_iter()
                .filter(|value| value.side == ValueSide::Policy)
                .map(|value| (value.text, value.span, value.reason))
                .collect();
            prop_assert_eq!(&direct, &evaluated);
        }
    }
}
