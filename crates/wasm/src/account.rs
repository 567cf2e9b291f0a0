//! `readAccount`, `importIdentity` and `whoCan`: the output of `aws iam get-account-authorization-details`
//! as the page's "Import from account" dialog uses it. A document that cannot be read, or a principal it
//! does not hold, comes back as `{ok: false, message}`.

use ecr_policy_engine::analysis::{WhoCanRow, who_can};
use ecr_policy_engine::import::{AccountDetails, AccountPrincipal, ImportedIdentity};
use ecr_policy_engine::scenario::ScenarioError;
use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{args, convert};

/// What `readAccount` returns: the document's users and roles, or why it cannot be read.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(untagged)]
pub enum ReadAccountResult {
    /// The document was read.
    Read {
        /// Always `true`.
        #[tsify(type = "true")]
        ok: bool,
        /// Every user, then every role.
        principals: Vec<AccountPrincipal>,
        /// Whether the document is one page of several (`IsTruncated`).
        truncated: bool,
    },
    /// The document could not be read.
    Failed(Failed),
}

/// What `importIdentity` returns: the principal's identity side with a summary, or why not.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(untagged)]
pub enum ImportIdentityResult {
    /// The identity side.
    Imported {
        /// Always `true`.
        #[tsify(type = "true")]
        ok: bool,
        /// The identity side, ready for the scenario.
        identity: Box<ImportedIdentity>,
        /// What was imported and left out, in words.
        summary: String,
    },
    /// The document could not be read or does not hold the principal.
    Failed(Failed),
}

/// What `whoCan` returns: every principal with its decision, or why not.
#[derive(Debug, Clone, Serialize, Tsify)]
#[serde(untagged)]
pub enum WhoCanResult {
    /// The answer.
    Answered {
        /// Always `true`.
        #[tsify(type = "true")]
        ok: bool,
        /// The account's users and roles, then the principals outside it.
        principals: Vec<WhoCanRow>,
    },
    /// The document or the scenario could not be read.
    Failed(Failed),
}

/// Why a document could not be used.
#[derive(Debug, Clone, Serialize, Tsify)]
pub struct Failed {
    /// Always `false`.
    #[tsify(type = "false")]
    ok: bool,
    /// Why, with the line and column in the document when known.
    message: String,
}

impl Failed {
    fn new(message: String) -> Self {
        Failed { ok: false, message }
    }

    /// A reading error in words: `line 2, column 30: UserDetailList[0].Arn: ...`.
    pub(crate) fn read(error: &ScenarioError) -> Self {
        let at = match (error.line, error.column) {
            (Some(line), Some(column)) => format!("line {line}, column {column}: "),
            _ => String::new(),
        };
        let path = if error.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", error.path)
        };
        Failed::new(format!("{at}{path}{}", error.message))
    }
}

/// Reads the users and roles of `aws iam get-account-authorization-details` output, for a list to pick
/// from. Throws only when `accountDetails` is not a string.
#[wasm_bindgen(js_name = readAccount, unchecked_return_type = "ReadAccountResult")]
pub fn read_account(
    #[wasm_bindgen(js_name = accountDetails, unchecked_param_type = "string")]
    account_details: JsValue,
) -> Result<JsValue, JsValue> {
    let text = args::string("readAccount", "accountDetails", &account_details)?;
    let result = match AccountDetails::read(&text) {
        Ok(details) => ReadAccountResult::Read {
            ok: true,
            principals: details.principals(),
            truncated: details.is_truncated(),
        },
        Err(error) => ReadAccountResult::Failed(Failed::read(&error)),
    };
    convert::to_js("readAccount", &result)
}

/// The identity side of `principal` (a user's or role's ARN, or a role session's) from
/// `aws iam get-account-authorization-details` output. Throws only when an argument is not a string.
#[wasm_bindgen(js_name = importIdentity, unchecked_return_type = "ImportIdentityResult")]
pub fn import_identity(
    #[wasm_bindgen(js_name = accountDetails, unchecked_param_type = "string")]
    account_details: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] principal: JsValue,
) -> Result<JsValue, JsValue> {
    let text = args::string("importIdentity", "accountDetails", &account_details)?;
    let principal = args::string("importIdentity", "principal", &principal)?;
    let result = match AccountDetails::read(&text) {
        Ok(details) => match details.identity(&principal) {
            Ok(identity) => ImportIdentityResult::Imported {
                ok: true,
                summary: identity.summary(),
                identity: Box::new(identity),
            },
            Err(error) => ImportIdentityResult::Failed(Failed::new(error.message)),
        },
        Err(error) => ImportIdentityResult::Failed(Failed::read(&error)),
    };
    convert::to_js("importIdentity", &result)
}

/// Decides `scenario`'s request (its action or operation on its resource) for every user and role of
/// the account details and every principal outside the account that its repository or registry policy
/// names. `at` is as for `evaluate`. Throws only on misuse (not a string, not an object, not a number).
#[wasm_bindgen(js_name = whoCan, unchecked_return_type = "WhoCanResult")]
pub fn who_can_js(
    #[wasm_bindgen(js_name = accountDetails, unchecked_param_type = "string")]
    account_details: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Scenario")] scenario: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "number")] at: JsValue,
) -> Result<JsValue, JsValue> {
    let text = args::string("whoCan", "accountDetails", &account_details)?;
    let read = convert::scenario("whoCan", &scenario)?;
    let time = args::request_time("whoCan", &at)?;
    let result = match (AccountDetails::read(&text), read.as_ref()) {
        (Ok(details), Ok(scenario)) => WhoCanResult::Answered {
            ok: true,
            principals: who_can(&details, scenario, time).principals,
        },
        (Err(error), _) => WhoCanResult::Failed(Failed::read(&error)),
        (_, Err(error)) => WhoCanResult::Failed(Failed::read(error)),
    };
    convert::to_js("whoCan", &result)
}
