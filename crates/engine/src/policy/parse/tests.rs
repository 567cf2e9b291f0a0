//! Parser tests: a table of malformed policies with the codes and positions they must report, the absence
//! of every code on valid policies, spans that point at the right text, and no panic on any input.

use proptest::prelude::*;

use crate::diagnostic::Severity;
use crate::diagnostic::{Code, JsonCode, ParseCode};
use crate::policy::{Effect, ParsedPolicy, PolicyKind, PrincipalKind, Version, parse_policy};

const VALID_REPOSITORY: &str = r#"{
  "Version": "2012-10-17",
  "Id": "RepoPolicy",
  "Statement": [
    {
      "Sid": "AllowPull",
      "Effect": "Allow",
      "Principal": {"AWS": ["arn:aws:iam::444455556666:root", "arn:aws:iam::444455556666:user/bob"], "Service": "codebuild.amazonaws.com"},
      "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
      "Condition": {
        "StringEquals": {"aws:SourceAccount": "444455556666", "aws:PrincipalTag/team": ["a", "b"]},
        "NumericLessThan": {"aws:MultiFactorAuthAge": 3600},
        "Bool": {"aws:SecureTransport": true}
      }
    },
    {
      "Sid": "DenyOthers",
      "Effect": "Deny",
      "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"},
      "NotAction": "ecr:Describe*"
    }
  ]
}"#;

const VALID_IDENTITY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": "ecr:GetAuthorizationToken",
    "Resource": "*"
  }
}"#;

/// The codes of every diagnostic for `text` parsed as `kind`.
fn codes_of(text: &str, kind: PolicyKind) -> Vec<Code> {
    parse_policy(text, kind)
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code)
        .collect()
}

/// The (code, line, column) of every diagnostic.
fn positions(text: &str, kind: PolicyKind) -> Vec<Position> {
    parse_policy(text, kind)
        .diagnostics
        .iter()
        .map(|diagnostic| {
            (
                diagnostic.code,
                diagnostic.span.line,
                diagnostic.span.column,
            )
        })
        .collect()
}

fn statement(body: &str) -> String {
    format!("{{\"Version\":\"2012-10-17\",\"Statement\":[{{{body}}}]}}")
}

#[test]
fn valid_policies_have_no_diagnostics() {
    assert_eq!(
        codes_of(VALID_REPOSITORY, PolicyKind::Repository),
        Vec::<Code>::new()
    );
    for kind in [
        PolicyKind::Identity,
        PolicyKind::Boundary,
        PolicyKind::Session,
        PolicyKind::Scp,
    ] {
        assert_eq!(
            codes_of(VALID_IDENTITY, kind),
            Vec::<Code>::new(),
            "{kind:?}"
        );
    }
    let rcp = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"ecr:*","Resource":"*"}]}"#;
    assert_eq!(codes_of(rcp, PolicyKind::Rcp), Vec::<Code>::new());
}

/// A diagnostic's code, line and column.
type Position = (Code, u32, u32);

/// Each row: kind, text, the expected (code, line, column) list.
#[test]
fn malformed_policies_report_codes_at_their_positions() {
    let rows: Vec<(PolicyKind, String, Vec<Position>)> = vec![
        // The `]` the array lacks can still be written right after its `[`: the error is placed there.
        (PolicyKind::Identity, "{\n  \"Statement\": [\n}".into(), vec![(JsonCode::Syntax.into(), 2, 17)]),
        (PolicyKind::Identity, "{\n  // hi\n}".into(), vec![(JsonCode::Comment.into(), 2, 3)]),
        (PolicyKind::Identity, "{\"Statement\": [],}".into(), vec![(JsonCode::TrailingComma.into(), 1, 17)]),
        (PolicyKind::Identity, "".into(), vec![(JsonCode::Empty.into(), 1, 1)]),
        (PolicyKind::Identity, "[]".into(), vec![(ParseCode::NotAnObject.into(), 1, 1)]),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"Allow","Action":"ecr:*","Resource":"*","Effect":"Deny""#),
            vec![(ParseCode::DuplicateKey.into(), 1, 88)],
        ),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"Allow","Actions":"ecr:*","Resource":"*""#),
            vec![(ParseCode::MissingElement.into(), 1, 38), (ParseCode::UnknownElement.into(), 1, 56)],
        ),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"Allow","Action":"ecr:*","NotAction":"ecr:Get*","Resource":"*""#),
            vec![(ParseCode::ConflictingElements.into(), 1, 73)],
        ),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"Allow","Action":["ecr:*", 3],"Resource":"*""#),
            vec![(ParseCode::WrongType.into(), 1, 75)],
        ),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"Allow","Action":[],"Resource":"*""#),
            vec![(ParseCode::EmptyValue.into(), 1, 65)],
        ),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"allow","Action":"ecr:*","Resource":"*""#),
            vec![(ParseCode::InvalidEffect.into(), 1, 48)],
        ),
        (
            PolicyKind::Identity,
            r#"{"Version":"2012-10-18","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#.into(),
            vec![(ParseCode::InvalidVersion.into(), 1, 12)],
        ),
        (
            PolicyKind::Identity,
            statement("\"Sid\":\"Pull\u{2013}images\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\""),
            vec![(ParseCode::SidCharacters.into(), 1, 45), (ParseCode::InvalidCharacter.into(), 1, 50)],
        ),
        (
            PolicyKind::Identity,
            r#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"}]}"#.into(),
            vec![(ParseCode::DuplicateSid.into(), 1, 102)],
        ),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"Allow","Principal":"*","Action":"*","Resource":"*""#),
            vec![(ParseCode::ElementNotAllowed.into(), 1, 56)],
        ),
        (
            PolicyKind::Repository,
            statement(r#""Effect":"Allow","NotPrincipal":{"AWS":"123456789012"},"Action":"ecr:*""#),
            vec![(ParseCode::NotPrincipalWithAllow.into(), 1, 56)],
        ),
        (
            PolicyKind::Repository,
            statement(r#""Effect":"Allow","Principal":"arn:aws:iam::123456789012:root","Action":"ecr:*""#),
            vec![(ParseCode::InvalidPrincipal.into(), 1, 68)],
        ),
        (
            PolicyKind::Repository,
            statement(r#""Effect":"Allow","Principal":{"Service":"*"},"Action":"ecr:*""#),
            vec![(ParseCode::PrincipalWildcard.into(), 1, 79)],
        ),
        (
            PolicyKind::Rcp,
            r#"{"Statement":{"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}}"#.into(),
            vec![(ParseCode::RcpSyntax.into(), 1, 1)],
        ),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqual":{"aws:username":"bob"}}"#),
            vec![(ParseCode::UnknownOperator.into(), 1, 97)],
        ),
        (
            PolicyKind::Identity,
            statement(r#""Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"aws:username":"true"}}"#),
            vec![(ParseCode::IfExistsOnNull.into(), 1, 97)],
        ),
    ];
    for (kind, text, expected) in rows {
        assert_eq!(positions(&text, kind), expected, "{text}");
    }
}

#[test]
fn every_code_is_shown_by_the_table_or_a_named_test() {
    // The table above and the named tests below between them cover every code; this keeps the list honest.
    let covered: [Code; 23] = [
        JsonCode::Syntax.into(),
        JsonCode::Comment.into(),
        JsonCode::TrailingComma.into(),
        JsonCode::Empty.into(),
        ParseCode::DuplicateKey.into(),
        ParseCode::UnknownElement.into(),
        ParseCode::MissingElement.into(),
        ParseCode::ConflictingElements.into(),
        ParseCode::WrongType.into(),
        ParseCode::EmptyValue.into(),
        ParseCode::InvalidEffect.into(),
        ParseCode::InvalidVersion.into(),
        ParseCode::InvalidCharacter.into(),
        ParseCode::DuplicateSid.into(),
        ParseCode::SidCharacters.into(),
        ParseCode::ElementNotAllowed.into(),
        ParseCode::NotPrincipalWithAllow.into(),
        ParseCode::InvalidPrincipal.into(),
        ParseCode::PrincipalWildcard.into(),
        ParseCode::RcpSyntax.into(),
        ParseCode::UnknownOperator.into(),
        ParseCode::IfExistsOnNull.into(),
        ParseCode::NotAnObject.into(),
    ];
    let all: Vec<Code> = JsonCode::ALL
        .iter()
        .map(|&code| Code::from(code))
        .chain(ParseCode::ALL.iter().map(|&code| Code::from(code)))
        .collect();
    assert_eq!(all, covered);
}

#[test]
fn unknown_elements_suggest_the_element_meant() {
    let text = statement(r#""Effect":"Allow","Actions":"ecr:*","Resource":"*""#);
    let parsed = parse_policy(&text, PolicyKind::Identity);
    let unknown = parsed
        .diagnostics
        .iter()
        .find(|d| d.code == ParseCode::UnknownElement);
    assert!(unknown.is_some_and(|d| d.message.contains("did you mean `Action`?")));
}

#[test]
fn missing_elements_depend_on_the_policy_kind() {
    // GRAM, PRIN: Principal is required in resource policies; RES: Resource is required in IAM policies.
    let no_principal_no_resource = statement(r#""Effect":"Allow","Action":"ecr:*""#);
    assert_eq!(
        codes_of(&no_principal_no_resource, PolicyKind::Repository),
        [ParseCode::MissingElement]
    );
    assert!(
        parse_policy(&no_principal_no_resource, PolicyKind::Repository).diagnostics[0]
            .message
            .contains("`Principal`")
    );
    assert!(
        parse_policy(&no_principal_no_resource, PolicyKind::Identity).diagnostics[0]
            .message
            .contains("`Resource`")
    );
    let no_effect = statement(r#""Action":"ecr:*","Resource":"*""#);
    assert_eq!(
        codes_of(&no_effect, PolicyKind::Identity),
        [ParseCode::MissingElement]
    );
    assert_eq!(
        codes_of(r#"{"Version":"2012-10-17"}"#, PolicyKind::Identity),
        [ParseCode::MissingElement]
    );
}

#[test]
fn id_is_not_allowed_in_identity_based_policies() {
    // GRAM: Id "must not be included in identity-based policies".
    let text = r#"{"Id":"x","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#;
    for kind in [
        PolicyKind::Identity,
        PolicyKind::Boundary,
        PolicyKind::Session,
    ] {
        assert_eq!(codes_of(text, kind), [ParseCode::ElementNotAllowed]);
    }
    assert_eq!(codes_of(text, PolicyKind::Scp), Vec::<Code>::new());
}

#[test]
fn not_principal_is_not_allowed_in_identity_policies_scps_or_rcps() {
    // NOTPRIN: not allowed in identity policies, trust policies, SCPs or RCPs.
    let text = statement(
        r#""Effect":"Deny","NotPrincipal":{"AWS":"123456789012"},"Action":"*","Resource":"*""#,
    );
    for kind in [PolicyKind::Identity, PolicyKind::Scp, PolicyKind::Rcp] {
        assert!(
            codes_of(&text, kind).contains(&ParseCode::ElementNotAllowed.into()),
            "{kind:?}"
        );
    }
    assert_eq!(codes_of(&text, PolicyKind::Repository), Vec::<Code>::new());
}

#[test]
fn rcp_principal_must_be_everyone() {
    // RCPSYN: the Principal of an RCP is "*".
    let text = statement(
        r#""Effect":"Deny","Principal":{"AWS":"123456789012"},"Action":"*","Resource":"*""#,
    );
    assert_eq!(codes_of(&text, PolicyKind::Rcp), [ParseCode::RcpSyntax]);
}

#[test]
fn sid_with_spaces_is_a_warning_in_a_repository_policy_and_an_error_in_iam() {
    // Section 8: "Sid with spaces: Warning, not error" (older ECR docs used "ECR Repository Policy").
    let repository = statement(
        r#""Sid":"ECR Repository Policy","Effect":"Allow","Principal":"*","Action":"ecr:*""#,
    );
    let parsed = parse_policy(&repository, PolicyKind::Repository);
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].severity, Severity::Warning);
    assert!(parsed.valid().is_some(), "warnings never block");
    let identity = statement(r#""Sid":"two words","Effect":"Allow","Action":"*","Resource":"*""#);
    assert!(
        parse_policy(&identity, PolicyKind::Identity)
            .valid()
            .is_none()
    );
}

#[test]
fn partial_wildcards_in_principal_names_are_errors() {
    // PRIN: "You cannot use a wildcard to match part of a principal name or ARN".
    let text = statement(
        r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/*"},"Action":"ecr:*""#,
    );
    assert_eq!(
        codes_of(&text, PolicyKind::Repository),
        [ParseCode::PrincipalWildcard]
    );
    let everyone = statement(r#""Effect":"Allow","Principal":{"AWS":"*"},"Action":"ecr:*""#);
    assert_eq!(
        codes_of(&everyone, PolicyKind::Repository),
        Vec::<Code>::new()
    );
}

#[test]
fn missing_version_defaults_to_2008_10_17() {
    // VER (history to Oct 2021): "If you do not include a Version element, the value defaults to 2008-10-17".
    let parsed = parse_policy(
        r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#,
        PolicyKind::Identity,
    );
    assert_eq!(
        parsed.policy.map(|policy| policy.version),
        Some(Version::V2008_10_17)
    );
}

#[test]
fn statement_may_be_a_single_object_or_an_array() {
    // STMT: the Statement element can contain a single statement or an array of individual statements.
    let single = parse_policy(VALID_IDENTITY, PolicyKind::Identity);
    assert_eq!(single.policy.map(|policy| policy.statements.len()), Some(1));
    let many = parse_policy(VALID_REPOSITORY, PolicyKind::Repository);
    assert_eq!(many.policy.map(|policy| policy.statements.len()), Some(2));
}

#[test]
fn scalars_may_be_strings_numbers_or_booleans() {
    // GRAM: quotes are optional for numeric and boolean values; single values may drop the brackets.
    let parsed = parse_policy(VALID_REPOSITORY, PolicyKind::Repository);
    let policy = parsed.policy.unwrap();
    let conditions = &policy.statements[0].conditions;
    assert_eq!(conditions.len(), 4);
    assert_eq!(conditions[1].values.len(), 2);
    assert_eq!(conditions[2].values[0].text, "3600");
    assert_eq!(conditions[3].values[0].text, "true");
}

#[test]
fn spans_point_at_the_text_of_every_element() {
    let text = VALID_REPOSITORY;
    let policy = parse_policy(text, PolicyKind::Repository).policy.unwrap();
    let at = |span: crate::span::Span| &text[span.range()];
    assert_eq!(policy.version_span.map(at), Some("\"2012-10-17\""));
    assert_eq!(
        policy.id.as_ref().map(|id| at(id.span)),
        Some("\"RepoPolicy\"")
    );
    let first = &policy.statements[0];
    assert!(at(first.span).starts_with('{') && at(first.span).contains("AllowPull"));
    assert_eq!(
        first.sid.as_ref().map(|sid| at(sid.span)),
        Some("\"AllowPull\"")
    );
    assert_eq!(
        first
            .effect
            .as_ref()
            .map(|effect| (effect.value, at(effect.span))),
        Some((Effect::Allow, "\"Allow\""))
    );
    let principal = first.principal.as_ref().unwrap();
    assert_eq!(at(principal.key_span), "\"Principal\"");
    let entries: Vec<_> = principal
        .entries
        .iter()
        .map(|entry| (entry.kind, at(entry.span)))
        .collect();
    assert_eq!(
        entries,
        [
            (PrincipalKind::Aws, "\"arn:aws:iam::444455556666:root\""),
            (PrincipalKind::Aws, "\"arn:aws:iam::444455556666:user/bob\""),
            (PrincipalKind::Service, "\"codebuild.amazonaws.com\""),
        ]
    );
    let action = first.action.as_ref().unwrap();
    assert_eq!(
        at(action.patterns[1].span),
        "\"ecr:GetDownloadUrlForLayer\""
    );
    let condition = &first.conditions[1];
    assert_eq!(at(condition.operator_text.span), "\"StringEquals\"");
    assert_eq!(at(condition.key.span), "\"aws:PrincipalTag/team\"");
    assert_eq!(at(condition.values[1].span), "\"b\"");
    assert_eq!(at(first.condition_span.unwrap()).chars().next(), Some('{'));
    let second = &policy.statements[1];
    assert!(second.principal.as_ref().unwrap().negated);
    assert!(second.action.as_ref().unwrap().negated);
    assert_eq!(
        at(second.action.as_ref().unwrap().key_span),
        "\"NotAction\""
    );
}

#[test]
fn spans_count_utf16_units_for_non_ascii_text() {
    let text =
        "{\"Statement\":{\"Sid\":\"é\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
    let parsed = parse_policy(text, PolicyKind::Repository);
    let effect = parsed.policy.unwrap().statements[0].effect.clone().unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let highlighted = String::from_utf16(
        &utf16[effect.span.utf16_start as usize..effect.span.utf16_end as usize],
    )
    .unwrap();
    assert_eq!(highlighted, "\"Allow\"");
}

#[test]
fn control_characters_in_ascii_text_are_errors() {
    // QUOTA: only tab, line breaks and U+0020 to U+00FF are allowed, so a control character in otherwise
    // plain ASCII text is reported where it is, once per line.
    let text = "{\"Version\":\"2012-10-17\",\n\u{1}\"Statement\":\u{7}[]}";
    assert_eq!(
        positions(text, PolicyKind::Identity)
            .into_iter()
            .filter(|(code, ..)| *code == ParseCode::InvalidCharacter)
            .collect::<Vec<_>>(),
        [(ParseCode::InvalidCharacter.into(), 2, 1)]
    );
}

#[test]
fn policy_size_counts_characters_and_leaves_out_whitespace_outside_strings() {
    // QUOTA: IAM counts a policy's size without whitespace; a character beyond ASCII counts once.
    let ascii = parse_policy(
        "{ \"Statement\": [ {\"Sid\": \"a b\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"} ] }",
        PolicyKind::Identity,
    );
    let other = parse_policy(
        "{ \"Statement\": [ {\"Sid\": \"\u{e9} b\", \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"} ] }",
        PolicyKind::Identity,
    );
    let size = |parsed: &ParsedPolicy| parsed.policy.as_ref().map(|policy| policy.size);
    assert_eq!(size(&ascii), size(&other));
    assert_eq!(
        size(&ascii).map(|size| (size.characters, size.non_whitespace)),
        Some((86, 74))
    );
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        for kind in PolicyKind::ALL {
            let _ = parse_policy(&text, kind);
        }
    }

    #[test]
    fn arbitrary_json_shaped_text_never_panics(text in r#"[\[\]{}",:0-9a-zA-Z *\\]{0,120}"#) {
        let parsed = parse_policy(&text, PolicyKind::Repository);
        for diagnostic in parsed.diagnostics {
            prop_assert!(diagnostic.span.start <= diagnostic.span.end && diagnostic.span.end as usize <= text.len());
        }
    }
}

/// The members an object keeps, read the straightforward way: each key's first member, in source
/// order, and one duplicate for each later member of a key already seen.
fn kept_reference<'a>(keys: &[&'a str]) -> (Vec<(&'a str, usize)>, usize) {
    let mut kept: Vec<(&str, usize)> = Vec::new();
    let mut duplicates = 0;
    for (at, key) in keys.iter().enumerate() {
        if kept.iter().any(|(seen, _)| seen == key) {
            duplicates += 1;
        } else {
            kept.push((key, at));
        }
    }
    (kept, duplicates)
}

proptest! {
    #[test]
    fn members_keep_each_keys_first_member_and_report_the_others(
        keys in proptest::collection::vec(prop::sample::select(vec!["Sid", "Effect", "a", "b"]), 0..8)
    ) {
        use super::reader::{Context, Members};
        let text = format!(
            "{{{}}}",
            keys.iter()
                .enumerate()
                .map(|(at, key)| format!("\"{key}\": {at}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let value = crate::json::parse(&text).unwrap();
        let crate::json::JsonKind::Object(members) = &value.kind else {
            panic!("an object")
        };
        let mut diagnostics = Vec::new();
        let read = Members::read_any(members, Context::Policy, &mut diagnostics);
        let (kept, duplicates) = kept_reference(&keys);
        let position = |member: &crate::json::JsonMember| match member.value.kind {
            crate::json::JsonKind::Number(number) => number.parse::<usize>().ok(),
            _ => None,
        };
        let iterated: Vec<(&str, Option<usize>)> =
            read.iter().map(|member| (&*member.key, position(member))).collect();
        let expected: Vec<(&str, Option<usize>)> =
            kept.iter().map(|&(key, at)| (key, Some(at))).collect();
        prop_assert_eq!(iterated, expected);
        for name in ["Sid", "Effect", "a", "b", "c"] {
            let first = kept.iter().find(|(key, _)| *key == name).map(|&(_, at)| at);
            prop_assert_eq!(read.get(name).and_then(position), first);
        }
        let reported = diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.code == Code::Parse(ParseCode::DuplicateKey))
            .count();
        prop_assert_eq!(reported, duplicates);
    }
}
