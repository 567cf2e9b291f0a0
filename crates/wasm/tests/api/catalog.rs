//! `catalog`: the ECR actions and condition keys as plain objects.

use wasm_bindgen_test::wasm_bindgen_test;

use crate::support::{is_plain_object, length_at, string_at};

#[wasm_bindgen_test]
fn the_catalogue_lists_ecr_actions_with_their_access_level() {
    let catalog = ecr_policy_wasm::catalog().unwrap();
    assert!(is_plain_object(&catalog));
    let services: Vec<String> = (0..length_at(&catalog, "services"))
        .map(|index| string_at(&catalog, &format!("services.{index}.prefix")))
        .collect();
    assert!(services.contains(&"ecr".to_owned()), "{services:?}");
    let ecr = services.iter().position(|prefix| prefix == "ecr").unwrap();
    let access = (0..length_at(&catalog, &format!("services.{ecr}.actions")))
        .find(|index| {
            string_at(&catalog, &format!("services.{ecr}.actions.{index}.name")) == "BatchGetImage"
        })
        .map(|index| {
            string_at(
                &catalog,
                &format!("services.{ecr}.actions.{index}.accessLevel"),
            )
        });
    assert_eq!(access.as_deref(), Some("Read"));
    assert!(length_at(&catalog, "globalConditionKeys") > 10);
}
