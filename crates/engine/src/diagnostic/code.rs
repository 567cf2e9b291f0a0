//! The stable codes of diagnostics: the JSON reader's ([`JsonCode`]), the policy parser's ([`ParseCode`])
//! and the linter's ([`LintCode`]). Tools and tests match on their names; never rename one. No two codes
//! share a name, across the three families.

use serde::Serialize;

pub use crate::json::JsonCode;

/// The code of a diagnostic, of whichever family; serialized as its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), serde(untagged))]
pub enum Code {
    /// The text is not strict JSON.
    Json(JsonCode),
    /// The policy breaks the grammar of its kind.
    Parse(ParseCode),
    /// A lint finding.
    Lint(LintCode),
}

impl Code {
    /// The stable name, as JSON and the CLI show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Json(code) => code.as_str(),
            Code::Parse(code) => code.as_str(),
            Code::Lint(code) => code.as_str(),
        }
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

/// `From` each family into [`Code`], and comparison of a [`Code`] with a family's code.
macro_rules! code_family {
    ($($family:ident => $variant:ident),*) => {$(
        impl From<$family> for Code {
            fn from(code: $family) -> Self {
                Code::$variant(code)
            }
        }

        impl PartialEq<$family> for Code {
            fn eq(&self, other: &$family) -> bool {
                *self == Code::$variant(*other)
            }
        }
    )*};
}

code_family!(JsonCode => Json, ParseCode => Parse, LintCode => Lint);

named_enum! {
    /// The codes of the policy parser's diagnostics, beyond JSON syntax ([`JsonCode`]).
    pub enum ParseCode {
        /// A key appears twice in one object.
        DuplicateKey = "duplicate-key",
        /// An element name the grammar does not know.
        UnknownElement = "unknown-element",
        /// A required element is missing.
        MissingElement = "missing-element",
        /// Two elements that exclude each other (`Action` and `NotAction`).
        ConflictingElements = "conflicting-elements",
        /// An element has a value of the wrong JSON type.
        WrongType = "wrong-type",
        /// An element is an empty array or empty string.
        EmptyValue = "empty-value",
        /// `Effect` is neither `Allow` nor `Deny`.
        InvalidEffect = "invalid-effect",
        /// `Version` is neither `2012-10-17` nor `2008-10-17`.
        InvalidVersion = "invalid-version",
        /// A character outside what IAM accepts.
        InvalidCharacter = "invalid-character",
        /// Two statements share a `Sid`.
        DuplicateSid = "duplicate-sid",
        /// A `Sid` with characters other than letters and digits.
        SidCharacters = "sid-characters",
        /// An element this kind of policy must not have (`Principal` in an identity policy, `Id`...).
        ElementNotAllowed = "element-not-allowed",
        /// `NotPrincipal` with `Allow`.
        NotPrincipalWithAllow = "not-principal-with-allow",
        /// A principal value that is not `"*"` or a map of principal types.
        InvalidPrincipal = "invalid-principal",
        /// A wildcard inside a principal name, or `"Service": "*"`.
        PrincipalWildcard = "principal-wildcard",
        /// An RCP that does not use Version 2012-10-17 or names a principal other than `"*"`.
        RcpSyntax = "rcp-syntax",
        /// A condition operator the engine does not know.
        UnknownOperator = "unknown-operator",
        /// `IfExists` on `Null`.
        IfExistsOnNull = "if-exists-on-null",
        /// The root of the document is not an object.
        NotAnObject = "not-an-object",
    }
}

named_enum! {
    /// The codes of the lint findings.
    pub enum LintCode {
        /// An `ecr:` or `ecr-public:` action the catalogue does not have (ECRSAR, ECRPSAR).
        UnknownAction = "unknown-action",
        /// A wildcard `ecr:` or `ecr-public:` pattern that matches no action.
        ActionMatchesNothing = "action-matches-nothing",
        /// A service prefix that is not a valid prefix, is a misspelling of `ecr-public`, or is no AWS
        /// service's prefix (`ecrr`), with the prefix it probably meant.
        UnknownService = "unknown-service",
        /// An action without a `service:` prefix (ACT).
        MalformedAction = "malformed-action",
        /// A `Resource` or `NotResource` entry that is neither `*` nor an ARN (RES).
        MalformedArn = "malformed-arn",
        /// A `Principal` or `NotPrincipal` entry that names no principal (PRIN).
        MalformedPrincipal = "malformed-principal",
        /// A policy variable under Version 2008-10-17, where it is literal text: a security warning saying
        /// what the statement then does (VER, VARS, section 8).
        VariableInVersion2008 = "variable-in-version-2008",
        /// A condition value of the wrong type for its operator (OPS).
        InvalidConditionValue = "invalid-condition-value",
        /// A repository policy `Resource` other than `*` or this repository's ARN (section 8).
        ResourceNotThisRepository = "resource-not-this-repository",
        /// A policy longer than its kind allows (QUOTA, ECRAPI).
        PolicyTooLarge = "policy-too-large",
        /// An Allow to everyone without a condition that narrows the caller (PRIN).
        PublicAccess = "public-access",
        /// Push, delete or policy actions granted to a whole other account (PRIN, XACCT).
        CrossAccountWrite = "cross-account-write",
        /// `ForAllValues:` in an Allow: vacuously true when the key is missing (MV, section 8).
        ForAllValuesInAllow = "for-all-values-in-allow",
        /// `NotAction` with `Allow` (NOTACT).
        NotActionWithAllow = "not-action-with-allow",
        /// `NotResource` with `Allow` (NOTRES).
        NotResourceWithAllow = "not-resource-with-allow",
        /// `Resource` or `NotResource` in a repository policy (section 8, RESERR).
        ResourceInRepositoryPolicy = "resource-in-repository-policy",
        /// A registry-level action in a repository policy, where it has no effect (ECRPOL, ECRSAR).
        RegistryActionInRepositoryPolicy = "registry-action-in-repository-policy",
        /// An action of another service in a repository policy, where it has no effect (ECRPOL).
        OtherServiceAction = "other-service-action",
        /// A condition key that none of the statement's actions carries (ECRSAR, ECRPSAR).
        ConditionKeyNotCarried = "condition-key-not-carried",
        /// An `aws:`, `ecr:` or `ecr-public:` condition key that does not exist, usually a misspelling (GCK).
        UnknownConditionKey = "unknown-condition-key",
        /// No `Version`: the policy is read as 2008-10-17 (VER).
        VersionMissing = "version-missing",
        /// `Version` 2008-10-17 (VER).
        Version2008 = "version-2008",
        /// A policy variable where it is not substituted (VARS, section 8).
        VariableNotSubstituted = "variable-not-substituted",
        /// `NotPrincipal` with Deny: `"Principal": "*"` with `ArnNotEquals aws:PrincipalArn` says it better (NOTPRIN).
        NotPrincipalToCondition = "not-principal-to-condition",
        /// A statement that another statement of the same effect already covers.
        RedundantStatement = "redundant-statement",
        /// A registry policy `Resource` that is not a repository of the policy's registry, or statements
        /// naming repositories of different registries (section 7, REGEX).
        ResourceOutsideRegistry = "resource-outside-registry",
        /// An action a scope V1 registry policy is not enforced for (section 7, REGPERM).
        NotEnforcedUnderScopeV1 = "not-enforced-under-scope-v1",
        /// A registry-level action in a registry policy, where it has no effect: it comes only from
        /// identity policies (section 7, PTCIAM, ECRPOL).
        RegistryActionInRegistryPolicy = "registry-action-in-registry-policy",
        /// `ecr:*` or `*` allowed by a registry policy: grant the actions the feature needs (REGPERM).
        WildcardActionInRegistryPolicy = "wildcard-action-in-registry-policy",
        /// A condition operator whose family does not fit its key's type: `StringEquals` on `aws:SourceIp`,
        /// `Bool` on a string key, a Date operator on a key that holds no date (OPS, GCK).
        OperatorKeyTypeMismatch = "operator-key-type-mismatch",
        /// A service principal allowed without `aws:SourceAccount` or `aws:SourceArn`: the confused-deputy
        /// guidance asks for them (PRIN, LAMBDA).
        ServicePrincipalWithoutSource = "service-principal-without-source",
        /// A Deny of viewing actions in an ECR Public repository policy, which ECR Public does not support
        /// (ECRPUB).
        DenyViewInPublicRepository = "deny-view-in-public-repository",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_kebab_case_and_no_two_families_share_a_name() {
        let mut names: Vec<&str> = JsonCode::ALL.iter().map(|code| code.as_str()).collect();
        names.extend(ParseCode::ALL.iter().map(|code| code.as_str()));
        names.extend(LintCode::ALL.iter().map(|code| code.as_str()));
        for name in &names {
            assert!(
                name.split('-').all(|word| !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
                "{name}"
            );
        }
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count);
    }

    #[test]
    fn a_code_serializes_as_its_name() {
        let code = Code::from(LintCode::PublicAccess);
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"public-access\"");
        assert_eq!(code.to_string(), "public-access");
        assert_eq!(code, LintCode::PublicAccess);
    }
}
