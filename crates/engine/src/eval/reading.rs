//! The readings: places where a decision rests on how the engine reads AWS's documentation, not on a
//! documented rule. Each is a decision of the rule book's section 8, applied in one place in the code
//! (named below); when one decides a request, the reason chain says so in these words and names the
//! section 8 row, so a user knows which part of the answer to verify.

/// A reading the documentation does not settle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reading {
    /// A same-account grant to `"*"` is not limited by the caller's permissions boundary or session
    /// policy, like a grant naming the session's own ARN. Applied by `statement::grant_rank`.
    EveryoneGrantNotLimited,
    /// A `NotResource` entry whose variable has no value matches nothing, so it excludes nothing. Applied
    /// by `statement::resource_report`.
    NotResourceWithoutValue,
    /// Resource control policies do not restrict actions that have no resource type. Applied by
    /// `not_applicable_because` in `eval`.
    RcpsSkipRegistryLevelActions,
}

impl Reading {
    /// What AWS does not document and what the engine follows instead, with the section 8 row.
    pub fn explanation(self) -> &'static str {
        match self {
            Reading::EveryoneGrantNotLimited => {
                "AWS does not document whether a same-account grant to `\"*\"` is limited by the caller's permissions boundary or session policy; this follows PRIN (\"for IAM users and role principals within your account, no other permissions are required\") and treats it like a grant naming the session's own ARN, which they do not limit (iam-semantics.md section 8, \"`\"*\"` principal without condition, same account\")"
            }
            Reading::NotResourceWithoutValue => {
                "AWS does not document what `NotResource` does with a variable that has no value; this follows VARS for `Resource` (such an entry \"will not match any resource\"), so the `NotResource` entry excludes nothing and the statement covers the resource (iam-semantics.md section 8, \"`NotResource` with a variable that has no value\")"
            }
            Reading::RcpsSkipRegistryLevelActions => {
                "AWS does not document whether resource control policies restrict an action with no resource type; this follows RCP (they apply to the resources in the action's \"Resource type\" column), so they do not restrict this registry-level action (iam-semantics.md section 8, \"RCPs and registry-level actions (no resource type)\")"
            }
        }
    }
}
