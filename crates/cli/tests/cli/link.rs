//! `ecr-policy link` and `ecr-policy eval --link`: the engine's share-link codec both ways.

use ecr_policy_engine::share;

use crate::support::{
    corpus_time, evaluation_apart_from_document_positions, fixture, run, run_with,
};

#[test]
fn a_link_made_by_link_evaluates_the_same_with_eval_link() {
    // A link made by the CLI reads back the same in the CLI.
    let made = run(&["link", &fixture("denied.json")]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let link = made.stdout.trim_end();
    assert!(link.starts_with("http://localhost:8080/#s=1."), "{link}");
    let time = corpus_time();
    let direct = run(&["eval", "--json", "--time", &time, &fixture("denied.json")]);
    let linked = run(&["eval", "--json", "--time", &time, "--link", link]);
    assert_eq!(linked.code, 1);
    assert_eq!(
        evaluation_apart_from_document_positions(&linked.stdout),
        evaluation_apart_from_document_positions(&direct.stdout)
    );
    assert_eq!(linked.stderr, "");
}

#[test]
fn the_link_carries_the_text_as_written_and_this_engine_version() {
    // The payload carries the engine version; policies keep their text.
    let link = run(&["link", &fixture("allowed.json")]).stdout;
    let text = share::decode(&link).unwrap();
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture("allowed.json")),
    )
    .unwrap();
    let expected = original.trim_end().replacen(
        "{\n  \"name\"",
        &format!(
            "{{\n  \"engineVersion\": \"{}\",\n  \"name\"",
            env!("CARGO_PKG_VERSION")
        ),
        1,
    );
    assert_eq!(text, expected);
}

#[test]
fn the_base_comes_from_the_option_or_the_environment() {
    let option = run(&[
        "link",
        "--base",
        "https://playground.example/ecr/",
        &fixture("allowed.json"),
    ]);
    assert!(
        option
            .stdout
            .starts_with("https://playground.example/ecr/#s=1."),
        "{}",
        option.stdout
    );
    let environment = run_with(
        &["link", &fixture("allowed.json")],
        None,
        &[("ECR_POLICY_PLAYGROUND_URL", "https://env.example/")],
    );
    assert!(
        environment.stdout.starts_with("https://env.example/#s=1."),
        "{}",
        environment.stdout
    );
}

#[test]
fn a_link_from_another_engine_version_opens_with_a_note() {
    // A link made by a different engine version opens with a note saying so.
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture("allowed.json")),
    )
    .unwrap();
    let older = original.replacen('{', "{\"engineVersion\": \"0.0.1\",", 1);
    let link = share::link("https://playground.example/", &older);
    let run = run(&["eval", "--link", &link]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .starts_with("note: the link was made by engine version 0.0.1;"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_link_carries_the_registry_policy_and_its_scope() {
    // Section 7: the share codec carries the whole scenario document, the registry policy included.
    let with_scope = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture("registry-replication.json")),
    )
    .unwrap()
    .replacen(
        "\"request\"",
        "\"registryPolicyScope\": \"V1\",\n  \"request\"",
        1,
    );
    let made = run_with(&["link", "-"], Some(&with_scope), &[]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let text = share::decode(made.stdout.trim_end()).unwrap();
    assert!(text.contains("\"registryPolicyScope\": \"V1\""), "{text}");
    assert!(text.contains("ReplicationAccessCrossAccount"), "{text}");
    // One request time for both, so that aws:CurrentTime cannot differ between the two runs.
    let time = corpus_time();
    let linked = run(&[
        "eval",
        "--json",
        "--time",
        &time,
        "--link",
        made.stdout.trim_end(),
    ]);
    let direct = run_with(
        &["eval", "--json", "--time", &time, "-"],
        Some(&with_scope),
        &[],
    );
    assert_eq!(linked.code, 0, "{}", linked.stderr);
    assert_eq!(
        evaluation_apart_from_document_positions(&linked.stdout),
        evaluation_apart_from_document_positions(&direct.stdout)
    );
}
