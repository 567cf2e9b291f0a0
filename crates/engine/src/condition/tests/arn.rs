//! The ARN operators (OPS): six components compared separately, wildcards, case-sensitive.

use super::holds;

const ROLE: &str = "arn:aws:iam::111122223333:role/ci";

#[test]
fn arn_equals_and_arn_like_compare_the_same_way() {
    // OPS: ArnEquals ≡ ArnLike, ArnNotEquals ≡ ArnNotLike; both allow wildcards.
    for operator in ["ArnEquals", "ArnLike"] {
        assert!(holds(operator, &[ROLE], ROLE));
        assert!(holds(operator, &["arn:aws:iam::*:role/*"], ROLE));
        assert!(holds(
            operator,
            &["arn:aws:iam::11112222333?:role/c?"],
            ROLE
        ));
        assert!(!holds(operator, &["arn:aws:iam::*:user/*"], ROLE));
    }
    for operator in ["ArnNotEquals", "ArnNotLike"] {
        assert!(!holds(operator, &["arn:aws:iam::*:role/*"], ROLE));
        assert!(holds(operator, &["arn:aws:iam::*:user/*"], ROLE));
    }
}

#[test]
fn arn_like_compares_each_of_the_six_components_separately() {
    // OPS: ARN matching checks each colon-delimited component separately, so ArnLike fails where
    // StringLike's `*` would cross a colon.
    let pattern = "arn:aws:ecr:*:111122223333:repository/app";
    let crossing = "arn:aws:ecr:us-east-1:444455556666:111122223333:repository/app";
    assert!(holds("StringLike", &[pattern], crossing));
    assert!(!holds("ArnLike", &[pattern], crossing));
    assert!(holds(
        "ArnLike",
        &[pattern],
        "arn:aws:ecr:us-east-1:111122223333:repository/app"
    ));
}

#[test]
fn the_resource_component_may_contain_colons() {
    // RES: the sixth component is everything after the fifth colon.
    let value = "arn:aws:logs:us-east-1:111122223333:log-group:ci:*";
    assert!(holds("ArnLike", &["arn:aws:logs:*:*:log-group:*"], value));
    assert!(!holds("ArnLike", &["arn:aws:logs:*:*:log-group"], value));
}

#[test]
fn a_trailing_star_in_the_last_component_matches_the_rest_of_the_arn() {
    // RES: a `*` at the end of a segment "can expand to match beyond the colon boundaries".
    assert!(holds(
        "ArnLike",
        &["arn:aws:ecr:*"],
        "arn:aws:ecr:us-east-1:111122223333:repository/app"
    ));
    assert!(holds("ArnLike", &["*"], ROLE));
    assert!(!holds(
        "ArnLike",
        &["arn:aws:ecr:us-*-1"],
        "arn:aws:ecr:us-east-1:111122223333:repository/app"
    ));
    assert!(!holds(
        "ArnLike",
        &["arn:aws:iam::111122223333:role/ci:extra"],
        ROLE
    ));
}

#[test]
fn arn_matching_is_case_sensitive() {
    // Section 8 "ARN case": case-sensitive, segment by segment.
    assert!(!holds(
        "ArnEquals",
        &["arn:aws:iam::111122223333:role/CI"],
        ROLE
    ));
    assert!(!holds("ArnLike", &["ARN:aws:iam::*:role/ci"], ROLE));
}
