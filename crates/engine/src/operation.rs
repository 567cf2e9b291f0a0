//! Operations (iam-semantics.md section 7, "Operations"): what a person means by "can it pull?". Each is
//! a list of actions that must all be allowed, in the order a client makes the calls, each on the
//! resource it applies to. This table is the only place the lists are written.
//!
//! Sources, pages of the ECR user guide and API reference: ECRPOL `repository-policies.html`, PULLAPI
//! `API_BatchGetImage.html` and `API_GetDownloadUrlForLayer.html`, PUSHIAM `image-push-iam.html`, PTCIAM
//! `pull-through-cache-iam.html`, REGREPL `registry-permissions-create-replication.html`, REGEX
//! `registry-permissions-examples.html`, MOUNT `blob-mounting.html`.

use serde::{Deserialize, Serialize};

/// An operation a request may ask about instead of one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "kebab-case")]
pub enum Operation {
    /// `docker pull`: the token, the manifest, the layers.
    Pull,
    /// `docker push`: the token, the layer checks and uploads, the manifest.
    Push,
    /// The first pull of an upstream image through a pull-through cache rule.
    PullThroughCache,
    /// The first cross-account replication of an image into the destination registry.
    Replicate,
    /// A push that mounts a layer from another repository of the registry.
    MountLayer,
}

/// The resource an action of an operation applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `*`: a registry-level action, which no repository or registry policy can grant (ECRPOL).
    Registry,
    /// The request's repository.
    Repository,
    /// The repository a layer is mounted from. A request names one repository, so it is assumed to be
    /// the target (section 8, "`mount-layer` and its source repository").
    SourceRepository,
}

/// One action of an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationStep {
    /// The action, such as `ecr:BatchGetImage`.
    pub action: &'static str,
    /// The resource it applies to.
    pub target: Target,
    /// Why the operation needs it, when that is not plain from the action, as words that follow the
    /// action's name ("a docker pull needs `ecr:GetAuthorizationToken`, which ...").
    pub why: Option<&'static str>,
}

/// ECRPOL: users need "permission to make calls to the ecr:GetAuthorizationToken API through an IAM policy
/// before they can authenticate to a registry and push or pull any images from any Amazon ECR repository".
const TOKEN: OperationStep = OperationStep {
    action: "ecr:GetAuthorizationToken",
    target: Target::Registry,
    why: Some("which only an identity policy can grant"),
};

/// PULLAPI: "When an image is pulled, the BatchGetImage API is called once to retrieve the image manifest".
const GET_MANIFEST: OperationStep = on_repository("ecr:BatchGetImage");

/// PULLAPI: "When an image is pulled, the GetDownloadUrlForLayer API is called once per image layer that is
/// not already cached".
const GET_LAYERS: OperationStep = on_repository("ecr:GetDownloadUrlForLayer");

/// PUSHIAM: "The following IAM policy grants the required permissions for pushing an image to a specific
/// repository": these six on the repository and the token on `"*"`. The page lists them unordered; this
/// is the order of a push (check the layers, upload them, put the manifest).
const PUSH: [OperationStep; 7] = [
    TOKEN,
    on_repository("ecr:BatchCheckLayerAvailability"),
    on_repository("ecr:InitiateLayerUpload"),
    on_repository("ecr:UploadLayerPart"),
    on_repository("ecr:CompleteLayerUpload"),
    on_repository("ecr:PutImage"),
    GET_MANIFEST,
];

/// `ecr:CreateRepository` when the repository does not exist yet (section 8, "Operations and a repository
/// that may not exist yet").
const CREATE_REPOSITORY: OperationStep = OperationStep {
    action: "ecr:CreateRepository",
    target: Target::Repository,
    why: Some("needed because the repository does not exist yet"),
};

/// Pull: the token, then PULLAPI's calls of a pull (ECRPOL, PULLAPI).
const PULL: [OperationStep; 3] = [TOKEN, GET_MANIFEST, GET_LAYERS];

/// PTCIAM: "In addition to the Amazon ECR API permissions needed to authenticate to a private registry and
/// to push and pull images", `ecr:BatchImportUpstreamImage` and, "required if the repository storing the
/// cached images doesn't already exist", `ecr:CreateRepository`.
const PULL_THROUGH_CACHE: [OperationStep; 5] = [
    TOKEN,
    GET_MANIFEST,
    GET_LAYERS,
    on_repository("ecr:BatchImportUpstreamImage"),
    CREATE_REPOSITORY,
];

/// REGREPL: "A registry policy must grant permission for the ecr:ReplicateImage API action", and without
/// `ecr:CreateRepository` "a repository with the same name as the source repository must be created
/// manually in your registry. If neither is done, replication fails".
const REPLICATE: [OperationStep; 2] = [on_repository("ecr:ReplicateImage"), CREATE_REPOSITORY];

/// MOUNT: "Amazon ECR checks for existing layers in your registry during push operations when mounting
/// parameters are included", so the push's actions, and "Users need ecr:GetDownloadUrlForLayer IAM
/// permission on a repository", the one the layer is mounted from.
const MOUNT_LAYER: [OperationStep; 8] = [
    TOKEN,
    PUSH[1],
    PUSH[2],
    PUSH[3],
    PUSH[4],
    PUSH[5],
    PUSH[6],
    OperationStep {
        action: "ecr:GetDownloadUrlForLayer",
        target: Target::SourceRepository,
        why: Some(
            "on the repository the layer is mounted from, assumed to be the target because the request names one repository",
        ),
    },
];

/// An action on the request's repository with nothing to add about why.
const fn on_repository(action: &'static str) -> OperationStep {
    OperationStep {
        action,
        target: Target::Repository,
        why: None,
    }
}

impl Operation {
    /// Every operation, in the order the table lists them.
    pub const ALL: [Operation; 5] = [
        Operation::Pull,
        Operation::Push,
        Operation::PullThroughCache,
        Operation::Replicate,
        Operation::MountLayer,
    ];

    /// The name in scenario documents and on the command line: `pull`, `pull-through-cache`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Pull => "pull",
            Operation::Push => "push",
            Operation::PullThroughCache => "pull-through-cache",
            Operation::Replicate => "replicate",
            Operation::MountLayer => "mount-layer",
        }
    }

    /// Reads an operation's name, exactly as [`Operation::as_str`] spells it.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|operation| operation.as_str() == name)
    }

    /// The known names, for messages: `` `pull`, `push`, ... ``.
    pub fn known_names() -> String {
        Self::ALL
            .iter()
            .map(|operation| format!("`{}`", operation.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// How explanations name it: `a docker pull`.
    pub fn phrase(self) -> &'static str {
        match self {
            Operation::Pull => "a docker pull",
            Operation::Push => "a docker push",
            Operation::PullThroughCache => "the first pull through a pull-through cache",
            Operation::Replicate => "a cross-account replication",
            Operation::MountLayer => "a push that mounts a layer",
        }
    }

    /// Its actions, in the order a client makes the calls, so that the first one not allowed is the
    /// failure a person would see (section 7).
    pub fn steps(self) -> &'static [OperationStep] {
        match self {
            Operation::Pull => &PULL,
            Operation::Push => &PUSH,
            Operation::PullThroughCache => &PULL_THROUGH_CACHE,
            Operation::Replicate => &REPLICATE,
            Operation::MountLayer => &MOUNT_LAYER,
        }
    }
}

#[cfg(test)]
mod tests;
