//! Matching the three things every statement names: the action, the resource and the principal, plus the
//! caller whose request is evaluated and the `ArnLike` comparison the condition operators build on.
//!
//! Every function here is pure, works on plain strings, never panics, and returns its explanation as data
//! (what was compared with what, whether a wildcard was used, why it did not match); the evaluator attaches
//! source spans and turns it into words. Rules come from `iam-semantics.md` sections 2 to 5.

mod action;
mod arn;
mod caller;
mod caller_error;
mod caller_text;
mod principal;
mod resource;
mod wildcard;

#[cfg(test)]
mod tests;

pub use action::{ActionMatch, ActionMismatch, ActionPattern, RequestAction, match_action};
pub use arn::{Arn, ArnError, ArnSegment};
pub use caller::{Caller, PrincipalType};
pub use caller_error::CallerError;
pub(crate) use caller_text::CallerText;
pub(crate) use principal::is_unique_id;
pub use principal::{NamedAs, PrincipalMatch, PrincipalMismatch, PrincipalName, match_principal};
pub use resource::{ResourceMatch, ResourceMismatch, match_resource};
pub(crate) use wildcard::{Wildcard, glob_with};
pub use wildcard::{glob_match, glob_match_ignore_case};
