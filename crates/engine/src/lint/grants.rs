//! What a statement's `Action` or `NotAction` covers, in catalogue actions, and what those actions let a
//! caller do, in words (ECRSAR, ECRPSAR).

use crate::catalog::{Action, catalog};
use crate::policy::ActionBlock;

/// The service prefixes the catalogue knows every action of.
pub(super) const CATALOGUED: [&str; 2] = ["ecr", "ecr-public"];

/// Whether `prefix` is `ecr` or `ecr-public`, in any case.
pub(super) fn is_catalogued(prefix: &str) -> bool {
    CATALOGUED
        .iter()
        .any(|known| known.eq_ignore_ascii_case(prefix))
}

/// The catalogued actions the block covers: those its patterns match, or for `NotAction` those none of
/// its patterns match. Actions of other services are unknown and not listed.
pub(super) fn covered_actions(block: &ActionBlock) -> Vec<&'static Action> {
    let catalog = catalog();
    let mut matched: Vec<&'static Action> = Vec::new();
    for pattern in &block.patterns {
        for action in catalog.covered_by(&pattern.value) {
            if !matched.iter().any(|seen| std::ptr::eq(*seen, action)) {
                matched.push(action);
            }
        }
    }
    if block.negated {
        catalog
            .actions()
            .filter(|action| !matched.iter().any(|seen| std::ptr::eq(*seen, *action)))
            .collect()
    } else {
        matched
    }
}

/// Whether the catalogue knows every action the block covers: it is an `Action` (not `NotAction`) whose
/// patterns all have the prefix `ecr` or `ecr-public` (a wildcard in the prefix could reach other
/// services).
pub(super) fn fully_catalogued(block: &ActionBlock) -> bool {
    !block.negated
        && block.patterns.iter().all(|pattern| {
            pattern
                .value
                .split_once(':')
                .is_some_and(|(prefix, _)| is_catalogued(prefix))
        })
}

/// What an action on a repository lets a caller do, for messages. Ordered as messages list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Capability {
    /// BatchGetImage, GetDownloadUrlForLayer, and BatchCheckLayerAvailability, which only reads whether
    /// layers exist and which pull policies list with the other two.
    Pull,
    /// The layer upload actions and PutImage.
    Push,
    /// BatchDeleteImage.
    DeleteImages,
    /// DeleteRepository.
    DeleteRepository,
    /// Access level "Permissions management": SetRepositoryPolicy, DeleteRepositoryPolicy.
    ChangePolicy,
    /// Other Write and Tagging actions: lifecycle policies, scanning, tag mutability, tags.
    ChangeSettings,
    /// Other Read and List actions.
    Read,
}

impl Capability {
    /// Every capability, in message order: lists of them are put in order by this, not by a sort, whose
    /// code the WebAssembly module would carry once more.
    const ALL: [Capability; 7] = [
        Capability::Pull,
        Capability::Push,
        Capability::DeleteImages,
        Capability::DeleteRepository,
        Capability::ChangePolicy,
        Capability::ChangeSettings,
        Capability::Read,
    ];

    /// What the capability lets a caller do, as a verb phrase.
    pub(super) fn phrase(self) -> &'static str {
        match self {
            Capability::Pull => "pull images",
            Capability::Push => "push images",
            Capability::DeleteImages => "delete images",
            Capability::DeleteRepository => "delete the repository",
            Capability::ChangePolicy => "change who may access the repository",
            Capability::ChangeSettings => "change the repository's settings",
            Capability::Read => "read image and repository details",
        }
    }

    /// Whether the capability changes or destroys something: everything but reading and pulling.
    pub(super) fn writes(self) -> bool {
        !matches!(self, Capability::Pull | Capability::Read)
    }
}

/// What `action` lets a caller do to a repository.
pub(super) fn capability(action: &Action) -> Capability {
    match action.name.as_str() {
        "BatchGetImage" | "GetDownloadUrlForLayer" | "BatchCheckLayerAvailability" => {
            Capability::Pull
        }
        "PutImage" | "InitiateLayerUpload" | "UploadLayerPart" | "CompleteLayerUpload" => {
            Capability::Push
        }
        "BatchDeleteImage" => Capability::DeleteImages,
        "DeleteRepository" => Capability::DeleteRepository,
        _ if action.has_access_level("Permissions management") => Capability::ChangePolicy,
        _ if action.has_access_level("Write") || action.has_access_level("Tagging") => {
            Capability::ChangeSettings
        }
        _ => Capability::Read,
    }
}

/// The capabilities the repository actions in `actions` give, each once, in message order.
pub(super) fn capabilities(actions: &[&Action]) -> Vec<Capability> {
    let given: Vec<Capability> = actions
        .iter()
        .filter(|action| action.takes_repository())
        .map(|action| capability(action))
        .collect();
    Capability::ALL
        .into_iter()
        .filter(|capability| given.contains(capability))
        .collect()
}
