//! Property tests of the engine: invariants of the rule book's section 1 (`crates/engine/iam-semantics.md`)
//! that hold for every scenario, checked on scenarios generated from a small vocabulary (every principal
//! kind, repository and registry-level actions, every statement element, each condition operator family)
//! and on mutations of the scenario corpus `tests/scenarios/`. The invariants and the vocabulary live in
//! the test kit (`crates/test-kit`), which the fuzz targets in `crates/fuzz` use too.
#![expect(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "the strategies outside #[test] functions read the fixed vocabulary: a failure there is a test failure"
)]

use ecr_policy_engine::diff::{DiffInput, diff_policies};
use ecr_policy_engine::eval::{Decision, PolicySet, evaluate, prepare};
use ecr_policy_engine::policy::{PolicyKind, parse_policy};
use ecr_policy_engine::scenario::{Scenario, scenario_from_value, scenarios_from_text};
use ecr_policy_test_kit::{CORPUS_TIME, corpus_scenarios};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Map, Value, json};

use ecr_policy_test_kit::invariants::{self, Slot};
use ecr_policy_test_kit::vocabulary::{
    ACTION_PATTERNS, ACTIONS, CONDITIONS, CONTEXT, PRINCIPAL_VALUES, PRINCIPALS,
    REGISTRY_LEVEL_ACTIONS, RESOURCE_PATTERNS, RESOURCES, VERSIONS,
};

/// Cases per property: enough to meet every vocabulary word several times, few enough that the whole
/// file takes about three seconds of CPU. `PROPTEST_CASES=5000` in the environment runs a longer search.
const CASES: u32 = 96;

fn config() -> ProptestConfig {
    let mut config = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = CASES;
    }
    config.failure_persistence = None;
    config
}

/// Where a statement goes: the grammar differs by kind (GRAM, PRIN, RCPSYN).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A repository policy: `Principal` (or `NotPrincipal` with Deny) required, `Resource` absent or `*`
    /// (section 8: any other resource is an error).
    Repository,
    /// An identity policy, boundary or session policy: no principal, `Resource` required.
    Identity,
    /// An SCP: no principal, `Resource` required.
    Scp,
    /// An RCP: `Principal "*"`, Version 2012-10-17.
    Rcp,
}

impl Shape {
    fn of(slot: Slot) -> Shape {
        match slot {
            Slot::Repository => Shape::Repository,
            Slot::Identity(_) | Slot::Boundary | Slot::Session => Shape::Identity,
            Slot::Scp(..) => Shape::Scp,
            Slot::Rcp(..) => Shape::Rcp,
            Slot::Registry => unreachable!("invariants::slots does not list the registry policy"),
        }
    }
}

fn json_of(words: &'static [&'static str]) -> impl Strategy<Value = Value> {
    select(words).prop_map(|text| serde_json::from_str(text).unwrap())
}

/// One or two patterns, as a string or an array.
fn patterns(words: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop_oneof![
        select(words).prop_map(|word| json!(word)),
        (select(words), select(words)).prop_map(|(first, second)| json!([first, second])),
    ]
}

/// A statement of `shape` with `effect`, from the vocabulary.
fn statement(effect: &'static str, shape: Shape) -> impl Strategy<Value = Value> {
    (
        json_of(PRINCIPAL_VALUES),
        prop::bool::weighted(0.2),
        prop::bool::weighted(0.2),
        patterns(ACTION_PATTERNS),
        (
            any::<bool>(),
            prop::bool::weighted(0.2),
            patterns(RESOURCE_PATTERNS),
        ),
        prop::option::weighted(0.35, json_of(CONDITIONS)),
    )
        .prop_map(
            move |(principal, not_principal, not_action, action, resource, condition)| {
                let (with_resource, not_resource, resource_patterns) = resource;
                let mut statement = Map::new();
                statement.insert("Effect".into(), json!(effect));
                match shape {
                    Shape::Repository => {
                        let key = if not_principal && effect == "Deny" {
                            "NotPrincipal"
                        } else {
                            "Principal"
                        };
                        statement.insert(key.into(), principal);
                    }
                    Shape::Rcp => {
                        statement.insert("Principal".into(), json!("*"));
                    }
                    Shape::Identity | Shape::Scp => {}
                }
                let action_key = if not_action { "NotAction" } else { "Action" };
                statement.insert(action_key.into(), action);
                let resource = match shape {
                    Shape::Repository | Shape::Rcp if with_resource => {
                        Some(("Resource", json!("*")))
                    }
                    Shape::Repository | Shape::Rcp => None,
                    Shape::Identity | Shape::Scp if not_resource => {
                        Some(("NotResource", resource_patterns))
                    }
                    Shape::Identity | Shape::Scp => Some(("Resource", resource_patterns)),
                };
                if let Some((key, resource)) = resource {
                    statement.insert(key.into(), resource);
                }
                if let Some(condition) = condition {
                    statement.insert("Condition".into(), condition);
                }
                Value::Object(statement)
            },
        )
}

/// Allow three times in four.
fn any_effect() -> impl Strategy<Value = &'static str> {
    prop_oneof![3 => Just("Allow"), 1 => Just("Deny")]
}

/// A statement of each effect and shape, to add to a policy whose shape is known only later.
#[derive(Debug, Clone)]
struct Shaped {
    allow: [Value; 4],
    deny: [Value; 4],
}

impl Shaped {
    fn pick(&self, effect: &str, shape: Shape) -> &Value {
        let statements = if effect == "Deny" {
            &self.deny
        } else {
            &self.allow
        };
        let index = match shape {
            Shape::Repository => 0,
            Shape::Identity => 1,
            Shape::Scp => 2,
            Shape::Rcp => 3,
        };
        &statements[index]
    }
}

fn statements_of_every_shape() -> impl Strategy<Value = Shaped> {
    let shapes = |effect| {
        [Shape::Repository, Shape::Identity, Shape::Scp, Shape::Rcp]
            .map(|shape| statement(effect, shape))
    };
    (shapes("Allow"), shapes("Deny")).prop_map(|(allow, deny)| Shaped { allow, deny })
}

/// A policy of `shape`: one to three statements, mostly Allow.
fn policy(shape: Shape) -> impl Strategy<Value = Value> {
    let statements = prop::collection::vec(
        any_effect().prop_flat_map(move |effect| statement(effect, shape)),
        1..=3,
    );
    // VER: 2008-10-17 policies exist (ECREX), but a variable in them is an error (section 8), so rarely.
    let version = prop_oneof![9 => Just(VERSIONS[0]), 1 => Just(VERSIONS[1])];
    (version, statements).prop_map(move |(version, statements)| {
        let version = if shape == Shape::Rcp {
            "2012-10-17"
        } else {
            version
        };
        json!({"Version": version, "Statement": statements})
    })
}

/// The request: a principal, an action and a resource of the vocabulary, and up to three context keys.
fn request() -> impl Strategy<Value = Value> {
    (
        select(PRINCIPALS),
        select(ACTIONS),
        select(RESOURCES),
        prop::collection::vec(select(CONTEXT), 0..=3),
    )
        .prop_map(|(principal, action, resource, context)| {
            let context: Map<String, Value> = context
                .into_iter()
                .map(|(key, value)| (key.to_string(), serde_json::from_str(value).unwrap()))
                .collect();
            json!({"principal": principal, "action": action, "resource": resource, "context": context})
        })
}

/// A scenario of the vocabulary: any of the policies a scenario document holds, each optional.
fn generated_scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::option::weighted(0.7, policy(Shape::Repository)),
        prop::collection::vec(policy(Shape::Identity), 0..=2),
        prop::option::weighted(0.2, policy(Shape::Identity)),
        prop::option::weighted(0.2, policy(Shape::Identity)),
        prop::collection::vec(policy(Shape::Scp), 0..=2),
        prop::option::weighted(0.2, policy(Shape::Rcp)),
        request(),
    )
        .prop_map(
            |(repository, identity, boundary, session, scps, rcp, request)| {
                let mut document = Map::new();
                document.insert("name".into(), json!("generated"));
                if let Some(policy) = repository {
                    document.insert("repositoryPolicy".into(), policy);
                }
                if !identity.is_empty() {
                    document.insert("identityPolicies".into(), json!(identity));
                }
                if let Some(policy) = boundary {
                    document.insert("permissionsBoundary".into(), policy);
                }
                if let Some(policy) = session {
                    document.insert("sessionPolicy".into(), policy);
                }
                if !scps.is_empty() {
                    let levels: Vec<Value> =
                        scps.into_iter().map(|policy| json!([policy])).collect();
                    document.insert("scps".into(), json!(levels));
                }
                if let Some(policy) = rcp {
                    document.insert("rcps".into(), json!([[policy]]));
                }
                document.insert("request".into(), request);
                scenario_from_value(Value::Object(document)).unwrap()
            },
        )
}

/// A scenario of the corpus with its request changed in zero to three places and a vocabulary
/// statement added to one of its policies or not.
fn corpus_mutation() -> impl Strategy<Value = Scenario> {
    (
        any::<Index>(),
        prop::option::weighted(0.3, select(PRINCIPALS)),
        prop::option::weighted(0.3, select(ACTIONS)),
        prop::option::weighted(0.2, select(RESOURCES)),
        prop::option::weighted(0.3, select(CONTEXT)),
        any::<Index>(),
        prop::option::weighted(0.3, any_effect()),
        statements_of_every_shape(),
    )
        .prop_map(
            |(pick, principal, action, resource, context, slot, effect, shaped)| {
                let mut scenario = pick.get(corpus_scenarios()).clone();
                let Some(request) = scenario.request.as_mut() else {
                    return scenario;
                };
                if let Some(principal) = principal {
                    request.principal = principal.to_string();
                }
                if let Some(action) = action {
                    request.action = action.to_string();
                    request.operation = None;
                }
                if let Some(resource) = resource {
                    request.resource = resource.to_string();
                }
                if let Some((key, value)) = context {
                    let value = serde_json::from_str(value).unwrap();
                    request
                        .context
                        .insert(key.to_string(), serde_json::from_value(value).unwrap());
                }
                let slots = invariants::slots(&scenario);
                match effect {
                    Some(effect) if !slots.is_empty() => {
                        let slot = *slot.get(&slots);
                        let added = shaped.pick(effect, Shape::of(slot));
                        invariants::with_statement(&scenario, slot, Some(added)).unwrap_or(scenario)
                    }
                    _ => scenario,
                }
            },
        )
}

/// Cases of the access-diff property: each decides hundreds of representative requests twice.
const DIFF_CASES: u32 = 12;

fn diff_config() -> ProptestConfig {
    let mut config = config();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = DIFF_CASES;
    }
    config
}

proptest! {
    #![proptest_config(diff_config())]

    #[test]
    fn a_reordered_reformatted_or_recased_policy_has_no_access_change(
        identity in any::<bool>(),
        old in policy(Shape::Repository),
        identity_policy in policy(Shape::Identity),
        rotate in any::<Index>(),
    ) {
        // ACT: action names are case-insensitive; a statement's place and the layout mean nothing (EVAL),
        // so the access diff reports no change and marks no statement.
        let (kind, old) = if identity { (PolicyKind::Identity, identity_policy) } else { (PolicyKind::Repository, old) };
        let new = rewritten(&old, rotate);
        let (old, new) = (old.to_string(), serde_json::to_string_pretty(&new).unwrap());
        let diff = diff_policies(&DiffInput { old: &old, new: &new, kind, base: None, time: CORPUS_TIME });
        prop_assert!(diff.valid || !diff.old_errors.is_empty());
        prop_assert!(diff.changes.is_empty(), "{:?}", diff.changes);
        prop_assert!(diff.changed_statements.old.is_empty() && diff.changed_statements.new.is_empty());
    }
}

/// `policy` with its statements rotated by `rotate` and every action name's case inverted.
fn rewritten(policy: &Value, rotate: Index) -> Value {
    let mut policy = policy.clone();
    if let Some(statements) = policy["Statement"].as_array_mut() {
        let by = rotate.index(statements.len());
        statements.rotate_left(by);
        for statement in statements.iter_mut() {
            for key in ["Action", "NotAction"] {
                let recased = match statement.get(key) {
                    Some(Value::String(name)) => json!(invert_case(name)),
                    Some(Value::Array(names)) => {
                        json!(
                            names
                                .iter()
                                .filter_map(Value::as_str)
                                .map(invert_case)
                                .collect::<Vec<_>>()
                        )
                    }
                    _ => continue,
                };
                statement[key] = recased;
            }
        }
    }
    policy
}

/// `ecr:BatchGetImage` -> `ECR:bATCHgETiMAGE`.
fn invert_case(text: &str) -> String {
    text.chars()
        .map(|character| {
            if character.is_ascii_uppercase() {
                character.to_ascii_lowercase()
            } else {
                character.to_ascii_uppercase()
            }
        })
        .collect()
}

/// Generated scenarios and mutated corpus scenarios, two to one.
fn any_scenario() -> impl Strategy<Value = Scenario> {
    prop_oneof![2 => generated_scenario(), 1 => corpus_mutation()]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn adding_a_deny_statement_never_turns_a_denial_into_allowed(
        scenario in any_scenario(),
        slot in any::<Index>(),
        shaped in statements_of_every_shape(),
    ) {
        // EVAL: "An explicit deny in any policy overrides any allows"; a Deny never grants.
        let slots = invariants::slots(&scenario);
        if slots.is_empty() {
            return Ok(());
        }
        let slot = *slot.get(&slots);
        let deny = shaped.pick("Deny", Shape::of(slot));
        invariants::deny_never_allows(&scenario, slot, deny).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn adding_an_allow_statement_to_an_identity_policy_never_turns_allowed_into_a_denial(
        scenario in any_scenario(),
        index in any::<Index>(),
        allow in statement("Allow", Shape::Identity),
    ) {
        // EVAL steps 4-7: identity Allows only widen what the caller may do.
        let count = scenario.identity_policies.len();
        let index = (count > 0).then(|| index.index(count));
        invariants::identity_allow_never_denies(&scenario, index, &allow)
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn an_explicit_deny_in_the_repository_policy_always_wins(
        scenario in any_scenario(),
        with_resource in any::<bool>(),
    ) {
        // EVAL step 1, section 8 (a repository policy without Resource means this repository), ECRPOL
        // (registry-level actions are outside the repository policy).
        invariants::explicit_deny_wins(&scenario, with_resource).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn registry_level_actions_are_the_ones_the_rule_book_lists(scenario in generated_scenario()) {
        // ECRSAR: registry-level actions have no resource type; a request for `*` is registry-level too.
        invariants::registry_level_as_listed(&scenario, REGISTRY_LEVEL_ACTIONS)
            .map_err(TestCaseError::fail)?;
    }

    #[test]
    fn evaluation_is_deterministic(scenario in any_scenario()) {
        // RequestTime is an input, so nothing else may vary between two evaluations.
        invariants::deterministic(&scenario).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_policy_cache_never_changes_an_evaluation(
        scenarios in proptest::collection::vec(any_scenario(), 1..6)
    ) {
        // Caching parsed and linted policies by kind, text and repository is an optimization only.
        invariants::cache_is_transparent(&scenarios).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_decider_decides_every_action_as_the_full_evaluation(
        scenario in any_scenario(),
        action in select(ACTIONS),
    ) {
        // Preparing a request only to decide it skips the statements whose principal does not name the
        // caller, and explains nothing: an optimization of the access diff only.
        let request = scenario.first_request();
        let full = prepare(&scenario).evaluate(action, CORPUS_TIME).decision;
        let fast = PolicySet::load(&scenario, request)
            .decider(&scenario, request.clone())
            .decide(action, CORPUS_TIME);
        prop_assert_eq!(fast, full);
    }

    #[test]
    fn share_links_round_trip_every_scenario(scenario in any_scenario()) {
        // Share links (`crates/ARCHITECTURE.md`): the link carries the whole scenario document.
        invariants::share_round_trips(&scenario).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn parsing_then_evaluating_never_panics(
        scenario in any_scenario(),
        cut in any::<Index>(),
        length in 0usize..40,
        insert in prop_oneof![
            select(ACTION_PATTERNS).prop_map(str::to_string),
            select(&["{", "}", "[", "]", ",", ":", "\"", "\\", "null", "\"Statement\"", "\u{e9}\u{1f600}"][..])
                .prop_map(str::to_string),
            any::<String>(),
        ],
    ) {
        // Never panic on any input (preamble): cut a piece out of the scenario's text, splice something in,
        // and read, evaluate and decide the all-actions matrix of whatever still parses.
        let text = serde_json::to_string_pretty(&scenario).unwrap();
        let mut start = cut.index(text.len() + 1);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + length).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let broken = format!("{}{insert}{}", &text[..start], &text[end..]);
        for scenario in scenarios_from_text(&broken).unwrap_or_default() {
            let evaluation = evaluate(&scenario, CORPUS_TIME);
            prop_assert!(serde_json::to_string(&evaluation).is_ok());
            let _ = prepare(&scenario).matrix(CORPUS_TIME);
        }
        for kind in PolicyKind::ALL {
            let _ = parse_policy(&broken, kind);
        }
    }
}

#[test]
fn generated_scenarios_reach_every_decision() {
    // Guards the generator: the properties above mean something only if the scenarios they run on are
    // allowed, explicitly denied, implicitly denied and invalid in fair shares.
    let mut runner = TestRunner::deterministic();
    let strategy = any_scenario();
    let mut counts = [0usize; 4];
    let mut invalid_because = Vec::new();
    let samples = 200;
    for _ in 0..samples {
        let scenario = strategy.new_tree(&mut runner).unwrap().current();
        let evaluation = evaluate(&scenario, CORPUS_TIME);
        let slot = match evaluation.decision {
            Decision::Allowed => 0,
            Decision::ExplicitDeny => 1,
            Decision::ImplicitDeny => 2,
            Decision::Invalid => 3,
        };
        counts[slot] += 1;
        if slot == 3 {
            invalid_because.push(evaluation.summary);
        }
    }
    let [allowed, explicit, implicit, invalid] = counts;
    assert!(
        allowed >= samples / 10 && explicit >= samples / 20 && implicit >= samples / 5,
        "allowed {allowed}, explicitDeny {explicit}, implicitDeny {implicit}, invalid {invalid} of {samples}"
    );
    assert!(
        invalid <= samples / 4,
        "{invalid} of {samples} scenarios are invalid:\n{}",
        invalid_because.join("\n")
    );
}

#[test]
fn the_checks_report_a_broken_invariant() {
    // A check that cannot fail proves nothing. EVAL: a Deny added to an identity policy turns an allowed
    // request into explicitDeny, which the identity-Allow check must report when handed that Deny.
    let scenario = scenario_from_value(json!({
        "identityPolicies": [{"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}
        ]}],
        "request": {
            "principal": "arn:aws:iam::111122223333:user/bob",
            "action": "ecr:BatchGetImage",
            "resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"
        }
    }))
    .unwrap();
    assert_eq!(invariants::decide(&scenario), Decision::Allowed);
    let deny_all = json!({"Effect": "Deny", "Action": "*", "Resource": "*"});
    let report = invariants::identity_allow_never_denies(&scenario, Some(0), &deny_all);
    assert!(report.is_err_and(|message| message.contains("turned allowed into explicitDeny")));
    let allow_all = json!({"Effect": "Allow", "Action": "*", "Resource": "*"});
    assert!(invariants::deny_never_allows(&scenario, Slot::Identity(0), &allow_all).is_err());
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_suggested_fix_is_allowed(scenario in any_scenario()) {
        // EVAL, XACCT, section 7: a fix is offered only when deciding its edited scenario gives allowed,
        // and only for a denied request.
        let decision = evaluate(&scenario, CORPUS_TIME).decision;
        let fixes = ecr_policy_engine::fix::suggest_fixes(&scenario, CORPUS_TIME);
        if !matches!(decision, Decision::ExplicitDeny | Decision::ImplicitDeny) {
            prop_assert!(fixes.is_empty());
        }
        for fix in fixes {
            prop_assert_eq!(evaluate(&fix.scenario, CORPUS_TIME).decision, Decision::Allowed, "{}", fix.description);
        }
    }
}
