//! Resource matching (RES, section 8 "ARN case").

use proptest::prelude::*;

use crate::matching::{Arn, ArnSegment, ResourceMismatch, glob_match, match_resource};

const REPO: &str = "arn:aws:ecr:us-east-1:111122223333:repository/team/app";

fn matches(pattern: &str, resource: &str) -> bool {
    match_resource(pattern, resource).matched
}

#[test]
fn star_alone_matches_every_resource() {
    // RES: `"Resource": "*"`; also the `*` that is a scenario's `resource` for registry-level actions
    // (ECRSAR).
    assert!(matches("*", REPO));
    assert!(matches("*", "*"));
    assert!(match_resource("*", REPO).wildcard);
}

#[test]
fn an_exact_arn_matches_itself() {
    // RES: an ARN without wildcards names exactly that resource.
    let result = match_resource(REPO, REPO);
    assert!(result.matched);
    assert!(!result.wildcard);
    assert_eq!(result.mismatch, None);
}

#[test]
fn arns_are_compared_case_sensitively() {
    // Section 8 "ARN case"; RES: the IAM user name in a Resource is case-sensitive.
    let result = match_resource(
        "arn:aws:ecr:us-east-1:111122223333:repository/Team/app",
        REPO,
    );
    assert!(!result.matched);
    assert_eq!(
        result.mismatch,
        Some(ResourceMismatch::Segment {
            segment: ArnSegment::Resource
        })
    );
    assert!(!matches(
        "arn:AWS:ecr:us-east-1:111122223333:repository/team/app",
        REPO
    ));
}

#[test]
fn star_spans_slashes() {
    // RES: `*` can span `/`.
    assert!(matches(
        "arn:aws:ecr:us-east-1:111122223333:repository/*",
        REPO
    ));
    assert!(matches(
        "arn:aws:ecr:us-east-1:111122223333:repository/*/app",
        REPO
    ));
    assert!(matches("arn:aws:ecr:us-east-1:111122223333:repo*app", REPO));
}

#[test]
fn question_mark_matches_one_character_inside_a_segment() {
    // RES: `?` inside ARN segments.
    assert!(matches(
        "arn:aws:ecr:us-east-?:111122223333:repository/team/ap?",
        REPO
    ));
    assert!(!matches(
        "arn:aws:ecr:us-east-??:111122223333:repository/team/app",
        REPO
    ));
}

#[test]
fn question_mark_does_not_match_a_colon() {
    // RES: wildcards work within segments; `?` cannot stand for the colon between two.
    assert!(!matches(
        "arn:aws:ecr:us-east-1?111122223333:repository/team/app",
        REPO
    ));
}

#[test]
fn trailing_star_of_a_segment_matches_beyond_colons() {
    // RES: a `*` that is the last character of a segment "can expand to match beyond the colon boundaries".
    assert!(matches("arn:aws:ecr:*", REPO));
    assert!(matches("arn:aws:ecr:*:repository/team/app", REPO));
    assert!(matches("arn:aws:ecr:us-*:repository/team/app", REPO));
    assert!(matches("arn:aws:ecr:*:*:*", REPO));
}

#[test]
fn inner_star_stays_inside_its_segment() {
    // RES / section 8 "segment by segment": a `*` followed by more text in its segment does not cross `:`,
    // while a plain StringLike glob would.
    let pattern = "arn:aws:ecr:us*3:repository/team/app";
    assert!(glob_match(pattern, REPO));
    let result = match_resource(pattern, REPO);
    assert!(!result.matched);
    assert_eq!(
        result.mismatch,
        Some(ResourceMismatch::Segment {
            segment: ArnSegment::Region
        })
    );
}

#[test]
fn wildcard_in_the_service_segment_never_matches() {
    // RES: "You can't use a wildcard in the service segment".
    for pattern in [
        "arn:aws:ec*:us-east-1:111122223333:repository/team/app",
        "arn:aws:*:us-east-1:111122223333:repository/team/app",
        "arn:aws:ec?:us-east-1:111122223333:repository/team/app",
    ] {
        let result = match_resource(pattern, REPO);
        assert!(!result.matched, "{pattern}");
        assert_eq!(result.mismatch, Some(ResourceMismatch::WildcardInService));
    }
}

#[test]
fn resource_pattern_that_is_not_an_arn_never_matches() {
    // RES: a Resource is `*` or an ARN.
    let result = match_resource("repository/team/app", REPO);
    assert_eq!(result.mismatch, Some(ResourceMismatch::PatternNotAnArn));
    assert!(!matches("", REPO));
}

#[test]
fn an_arn_pattern_does_not_match_the_star_of_a_registry_level_request() {
    // ECRSAR: registry-level actions have no resource type, so only `"Resource": "*"` covers them.
    let result = match_resource("arn:aws:ecr:*", "*");
    assert_eq!(result.mismatch, Some(ResourceMismatch::ResourceNotAnArn));
}

#[test]
fn mismatch_names_the_first_differing_segment() {
    // Explanations are data: which ARN segment differs.
    let cases = [
        (
            "arn:aws-cn:ecr:us-east-1:111122223333:repository/team/app",
            ArnSegment::Partition,
        ),
        (
            "arn:aws:ecr-public::111122223333:repository/team/app",
            ArnSegment::Service,
        ),
        (
            "arn:aws:ecr:eu-west-1:111122223333:repository/team/app",
            ArnSegment::Region,
        ),
        (
            "arn:aws:ecr:us-east-1:444455556666:repository/*",
            ArnSegment::Account,
        ),
        (
            "arn:aws:ecr:us-east-1:111122223333:repository/other",
            ArnSegment::Resource,
        ),
        ("arn:aws:ecr:us-east-1", ArnSegment::Account),
    ];
    for (pattern, segment) in cases {
        assert_eq!(
            match_resource(pattern, REPO).mismatch,
            Some(ResourceMismatch::Segment { segment }),
            "{pattern}"
        );
    }
}

#[test]
fn resource_match_serializes_in_camel_case() {
    // The page shows these results; the resource is the request's, so it is not written again.
    let json = serde_json::to_value(match_resource("arn:aws:ecr:*:1:x", REPO)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"wildcard": true, "mismatch": {"kind": "segment", "segment": "account"}})
    );
}

proptest! {
    #[test]
    fn resource_matching_never_panics(pattern in any::<String>(), resource in any::<String>()) {
        // Never panic on any input (preamble).
        let result = match_resource(&pattern, &resource);
        prop_assert_eq!(result.matched, result.mismatch.is_none());
    }

    #[test]
    fn resource_matching_never_panics_on_arn_like_input(
        pattern in "arn(:[a-z*?/:é]{0,6}){0,7}",
        resource in "arn(:[a-z/:é]{0,6}){0,7}",
    ) {
        // Never panic on any input (preamble); inputs shaped like ARNs reach the segment matcher.
        let result = match_resource(&pattern, &resource);
        prop_assert_eq!(result.matched, result.mismatch.is_none());
    }

    #[test]
    fn an_arn_without_wildcards_matches_itself(
        partition in "aws|aws-cn",
        region in "[a-z0-9-]{0,9}",
        account in "[0-9]{0,12}",
        resource in "[a-z0-9/:._-]{1,20}",
    ) {
        // RES: exact ARNs match exactly.
        let arn = format!("arn:{partition}:ecr:{region}:{account}:{resource}");
        prop_assert!(matches(&arn, &arn));
    }

    #[test]
    fn a_segment_matcher_match_is_also_a_plain_glob_match(
        pattern in "arn:aws:ecr:[a-z*?:]{0,10}",
        resource in "arn:aws:ecr:[a-z:]{0,3}:[a-z:]{0,3}:[a-z]{1,4}",
    ) {
        // RES: segment-wise matching only ever restricts the plain glob.
        if matches(&pattern, &resource) {
            prop_assert!(glob_match(&pattern, &resource));
        }
    }
}

/// The segment rules of RES written as the obvious recursion over the whole string: the oracle for the
/// segment matcher.
fn segment_reference(pattern: &[char], text: &[char]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some(('*', rest)) => {
            let crosses = rest.first().is_none_or(|&next| next == ':');
            (0..=text.len())
                .take_while(|&skip| crosses || !text[..skip].contains(&':'))
                .any(|skip| segment_reference(rest, &text[skip..]))
        }
        Some((&wanted, rest)) => match text.split_first() {
            Some((&c, text_rest)) => {
                (if wanted == '?' { c != ':' } else { c == wanted })
                    && segment_reference(rest, text_rest)
            }
            None => false,
        },
    }
}

/// Checks that `pattern` matches `resource`, each after `arn:aws:ecr:`, as the reference says; a resource
/// that is no ARN is left out.
fn agrees_with_the_reference(pattern: &str, resource: &str) -> Result<(), TestCaseError> {
    let pattern = format!("arn:aws:ecr:{pattern}");
    let resource = format!("arn:aws:ecr:{resource}");
    prop_assume!(Arn::parse(&resource).is_ok());
    let expected = segment_reference(
        &pattern.chars().collect::<Vec<_>>(),
        &resource.chars().collect::<Vec<_>>(),
    );
    prop_assert_eq!(matches(&pattern, &resource), expected);
    Ok(())
}

proptest! {
    #[test]
    fn segment_matching_agrees_with_the_reference(
        pattern in "[ab:*?]{0,9}",
        resource in "[ab:]{0,3}:[ab:]{0,3}:[ab:]{1,5}",
    ) {
        // RES: `*` stays in its segment unless it ends the segment; `?` never matches `:`.
        agrees_with_the_reference(&pattern, &resource)?;
    }
}

proptest! {
    #[test]
    fn segment_matching_agrees_with_the_reference_on_long_and_non_ascii_text(
        pattern in "[aé:?]{0,3}\\*[aé:?]{0,3}(\\*[aé:?]{0,3})?",
        resource in "[aé:]{0,3}:[aé:]{0,3}:[aé:]{1,80}",
    ) {
        // RES: the literal head and tail the matcher compares first, the middle it matches over
        // characters, on the stack or, past 64 characters, on the heap, all agree with the reference.
        agrees_with_the_reference(&pattern, &resource)?;
    }
}
