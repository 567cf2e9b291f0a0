//! The actions a lint run finds once per distinct action block are those found for each block afresh.

use proptest::prelude::*;

use crate::lint::grants::{CoveredActions, covered_actions};
use crate::policy::{ActionBlock, SharedStr, Spanned};
use crate::span::Span;

/// Patterns that cover one action, several, every one, or none, in two cases.
const PATTERNS: [&str; 8] = [
    "ecr:BatchGetImage",
    "ECR:batchgetimage",
    "ecr:GetDownloadUrlForLayer",
    "ecr:Batch*",
    "ecr:*",
    "*",
    "s3:GetObject",
    "ecr-public:*",
];

fn block(negated: bool, patterns: &[usize]) -> ActionBlock {
    ActionBlock {
        negated,
        key_span: Span::default(),
        span: Span::default(),
        patterns: patterns
            .iter()
            .map(|&pattern| Spanned {
                value: SharedStr::from(PATTERNS.get(pattern).copied().unwrap_or("*")),
                span: Span::default(),
            })
            .collect(),
    }
}

proptest! {
    #[test]
    fn actions_remembered_per_block_are_those_each_block_covers(
        blocks in prop::collection::vec(
            (any::<bool>(), prop::collection::vec(0..PATTERNS.len(), 0..3)),
            1..8,
        ),
    ) {
        // Blocks repeat (the pool is small), and blocks that differ only in order, case or negation
        // must not share an answer.
        let blocks: Vec<ActionBlock> = blocks
            .iter()
            .map(|(negated, patterns)| block(*negated, patterns))
            .collect();
        let remembered = CoveredActions::default();
        for block in &blocks {
            let names = |actions: &[&crate::catalog::Action]| {
                actions.iter().map(|action| action.full_name()).collect::<Vec<_>>()
            };
            prop_assert_eq!(names(&remembered.of(block)), names(&covered_actions(block)));
        }
    }
}
