//! Colour on a terminal, plain text everywhere else: a handful of ANSI SGR codes, no dependency.
//!
//! `--color auto` (the default) colours standard output only when it is a terminal, `NO_COLOR` is unset
//! or empty (<https://no-color.org>) and `TERM` is not `dumb`. `always` and `never` override all of that.

use std::ffi::OsString;
use std::io::IsTerminal;

/// The `--color` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always colour, even through a pipe.
    Always,
    /// Never colour.
    Never,
}

/// A text style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Allowed, allow-match.
    Green,
    /// Explicit deny, deny-match, errors.
    Red,
    /// Implicit deny, warnings.
    Yellow,
    /// Invalid input.
    Magenta,
    /// Headings.
    Bold,
    /// Secondary text.
    Dim,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Green => "32",
            Style::Red => "31",
            Style::Yellow => "33",
            Style::Magenta => "35",
            Style::Bold => "1",
            Style::Dim => "2",
        }
    }
}

/// Applies styles, or does nothing when colour is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    /// The painter for standard output under `choice`, looking at the terminal and the environment.
    pub fn for_stdout(choice: ColorChoice) -> Self {
        Self {
            enabled: wants_color(
                choice,
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR"),
                std::env::var_os("TERM"),
            ),
        }
    }

    /// A painter that never colours, for text that is not for a terminal (JUnit XML).
    pub fn plain() -> Self {
        Self { enabled: false }
    }

    /// `text` in `style`, or `text` unchanged when colour is off.
    pub fn paint(self, text: &str, style: Style) -> String {
        if self.enabled && !text.is_empty() {
            format!("\x1b[{}m{text}\x1b[0m", style.code())
        } else {
            text.to_string()
        }
    }
}

/// Whether to colour, given the option, whether the output is a terminal, and `NO_COLOR` and `TERM`.
fn wants_color(
    choice: ColorChoice,
    terminal: bool,
    no_color: Option<OsString>,
    term: Option<OsString>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = no_color.is_some_and(|value| !value.is_empty());
            let dumb = term.is_some_and(|value| value == "dumb");
            terminal && !no_color && !dumb
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_colours_only_a_terminal() {
        assert!(wants_color(ColorChoice::Auto, true, None, None));
        assert!(!wants_color(ColorChoice::Auto, false, None, None));
    }

    #[test]
    fn no_color_turns_auto_off_unless_it_is_empty() {
        assert!(!wants_color(
            ColorChoice::Auto,
            true,
            Some("1".into()),
            None
        ));
        assert!(wants_color(ColorChoice::Auto, true, Some("".into()), None));
    }

    #[test]
    fn a_dumb_terminal_gets_no_colour() {
        assert!(!wants_color(
            ColorChoice::Auto,
            true,
            None,
            Some("dumb".into())
        ));
    }

    #[test]
    fn always_and_never_override_the_environment() {
        assert!(wants_color(
            ColorChoice::Always,
            false,
            Some("1".into()),
            Some("dumb".into())
        ));
        assert!(!wants_color(ColorChoice::Never, true, None, None));
    }

    #[test]
    fn painting_wraps_text_in_sgr_codes_only_when_enabled() {
        assert_eq!(
            Paint { enabled: true }.paint("ok", Style::Green),
            "\x1b[32mok\x1b[0m"
        );
        assert_eq!(Paint { enabled: false }.paint("ok", Style::Green), "ok");
    }
}
