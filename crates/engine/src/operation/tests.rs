//! The operations table (iam-semantics.md section 7, "Operations"), each list checked against the ECR
//! pages it cites.

use super::*;
use crate::catalog::catalog;

fn actions(operation: Operation) -> Vec<&'static str> {
    operation.steps().iter().map(|step| step.action).collect()
}

#[test]
fn pull_is_the_token_then_the_manifest_then_the_layers() {
    // ECRPOL: the token "through an IAM policy" before any pull; PULLAPI: BatchGetImage for the manifest,
    // GetDownloadUrlForLayer per layer. BatchCheckLayerAvailability is a push call (section 7 INFERENCE).
    assert_eq!(
        actions(Operation::Pull),
        [
            "ecr:GetAuthorizationToken",
            "ecr:BatchGetImage",
            "ecr:GetDownloadUrlForLayer"
        ]
    );
}

#[test]
fn push_is_the_token_and_the_six_actions_of_the_push_policy_in_the_order_of_a_push() {
    // PUSHIAM: the six repository actions and the token on "*".
    assert_eq!(
        actions(Operation::Push),
        [
            "ecr:GetAuthorizationToken",
            "ecr:BatchCheckLayerAvailability",
            "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart",
            "ecr:CompleteLayerUpload",
            "ecr:PutImage",
            "ecr:BatchGetImage"
        ]
    );
}

#[test]
fn pull_through_cache_is_the_pull_then_the_import_then_the_repository_creation() {
    // PTCIAM; section 8: the first pull, when the cache repository does not exist yet.
    let mut expected = actions(Operation::Pull);
    expected.extend(["ecr:BatchImportUpstreamImage", "ecr:CreateRepository"]);
    assert_eq!(actions(Operation::PullThroughCache), expected);
}

#[test]
fn replicate_is_the_replication_then_the_repository_creation() {
    // REGREPL, REGEX: ecr:ReplicateImage, and ecr:CreateRepository for the first image (section 8).
    assert_eq!(
        actions(Operation::Replicate),
        ["ecr:ReplicateImage", "ecr:CreateRepository"]
    );
}

#[test]
fn mount_layer_is_the_push_then_the_layer_download_from_the_source_repository() {
    // MOUNT: mounting happens during a push; ecr:GetDownloadUrlForLayer on the source repository.
    let steps = Operation::MountLayer.steps();
    assert_eq!(steps[..7], *Operation::Push.steps());
    assert_eq!(steps[7].action, "ecr:GetDownloadUrlForLayer");
    assert_eq!(steps[7].target, Target::SourceRepository);
}

#[test]
fn only_the_token_is_registry_level_and_every_other_action_takes_a_repository() {
    // ECRSAR: GetAuthorizationToken has no resource type, so it is decided on `*`.
    for operation in Operation::ALL {
        for step in operation.steps() {
            let action = catalog().action(step.action).unwrap();
            assert_eq!(
                step.target == Target::Registry,
                action.is_registry_level(),
                "{} in {}",
                step.action,
                operation.as_str()
            );
        }
    }
}

#[test]
fn operation_names_read_back_and_unknown_names_list_the_known_ones() {
    for operation in Operation::ALL {
        assert_eq!(Operation::from_name(operation.as_str()), Some(operation));
    }
    assert_eq!(Operation::from_name("Pull"), None);
    assert_eq!(
        Operation::known_names(),
        "`pull`, `push`, `pull-through-cache`, `replicate`, `mount-layer`"
    );
}
