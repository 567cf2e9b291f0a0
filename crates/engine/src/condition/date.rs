//! Dates for the Date operators: W3C ISO-8601 or epoch seconds, on either side (OPS, GCK).
//!
//! Accepted ISO-8601 forms (the W3C profile): `YYYY-MM`, `YYYY-MM-DD`, `YYYY-MM-DDThh:mm`,
//! `YYYY-MM-DDThh:mm:ss` and `YYYY-MM-DDThh:mm:ss.s…`, each time followed by `Z`, `±hh:mm`, `±hhmm`, `±hh`
//! or nothing (UTC); `T` and `Z` in either case. A date without a time is midnight UTC. Text made only of
//! digits (with an optional `-` and fraction) is epoch seconds, so `2026` alone is a second count, not a
//! year.

use crate::time::{SECONDS_PER_DAY, days_from_civil, days_in_month};

/// A point in time: seconds since 1970-01-01T00:00:00Z and nanoseconds within the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Instant {
    seconds: i64,
    nanos: u32,
}

/// Reads a date; `None` when the text is not one.
pub(super) fn parse(text: &str) -> Option<Instant> {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    if unsigned
        .bytes()
        .next()
        .is_some_and(|byte| byte.is_ascii_digit())
        && unsigned
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'.')
    {
        parse_epoch(text)
    } else {
        parse_iso(text)
    }
}

/// The whole seconds since the epoch of a date (rounded down), for values one second either side of it.
pub(crate) fn epoch_seconds(text: &str) -> Option<i64> {
    parse(text).map(|instant| instant.seconds)
}

/// `[-]digits[.digits]` seconds since the epoch.
fn parse_epoch(text: &str) -> Option<Instant> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if whole.is_empty() || whole.len() > 18 || (unsigned.contains('.') && fraction.is_empty()) {
        return None;
    }
    let seconds: i64 = whole.parse().ok()?;
    let nanos = fraction_nanos(fraction.as_bytes())?;
    let instant = Instant { seconds, nanos };
    Some(if negative { instant.negated() } else { instant })
}

impl Instant {
    fn negated(self) -> Instant {
        if self.nanos == 0 {
            Instant {
                seconds: -self.seconds,
                nanos: 0,
            }
        } else {
            Instant {
                seconds: -self.seconds - 1,
                nanos: 1_000_000_000 - self.nanos,
            }
        }
    }
}

/// Nanoseconds from the digits after a decimal point; digits past the ninth are dropped.
fn fraction_nanos(digits: &[u8]) -> Option<u32> {
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let nanos = (0..9).fold(0u32, |nanos, i| {
        nanos * 10 + digits.get(i).map_or(0, |digit| u32::from(digit - b'0'))
    });
    Some(nanos)
}

fn parse_iso(text: &str) -> Option<Instant> {
    let mut cursor = Cursor {
        bytes: text.as_bytes(),
        at: 0,
    };
    let year = cursor.number(4)?;
    cursor.eat(b"-")?;
    let month = cursor.number(2)?;
    let day = if cursor.is_done() {
        1
    } else {
        cursor.eat(b"-")?;
        cursor.number(2)?
    };
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    if cursor.is_done() {
        return Some(Instant {
            seconds: days * SECONDS_PER_DAY,
            nanos: 0,
        });
    }
    cursor.eat(b"Tt")?;
    let hour = cursor.number(2)?;
    cursor.eat(b":")?;
    let minute = cursor.number(2)?;
    let (second, nanos) = if cursor.eat(b":").is_some() {
        let second = cursor.number(2)?;
        let nanos = if cursor.eat(b".").is_some() {
            let digits = cursor.digits();
            if digits.is_empty() {
                return None;
            }
            fraction_nanos(digits)?
        } else {
            0
        };
        (second, nanos)
    } else {
        (0, 0)
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let offset = cursor.offset()?;
    if !cursor.is_done() {
        return None;
    }
    let seconds = days * SECONDS_PER_DAY + i64::from(hour * 3600 + minute * 60 + second) - offset;
    Some(Instant { seconds, nanos })
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// Exactly `width` digits.
    fn number(&mut self, width: usize) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + width)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.at += width;
        Some(
            digits
                .iter()
                .fold(0, |number, digit| number * 10 + u32::from(digit - b'0')),
        )
    }

    /// One byte among `options`.
    fn eat(&mut self, options: &[u8]) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        options.contains(&byte).then(|| {
            self.at += 1;
            byte
        })
    }

    /// A run of digits, possibly empty.
    fn digits(&mut self) -> &[u8] {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.bytes.get(start..self.at).unwrap_or_default()
    }

    /// The time zone designator as seconds east of UTC: nothing or `Z` is 0.
    fn offset(&mut self) -> Option<i64> {
        if self.is_done() || self.eat(b"Zz").is_some() {
            return Some(0);
        }
        let sign = match self.eat(b"+-")? {
            b'-' => -1,
            _ => 1,
        };
        let hours = self.number(2)?;
        let minutes = if self.is_done() {
            0
        } else {
            self.eat(b":");
            self.number(2)?
        };
        if hours > 23 || minutes > 59 {
            return None;
        }
        Some(sign * i64::from(hours * 3600 + minutes * 60))
    }
}
