//! Glob matching with the two IAM wildcards: `*` matches any run of characters (possibly empty) and `?`
//! matches exactly one character (OPS, RES, ACT). Every other character stands for itself.
//!
//! The matcher is the classic two-pointer algorithm: it remembers only the last `*` seen and retries from
//! there, so it never backtracks exponentially. Its worst case is the product of the two lengths.
//! Characters, not bytes, are compared, so `?` matches one `é`.

/// Whether `text` matches `pattern`, comparing characters exactly (case-sensitive).
pub fn glob_match(pattern: &str, text: &str) -> bool {
    // ASCII text (nearly every action name and ARN) is matched byte by byte without copying; bytes and
    // characters are the same there. Anything else is matched over its characters.
    if pattern.is_ascii() && text.is_ascii() {
        glob_slices(pattern.as_bytes(), text.as_bytes(), |a, b| a == b)
    } else {
        glob_chars(pattern, text, |a, b| a == b)
    }
}

/// Whether `text` matches `pattern`, comparing characters without regard to case (each character's
/// Unicode lowercase form is compared, so `?` still matches exactly one character of the text).
pub fn glob_match_ignore_case(pattern: &str, text: &str) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        glob_slices(pattern.as_bytes(), text.as_bytes(), |a, b| {
            a.eq_ignore_ascii_case(&b)
        })
    } else {
        glob_chars(pattern, text, chars_equal_ignore_case)
    }
}

fn chars_equal_ignore_case(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

fn glob_chars(pattern: &str, text: &str, equal: impl Fn(char, char) -> bool) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    glob_slices(&pattern, &text, equal)
}

/// The matcher over bytes of ASCII text or characters of any text, where `*` and `?` are the wildcards.
fn glob_slices<T: Copy + Into<char>>(
    pattern: &[T],
    text: &[T],
    equal: impl Fn(T, T) -> bool,
) -> bool {
    let wildcard = |element: T| match element.into() {
        '*' => Some(Wildcard::AnyRun),
        '?' => Some(Wildcard::AnyOne),
        _ => None,
    };
    glob_with(pattern, text, wildcard, equal)
}

/// What a wildcard element of a pattern matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wildcard {
    /// `*`: any run of characters, possibly empty.
    AnyRun,
    /// `?`: exactly one character.
    AnyOne,
}

/// The two-pointer matcher over any pattern elements: `wildcard` says which elements are wildcards, and
/// `equal` compares every other element with a text element. Shared by the string matchers above and by
/// the token patterns of policy variables (`condition::Pattern`), whose substituted `*` is literal.
pub(crate) fn glob_with<P: Copy, T: Copy>(
    pattern: &[P],
    text: &[T],
    wildcard: impl Fn(P) -> Option<Wildcard>,
    equal: impl Fn(P, T) -> bool,
) -> bool {
    let mut p = 0;
    let mut t = 0;
    // After the last `*` seen: the pattern position just past it and the text position its run ends at.
    let mut retry: Option<(usize, usize)> = None;
    while let Some(&current) = text.get(t) {
        match pattern.get(p).map(|&wanted| (wanted, wildcard(wanted))) {
            Some((_, Some(Wildcard::AnyRun))) => {
                p += 1;
                retry = Some((p, t));
            }
            Some((_, Some(Wildcard::AnyOne))) => {
                p += 1;
                t += 1;
            }
            Some((wanted, None)) if equal(wanted, current) => {
                p += 1;
                t += 1;
            }
            _ => match retry {
                Some((after_star, run_end)) => {
                    p = after_star;
                    t = run_end + 1;
                    retry = Some((after_star, run_end + 1));
                }
                None => return false,
            },
        }
    }
    pattern.get(p..).is_some_and(|rest| {
        rest.iter()
            .all(|&element| wildcard(element) == Some(Wildcard::AnyRun))
    })
}
