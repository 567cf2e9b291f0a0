//! ECR Policy Playground engine: parses AWS ECR repository policies, registry policies and IAM policies,
//! evaluates a request against them exactly as AWS documents it, and explains every step of the decision.
//!
//! The rules it follows are in the rule book beside this crate, `iam-semantics.md`; every module cites the
//! rule it implements. `crates/ARCHITECTURE.md` maps the modules.
//! This crate has no wasm, IO or terminal dependencies: the CLI and the wasm package are thin adapters.

#[macro_use]
mod macros;

pub mod analysis;
pub mod catalog;
pub mod condition;
pub mod context;
mod decision;
pub mod denied;
pub mod diagnostic;
pub mod diff;
mod distance;
pub mod eval;
pub mod fix;
pub mod float;
pub mod import;
mod json;
pub mod lint;
pub mod matching;
pub mod operation;
pub mod policy;
pub mod registry;
pub mod scenario;
pub mod share;
pub mod span;
mod time;
pub mod unwrap;
