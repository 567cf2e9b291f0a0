//! JUnit XML for CI systems: one `<testsuite>` per scenario file, one `<testcase>` per scenario, a
//! `<failure>` for a wrong decision and an `<error>` for a file that could not be read.

use std::time::Duration;

/// One test case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The file it comes from; cases of one file form one suite.
    pub file: String,
    /// The scenario's name.
    pub name: String,
    /// How long the evaluation took.
    pub time: Duration,
    /// What happened.
    pub result: CaseResult,
}

/// What happened to a test case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseResult {
    /// The decision was the expected one.
    Passed,
    /// Another decision: a one-line message and the details.
    Failed {
        /// `expected allowed, got implicitDeny`.
        message: String,
        /// The reason chain.
        detail: String,
    },
    /// The file could not be read or is not a scenario document.
    Error {
        /// The error line.
        message: String,
    },
}

/// The XML document for `cases`, suites in the order their files first appear.
pub fn to_xml(cases: &[Case]) -> String {
    let mut files: Vec<&str> = Vec::new();
    for case in cases {
        if !files.contains(&case.file.as_str()) {
            files.push(&case.file);
        }
    }
    let count = |cases: &[&Case], wanted: fn(&CaseResult) -> bool| {
        cases.iter().filter(|case| wanted(&case.result)).count()
    };
    let failed = |result: &CaseResult| matches!(result, CaseResult::Failed { .. });
    let errored = |result: &CaseResult| matches!(result, CaseResult::Error { .. });
    let all: Vec<&Case> = cases.iter().collect();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(&format!(
        "<testsuites name=\"ecr-policy\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{}\">\n",
        all.len(),
        count(&all, failed),
        count(&all, errored),
        seconds(all.iter().map(|case| case.time).sum())
    ));
    for file in files {
        let suite: Vec<&Case> = cases.iter().filter(|case| case.file == file).collect();
        xml.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{}\">\n",
            escape(file),
            suite.len(),
            count(&suite, failed),
            count(&suite, errored),
            seconds(suite.iter().map(|case| case.time).sum())
        ));
        for case in suite {
            let open = format!(
                "    <testcase name=\"{}\" classname=\"{}\" time=\"{}\"",
                escape(&case.name),
                escape(file),
                seconds(case.time)
            );
            match &case.result {
                CaseResult::Passed => xml.push_str(&format!("{open}/>\n")),
                CaseResult::Failed { message, detail } => xml.push_str(&format!(
                    "{open}>\n      <failure message=\"{}\" type=\"wrong-decision\">{}</failure>\n    </testcase>\n",
                    escape(message),
                    escape(detail)
                )),
                CaseResult::Error { message } => xml.push_str(&format!(
                    "{open}>\n      <error message=\"{}\" type=\"invalid-input\"/>\n    </testcase>\n",
                    escape(message)
                )),
            }
        }
        xml.push_str("  </testsuite>\n");
    }
    xml.push_str("</testsuites>\n");
    xml
}

fn seconds(time: Duration) -> String {
    format!("{:.3}", time.as_secs_f64())
}

/// Text safe inside an attribute or an element: markup characters escaped, characters XML 1.0 cannot
/// hold replaced by U+FFFD.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push_str(&format!("&#{};", u32::from(character))),
            character if character < ' ' || character == '\u{fffe}' || character == '\u{ffff}' => {
                out.push('\u{fffd}')
            }
            character => out.push(character),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        assert_eq!(
            escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\u{fffd}"
        );
    }

    #[test]
    fn suites_group_cases_by_file_and_count_failures_and_errors() {
        let case = |file: &str, name: &str, result| Case {
            file: file.into(),
            name: name.into(),
            time: Duration::ZERO,
            result,
        };
        let xml = to_xml(&[
            case("a.json", "pass", CaseResult::Passed),
            case(
                "b.json",
                "x",
                CaseResult::Error {
                    message: "bad".into(),
                },
            ),
            case(
                "a.json",
                "fail",
                CaseResult::Failed {
                    message: "expected allowed".into(),
                    detail: "why".into(),
                },
            ),
        ]);
        assert!(
            xml.contains("<testsuites name=\"ecr-policy\" tests=\"3\" failures=\"1\" errors=\"1\"")
        );
        assert!(xml.contains("<testsuite name=\"a.json\" tests=\"2\" failures=\"1\" errors=\"0\""));
        assert!(xml.contains(
            "<failure message=\"expected allowed\" type=\"wrong-decision\">why</failure>"
        ));
        assert!(xml.find("a.json").unwrap() < xml.find("b.json").unwrap());
    }
}
