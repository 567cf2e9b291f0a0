//! Edit distance for did-you-mean suggestions.

/// The Levenshtein distance between `a` and `b`: the fewest single-character insertions, deletions and
/// substitutions that turn one into the other.
pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, from) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (to, pair) in b.iter().zip(previous.windows(2)) {
            let &[diagonal, above] = pair else { continue };
            let left = current.last().copied().unwrap_or(i + 1);
            let substitution = diagonal + usize::from(from != *to);
            current.push(substitution.min(above + 1).min(left + 1));
        }
        previous = current;
    }
    previous.last().copied().unwrap_or(0)
}

/// Whether a name at `distance` edits from a known one is close enough to suggest: at most 3 edits, and
/// fewer than a third of the name's length, so short names do not attract unrelated suggestions.
pub(crate) fn is_close(distance: usize, name_len: usize) -> bool {
    distance <= 3 && distance * 3 < name_len
}
