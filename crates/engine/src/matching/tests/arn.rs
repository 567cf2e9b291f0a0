//! Parsing ARNs (ECRSAR, RES).

use proptest::prelude::*;

use crate::matching::arn::six_components;
use crate::matching::{Arn, ArnError, ArnSegment};

#[test]
fn arn_has_six_components_and_the_resource_keeps_colons_and_slashes() {
    // RES: `arn:partition:service:region:account-id:resource`; the resource part is the rest.
    let arn = Arn::parse("arn:aws:logs:us-east-1:111122223333:log-group:/team/app:*").unwrap();
    assert_eq!(arn.partition(), "aws");
    assert_eq!(arn.service(), "logs");
    assert_eq!(arn.region(), "us-east-1");
    assert_eq!(arn.account(), "111122223333");
    assert_eq!(arn.resource(), "log-group:/team/app:*");
}

#[test]
fn ecr_public_arns_have_an_empty_region() {
    // ECRPSAR: `arn:${P}:ecr-public::${Account}:repository/${Name}`.
    let arn: Arn = "arn:aws:ecr-public::111122223333:repository/app"
        .parse()
        .unwrap();
    assert_eq!(arn.region(), "");
    assert_eq!(arn.service(), "ecr-public");
}

#[test]
fn arn_display_round_trips() {
    // ECRSAR: private repository ARN format.
    let text = "arn:aws-cn:ecr:cn-north-1:111122223333:repository/team/app";
    assert_eq!(Arn::parse(text).unwrap().to_string(), text);
}

#[test]
fn text_that_is_not_an_arn_is_rejected_with_a_clear_message() {
    // Style: lowercase, no final period, input in backticks.
    let error = Arn::parse("repository/app").unwrap_err();
    assert_eq!(
        error.to_string(),
        "`repository/app` is not an ARN: it does not start with `arn:`"
    );
    assert!(matches!(
        Arn::parse("arn:aws:ecr:us-east-1"),
        Err(ArnError::TooFewComponents { .. })
    ));
    assert_eq!(
        Arn::parse("arn:aws::us-east-1:1:x"),
        Err(ArnError::EmptyComponent {
            input: "arn:aws::us-east-1:1:x".to_owned(),
            segment: ArnSegment::Service,
        })
    );
    assert_eq!(
        Arn::parse("arn:aws:ecr:r:1:").unwrap_err().to_string(),
        "`arn:aws:ecr:r:1:` is not an ARN: its resource is empty"
    );
}

proptest! {
    #[test]
    fn arn_parsing_never_panics(text in any::<String>()) {
        // Never panic on any input (preamble).
        if let Ok(arn) = Arn::parse(&text) {
            prop_assert_eq!(arn.to_string(), text);
        }
    }

    #[test]
    fn the_six_components_are_the_text_split_at_its_first_five_colons(
        text in "[a:é]{0,12}|[a-z0-9:/*-]{0,40}",
    ) {
        // ARNs have six components, the last of which keeps its colons (RES): as splitting at the first
        // five colons gives them, with `None` for fewer.
        let split: Vec<&str> = text.splitn(6, ':').collect();
        let expected = <[&str; 6]>::try_from(split).ok();
        prop_assert_eq!(six_components(&text), expected);
    }
}
