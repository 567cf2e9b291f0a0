//! CloudFormation values to JSON with every intrinsic function shown, not guessed. An intrinsic function
//! is a map of one key, `Ref` or `Fn::...` (YAML's `!Ref`, `!GetAtt`, `!Sub`, ... were turned into that
//! form when the file was read). Its value is known only when the stack is deployed, so it becomes the
//! string `{{Ref Name}}`, `{{Fn::GetAtt Name.Attribute}}`, `{{Fn::ImportValue ...}}`: a marker the
//! person replaces, which matches no real ARN, action or account. Two functions are partly known and
//! keep what is: `Fn::Sub` keeps its text and marks each `${Variable}` (as `{{Ref Variable}}` or
//! `{{Fn::GetAtt Name.Attribute}}`; `${!Text}` is the literal `${Text}`, an IAM policy variable), and
//! `Fn::Join` joins its parts, marking the ones that are functions.

use super::listing::{MarkerKind, ValueMarker};
use super::tree::{Node, NodeKind};

/// The function name and argument when `node` is an intrinsic function.
pub(super) fn intrinsic(node: &Node) -> Option<(&str, &Node)> {
    match node.members() {
        [(name, argument)] if name == "Ref" || name.starts_with("Fn::") => Some((name, argument)),
        _ => None,
    }
}

/// `node` with every intrinsic function replaced by its marker string; each marker is added to
/// `markers`.
pub(super) fn resolved(node: &Node, markers: &mut Vec<ValueMarker>) -> Node {
    let kind = match (&node.kind, intrinsic(node)) {
        (_, Some((name, argument))) => {
            NodeKind::String(function_value(node, name, argument, markers))
        }
        (NodeKind::List(items), None) => {
            NodeKind::List(items.iter().map(|item| resolved(item, markers)).collect())
        }
        (NodeKind::Map(members), None) => NodeKind::Map(
            members
                .iter()
                .map(|(key, value)| (key.clone(), resolved(value, markers)))
                .collect(),
        ),
        (other, None) => other.clone(),
    };
    Node { kind, at: node.at }
}

/// The text an intrinsic function stands for: its marker, or for `Fn::Sub` and `Fn::Join` the known
/// text with markers inside.
fn function_value(
    node: &Node,
    name: &str,
    argument: &Node,
    markers: &mut Vec<ValueMarker>,
) -> String {
    match name {
        "Fn::Sub" => {
            if let Some(text) = argument.as_str() {
                return substituted(node, text, None, markers);
            }
            if let [template, variables] = argument.items()
                && let Some(text) = template.as_str()
            {
                return substituted(node, text, Some(variables), markers);
            }
        }
        "Fn::Join" => {
            if let [delimiter, parts] = argument.items()
                && let (Some(delimiter), NodeKind::List(parts)) = (delimiter.as_str(), &parts.kind)
            {
                let mut part_markers = Vec::new();
                let texts: Option<Vec<String>> = parts
                    .iter()
                    .map(|part| match resolved(part, &mut part_markers).kind {
                        NodeKind::String(text) => Some(text),
                        _ => None,
                    })
                    .collect();
                if let Some(texts) = texts {
                    markers.extend(part_markers);
                    return texts.join(delimiter);
                }
            }
        }
        "Fn::GetAtt" => {
            if let [resource, attribute] = argument.items()
                && let (Some(resource), Some(attribute)) = (resource.as_str(), attribute.as_str())
            {
                return marker(node, format!("{name} {resource}.{attribute}"), markers);
            }
        }
        _ => {}
    }
    marker(node, format!("{name} {}", argument_text(argument)), markers)
}

/// Records a marker for `node` and returns its text, `{{description}}`.
fn marker(node: &Node, description: String, markers: &mut Vec<ValueMarker>) -> String {
    let text = format!("{{{{{}}}}}", description.trim_end());
    markers.push(ValueMarker {
        kind: MarkerKind::Intrinsic,
        text: text.clone(),
        line: node.at.line,
        column: node.at.column,
    });
    text
}

/// `Fn::Sub`'s text with each `${Variable}` replaced: by its value in `variables` when that is a plain
/// string, else by a marker. `${!Text}` is written `${Text}`.
fn substituted(
    node: &Node,
    text: &str,
    variables: Option<&Node>,
    markers: &mut Vec<ValueMarker>,
) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let Some(end) = from.find('}') else {
            rest = from;
            break;
        };
        let variable = from.get(2..end).unwrap_or_default();
        rest = from.get(end + 1..).unwrap_or_default();
        if let Some(literal) = variable.strip_prefix('!') {
            out.push_str(&format!("${{{literal}}}"));
            continue;
        }
        let variable = variable.trim();
        match variables.and_then(|variables| variables.get(variable)) {
            Some(value) if let Some(known) = value.as_str() => out.push_str(known),
            Some(value) => out.push_str(&resolved_text(value, markers)),
            None if variable.contains('.') => {
                out.push_str(&marker(node, format!("Fn::GetAtt {variable}"), markers))
            }
            None => out.push_str(&marker(node, format!("Ref {variable}"), markers)),
        }
    }
    out.push_str(rest);
    out
}

/// A value inside a text: a string as it is, anything else (an intrinsic function) as its marker.
fn resolved_text(value: &Node, markers: &mut Vec<ValueMarker>) -> String {
    match resolved(value, markers).kind {
        NodeKind::String(text) => text,
        other => Node {
            kind: other,
            at: value.at,
        }
        .to_json()
        .to_string(),
    }
}

/// A function's argument in short words for its marker: lists in brackets, nested functions in braces.
fn argument_text(argument: &Node) -> String {
    if let Some((name, inner)) = intrinsic(argument) {
        return format!("{{{name} {}}}", argument_text(inner));
    }
    match &argument.kind {
        NodeKind::String(text) | NodeKind::Number(text) => text.clone(),
        NodeKind::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(argument_text)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => argument.to_json().to_string(),
    }
}
