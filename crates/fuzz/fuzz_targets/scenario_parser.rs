//! The scenario reader on arbitrary text: it never panics, and every scenario it reads writes back to
//! JSON that reads as the same scenario, also through a share link.
#![no_main]

use ecr_policy_engine::scenario::scenarios_from_text;
use ecr_policy_fuzz::hold;
use ecr_policy_test_kit::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for scenario in scenarios_from_text(&text).unwrap_or_default() {
        hold(invariants::share_round_trips(&scenario));
    }
});
