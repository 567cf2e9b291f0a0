//! The share-link decoder on arbitrary text (garbage, wrong versions, bad base64url, broken or huge
//! deflate streams): it never panics and never returns more than its cap. Any text it is given also
//! encodes to a link that decodes back to that text.
#![no_main]

use ecr_policy_engine::scenario::scenarios_from_text;
use ecr_policy_engine::share::{MAX_PAYLOAD_LEN, MAX_SCENARIO_BYTES, decode, encode};
use ecr_policy_fuzz::hold;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(decoded) = decode(&text) {
        if decoded.len() > MAX_SCENARIO_BYTES {
            hold(Err(format!(
                "decoded {} bytes, past the cap",
                decoded.len()
            )));
        }
        let _ = scenarios_from_text(&decoded);
    }
    let encoded = encode(&text);
    if encoded.len() <= MAX_PAYLOAD_LEN && text.len() <= MAX_SCENARIO_BYTES {
        match decode(&encoded) {
            Ok(decoded) if decoded == text => {}
            other => hold(Err(format!(
                "{text:?} encoded as {encoded} decodes as {other:?}"
            ))),
        }
    }
});
