//! Tests for the matching module, one file per concept, each test named after the rule it shows and
//! citing its rule-book source key.

mod action;
mod arn;
mod caller;
mod principal;
mod resource;
mod wildcard;
