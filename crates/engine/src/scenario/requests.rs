//! What the field types cannot say about a scenario's requests, checked on the document as written so
//! that each error has its path, line and column: a scenario has `request` or `requests` (a suite), never
//! both or neither; each request names an `action` or an `operation`, never both or neither; `name` and
//! `expect` are written on a suite's requests, and beside a single `request`.

use crate::json::{JsonKind, JsonMember, JsonValue, PathStep, display_path};
use crate::operation::Operation;
use crate::span::Span;

use super::ScenarioError;

/// Checks the requests of the scenario document `document`, found at `path`.
pub fn check(document: &JsonValue, path: &[PathStep]) -> Result<(), ScenarioError> {
    let single = document.member("request");
    let suite = document.member("requests");
    match (single, suite) {
        (Some(_), Some(suite)) => Err(error(
            path,
            "requests",
            suite.key_span,
            "give either `request` (one request) or `requests` (a suite of them), not both",
        )),
        (None, None) => Err(error(
            path,
            "",
            document.span,
            "missing field `request` (or `requests`, a list of requests decided against the same policies)",
        )),
        (Some(single), None) => {
            let at = within(path, "request");
            check_request(&single.value, &at)?;
            for key in ["name", "expect"] {
                if let Some(found) = single.value.member(key) {
                    return Err(error(
                        &at,
                        key,
                        found.key_span,
                        &format!(
                            "`{key}` belongs to a suite's `requests`; for one `request`, write it beside `request`"
                        ),
                    ));
                }
            }
            Ok(())
        }
        (None, Some(suite)) => check_suite(document, suite, path),
    }
}

/// A suite: a non-empty list of requests, each checked, and no top-level `expect`.
fn check_suite(
    document: &JsonValue,
    suite: &JsonMember,
    path: &[PathStep],
) -> Result<(), ScenarioError> {
    if let Some(expect) = document.member("expect") {
        return Err(error(
            path,
            "expect",
            expect.key_span,
            "a suite's expectations are written on each of its `requests`",
        ));
    }
    let at = within(path, "requests");
    match &suite.value.kind {
        JsonKind::Array(items) if items.is_empty() => Err(error(
            &at,
            "",
            suite.value.span,
            "a suite needs at least one request",
        )),
        JsonKind::Array(items) => items.iter().enumerate().try_for_each(|(index, item)| {
            let mut item_path = at.clone();
            item_path.push(PathStep::Index(index));
            check_request(item, &item_path)
        }),
        _ => Ok(()),
    }
}

/// One request: an `action` or an `operation`, not both.
fn check_request(request: &JsonValue, path: &[PathStep]) -> Result<(), ScenarioError> {
    match (request.member("action"), request.member("operation")) {
        (Some(_), Some(operation)) => Err(error(
            path,
            "operation",
            operation.key_span,
            "give `action` or `operation`, not both",
        )),
        (None, None) if matches!(request.kind, JsonKind::Object(_)) => Err(error(
            path,
            "",
            request.span,
            &format!(
                "missing field `action` (such as `ecr:BatchGetImage`) or `operation` (one of {})",
                Operation::known_names()
            ),
        )),
        _ => Ok(()),
    }
}

/// `path` with the member `key` after it.
fn within(path: &[PathStep], key: &str) -> Vec<PathStep> {
    let mut steps = path.to_vec();
    steps.push(PathStep::Key(key.to_owned()));
    steps
}

/// An error about the member `key` of the value at `path` (the value itself when `key` is empty).
fn error(path: &[PathStep], key: &str, span: Span, message: &str) -> ScenarioError {
    let steps = if key.is_empty() {
        path.to_vec()
    } else {
        within(path, key)
    };
    ScenarioError {
        path: display_path(&steps),
        message: message.to_owned(),
        line: Some(span.line as usize),
        column: Some(span.column as usize),
    }
}
