//! Questions about many requests at once, answered by deciding each with the one evaluation procedure.
//! [`who_can`]: every principal of an account, and those outside it that the repository's side names,
//! with its decision for one action or operation.

mod who_can;
#[cfg(test)]
mod who_can_tests;

pub use who_can::{WhoCan, WhoCanKind, WhoCanRow, who_can};
