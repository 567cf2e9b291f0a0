//! `ecr-policy test`: runs every scenario that has an `expect` and reports the ones that decide
//! otherwise, for CI.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ecr_policy_engine::eval::{Decision, Evaluation, PolicyCache, RequestTime};
use ecr_policy_engine::span::Span;

use super::Report;
use crate::clock::TimeArg;
use crate::color::{Paint, Style};
use crate::error::CliError;
use crate::exit::Exit;
use crate::input::{read_file, scenarios};
use crate::junit::{self, Case, CaseResult};
use crate::output::note;
use crate::{render, sarif};

/// Examples shown after `ecr-policy test --help`.
pub const AFTER_HELP: &str = "\
Examples:
  ecr-policy test tests/scenarios
  ecr-policy test cross-account.json org-policies/ --junit target/ecr-policy.xml
  ecr-policy test tests/scenarios --time 2026-06-01T00:00:00Z

Folders are searched recursively for *.json files. Each request is a test: a scenario's one `request`, or
each of a suite's `requests` (with its own `expect`). Requests without `expect` are not run. The last line
of the output is always `N passed, M failed`; a file that cannot be read counts as one failure.
Every request is made at the same moment, now unless --time says otherwise: scenarios whose conditions
depend on the date need --time, or aws:CurrentTime and aws:EpochTime in their context.
Exit codes: 0 every request passed, 1 a request failed, 2 a file could not be read or nothing was run.";

/// Options of `test`.
#[derive(Debug, Clone, clap::Args)]
pub struct TestArgs {
    /// Scenario files and folders
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Also write the results as JUnit XML to FILE
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// How to print the results: `text`, or `sarif` (SARIF 2.1.0 of the failed expectations, for code
    /// scanning; the summary line then goes to standard error)
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = TestFormat::Text)]
    pub format: TestFormat,
    /// When the request is made
    #[command(flatten)]
    pub time: TimeArg,
}

/// How `test` prints its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TestFormat {
    /// A report per failure and the `N passed, M failed` line.
    Text,
    /// SARIF 2.1.0: a result per failed expectation, at the statement that decided when the policy is
    /// written as an object in the scenario file, else at the file's first line.
    Sarif,
}

/// Runs the scenarios; prints failures and errors as they come, then the `N passed, M failed` line.
pub fn run(args: &TestArgs, paint: Paint) -> Result<Report, CliError> {
    let mut run = Run {
        paint,
        time: args.time.request_time(),
        cases: Vec::new(),
        out: String::new(),
        skipped: 0,
        sarif: Vec::new(),
    };
    for path in &args.paths {
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => run.folder(path),
            Ok(_) => run.file(path),
            Err(_) => run.error(path, format!("{}: no such file or folder", path.display())),
        }
    }
    let Run {
        cases,
        mut out,
        skipped,
        sarif,
        ..
    } = run;
    let passed = cases
        .iter()
        .filter(|case| case.result == CaseResult::Passed)
        .count();
    let mut exit = if cases
        .iter()
        .any(|case| matches!(case.result, CaseResult::Error { .. }))
    {
        Exit::Invalid
    } else if passed < cases.len() {
        Exit::Failure
    } else {
        Exit::Success
    };
    if cases.is_empty() {
        out.push_str(&format!(
            "{} no request with an `expect` was found\n",
            paint.paint("error:", Style::Red)
        ));
        exit = Exit::Invalid;
    }
    match skipped {
        0 => {}
        1 => note("note: 1 request without `expect` was not run"),
        _ => note(&format!(
            "note: {skipped} requests without `expect` were not run"
        )),
    }
    if let Some(path) = &args.junit
        && let Err(error) = std::fs::write(path, junit::to_xml(&cases))
    {
        note(&format!(
            "error: {}: cannot write the JUnit report: {error}",
            path.display()
        ));
        exit = Exit::Invalid;
    }
    let summary = format!("{passed} passed, {} failed", cases.len() - passed);
    if args.format == TestFormat::Sarif {
        note(&summary);
        return Ok(Report {
            text: sarif::to_text(&sarif)?,
            exit,
        });
    }
    out.push_str(&summary);
    out.push('\n');
    Ok(Report { text: out, exit })
}

/// A test run in progress.
struct Run {
    paint: Paint,
    /// One clock for the whole run, so that every scenario sees the same moment.
    time: RequestTime,
    cases: Vec<Case>,
    out: String,
    skipped: usize,
    /// The failed expectations as SARIF results.
    sarif: Vec<sarif::Finding>,
}

impl Run {
    /// Runs the `*.json` files under `folder`, sorted, recursing into subfolders (not into symbolic
    /// links to folders, so that a link loop cannot make it run forever).
    fn folder(&mut self, folder: &Path) {
        let entries = match std::fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(error) => {
                return self.error(
                    folder,
                    format!("{}: cannot read the folder: {error}", folder.display()),
                );
            }
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(std::fs::DirEntry::file_name);
        for entry in entries {
            let path = entry.path();
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                self.folder(&path);
            } else if path
                .extension()
                .is_some_and(|extension| extension == "json")
            {
                self.file(&path);
            }
        }
    }

    /// Runs every scenario of one file that has an `expect`.
    fn file(&mut self, path: &Path) {
        let all = match read_file(path).and_then(|document| scenarios(&document)) {
            Ok(all) => all,
            Err(error) => return self.error(path, error.to_string()),
        };
        let file = path.display().to_string();
        for (index, scenario) in all.iter().enumerate() {
            let scenario_name = if scenario.name.is_empty() {
                format!("scenario {}", index + 1)
            } else {
                scenario.name.clone()
            };
            let mut cache = PolicyCache::new();
            for request in 0..scenario.all_requests().len() {
                let started = Instant::now();
                let Some(entry) = cache.evaluate_entry(scenario, request, self.time) else {
                    continue;
                };
                let time = started.elapsed();
                let Some(expected) = entry.expect else {
                    self.skipped += 1;
                    continue;
                };
                let name = if scenario.is_suite() {
                    format!("{scenario_name} › {}", entry.name)
                } else {
                    scenario_name.clone()
                };
                self.record(&file, name, expected, &entry.evaluation, time);
            }
        }
    }

    /// Records one request's result: a passed case, or a failed one whose report is printed.
    fn record(
        &mut self,
        file: &str,
        name: String,
        expected: Decision,
        evaluation: &Evaluation,
        time: Duration,
    ) {
        let result = if evaluation.decision == expected {
            CaseResult::Passed
        } else {
            self.out
                .push_str(&failure(file, &name, expected, evaluation, self.paint));
            self.sarif.push(sarif::Finding {
                rule: "failed-expectation".to_string(),
                rule_text: "a scenario's request is not decided as its `expect` says".to_string(),
                help_uri: None,
                level: "error",
                message: format!(
                    "{name}: expected {}, got {}: {}",
                    expected.as_str(),
                    evaluation.decision.as_str(),
                    evaluation.summary
                ),
                uri: file.to_string(),
                span: deciding_statement(evaluation).unwrap_or(FIRST_LINE),
            });
            CaseResult::Failed {
                message: format!(
                    "expected {}, got {}",
                    expected.as_str(),
                    evaluation.decision.as_str()
                ),
                detail: failure(file, &name, expected, evaluation, Paint::plain()),
            }
        };
        self.cases.push(Case {
            file: file.to_owned(),
            name,
            time,
            result,
        });
    }

    /// Records a file or folder that could not be read: one error line and one failed case.
    fn error(&mut self, path: &Path, message: String) {
        self.out.push_str(&format!(
            "{} {message}\n",
            self.paint.paint("error:", Style::Red)
        ));
        let file = path.display().to_string();
        self.cases.push(Case {
            file: file.clone(),
            name: file,
            time: Duration::ZERO,
            result: CaseResult::Error { message },
        });
    }
}

/// The start of a file, where a failed expectation without a statement to point at is shown.
const FIRST_LINE: Span = Span {
    start: 0,
    end: 0,
    line: 1,
    column: 1,
    end_line: 1,
    end_column: 1,
    utf16_start: 0,
    utf16_end: 0,
};

/// Where in the scenario file the statement that decided is: the last step of the reason chain that
/// names one, when its policy is written as an object in the file (a policy in a string has positions
/// only within that string).
fn deciding_statement(evaluation: &Evaluation) -> Option<Span> {
    let reference = evaluation
        .reasons
        .iter()
        .rev()
        .find_map(|reason| reason.statements.first())?;
    let policy = evaluation
        .policies
        .iter()
        .find(|policy| *policy.id == *reference.policy)?;
    let statement = policy
        .statements
        .iter()
        .find(|statement| statement.index == reference.statement)?;
    Some(statement.span.within(policy.written_at?))
}

/// The report of a scenario that decided otherwise: the scenario, expected, actual and the reason chain.
fn failure(
    file: &str,
    name: &str,
    expected: Decision,
    evaluation: &Evaluation,
    paint: Paint,
) -> String {
    format!(
        "{} {file}: {name}\n  expected  {}\n  actual    {}\n  reason chain\n{}\n",
        paint.paint("FAIL", Style::Red),
        render::decision(expected, paint),
        render::decision(evaluation.decision, paint),
        render::reasons(evaluation, paint, "    ")
    )
}
