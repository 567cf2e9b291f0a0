//! Writing to the terminal: the output on standard output, notes and errors on standard error.

use std::io::Write;

use crate::error::CliError;

/// Writes one line on standard error. A closed standard error is ignored: there is nobody to tell.
pub fn note(line: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ignored = writeln!(stderr, "{line}");
}

/// Writes `text` to standard output. A reader that went away (`| head`) is not an error.
pub fn write_stdout(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CliError::new(error.to_string()))
        }
        _ => Ok(()),
    }
}
