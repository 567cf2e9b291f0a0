//! Statements and their elements: Sid, Effect, Principal/NotPrincipal, Action/NotAction,
//! Resource/NotResource and Condition (GRAM, STMT and the element pages).

use super::reader::{self, Context, Members};
use crate::diagnostic::ParseCode;
use crate::diagnostic::{Diagnostic, Severity};
use crate::json::{JsonKind, JsonMember, JsonValue};
use crate::policy::kind::PolicyKind;
use crate::policy::model::{
    ActionBlock, Condition, ConditionValue, Effect, PrincipalBlock, PrincipalEntry, PrincipalKind,
    ResourceBlock, Spanned, Statement, ValueType,
};
use crate::policy::operator::{Operator, OperatorError};
use crate::policy::shared::SharedStr;
use crate::policy::wildcard::has_wildcard;
use crate::span::Span;

const STATEMENT_ELEMENTS: &[&str] = &[
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];
const PRINCIPAL_TYPES: &[&str] = &["AWS", "Service", "Federated", "CanonicalUser"];

/// `Statement` is a single object or an array of objects (STMT).
pub(super) fn statements(
    value: &JsonValue,
    kind: PolicyKind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Statement> {
    match &value.kind {
        JsonKind::Object(_) => statement(value, 0, kind, diagnostics).into_iter().collect(),
        JsonKind::Array(items) => {
            if items.is_empty() {
                diagnostics.push(Diagnostic::error(
                    ParseCode::EmptyValue,
                    "`Statement` is an empty array: add at least one statement",
                    value.span,
                ));
            }
            items
                .iter()
                .enumerate()
                .filter_map(|(index, item)| statement(item, index, kind, diagnostics))
                .collect()
        }
        _ => {
            diagnostics.push(reader::wrong_type(
                value,
                "Statement",
                "an object or an array of objects",
            ));
            Vec::new()
        }
    }
}

fn statement(
    value: &JsonValue,
    index: usize,
    kind: PolicyKind,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Statement> {
    let JsonKind::Object(members) = &value.kind else {
        diagnostics.push(reader::wrong_type(value, "each statement", "an object"));
        return None;
    };
    let context = Context::Statement(index);
    let members = Members::read(members, STATEMENT_ELEMENTS, context, diagnostics);
    let sid = members
        .get("Sid")
        .and_then(|member| reader::string(&member.value, "Sid", diagnostics))
        .map(|sid| Spanned {
            value: SharedStr::from(sid.value),
            span: sid.span,
        });
    let effect = match members.get("Effect") {
        Some(member) => effect(&member.value, diagnostics),
        None => {
            diagnostics.push(missing(
                context,
                "Effect",
                "`\"Effect\": \"Allow\"` or `\"Deny\"`",
                value.span,
            ));
            None
        }
    };
    let principal = principal(&members, kind, context, value.span, diagnostics);
    let action = action_block(&members, context, value.span, diagnostics);
    let resource = resource_block(&members, kind, context, value.span, diagnostics);
    let condition_member = members.get("Condition");
    let conditions = condition_member
        .map(|member| conditions(&member.value, diagnostics))
        .unwrap_or_default();
    let statement = Statement {
        index,
        span: value.span,
        sid,
        effect,
        principal,
        action,
        resource,
        conditions,
        condition_span: condition_member.map(|member| member.value.span),
    };
    check_not_principal_effect(&statement, diagnostics);
    Some(statement)
}

/// `Action` or `NotAction`, which every statement has (ACT).
fn action_block(
    members: &Members<'_>,
    context: Context<'_>,
    statement_span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ActionBlock> {
    let action =
        pair(members, ["Action", "NotAction"], diagnostics).map(|(negated, member, patterns)| {
            ActionBlock {
                negated,
                key_span: member.key_span,
                span: member.value.span,
                patterns,
            }
        });
    if action.is_none() && !has_either(members, ["Action", "NotAction"]) {
        diagnostics.push(missing(
            context,
            "Action",
            "`Action` or `NotAction`",
            statement_span,
        ));
    }
    action
}

/// `Resource` or `NotResource`, which every statement but a repository policy's has (RES).
fn resource_block(
    members: &Members<'_>,
    kind: PolicyKind,
    context: Context<'_>,
    statement_span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ResourceBlock> {
    let resource = pair(members, ["Resource", "NotResource"], diagnostics).map(
        |(negated, member, patterns)| ResourceBlock {
            negated,
            key_span: member.key_span,
            span: member.value.span,
            patterns,
        },
    );
    // RES: Resource is required in IAM policies; a repository policy may leave it out (section 8).
    if kind != PolicyKind::Repository && !has_either(members, ["Resource", "NotResource"]) {
        diagnostics.push(missing(
            context,
            "Resource",
            "`Resource` or `NotResource`",
            statement_span,
        ));
    }
    resource
}

fn missing(context: Context<'_>, element: &str, what: &str, span: Span) -> Diagnostic {
    Diagnostic::error(
        ParseCode::MissingElement,
        format!("{context} has no `{element}`: add {what}"),
        span,
    )
}

fn has_either(members: &Members<'_>, names: [&str; 2]) -> bool {
    names.iter().any(|name| members.get(name).is_some())
}

/// Reads `Action`/`NotAction` style pairs: at most one of the two (conflicting-elements otherwise).
fn pair<'a>(
    members: &Members<'a>,
    [positive, negative]: [&str; 2],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(bool, &'a JsonMember<'a>, Vec<Spanned<SharedStr>>)> {
    let (negated, member) = match (members.get(positive), members.get(negative)) {
        (Some(_), Some(second)) => {
            diagnostics.push(Diagnostic::error(
                ParseCode::ConflictingElements,
                format!(
                    "a statement has either `{positive}` or `{negative}`, not both: remove one"
                ),
                second.key_span,
            ));
            return None;
        }
        (Some(member), None) => (false, member),
        (None, Some(member)) => (true, member),
        (None, None) => return None,
    };
    let patterns = reader::string_or_array(&member.value, &member.key, diagnostics);
    Some((negated, member, patterns))
}

/// EFF: `Allow` or `Deny`, case-sensitive.
fn effect(value: &JsonValue, diagnostics: &mut Vec<Diagnostic>) -> Option<Spanned<Effect>> {
    let text = reader::string(value, "Effect", diagnostics)?;
    let effect = match text.value {
        "Allow" => Effect::Allow,
        "Deny" => Effect::Deny,
        other => {
            let hint = match reader::suggest(other, &["Allow", "Deny"]) {
                Some(name) => format!(": did you mean `{name}`? (the value is case-sensitive)"),
                None => String::new(),
            };
            diagnostics.push(Diagnostic::error(
                ParseCode::InvalidEffect,
                format!("`Effect` must be `Allow` or `Deny`, found `{other}`{hint}"),
                text.span,
            ));
            return None;
        }
    };
    Some(Spanned {
        value: effect,
        span: text.span,
    })
}

fn principal(
    members: &Members<'_>,
    kind: PolicyKind,
    context: Context<'_>,
    statement_span: Span,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PrincipalBlock> {
    let present = [members.get("Principal"), members.get("NotPrincipal")];
    if kind.requires_principal() && present.iter().all(Option::is_none) {
        // GRAM, PRIN: resource-based policies must say whom they apply to.
        diagnostics.push(missing(
            context,
            "Principal",
            "`Principal`, such as `\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}`",
            statement_span,
        ));
    }
    for member in present.iter().flatten() {
        let negated = member.key == "NotPrincipal";
        let allowed = if negated {
            kind.allows_not_principal()
        } else {
            kind.requires_principal()
        };
        if !allowed {
            // PRIN: Principal is not used in identity-based policies; NOTPRIN: NotPrincipal is not allowed in
            // identity policies, SCPs or RCPs.
            diagnostics.push(Diagnostic::error(
                ParseCode::ElementNotAllowed,
                format!(
                    "`{}` is not allowed in {}: it applies to whoever it is attached to; remove it",
                    member.key,
                    kind.describe()
                ),
                member.key_span,
            ));
        }
    }
    let member = match present {
        [Some(_), Some(second)] => {
            diagnostics.push(Diagnostic::error(
                ParseCode::ConflictingElements,
                "a statement has either `Principal` or `NotPrincipal`, not both: remove one",
                second.key_span,
            ));
            return None;
        }
        [Some(member), None] | [None, Some(member)] => member,
        [None, None] => return None,
    };
    let negated = member.key == "NotPrincipal";
    let entries = principal_entries(&member.value, &member.key, diagnostics);
    if kind == PolicyKind::Rcp
        && entries
            .iter()
            .any(|entry| !(entry.kind == PrincipalKind::Everyone || entry.value == "*"))
    {
        // RCPSYN: the Principal of an RCP must be "*"; narrow it with conditions.
        diagnostics.push(Diagnostic::error(
            ParseCode::RcpSyntax,
            "a resource control policy must use `\"Principal\": \"*\"`; narrow it with a condition such as `aws:PrincipalArn`",
            member.value.span,
        ));
    }
    Some(PrincipalBlock {
        negated,
        key_span: member.key_span,
        span: member.value.span,
        entries,
    })
}

/// PRIN: `"*"`, or a map of principal types to a name or an array of names.
fn principal_entries(
    value: &JsonValue,
    element: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PrincipalEntry> {
    match &value.kind {
        JsonKind::String(text) if text == "*" => vec![PrincipalEntry {
            kind: PrincipalKind::Everyone,
            value: SharedStr::from(&**text),
            span: value.span,
        }],
        JsonKind::String(text) => {
            diagnostics.push(Diagnostic::error(
                ParseCode::InvalidPrincipal,
                format!(
                    "`{element}` must be `\"*\"` or an object such as `{{\"AWS\": \"{text}\"}}`, found the bare string `{text}`"
                ),
                value.span,
            ));
            Vec::new()
        }
        JsonKind::Object(members) => {
            let members = Members::read(
                members,
                PRINCIPAL_TYPES,
                Context::Element(element),
                diagnostics,
            );
            let mut entries = Vec::new();
            for member in members
                .iter()
                .filter(|member| PRINCIPAL_TYPES.contains(&member.key.as_ref()))
            {
                let kind = principal_kind(&member.key);
                for name in reader::string_or_array(&member.value, &member.key, diagnostics) {
                    let entry = PrincipalEntry {
                        kind,
                        value: name.value,
                        span: name.span,
                    };
                    check_principal_wildcard(&entry, diagnostics);
                    entries.push(entry);
                }
            }
            entries
        }
        _ => {
            diagnostics.push(reader::wrong_type(value, element, "`\"*\"` or an object"));
            Vec::new()
        }
    }
}

fn principal_kind(key: &str) -> PrincipalKind {
    match key {
        "Service" => PrincipalKind::Service,
        "Federated" => PrincipalKind::Federated,
        "CanonicalUser" => PrincipalKind::CanonicalUser,
        _ => PrincipalKind::Aws,
    }
}

/// PRIN: no partial wildcards in principal names, and `"Service": "*"` is invalid; `{"AWS": "*"}` is fine.
fn check_principal_wildcard(entry: &PrincipalEntry, diagnostics: &mut Vec<Diagnostic>) {
    let whole_wildcard = entry.value == "*";
    let message = match entry.kind {
        PrincipalKind::Aws if whole_wildcard => return,
        _ if whole_wildcard => {
            "`*` is only allowed as `\"Principal\": \"*\"` or `{\"AWS\": \"*\"}`; name the principal, or use `*` with a condition"
        }
        _ if has_wildcard(&entry.value) => {
            "wildcards are not allowed inside a principal name: name each principal, or use `\"*\"` with an `ArnLike aws:PrincipalArn` condition"
        }
        _ => return,
    };
    diagnostics.push(Diagnostic::error(
        ParseCode::PrincipalWildcard,
        message,
        entry.span,
    ));
}

/// NOTPRIN: NotPrincipal must be used with Deny.
fn check_not_principal_effect(statement: &Statement, diagnostics: &mut Vec<Diagnostic>) {
    let Some(principal) = &statement.principal else {
        return;
    };
    if principal.negated
        && statement
            .effect
            .as_ref()
            .is_some_and(|effect| effect.value == Effect::Allow)
    {
        diagnostics.push(Diagnostic::error(
            ParseCode::NotPrincipalWithAllow,
            "`NotPrincipal` works only with `\"Effect\": \"Deny\"`: for an Allow, name the principals in `Principal`",
            principal.key_span,
        ));
    }
}

/// COND: `{ Operator: { key: value | [values] } }`.
fn conditions(value: &JsonValue, diagnostics: &mut Vec<Diagnostic>) -> Vec<Condition> {
    let JsonKind::Object(operators) = &value.kind else {
        diagnostics.push(reader::wrong_type(
            value,
            "Condition",
            "an object of operators",
        ));
        return Vec::new();
    };
    Members::read_any(operators, Context::Element("Condition"), diagnostics)
        .iter()
        .flat_map(|member| operator_block(member, diagnostics))
        .collect()
}

fn operator_block(member: &JsonMember, diagnostics: &mut Vec<Diagnostic>) -> Vec<Condition> {
    // Every condition of the block shares the operator's text.
    let operator_text = Spanned {
        value: SharedStr::from(&*member.key),
        span: member.key_span,
    };
    let operator = match Operator::parse(&member.key) {
        Ok(operator) => Some(operator),
        Err(OperatorError::Unknown { suggestion }) => {
            let hint =
                suggestion.map_or_else(String::new, |name| format!(": did you mean `{name}`?"));
            diagnostics.push(Diagnostic::error(
                ParseCode::UnknownOperator,
                format!("unknown condition operator `{}`{hint}", member.key),
                member.key_span,
            ));
            None
        }
        Err(OperatorError::IfExistsOnNull) => {
            diagnostics.push(Diagnostic::error(
                ParseCode::IfExistsOnNull,
                "`IfExists` cannot be added to `Null`: `Null` already tests whether the key exists",
                member.key_span,
            ));
            None
        }
    };
    let JsonKind::Object(keys) = &member.value.kind else {
        diagnostics.push(reader::wrong_type(
            &member.value,
            &member.key,
            "an object of condition keys and values",
        ));
        return Vec::new();
    };
    if keys.is_empty() {
        diagnostics.push(Diagnostic::error(
            ParseCode::EmptyValue,
            format!(
                "`{}` has no condition keys: add one or remove the operator",
                member.key
            ),
            member.value.span,
        ));
    }
    Members::read_any(keys, Context::Element(&member.key), diagnostics)
        .iter()
        .map(|key| Condition {
            operator,
            operator_text: operator_text.clone(),
            key: Spanned {
                value: SharedStr::from(&*key.key),
                span: key.key_span,
            },
            values: condition_values(&key.value, &key.key, diagnostics),
            values_span: key.value.span,
        })
        .collect()
}

fn condition_values(
    value: &JsonValue,
    key: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<ConditionValue> {
    match &value.kind {
        JsonKind::Array(items) => {
            if items.is_empty() {
                diagnostics.push(Diagnostic::error(
                    ParseCode::EmptyValue,
                    format!(
                        "`{key}` has an empty array of values: a condition needs at least one value"
                    ),
                    value.span,
                ));
            }
            items
                .iter()
                .filter_map(|item| scalar(item, key, diagnostics))
                .collect()
        }
        _ => scalar(value, key, diagnostics).into_iter().collect(),
    }
}

/// GRAM: condition values are strings, numbers or booleans (quotes optional for the latter two).
fn scalar(
    value: &JsonValue,
    key: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<ConditionValue> {
    let (text, written_as) = match &value.kind {
        JsonKind::String(text) => (SharedStr::from(&**text), ValueType::String),
        JsonKind::Number(text) => (SharedStr::from(*text), ValueType::Number),
        JsonKind::Bool(flag) => (
            SharedStr::from(if *flag { "true" } else { "false" }),
            ValueType::Boolean,
        ),
        _ => {
            diagnostics.push(reader::wrong_type(
                value,
                key,
                "a string, number or boolean, or an array of them",
            ));
            return None;
        }
    };
    Some(ConditionValue {
        text,
        written_as,
        span: value.span,
    })
}

/// SID: unique within the policy; IAM allows only letters and digits, other services differ
/// (section 8: a Sid with spaces is a warning in a repository policy; the registry policy, the other ECR
/// resource-based policy, is read the same way).
pub(super) fn check_sids(
    statements: &[Statement],
    kind: PolicyKind,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let sids: Vec<&Spanned<SharedStr>> = statements
        .iter()
        .filter_map(|statement| statement.sid.as_ref())
        .collect();
    for (position, sid) in sids.iter().enumerate() {
        if !sid.value.is_empty()
            && sids
                .iter()
                .take(position)
                .any(|earlier| earlier.value == sid.value)
        {
            diagnostics.push(Diagnostic::error(
                ParseCode::DuplicateSid,
                format!("Sid `{}` is used by an earlier statement: each Sid must be unique in the policy", sid.value),
                sid.span,
            ));
        }
        if !sid
            .value
            .chars()
            .all(|character| character.is_ascii_alphanumeric())
        {
            let severity = if kind.is_ecr_resource_policy() {
                Severity::Warning
            } else {
                Severity::Error
            };
            diagnostics.push(Diagnostic::new(
                severity,
                ParseCode::SidCharacters,
                format!(
                    "Sid `{}` has characters other than letters and digits: IAM accepts only `A-Z`, `a-z` and `0-9`",
                    sid.value
                ),
                sid.span,
            ));
        }
    }
}
