//! ECR Public: "Using a repository policy to deny access to view or pull from a public repository is not
//! supported" (ECRPUB): every public repository is visible in the ECR Public Gallery and anyone can pull
//! from it. A Deny in a public repository's policy that covers its viewing actions is a warning. ECR
//! Public has no pull actions (section 5); `ecr:` pull actions there are `other-service-action`.

use super::grants::covered_actions;
use super::{Input, docs, has_effect};
use crate::diagnostic::{Diagnostic, LintCode};
use crate::policy::Effect;

/// The `ecr-public:` actions behind what the Gallery shows of a repository: its catalogue data, images
/// and tags (ECRPSAR).
const VIEW_ACTIONS: [&str; 4] = [
    "DescribeImageTags",
    "DescribeImages",
    "DescribeRepositories",
    "GetRepositoryCatalogData",
];

/// Checks the Deny statements of a repository policy for an `ecr-public` repository.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    let public = input
        .repository
        .as_ref()
        .is_some_and(|arn| arn.service() == "ecr-public");
    if !input.is_repository_policy() || !public {
        return;
    }
    for statement in &input.policy.statements {
        let Some(block) = statement
            .action
            .as_ref()
            .filter(|_| has_effect(statement, Effect::Deny))
        else {
            continue;
        };
        let viewing: Vec<String> = covered_actions(block)
            .into_iter()
            .filter(|action| {
                action.service == "ecr-public" && VIEW_ACTIONS.contains(&action.name.as_str())
            })
            .map(|action| format!("`{}`", action.full_name()))
            .collect();
        if viewing.is_empty() {
            continue;
        }
        findings.push(
            Diagnostic::warning(
                LintCode::DenyViewInPublicRepository,
                format!(
                    "a public repository's policy cannot deny viewing or pulling it, which ECR Public does not support: every public repository is shown in the ECR Public Gallery and anyone can pull from it, so do not rely on this Deny of {}; to restrict who can pull, use a private repository",
                    viewing.join(", ")
                ),
                block.key_span,
            )
            .with_docs(docs::ECRPUB),
        );
    }
}
