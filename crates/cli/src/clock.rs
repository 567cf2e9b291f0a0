//! When the request is made: now, or the moment `--time` gives, so that scenarios whose conditions
//! depend on the date (aws:CurrentTime, aws:EpochTime) give the same result on every run.

use std::time::{SystemTime, UNIX_EPOCH};

use ecr_policy_engine::eval::RequestTime;

/// The `--time` option of the commands that evaluate.
#[derive(Debug, Clone, clap::Args)]
pub struct TimeArg {
    /// When the request is made: `2026-06-01T00:00:00Z` (UTC) or Unix seconds [default: now]
    #[arg(long, value_name = "WHEN", value_parser = parse_time)]
    pub time: Option<RequestTime>,
}

impl TimeArg {
    /// The time given, or now.
    pub fn request_time(&self) -> RequestTime {
        self.time.unwrap_or_else(now)
    }
}

/// The current time.
fn now() -> RequestTime {
    let seconds = match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(elapsed) => i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX),
        Err(before) => {
            i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |seconds| -seconds)
        }
    };
    RequestTime(seconds)
}

/// Reads `--time`: Unix seconds, or `YYYY-MM-DDThh:mm:ssZ`.
fn parse_time(text: &str) -> Result<RequestTime, String> {
    if let Ok(seconds) = text.parse::<i64>() {
        return Ok(RequestTime(seconds));
    }
    utc_seconds(text).map(RequestTime).ok_or_else(|| {
        format!(
            "`{text}` is not a time: write it as `2026-06-01T00:00:00Z` (UTC) or as Unix seconds"
        )
    })
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
    let field = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = text.get(range)?;
        digits
            .bytes()
            .all(|byte| byte.is_ascii_digit())
            .then(|| digits.parse().ok())?
    };
    let (year, month, day) = (field(0..4)?, field(5..7)?, field(8..10)?);
    let (hour, minute, second) = (field(11..13)?, field(14..16)?, field(17..19)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    if !(1..=month_days).contains(&day) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second)
}

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use ecr_policy_test_kit::CORPUS_TIME;

    use super::*;

    #[test]
    fn utc_timestamps_and_unix_seconds_give_the_same_instant() {
        // The test kit's clock is documented as 2026-06-01T00:00:00Z.
        assert_eq!(parse_time("2026-06-01T00:00:00Z"), Ok(CORPUS_TIME));
        assert_eq!(parse_time("1780272000"), Ok(CORPUS_TIME));
        assert_eq!(parse_time("1970-01-01T00:00:00Z"), Ok(RequestTime(0)));
        assert_eq!(
            parse_time("2024-02-29T23:59:59Z"),
            Ok(RequestTime(1_709_251_199))
        );
    }

    #[test]
    fn anything_else_is_refused_with_the_forms_that_work() {
        for wrong in [
            "2026-06-01",
            "2026-02-30T00:00:00Z",
            "2026-06-01T24:00:00Z",
            "tomorrow",
            "2026-06-01T00:00:00+01:00",
        ] {
            let error = parse_time(wrong).unwrap_err();
            assert!(error.contains("2026-06-01T00:00:00Z"), "{error}");
        }
    }
}
