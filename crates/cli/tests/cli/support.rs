//! Running the binary and finding the fixtures.

use std::io::Write;
use std::process::{Command, Stdio};

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `ecr-policy` with `args` in the crate folder, with `NO_COLOR` and the base-URL variable unset.
pub fn run(args: &[&str]) -> Run {
    run_with(args, None, &[])
}

/// Runs `ecr-policy` with `args`, `stdin` on standard input and extra environment variables.
pub fn run_with(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ecr-policy"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("ECR_POLICY_PLAYGROUND_URL")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A fixture of `tests/fixtures`, as a path relative to the crate folder (where the binary runs).
pub fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// The corpus's clock as a `--time` argument (Unix seconds): the scenarios with date conditions are
/// written for that moment.
pub fn corpus_time() -> String {
    ecr_policy_test_kit::CORPUS_SECONDS.to_string()
}

/// Asserts that a run failed with exactly one line on standard error, `error: ` and then `starts`,
/// nothing on standard output, and exit code 2.
pub fn assert_one_line_error(run: &Run, starts: &str) {
    assert_eq!(run.code, 2, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "not one line: {}",
        run.stderr
    );
    assert!(
        run.stderr.starts_with(&format!("error: {starts}")),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

/// The `--json` result of an evaluation without the policies' `writtenAt`: where a policy's text is in its
/// scenario document, which differs between a file and the document a link carries (`engineVersion` is
/// added to it).
pub fn evaluation_apart_from_document_positions(json: &str) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    if let Some(policies) = value
        .get_mut("policies")
        .and_then(serde_json::Value::as_array_mut)
    {
        for policy in policies {
            if let Some(policy) = policy.as_object_mut() {
                policy.remove("writtenAt");
            }
        }
    }
    value
}
