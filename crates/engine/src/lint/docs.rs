//! The AWS documentation pages the findings link to: the pages behind the rule book's source keys
//! (iam-semantics.md section 0). Where the rule book names a `doc_source/*.md` file, the link is the page
//! AWS publishes from it.

macro_rules! iam_page {
    ($name:ident, $page:literal, $key:literal) => {
        #[doc = concat!("`", $key, "`: the IAM User Guide page `", $page, "`.")]
        pub const $name: &str = concat!("https://docs.aws.amazon.com/IAM/latest/UserGuide/", $page);
    };
}

iam_page!(ACT, "reference_policies_elements_action.html", "ACT");
iam_page!(
    NOTACT,
    "reference_policies_elements_notaction.html",
    "NOTACT"
);
iam_page!(RES, "reference_policies_elements_resource.html", "RES");
iam_page!(
    NOTRES,
    "reference_policies_elements_notresource.html",
    "NOTRES"
);
iam_page!(PRIN, "reference_policies_elements_principal.html", "PRIN");
iam_page!(
    NOTPRIN,
    "reference_policies_elements_notprincipal.html",
    "NOTPRIN"
);
iam_page!(STMT, "reference_policies_elements_statement.html", "STMT");
iam_page!(VER, "reference_policies_elements_version.html", "VER");
iam_page!(VARS, "reference_policies_variables.html", "VARS");
iam_page!(
    OPS,
    "reference_policies_elements_condition_operators.html",
    "OPS"
);
iam_page!(
    MV,
    "reference_policies_condition-single-vs-multi-valued-context-keys.html",
    "MV"
);
iam_page!(GCK, "reference_policies_condition-keys.html", "GCK");
iam_page!(QUOTA, "reference_iam-quotas.html", "QUOTA");

/// The IAM User Guide's confused-deputy page: tie a service principal's grant to the source resource with
/// `aws:SourceArn` or `aws:SourceAccount`.
pub const CONFUSED_DEPUTY: &str =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html";
/// `ECRPUB`: ECR Public repository policies, which cannot deny viewing or pulling.
pub const ECRPUB: &str =
    "https://docs.aws.amazon.com/AmazonECR/latest/public/public-repository-policies.html";
/// `ECRPOL`: private repository policies.
pub const ECRPOL: &str =
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html";
/// `REGPERM`: private registry permissions, with the V1 and V2 scopes.
pub const REGPERM: &str =
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions-create.html";
/// `REGEX`: private registry policy examples (replication, pull through cache).
pub const REGEX: &str =
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry-permissions-examples.html";
/// `PTCIAM`: the IAM permissions pull through cache needs.
pub const PTCIAM: &str =
    "https://docs.aws.amazon.com/AmazonECR/latest/userguide/pull-through-cache-iam.html";
/// `ECRAPI`: `SetRepositoryPolicy`, with the 10,240-character limit of `policyText`.
pub const ECRAPI: &str =
    "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_SetRepositoryPolicy.html";
/// `ECRSAR`: ECR's actions, resource types and condition keys.
pub const ECRSAR: &str = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html";
/// `ECRPSAR`: ECR Public's actions, resource types and condition keys.
pub const ECRPSAR: &str = "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistrypublic.html";

/// The Service Authorization Reference's list of every AWS service, with its prefix.
pub const SERVICES: &str = "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html";

/// The service-authorization page for an action prefix: ECR Public's for `ecr-public`, ECR's otherwise.
pub fn service_page(prefix: &str) -> &'static str {
    if prefix.eq_ignore_ascii_case("ecr-public") {
        ECRPSAR
    } else {
        ECRSAR
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const IAM: &str = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";

    #[test]
    fn iam_pages_live_in_the_iam_user_guide() {
        for page in [
            ACT, NOTACT, RES, NOTRES, PRIN, NOTPRIN, STMT, VER, VARS, OPS, MV, GCK, QUOTA,
        ] {
            assert!(page.starts_with(IAM) && page.ends_with(".html"), "{page}");
        }
    }
}
