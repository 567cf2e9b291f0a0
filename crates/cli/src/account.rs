//! What `import` and `who-can` read: the account authorization details and the repository's side (its
//! repository and registry policies), each from a file or standard input.

use ecr_policy_engine::import::{AccountDetails, policy_from_text};
use ecr_policy_engine::scenario::{PolicySource, Scenario};

use crate::error::CliError;
use crate::input::{read_source, scenario_error};

/// The files `import` and `who-can` read.
#[derive(Debug, Clone, clap::Args)]
pub struct AccountSources {
    /// The output of `aws iam get-account-authorization-details` (or the API's JSON response); `-` reads
    /// standard input
    #[arg(long, value_name = "FILE")]
    pub account_details: String,
    /// The repository policy: plain, or as `aws ecr get-repository-policy` prints it
    #[arg(long, value_name = "FILE")]
    pub repository_policy: Option<String>,
    /// The registry policy: plain, or as `aws ecr get-registry-policy` prints it
    #[arg(long, value_name = "FILE")]
    pub registry_policy: Option<String>,
}

impl AccountSources {
    /// Reads the account details, and a scenario that holds the repository's side and nothing else.
    pub fn load(&self) -> Result<(AccountDetails, Scenario), CliError> {
        let document = read_source(&self.account_details)?;
        let details = AccountDetails::read(&document.text)
            .map_err(|error| scenario_error(&document, &error))?;
        let scenario = Scenario {
            repository_policy: policy_file(self.repository_policy.as_deref())?,
            registry_policy: policy_file(self.registry_policy.as_deref())?,
            ..Scenario::default()
        };
        Ok((details, scenario))
    }
}

/// The policy in the file `path`, when one is given.
fn policy_file(path: Option<&str>) -> Result<Option<PolicySource>, CliError> {
    path.map(|path| read_source(path).map(|document| policy_from_text(&document.text)))
        .transpose()
}
