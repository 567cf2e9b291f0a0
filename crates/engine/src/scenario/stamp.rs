//! Setting the `engineVersion` of one scenario in a document's text, keeping the rest exactly as written
//! (its layout, key order and number formats), so that a share link carries the author's text.

use crate::json::{self, JsonKind, JsonValue};

/// The text of the scenario at `index` of the document exactly as written, with its `engineVersion`
/// member set to `version` (replaced, or added first); `None` when the text is not such a document.
pub fn stamp_engine_version(text: &str, index: usize, version: &str) -> Option<String> {
    let root = json::parse(text).ok()?;
    let scenario = scenario_value(&root, index)?;
    let JsonKind::Object(members) = &scenario.kind else {
        return None;
    };
    let version = format!("\"{}\"", version.escape_default());
    let (start, end) = (scenario.span.range().start, scenario.span.range().end);
    let (edit_start, edit_end, replacement) = match members
        .iter()
        .rev()
        .find(|member| member.key == "engineVersion")
    {
        Some(member) => (
            member.value.span.range().start,
            member.value.span.range().end,
            version,
        ),
        None => match members.first() {
            Some(first) => {
                let key_start = first.key_span.range().start;
                let gap = text.get(start + 1..key_start)?;
                (
                    key_start,
                    key_start,
                    format!("\"engineVersion\": {version},{gap}"),
                )
            }
            None => (
                start + 1,
                start + 1,
                format!("\"engineVersion\": {version}"),
            ),
        },
    };
    Some(format!(
        "{}{replacement}{}",
        text.get(start..edit_start)?,
        text.get(edit_end..end)?
    ))
}

/// The scenario at `index`: the element of a top-level array or of `{"scenarios": [...]}`, or the root.
fn scenario_value<'a>(root: &'a JsonValue<'a>, index: usize) -> Option<&'a JsonValue<'a>> {
    match &root.kind {
        JsonKind::Array(items) => items.get(index),
        JsonKind::Object(members) => match members
            .iter()
            .rev()
            .find(|member| member.key == "scenarios")
        {
            Some(member) => match &member.value.kind {
                JsonKind::Array(items) => items.get(index),
                _ => None,
            },
            None => Some(root),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERSION: &str = "1.2.3";

    #[test]
    fn the_engine_version_is_added_first_keeping_the_layout() {
        let text = "{\n  \"name\": \"x\",\n  \"request\": {}\n}\n";
        let stamped = stamp_engine_version(text, 0, VERSION).unwrap();
        assert_eq!(
            stamped,
            format!(
                "{{\n  \"engineVersion\": \"{VERSION}\",\n  \"name\": \"x\",\n  \"request\": {{}}\n}}"
            )
        );
    }

    #[test]
    fn an_older_engine_version_is_replaced() {
        let stamped = stamp_engine_version(
            "{\"engineVersion\": \"0.0.1\", \"request\": {}}",
            0,
            VERSION,
        )
        .unwrap();
        assert_eq!(
            stamped,
            format!("{{\"engineVersion\": \"{VERSION}\", \"request\": {{}}}}")
        );
    }

    #[test]
    fn one_scenario_of_an_array_or_a_scenarios_object_is_cut_out() {
        let array = "[{\"name\": \"a\"}, {\"name\": \"b\"}]";
        assert_eq!(
            stamp_engine_version(array, 1, VERSION).unwrap(),
            format!("{{\"engineVersion\": \"{VERSION}\",\"name\": \"b\"}}")
        );
        let wrapped = "{\"scenarios\": [{\"name\": \"a\"}]}";
        assert_eq!(
            stamp_engine_version(wrapped, 0, VERSION).unwrap(),
            format!("{{\"engineVersion\": \"{VERSION}\",\"name\": \"a\"}}")
        );
    }
}
