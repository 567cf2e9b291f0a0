//! The calendar, once: the moment a request is made, and days to and from dates of the proleptic
//! Gregorian calendar (Howard Hinnant's algorithms), for the request clock and the Date operators.

use std::fmt;
use std::str::FromStr;

/// Seconds in a day.
pub const SECONDS_PER_DAY: i64 = 86_400;

/// The moment the request is made, in seconds since the Unix epoch. Passed in so that evaluation is
/// deterministic: tests fix it, the CLI and the page pass the current time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestTime(pub i64);

impl RequestTime {
    /// `2026-11-23T09:05:00Z`: the time as `aws:CurrentTime` carries it (UTC).
    pub fn iso8601(self) -> String {
        let days = self.0.div_euclid(SECONDS_PER_DAY);
        let second_of_day = self.0.rem_euclid(SECONDS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            second_of_day / 3600,
            second_of_day % 3600 / 60,
            second_of_day % 60
        )
    }
}

/// Why text is not a request time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestTimeError(String);

impl fmt::Display for RequestTimeError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "`{}` is not a time: write it as `2026-06-01T00:00:00Z` (UTC) or as Unix seconds",
            self.0
        )
    }
}

impl std::error::Error for RequestTimeError {}

impl FromStr for RequestTime {
    type Err = RequestTimeError;

    /// Unix seconds, or exactly `YYYY-MM-DDThh:mm:ssZ` with valid fields.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Ok(seconds) = text.parse::<i64>() {
            return Ok(RequestTime(seconds));
        }
        utc_seconds(text)
            .map(RequestTime)
            .ok_or_else(|| RequestTimeError(text.to_owned()))
    }
}

/// `YYYY-MM-DDThh:mm:ssZ` as Unix seconds; `None` unless the text is exactly that with valid fields.
fn utc_seconds(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let separators = [
        (4, b'-'),
        (7, b'-'),
        (10, b'T'),
        (13, b':'),
        (16, b':'),
        (19, b'Z'),
    ];
    if bytes.len() != 20
        || separators
            .iter()
            .any(|&(at, wanted)| bytes.get(at) != Some(&wanted))
    {
        return None;
    }
    let field = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = text.get(range)?;
        digits
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (year, month, day) = (field(0..4)?, field(5..7)?, field(8..10)?);
    let (hour, minute, second) = (field(11..13)?, field(14..16)?, field(17..19)?);
    if !(1..=12).contains(&month)
        || !(1..=days_in_month(year, month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let days = days_from_civil(i64::from(year), month, day);
    Some(days * SECONDS_PER_DAY + i64::from(hour * 3_600 + minute * 60 + second))
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days of `month` (1 to 12) in `year`.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01 as (year, month, day) (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use ecr_policy_test_kit::CORPUS_SECONDS;

    use super::*;

    #[test]
    fn utc_timestamps_and_unix_seconds_give_the_same_instant() {
        let parse = |text: &str| text.parse::<RequestTime>();
        assert_eq!(
            parse("2026-06-01T00:00:00Z"),
            Ok(RequestTime(CORPUS_SECONDS))
        );
        assert_eq!(
            parse(&CORPUS_SECONDS.to_string()),
            Ok(RequestTime(CORPUS_SECONDS))
        );
        assert_eq!(parse("1970-01-01T00:00:00Z"), Ok(RequestTime(0)));
        assert_eq!(
            parse("2024-02-29T23:59:59Z"),
            Ok(RequestTime(1_709_251_199))
        );
    }

    #[test]
    fn anything_else_is_refused_with_the_forms_that_work() {
        for wrong in [
            "2026-06-01",
            "2026-02-30T00:00:00Z",
            "2026-06-01T24:00:00Z",
            "2026-13-01T00:00:00Z",
            "tomorrow",
            "2026-06-01T00:00:00+01:00",
        ] {
            let error = wrong.parse::<RequestTime>().unwrap_err().to_string();
            assert!(error.contains("2026-06-01T00:00:00Z"), "{error}");
        }
    }

    #[test]
    fn days_and_dates_convert_both_ways() {
        for (text, days) in [
            ("1970-01-01", 0),
            ("2000-02-29", 11_016),
            ("1969-12-31", -1),
        ] {
            let time = RequestTime(days * SECONDS_PER_DAY);
            assert_eq!(time.iso8601(), format!("{text}T00:00:00Z"));
            assert_eq!(format!("{text}T00:00:00Z").parse::<RequestTime>(), Ok(time));
        }
    }
}
