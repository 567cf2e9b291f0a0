//! A small vocabulary of requests and statement parts, from which the property tests
//! (`crates/engine/tests/properties.rs`) and the fuzz targets (`crates/fuzz`) build their inputs. Two
//! accounts: the repository's (111122223333) and another (444455556666). It covers every kind of caller
//! the engine reads (`crates/engine/src/matching/caller.rs`), repository and registry-level actions
//! (ECRSAR), every statement element and each condition operator family (OPS).

/// Callers: users, roles, role sessions, federated users, roots and bare accounts in both accounts,
/// service principals and the anonymous caller.
pub const PRINCIPALS: &[&str] = &[
    "arn:aws:iam::111122223333:user/bob",
    "arn:aws:iam::111122223333:user/alice",
    "arn:aws:iam::111122223333:role/ci",
    "arn:aws:sts::111122223333:assumed-role/ci/build-7",
    "arn:aws:sts::111122223333:federated-user/carol",
    "arn:aws:iam::111122223333:root",
    "111122223333",
    "arn:aws:iam::444455556666:user/bob",
    "arn:aws:sts::444455556666:assumed-role/deploy/s1",
    "arn:aws:iam::444455556666:root",
    "codebuild.amazonaws.com",
    "lambda.amazonaws.com",
    "anonymous",
];

/// Request actions: repository actions of ECR and ECR Public, registry-level ones, another case, and an
/// action of another service.
pub const ACTIONS: &[&str] = &[
    "ecr:BatchGetImage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:PutImage",
    "ecr:InitiateLayerUpload",
    "ecr:SetRepositoryPolicy",
    "ecr:DeleteRepository",
    "ecr:batchgetimage",
    "ecr:GetAuthorizationToken",
    "ecr:DescribeRegistry",
    "ecr:CreatePullThroughCacheRule",
    "ecr-public:PutImage",
    "ecr-public:GetAuthorizationToken",
    "s3:GetObject",
];

/// The request actions of [`ACTIONS`] that are registry-level (ECRSAR "no resource type"; ECRPSAR):
/// a repository policy does not govern them (ECRPOL).
pub const REGISTRY_LEVEL_ACTIONS: &[&str] = &[
    "ecr:GetAuthorizationToken",
    "ecr:DescribeRegistry",
    "ecr:CreatePullThroughCacheRule",
    "ecr-public:GetAuthorizationToken",
];

/// Request resources: repositories in both accounts, a namespaced one, an ECR Public one, and `*`.
pub const RESOURCES: &[&str] = &[
    "arn:aws:ecr:us-east-1:111122223333:repository/app",
    "arn:aws:ecr:us-east-1:111122223333:repository/team/api",
    "arn:aws:ecr:eu-west-1:444455556666:repository/shared",
    "arn:aws:ecr-public::111122223333:repository/pub",
    "*",
];

/// Context keys with a value each, as JSON: scalars, numbers, booleans, and multivalued keys, empty too.
pub const CONTEXT: &[(&str, &str)] = &[
    ("aws:SourceIp", r#""203.0.113.7""#),
    ("aws:SourceIp", r#""198.51.100.1""#),
    ("aws:SourceIp", r#""2001:db8::1""#),
    ("aws:SourceVpce", r#""vpce-1a2b3c4d""#),
    ("aws:TagKeys", r#"["team", "env"]"#),
    ("aws:TagKeys", "[]"),
    ("aws:PrincipalOrgPaths", r#"["o-a1b2c3/r-ab12/ou-1/"]"#),
    ("aws:PrincipalOrgID", r#""o-a1b2c3""#),
    ("aws:SecureTransport", "false"),
    ("aws:MultiFactorAuthAge", "120"),
    ("aws:MultiFactorAuthAge", "1.5e3"),
    ("aws:PrincipalTag/team", r#""web""#),
    (
        "aws:SourceArn",
        r#""arn:aws:codebuild:us-east-1:111122223333:project/build""#,
    ),
    ("ecr:ResourceTag/team", r#""web""#),
    ("aws:CurrentTime", r#""2031-01-01T00:00:00Z""#),
    (
        "aws:PrincipalArn",
        r#""arn:aws:iam::111122223333:role/admin""#,
    ),
];

/// `Action` and `NotAction` patterns: wildcards, `?`, another case, registry-level and other services.
pub const ACTION_PATTERNS: &[&str] = &[
    "ecr:*",
    "*",
    "ecr:BatchGetImage",
    "ecr:Get*",
    "ecr:*Image",
    "ecr:Batch?etImage",
    "ecr:PutImage",
    "ECR:batchgetimage",
    "ecr:GetAuthorizationToken",
    "ecr-public:*",
    "s3:*",
];

/// `Resource` and `NotResource` patterns: wildcards in every segment that takes them, a policy variable,
/// ECR Public and the other account.
pub const RESOURCE_PATTERNS: &[&str] = &[
    "*",
    "arn:aws:ecr:us-east-1:111122223333:repository/app",
    "arn:aws:ecr:*:111122223333:repository/*",
    "arn:aws:ecr:us-east-1:111122223333:repository/team/*",
    "arn:aws:ecr:*:*:repository/${aws:username}",
    "arn:aws:ecr:us-east-?:111122223333:repository/a*",
    "arn:aws:ecr-public::111122223333:repository/*",
    "arn:aws:ecr:eu-west-1:444455556666:repository/shared",
];

/// `Principal` and `NotPrincipal` values, as JSON: everyone, accounts, users, roles, sessions, federated
/// users, a list across accounts and service principals (PRIN).
pub const PRINCIPAL_VALUES: &[&str] = &[
    r#""*""#,
    r#"{"AWS": "*"}"#,
    r#"{"AWS": "111122223333"}"#,
    r#"{"AWS": "arn:aws:iam::111122223333:root"}"#,
    r#"{"AWS": "arn:aws:iam::111122223333:user/bob"}"#,
    r#"{"AWS": "arn:aws:iam::111122223333:role/ci"}"#,
    r#"{"AWS": "arn:aws:sts::111122223333:assumed-role/ci/build-7"}"#,
    r#"{"AWS": "arn:aws:sts::111122223333:federated-user/carol"}"#,
    r#"{"AWS": ["arn:aws:iam::444455556666:root", "arn:aws:iam::444455556666:user/bob"]}"#,
    r#"{"Service": "codebuild.amazonaws.com"}"#,
    r#"{"Service": ["lambda.amazonaws.com"]}"#,
];

/// `Condition` blocks, as JSON: one or more of every operator family, set qualifiers, `IfExists`, `Null`,
/// negated operators and a policy variable.
pub const CONDITIONS: &[&str] = &[
    r#"{"StringEquals": {"aws:PrincipalAccount": "111122223333"}}"#,
    r#"{"NotIpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"#,
    r#"{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}}"#,
    r#"{"Bool": {"aws:SecureTransport": "true"}}"#,
    r#"{"StringLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/*"}}"#,
    r#"{"ArnLike": {"aws:SourceArn": "arn:aws:codebuild:us-east-1:111122223333:project/*"}}"#,
    r#"{"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}"#,
    r#"{"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "o-a1b2c3/*"}}"#,
    r#"{"Null": {"aws:SourceVpce": "true"}}"#,
    r#"{"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}"#,
    r#"{"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}"#,
    r#"{"StringNotEqualsIfExists": {"aws:SourceVpce": "vpce-1a2b3c4d"}}"#,
    r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:ResourceTag/team}"}}"#,
    r#"{"StringEqualsIgnoreCase": {"ecr:ResourceTag/TEAM": "WEB"}, "Bool": {"aws:SecureTransport": true}}"#,
];

/// Repository policies, identity policies and SCPs/RCPs use these versions (VER).
pub const VERSIONS: &[&str] = &["2012-10-17", "2008-10-17"];
