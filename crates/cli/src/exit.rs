//! The process exit codes, one per outcome a script or CI job needs to tell apart.

use std::process::{ExitCode, Termination};

/// How `ecr-policy` ends.
///
/// | code | meaning                                                                                   |
/// |------|-------------------------------------------------------------------------------------------|
/// | 0    | success: `eval` decided allowed, every `test` scenario passed, `lint` found nothing blocking |
/// | 1    | `eval` decided explicit or implicit deny, a `test` scenario failed, `lint` found errors (or security warnings with `--strict`) |
/// | 2    | invalid input or usage: unreadable file, bad JSON, not a scenario, bad link, policy errors that block evaluation, unknown option |
/// Ordered from best to worst, so that the worst of several outcomes is their maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// 0: allowed, all tests passed, or lint found nothing blocking.
    Success = 0,
    /// 1: denied, a test failed, or lint found blocking findings.
    Failure = 1,
    /// 2: the input or the command line is invalid.
    Invalid = 2,
}

impl Termination for Exit {
    fn report(self) -> ExitCode {
        ExitCode::from(self as u8)
    }
}
