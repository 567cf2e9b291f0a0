//! `Action` and `NotAction`: names the catalogue does not know, patterns that match nothing, actions a
//! repository policy cannot grant, and `NotAction` with `Allow` (ACT, NOTACT, ECRSAR, ECRPSAR, ECRPOL).

use super::grants::is_catalogued;
use super::{Input, docs, has_effect};
use crate::catalog::{Action, catalog};
use crate::condition::variables_in;
use crate::diagnostic::{Diagnostic, LintCode, Severity};
use crate::distance::levenshtein;
use crate::policy::{ActionBlock, Effect, SharedStr, Spanned, has_wildcard};

/// Checks every statement's `Action` or `NotAction`.
pub(super) fn check(input: &Input<'_>, findings: &mut Vec<Diagnostic>) {
    for statement in &input.policy.statements {
        let Some(block) = &statement.action else {
            continue;
        };
        for pattern in &block.patterns {
            findings.extend(pattern_finding(pattern));
            if input.is_repository_policy() && !block.negated {
                findings.extend(repository_finding(input, pattern));
            }
        }
        if block.negated && has_effect(statement, Effect::Allow) && input.allows_grant() {
            findings.push(not_action_with_allow(block));
        }
    }
}

/// What is wrong with one pattern's name, if anything (ACT, ECRSAR, ECRPSAR).
fn pattern_finding(pattern: &Spanned<SharedStr>) -> Option<Diagnostic> {
    let text = pattern.value.as_str();
    if text == "*" {
        return None;
    }
    let Some((prefix, name)) = text
        .split_once(':')
        .filter(|(prefix, name)| !prefix.is_empty() && !name.is_empty())
    else {
        return Some(malformed(pattern));
    };
    if is_catalogued(prefix) {
        // A `${...}` in an action is `variable-not-substituted`, which says why it matches nothing.
        if !variables_in(text).is_empty() {
            return None;
        }
        return catalogued_finding(pattern, prefix);
    }
    if has_wildcard(prefix) {
        return None;
    }
    service_finding(pattern, prefix, name)
}

/// A prefix that cannot be right: characters no prefix has, a misspelling of `ecr-public`, or a prefix
/// that is not an AWS service prefix (`ecrr`), with the prefix it probably meant.
fn service_finding(pattern: &Spanned<SharedStr>, prefix: &str, name: &str) -> Option<Diagnostic> {
    let unknown = catalog().is_service_prefix(prefix) == Some(false);
    let meant = meant_service(prefix).or_else(|| {
        unknown
            .then(|| catalog().suggest_service_prefix(prefix))
            .flatten()
    });
    let hint = meant.map_or_else(
        || "write the prefix of the service, such as `ecr`".to_string(),
        |meant| format!("did you mean `{meant}:{name}`?"),
    );
    let message = if !valid_prefix(prefix) {
        format!(
            "`{prefix}` is not a valid service prefix (prefixes use letters, digits and `-`): {hint}"
        )
    } else if unknown {
        format!("`{prefix}` is not an AWS service prefix, so this matches no action: {hint}")
    } else {
        meant.map(|_| format!("`{prefix}` is not a service prefix AWS uses: {hint}"))?
    };
    let docs = match meant {
        Some(meant) if is_catalogued(meant) => docs::service_page(meant),
        _ if unknown => docs::SERVICES,
        _ => docs::ACT,
    };
    Some(Diagnostic::error(LintCode::UnknownService, message, pattern.span).with_docs(docs))
}

/// Whether a prefix has only the characters service prefixes have.
fn valid_prefix(prefix: &str) -> bool {
    prefix
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Whether a prefix that is not `ecr` or `ecr-public` is certainly wrong: not a valid or known prefix.
fn wrong_service(prefix: &str) -> bool {
    !valid_prefix(prefix)
        || meant_service(prefix).is_some()
        || catalog().is_service_prefix(prefix) == Some(false)
}

/// The catalogued prefix a wrong one meant: `ecr public` or `ECR_Public` (the letters of a catalogued
/// prefix with other characters), or a prefix a couple of edits from `ecr-public`. Prefixes near the
/// short `ecr` are left alone: `ecs` and `ec2` are real services.
fn meant_service(prefix: &str) -> Option<&'static str> {
    if is_catalogued(prefix) {
        return None;
    }
    let lowered = prefix.to_ascii_lowercase();
    let letters: String = lowered
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    match letters.as_str() {
        "ecr" if !valid_prefix(prefix) => Some("ecr"),
        "ecrpublic" => Some("ecr-public"),
        _ if lowered.len() >= 5 && levenshtein(&lowered, "ecr-public") <= 2 => Some("ecr-public"),
        _ => None,
    }
}

/// ACT: an action is `service:Action` or `*`; a bare ECR action name gets its prefix suggested.
fn malformed(pattern: &Spanned<SharedStr>) -> Diagnostic {
    let text = pattern.value.as_str();
    let bare = text.trim_start_matches(':');
    let message = match catalog().action(&format!("ecr:{bare}")) {
        Some(action) if !bare.is_empty() => format!(
            "`{text}` has no service prefix: write `{}`",
            action.full_name()
        ),
        _ => format!(
            "`{text}` is not an action: actions are written `service:Action`, such as `ecr:BatchGetImage`, or `*`"
        ),
    };
    Diagnostic::error(LintCode::MalformedAction, message, pattern.span).with_docs(docs::ACT)
}

/// An `ecr:` or `ecr-public:` pattern: it must name or match a catalogued action.
fn catalogued_finding(pattern: &Spanned<SharedStr>, prefix: &str) -> Option<Diagnostic> {
    let text = pattern.value.as_str();
    let catalog = catalog();
    let service_name = if prefix.eq_ignore_ascii_case("ecr-public") {
        "ECR Public"
    } else {
        "ECR"
    };
    let docs = docs::service_page(prefix);
    if has_wildcard(text) {
        if catalog.covered_by(text).next().is_some() {
            return None;
        }
        return Some(
            Diagnostic::error(
                LintCode::ActionMatchesNothing,
                format!(
                    "`{text}` matches no {service_name} action, so it grants or denies nothing: check the spelling against the list of {service_name} actions"
                ),
                pattern.span,
            )
            .with_docs(docs),
        );
    }
    if catalog.action(text).is_some() {
        return None;
    }
    let public_pull = prefix.eq_ignore_ascii_case("ecr-public")
        && text.split_once(':').is_some_and(|(_, name)| {
            ["BatchGetImage", "GetDownloadUrlForLayer"]
                .iter()
                .any(|pull| pull.eq_ignore_ascii_case(name))
        });
    let advice = match (catalog.suggest_action(text), other_service_action(text)) {
        _ if public_pull => format!(
            ": ECR Public has no pull actions, since anyone may pull from a public repository; for a private repository write `ecr:{}`",
            text.split_once(':').map_or("", |(_, name)| name)
        ),
        (Some(meant), _) => format!(": did you mean `{}`?", meant.full_name()),
        (None, Some(other)) => format!(
            "; {} has an action of that name: write `{}`",
            if other.service == "ecr-public" {
                "ECR Public"
            } else {
                "ECR"
            },
            other.full_name()
        ),
        (None, None) => {
            format!(": check the spelling against the list of {service_name} actions")
        }
    };
    Some(
        Diagnostic::error(
            LintCode::UnknownAction,
            format!("`{text}` is not an {service_name} action{advice}"),
            pattern.span,
        )
        .with_docs(docs),
    )
}

/// The action of the same name in the other catalogued service (`ecr:GetRepositoryCatalogData` is
/// `ecr-public`'s).
fn other_service_action(text: &str) -> Option<&'static Action> {
    let (prefix, name) = text.split_once(':')?;
    let other = if prefix.eq_ignore_ascii_case("ecr") {
        "ecr-public"
    } else {
        "ecr"
    };
    catalog().action(&format!("{other}:{name}"))
}

/// Actions a repository policy cannot grant: registry-level actions, `CreateRepository` (no repository
/// exists yet), and other services' actions (ECRPOL, ECRSAR; section 5).
fn repository_finding(input: &Input<'_>, pattern: &Spanned<SharedStr>) -> Option<Diagnostic> {
    let text = pattern.value.as_str();
    let (prefix, _) = text.split_once(':')?;
    if has_wildcard(prefix) {
        return None;
    }
    let repository_service = input
        .repository
        .as_ref()
        .map(|arn| arn.service())
        .filter(|service| is_catalogued(service));
    let foreign = match repository_service {
        Some(service) => !service.eq_ignore_ascii_case(prefix),
        None => !is_catalogued(prefix),
    };
    if foreign && !wrong_service(prefix) {
        let governed = repository_service.unwrap_or("ecr");
        return Some(
            Diagnostic::warning(
                LintCode::OtherServiceAction,
                format!(
                    "`{text}` is not an action on this repository: a repository policy governs only `{governed}:` actions on its repository, so this has no effect; grant it in an IAM policy, or remove it"
                ),
                pattern.span,
            )
            .with_docs(docs::ECRPOL),
        );
    }
    let mut expanded = catalog().covered_by(text).peekable();
    let outside = |action: &Action| action.is_registry_level() || action.name == "CreateRepository";
    if expanded.peek().is_none() || !expanded.all(outside) {
        return None;
    }
    let message = if has_wildcard(text) {
        format!(
            "`{text}` covers only actions on the registry, not on a repository, so a repository policy cannot grant them: grant them in the caller's IAM policy with `\"Resource\": \"*\"`"
        )
    } else if catalog()
        .covered_by(text)
        .any(|action| action.name == "CreateRepository")
    {
        format!(
            "`{text}` has no effect in a repository policy: the repository does not exist yet when it is created; grant it in the caller's IAM policy"
        )
    } else {
        format!(
            "`{text}` acts on the registry, not on a repository, so a repository policy cannot grant it: grant it in the caller's IAM policy with `\"Resource\": \"*\"`"
        )
    };
    Some(
        Diagnostic::warning(
            LintCode::RegistryActionInRepositoryPolicy,
            message,
            pattern.span,
        )
        .with_docs(docs::ECRPOL),
    )
}

/// NOTACT: `NotAction` with `Allow` grants every action not listed, of every service, including actions
/// AWS adds later.
fn not_action_with_allow(block: &ActionBlock) -> Diagnostic {
    Diagnostic::new(
        Severity::SecurityWarning,
        LintCode::NotActionWithAllow,
        "`NotAction` with `Allow` allows every action not listed, of every service, including actions AWS adds later: list the actions to allow in `Action` instead",
        block.key_span,
    )
    .with_docs(docs::NOTACT)
}
