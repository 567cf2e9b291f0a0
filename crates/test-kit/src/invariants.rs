//! Invariants of the engine, checked by the property tests (`crates/engine/tests/properties.rs`) and the
//! fuzz targets (`crates/fuzz`). Each check returns `Err` with a message that names the scenario when
//! the engine breaks the invariant, and `Ok` when it holds or does not apply to the input.

use ecr_policy_engine::diagnostic::LintCode;
use ecr_policy_engine::eval::{Decision, PolicyCache, evaluate, prepare};
use ecr_policy_engine::policy::parse_policy;
pub use ecr_policy_engine::scenario::Slot;
use ecr_policy_engine::scenario::{IdentityPolicy, PolicySource, Scenario, scenarios_from_text};
use ecr_policy_engine::share;
use serde_json::{Value, json};

use crate::CORPUS_TIME;

/// Every policy the scenario has but its registry policy, which these invariants do not add statements to.
pub fn slots(scenario: &Scenario) -> Vec<Slot> {
    let mut slots = Vec::new();
    if scenario.repository_policy.is_some() {
        slots.push(Slot::Repository);
    }
    slots.extend((0..scenario.identity_policies.len()).map(Slot::Identity));
    if scenario.permissions_boundary.is_some() {
        slots.push(Slot::Boundary);
    }
    if scenario.session_policy.is_some() {
        slots.push(Slot::Session);
    }
    for (level, policies) in scenario.scps.iter().enumerate() {
        slots.extend((0..policies.len()).map(|index| Slot::Scp(level, index)));
    }
    for (level, policies) in scenario.rcps.iter().enumerate() {
        slots.extend((0..policies.len()).map(|index| Slot::Rcp(level, index)));
    }
    slots
}

/// The scenario with the policy in `slot` as a JSON value (a text policy is read as JSON) and `extra`
/// appended to its statements. `None` when the policy is not a JSON object with a `Statement`, so that
/// nothing can be appended. With `extra` `None` this is the baseline the appended version is compared to.
pub fn with_statement(scenario: &Scenario, slot: Slot, extra: Option<&Value>) -> Option<Scenario> {
    let mut changed = scenario.clone();
    let source = changed.policy_mut(slot)?;
    let mut policy = match source {
        PolicySource::Value(value) => value.value().into_owned(),
        PolicySource::Text(text) => serde_json::from_str(text).ok()?,
    };
    let statements = policy.as_object_mut()?.get_mut("Statement")?;
    if !statements.is_array() {
        *statements = Value::Array(vec![statements.take()]);
    }
    if let (Value::Array(list), Some(extra)) = (statements, extra) {
        list.push(extra.clone());
    }
    *source = PolicySource::from(policy);
    Some(changed)
}

/// Whether the policy in `slot` rejects its last statement: the statement has an error of its own, such as
/// a policy variable in a 2008-10-17 policy (section 8), or it took the policy past its size limit
/// (QUOTA, ECRAPI). A statement AWS would reject is not one an invariant speaks of.
fn rejects_last_statement(scenario: &Scenario, slot: Slot) -> bool {
    let mut copy = scenario.clone();
    let Some(source) = copy.policy_mut(slot) else {
        return false;
    };
    let parsed = parse_policy(&source.text(), slot.kind());
    let Some(last) = parsed
        .policy
        .and_then(|policy| policy.statements.last().map(|last| last.span))
    else {
        return false;
    };
    evaluate(scenario, CORPUS_TIME)
        .policies
        .iter()
        .filter(|policy| policy.id == slot.id())
        .flat_map(|policy| &policy.diagnostics)
        .any(|diagnostic| {
            diagnostic.is_error()
                && (diagnostic.span.start >= last.start
                    || diagnostic.code == LintCode::PolicyTooLarge)
        })
}

/// The decision for `scenario` at the corpus clock.
pub fn decide(scenario: &Scenario) -> Decision {
    evaluate(scenario, CORPUS_TIME).decision
}

fn name(scenario: &Scenario) -> String {
    serde_json::to_string(scenario).unwrap_or_else(|error| format!("<unprintable: {error}>"))
}

/// EVAL: "an explicit deny in any policy overrides any allows", so appending a `Deny` statement to any
/// policy never turns a denial (explicit or implicit) into `allowed`. An invalid scenario is no denial.
pub fn deny_never_allows(scenario: &Scenario, slot: Slot, deny: &Value) -> Result<(), String> {
    if deny.get("Effect") != Some(&json!("Deny")) {
        return Err(format!("the statement to add is not a Deny: {deny}"));
    }
    let (Some(before), Some(after)) = (
        with_statement(scenario, slot, None),
        with_statement(scenario, slot, Some(deny)),
    ) else {
        return Ok(());
    };
    let (was, now) = (decide(&before), decide(&after));
    if matches!(was, Decision::ExplicitDeny | Decision::ImplicitDeny) && now == Decision::Allowed {
        return Err(format!(
            "adding {deny} to {slot:?} turned {} into allowed in {}",
            was.as_str(),
            name(&before)
        ));
    }
    Ok(())
}

/// EVAL steps 4-7: an Allow only adds permissions, so appending an `Allow` statement to the identity
/// policy at `index`, or adding an identity policy holding only it when `index` is `None`, never turns
/// `allowed` into a denial. A statement with an error of its own makes the scenario invalid instead.
pub fn identity_allow_never_denies(
    scenario: &Scenario,
    index: Option<usize>,
    allow: &Value,
) -> Result<(), String> {
    let (before, after, slot) = match index {
        Some(index) => {
            let slot = Slot::Identity(index);
            match (
                with_statement(scenario, slot, None),
                with_statement(scenario, slot, Some(allow)),
            ) {
                (Some(before), Some(after)) => (before, after, slot),
                _ => return Ok(()),
            }
        }
        None => {
            let mut after = scenario.clone();
            after
                .identity_policies
                .push(IdentityPolicy::Unnamed(PolicySource::from(
                    json!({"Version": "2012-10-17", "Statement": [allow.clone()]}),
                )));
            (
                scenario.clone(),
                after,
                Slot::Identity(scenario.identity_policies.len()),
            )
        }
    };
    let (was, now) = (decide(&before), decide(&after));
    if now == Decision::Invalid && rejects_last_statement(&after, slot) {
        return Ok(());
    }
    if was == Decision::Allowed && now != Decision::Allowed {
        return Err(format!(
            "adding {allow} to identity policy {index:?} turned allowed into {} in {}",
            now.as_str(),
            name(&before)
        ));
    }
    Ok(())
}

/// Whether `action` has the form a policy's `Action` accepts literally: `service:Name` of letters,
/// digits and dashes (ACT).
fn plain_action(action: &str) -> bool {
    let Some((service, name)) = action.split_once(':') else {
        return false;
    };
    let word = |part: &str, extra: char| {
        !part.is_empty()
            && part
                .chars()
                .all(|character| character.is_ascii_alphanumeric() || character == extra)
    };
    word(service, '-') && word(name, '-')
}

/// EVAL step 1 with section 1's applicability: a repository-policy statement `Deny`, `Principal "*"`,
/// the request's action, with `Resource "*"` or without `Resource` (section 8: "this repository"), gives
/// `explicitDeny` for every valid request, unless the action is registry-level, which a repository policy
/// does not govern (ECRPOL), or the statement takes the policy past its size limit. Without a repository
/// policy, one holding only that statement is added.
pub fn explicit_deny_wins(scenario: &Scenario, with_resource: bool) -> Result<(), String> {
    let action = scenario.first_request().action.as_str();
    // PTCIAM: a repository policy does not govern `ecr:CreateRepository` (the repository does not exist
    // before the call), so its Deny has nothing to win.
    if !plain_action(action) || action == ecr_policy_engine::registry::CREATE_REPOSITORY {
        return Ok(());
    }
    let deny = if with_resource {
        json!({"Effect": "Deny", "Principal": "*", "Action": action, "Resource": "*"})
    } else {
        json!({"Effect": "Deny", "Principal": "*", "Action": action})
    };
    let (before, after) = match &scenario.repository_policy {
        Some(_) => match (
            with_statement(scenario, Slot::Repository, None),
            with_statement(scenario, Slot::Repository, Some(&deny)),
        ) {
            (Some(before), Some(after)) => (before, after),
            _ => return Ok(()),
        },
        None => {
            let mut after = scenario.clone();
            after.repository_policy = Some(PolicySource::from(
                json!({"Version": "2012-10-17", "Statement": [deny.clone()]}),
            ));
            (scenario.clone(), after)
        }
    };
    let was = evaluate(&before, CORPUS_TIME);
    if was.decision == Decision::Invalid || was.request.registry_level {
        return Ok(());
    }
    let now = evaluate(&after, CORPUS_TIME);
    if now.decision == Decision::Invalid && rejects_last_statement(&after, Slot::Repository) {
        return Ok(());
    }
    if now.decision != Decision::ExplicitDeny {
        return Err(format!(
            "adding {deny} to the repository policy gave {} ({}) in {}",
            now.decision.as_str(),
            now.summary,
            name(&before)
        ));
    }
    Ok(())
}

/// ECRSAR: the engine reads the vocabulary's registry-level actions as registry-level and the others as
/// repository actions, whatever the resource.
pub fn registry_level_as_listed(
    scenario: &Scenario,
    registry_actions: &[&str],
) -> Result<(), String> {
    let request = scenario.first_request();
    let evaluation = evaluate(scenario, CORPUS_TIME);
    if evaluation.decision == Decision::Invalid || request.operation.is_some() {
        return Ok(());
    }
    let action = &request.action;
    let listed = registry_actions
        .iter()
        .any(|listed| listed.eq_ignore_ascii_case(action));
    let expected = listed || request.resource.trim() == "*";
    if evaluation.request.registry_level != expected {
        return Err(format!(
            "`{action}` on `{}` read as registry-level: {}, expected {expected}",
            request.resource, evaluation.request.registry_level
        ));
    }
    Ok(())
}

/// Evaluation is a function of its input: the same scenario evaluated directly and through a prepared
/// parse serializes to the same JSON.
pub fn deterministic(scenario: &Scenario) -> Result<(), String> {
    let serialize = |evaluation| {
        serde_json::to_string(&evaluation)
            .map_err(|error| format!("evaluation not serializable: {error}"))
    };
    let direct = serialize(evaluate(scenario, CORPUS_TIME))?;
    let prepared = serialize(prepare(scenario).evaluate_request(CORPUS_TIME))?;
    if direct != prepared {
        return Err(format!(
            "two evaluations differ for {}:\n{direct}\n{prepared}",
            name(scenario)
        ));
    }
    Ok(())
}

/// A policy cache is invisible: scenarios prepared one after another through one cache, so that later
/// ones find the earlier ones' policies, evaluate to the same JSON as when prepared afresh.
pub fn cache_is_transparent(scenarios: &[Scenario]) -> Result<(), String> {
    let mut cache = PolicyCache::new();
    for scenario in scenarios {
        let cached = serde_json::to_string(&cache.prepare(scenario).evaluate_request(CORPUS_TIME));
        let fresh = serde_json::to_string(&prepare(scenario).evaluate_request(CORPUS_TIME));
        if cached.as_ref().ok() != fresh.as_ref().ok() {
            return Err(format!(
                "a cached preparation differs for {}:\n{cached:?}\n{fresh:?}",
                name(scenario)
            ));
        }
    }
    Ok(())
}

/// Share links (`crates/ARCHITECTURE.md`): a scenario written as JSON, encoded as a link, decoded and
/// read again is the same scenario, whenever its link is within the decoder's bounds.
pub fn share_round_trips(scenario: &Scenario) -> Result<(), String> {
    let text = serde_json::to_string(scenario).map_err(|error| error.to_string())?;
    let link = share::link("https://example.invalid/play/#old", &text);
    let payload_len = link.len() - link.find('.').map_or(0, |dot| dot + 1);
    if text.len() > share::MAX_SCENARIO_BYTES || payload_len > share::MAX_PAYLOAD_LEN {
        return Ok(());
    }
    let decoded = share::decode(&link).map_err(|error| format!("{error} for {text}"))?;
    if decoded != text {
        return Err(format!("decoded text differs:\n{text}\n{decoded}"));
    }
    let read = scenarios_from_text(&decoded).map_err(|error| format!("{error} for {text}"))?;
    if read.as_slice() != std::slice::from_ref(scenario) {
        return Err(format!(
            "read back {read:?}\ninstead of {scenario:?}\nfrom {text}"
        ));
    }
    Ok(())
}
