//! `--help` documents examples and exit codes; `--version` prints the version.

use crate::support::run;

#[test]
fn help_lists_the_exit_codes_and_examples() {
    // Documented exit codes, help text with examples.
    let run = run(&["--help"]);
    assert_eq!(run.code, 0);
    for expected in [
        "Exit codes:",
        "  0  success",
        "  1  denied",
        "  2  invalid input or usage",
        "Examples:",
        "ecr-policy test tests/scenarios",
    ] {
        assert!(
            run.stdout.contains(expected),
            "no `{expected}` in {}",
            run.stdout
        );
    }
    for command in ["eval", "test", "lint", "matrix", "link"] {
        let help = crate::support::run(&[command, "--help"]);
        assert_eq!(help.code, 0);
        assert!(
            help.stdout.contains("Examples:\n  ecr-policy "),
            "{command}: {}",
            help.stdout
        );
    }
}

#[test]
fn version_prints_the_package_version() {
    let run = run(&["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("ecr-policy {}\n", env!("CARGO_PKG_VERSION"))
    );
}
