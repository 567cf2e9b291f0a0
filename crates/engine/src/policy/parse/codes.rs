//! The stable codes of the parser's diagnostics. Tools and tests match on these strings; never rename one.

/// The text is not valid JSON (position where the parser stopped).
pub const JSON_SYNTAX: &str = "json-syntax";
/// The text contains a comment.
pub const JSON_COMMENT: &str = "json-comment";
/// The text has a trailing comma.
pub const JSON_TRAILING_COMMA: &str = "json-trailing-comma";
/// The text is empty.
pub const JSON_EMPTY: &str = "json-empty";
/// A key appears twice in one object.
pub const DUPLICATE_KEY: &str = "duplicate-key";
/// An element name the grammar does not know.
pub const UNKNOWN_ELEMENT: &str = "unknown-element";
/// A required element is missing.
pub const MISSING_ELEMENT: &str = "missing-element";
/// Two elements that exclude each other (`Action` and `NotAction`).
pub const CONFLICTING_ELEMENTS: &str = "conflicting-elements";
/// An element has a value of the wrong JSON type.
pub const WRONG_TYPE: &str = "wrong-type";
/// An element is an empty array or empty string.
pub const EMPTY_VALUE: &str = "empty-value";
/// `Effect` is neither `Allow` nor `Deny`.
pub const INVALID_EFFECT: &str = "invalid-effect";
/// `Version` is neither `2012-10-17` nor `2008-10-17`.
pub const INVALID_VERSION: &str = "invalid-version";
/// A character outside what IAM accepts.
pub const INVALID_CHARACTER: &str = "invalid-character";
/// Two statements share a `Sid`.
pub const DUPLICATE_SID: &str = "duplicate-sid";
/// A `Sid` with characters other than letters and digits.
pub const SID_CHARACTERS: &str = "sid-characters";
/// An element this kind of policy must not have (`Principal` in an identity policy, `Id`...).
pub const ELEMENT_NOT_ALLOWED: &str = "element-not-allowed";
/// `NotPrincipal` with `Allow`.
pub const NOT_PRINCIPAL_WITH_ALLOW: &str = "not-principal-with-allow";
/// A principal value that is not `"*"` or a map of principal types.
pub const INVALID_PRINCIPAL: &str = "invalid-principal";
/// A wildcard inside a principal name, or `"Service": "*"`.
pub const PRINCIPAL_WILDCARD: &str = "principal-wildcard";
/// An RCP that does not use Version 2012-10-17 or names a principal other than `"*"`.
pub const RCP_SYNTAX: &str = "rcp-syntax";
/// A condition operator the engine does not know.
pub const UNKNOWN_OPERATOR: &str = "unknown-operator";
/// `IfExists` on `Null`.
pub const IF_EXISTS_ON_NULL: &str = "if-exists-on-null";
/// The root of the document is not an object.
pub const NOT_AN_OBJECT: &str = "not-an-object";

/// Every code, for tests that check each one is shown and absent on a valid policy.
pub const ALL: &[&str] = &[
    JSON_SYNTAX,
    JSON_COMMENT,
    JSON_TRAILING_COMMA,
    JSON_EMPTY,
    DUPLICATE_KEY,
    UNKNOWN_ELEMENT,
    MISSING_ELEMENT,
    CONFLICTING_ELEMENTS,
    WRONG_TYPE,
    EMPTY_VALUE,
    INVALID_EFFECT,
    INVALID_VERSION,
    INVALID_CHARACTER,
    DUPLICATE_SID,
    SID_CHARACTERS,
    ELEMENT_NOT_ALLOWED,
    NOT_PRINCIPAL_WITH_ALLOW,
    INVALID_PRINCIPAL,
    PRINCIPAL_WILDCARD,
    RCP_SYNTAX,
    UNKNOWN_OPERATOR,
    IF_EXISTS_ON_NULL,
    NOT_AN_OBJECT,
];
