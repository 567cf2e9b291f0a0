//! Policies: the model with source spans, the kinds of policy, condition operators, and the parser that
//! turns policy text into the model plus diagnostics.

mod kind;
mod model;
mod operator;
mod parse;
mod shared;
mod wildcard;

pub use kind::PolicyKind;
pub use model::{
    ActionBlock, Condition, ConditionValue, Effect, Policy, PolicySize, PrincipalBlock,
    PrincipalEntry, PrincipalKind, ResourceBlock, Spanned, Statement, ValueType, Version,
    statement_label,
};
pub use operator::{Operator, OperatorBase, OperatorError, OperatorFamily, SetQualifier};
pub use parse::{ParsedPolicy, parse_policy};
pub use shared::{Shared, SharedList, SharedStr};
pub use wildcard::has_wildcard;
