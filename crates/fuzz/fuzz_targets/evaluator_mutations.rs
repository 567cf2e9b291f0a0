//! The evaluator on structured inputs: the fuzz bytes pick a scenario of the corpus and mutate it with
//! the test kit's vocabulary (`ecr_policy_fuzz::mutate`), so nearly every input reaches the decision
//! procedure. Every invariant of the property tests is checked on the result.
#![no_main]

use ecr_policy_engine::scenario::scenario_from_value;
use ecr_policy_fuzz::{hold, mutate, seeds};
use ecr_policy_test_kit::invariants::{
    Slot, deny_never_allows, deterministic, explicit_deny_wins, identity_allow_never_denies,
    share_round_trips, slots,
};
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    let bases = seeds::scenarios();
    let base = u.choose(bases)?;
    let mut document = serde_json::to_value(base).unwrap_or_default();
    mutate::mutate(&mut document, &mut u)?;
    let Ok(scenario) = scenario_from_value(document) else {
        return Ok(());
    };
    hold(deterministic(&scenario));
    hold(share_round_trips(&scenario));
    hold(explicit_deny_wins(&scenario, u.arbitrary()?));
    let slots = slots(&scenario);
    if let Ok(slot) = u.choose(&slots) {
        let identity = matches!(
            slot,
            Slot::Identity(_) | Slot::Boundary | Slot::Session | Slot::Scp(..)
        );
        let deny = mutate::statement(&mut u, "Deny", identity)?;
        hold(deny_never_allows(&scenario, *slot, &deny));
    }
    let count = scenario.identity_policies.len();
    let index = if count > 0 {
        Some(u.choose_index(count)?)
    } else {
        None
    };
    let allow = mutate::statement(&mut u, "Allow", true)?;
    hold(identity_allow_never_denies(&scenario, index, &allow));
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
