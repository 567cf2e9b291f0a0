//! The one error type of the tool: a message of one line that names the file and position when known.

use std::fmt;

/// Something the tool cannot do with its input. `Display` is the whole message, without `error: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    message: String,
}

impl CliError {
    /// An error with this message (one line, lowercase, no final period).
    pub fn new(message: impl Into<String>) -> Self {
        let message: String = message.into();
        // One line, whatever the source of the text: a multi-line message would break `file:line:` tools.
        let message = message
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        Self { message }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_always_one_line() {
        let error = CliError::new("first\n  second\n\nthird");
        assert_eq!(error.to_string(), "first second third");
    }
}
