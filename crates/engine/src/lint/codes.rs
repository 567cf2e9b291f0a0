//! The stable codes of the lint findings. Tools and tests match on these strings; never rename one.
//! They never collide with the parser's codes (`crate::policy::codes`).

/// An `ecr:` or `ecr-public:` action the catalogue does not have (ECRSAR, ECRPSAR).
pub const UNKNOWN_ACTION: &str = "unknown-action";
/// A wildcard `ecr:` or `ecr-public:` pattern that matches no action.
pub const ACTION_MATCHES_NOTHING: &str = "action-matches-nothing";
/// A service prefix that is not a valid prefix or is a misspelling of `ecr-public`.
pub const UNKNOWN_SERVICE: &str = "unknown-service";
/// An action without a `service:` prefix (ACT).
pub const MALFORMED_ACTION: &str = "malformed-action";
/// A `Resource` or `NotResource` entry that is neither `*` nor an ARN (RES).
pub const MALFORMED_ARN: &str = "malformed-arn";
/// A `Principal` or `NotPrincipal` entry that names no principal (PRIN).
pub const MALFORMED_PRINCIPAL: &str = "malformed-principal";
/// A policy variable under Version 2008-10-17, where it is literal text (VER, VARS).
pub const VARIABLE_IN_VERSION_2008: &str = "variable-in-version-2008";
/// A condition value of the wrong type for its operator (OPS).
pub const INVALID_CONDITION_VALUE: &str = "invalid-condition-value";
/// A repository policy `Resource` other than `*` or this repository's ARN (section 8).
pub const RESOURCE_NOT_THIS_REPOSITORY: &str = "resource-not-this-repository";
/// A policy longer than its kind allows (QUOTA, ECRAPI).
pub const POLICY_TOO_LARGE: &str = "policy-too-large";
/// An Allow to everyone without a condition that narrows the caller (PRIN).
pub const PUBLIC_ACCESS: &str = "public-access";
/// Push, delete or policy actions granted to a whole other account (PRIN, XACCT).
pub const CROSS_ACCOUNT_WRITE: &str = "cross-account-write";
/// `ForAllValues:` in an Allow: vacuously true when the key is missing (MV, section 8).
pub const FOR_ALL_VALUES_IN_ALLOW: &str = "for-all-values-in-allow";
/// `NotAction` with `Allow` (NOTACT).
pub const NOT_ACTION_WITH_ALLOW: &str = "not-action-with-allow";
/// `NotResource` with `Allow` (NOTRES).
pub const NOT_RESOURCE_WITH_ALLOW: &str = "not-resource-with-allow";
/// `Resource` or `NotResource` in a repository policy (section 8, RESERR).
pub const RESOURCE_IN_REPOSITORY_POLICY: &str = "resource-in-repository-policy";
/// A registry-level action in a repository policy, where it has no effect (ECRPOL, ECRSAR).
pub const REGISTRY_ACTION_IN_REPOSITORY_POLICY: &str = "registry-action-in-repository-policy";
/// An action of another service in a repository policy, where it has no effect (ECRPOL).
pub const OTHER_SERVICE_ACTION: &str = "other-service-action";
/// A condition key that none of the statement's actions carries (ECRSAR, ECRPSAR).
pub const CONDITION_KEY_NOT_CARRIED: &str = "condition-key-not-carried";
/// An `aws:`, `ecr:` or `ecr-public:` condition key that does not exist, usually a misspelling (GCK).
pub const UNKNOWN_CONDITION_KEY: &str = "unknown-condition-key";
/// No `Version`: the policy is read as 2008-10-17 (VER).
pub const VERSION_MISSING: &str = "version-missing";
/// `Version` 2008-10-17 (VER).
pub const VERSION_2008: &str = "version-2008";
/// A policy variable where it is not substituted (VARS, section 8).
pub const VARIABLE_NOT_SUBSTITUTED: &str = "variable-not-substituted";
/// `NotPrincipal` with Deny: `"Principal": "*"` with `ArnNotEquals aws:PrincipalArn` says it better (NOTPRIN).
pub const NOT_PRINCIPAL_TO_CONDITION: &str = "not-principal-to-condition";
/// A statement that another statement of the same effect already covers.
pub const REDUNDANT_STATEMENT: &str = "redundant-statement";
/// A registry policy `Resource` that is not a repository of the policy's registry, or statements naming
/// repositories of different registries (section 7, REGEX).
pub const RESOURCE_OUTSIDE_REGISTRY: &str = "resource-outside-registry";
/// An action a scope V1 registry policy is not enforced for (section 7, REGPERM).
pub const NOT_ENFORCED_UNDER_SCOPE_V1: &str = "not-enforced-under-scope-v1";
/// A registry-level action in a registry policy, where it has no effect: it comes only from identity
/// policies (section 7, PTCIAM, ECRPOL).
pub const REGISTRY_ACTION_IN_REGISTRY_POLICY: &str = "registry-action-in-registry-policy";
/// `ecr:*` or `*` allowed by a registry policy: grant the actions the feature needs (REGPERM).
pub const WILDCARD_ACTION_IN_REGISTRY_POLICY: &str = "wildcard-action-in-registry-policy";

/// Every code, for tests that check each one is shown by a fixture and absent on clean policies.
pub const ALL: &[&str] = &[
    UNKNOWN_ACTION,
    ACTION_MATCHES_NOTHING,
    UNKNOWN_SERVICE,
    MALFORMED_ACTION,
    MALFORMED_ARN,
    MALFORMED_PRINCIPAL,
    VARIABLE_IN_VERSION_2008,
    INVALID_CONDITION_VALUE,
    RESOURCE_NOT_THIS_REPOSITORY,
    POLICY_TOO_LARGE,
    PUBLIC_ACCESS,
    CROSS_ACCOUNT_WRITE,
    FOR_ALL_VALUES_IN_ALLOW,
    NOT_ACTION_WITH_ALLOW,
    NOT_RESOURCE_WITH_ALLOW,
    RESOURCE_IN_REPOSITORY_POLICY,
    REGISTRY_ACTION_IN_REPOSITORY_POLICY,
    OTHER_SERVICE_ACTION,
    CONDITION_KEY_NOT_CARRIED,
    UNKNOWN_CONDITION_KEY,
    VERSION_MISSING,
    VERSION_2008,
    VARIABLE_NOT_SUBSTITUTED,
    NOT_PRINCIPAL_TO_CONDITION,
    REDUNDANT_STATEMENT,
    RESOURCE_OUTSIDE_REGISTRY,
    NOT_ENFORCED_UNDER_SCOPE_V1,
    REGISTRY_ACTION_IN_REGISTRY_POLICY,
    WILDCARD_ACTION_IN_REGISTRY_POLICY,
];
