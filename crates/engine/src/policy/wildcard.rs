//! The policy language's two wildcard characters, `*` and `?` (OPS, RES, ACT, PRIN): the parser refuses
//! them where a name must be whole, and `matching` compares patterns that use them.

/// Whether `pattern` contains a wildcard character (`*` or `?`).
pub fn has_wildcard(pattern: &str) -> bool {
    // Both are ASCII, so no byte of another character can be taken for them.
    pattern.bytes().any(|byte| byte == b'*' || byte == b'?')
}
