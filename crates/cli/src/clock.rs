//! When the request is made: now, or the moment `--time` gives, so that scenarios whose conditions
//! depend on the date (aws:CurrentTime, aws:EpochTime) give the same result on every run.

use std::time::{SystemTime, UNIX_EPOCH};

use ecr_policy_engine::eval::RequestTime;

/// The `--time` option of the commands that evaluate.
#[derive(Debug, Clone, clap::Args)]
pub struct TimeArg {
    /// When the request is made: `2026-06-01T00:00:00Z` (UTC) or Unix seconds [default: now]
    #[arg(long, value_name = "WHEN")]
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
