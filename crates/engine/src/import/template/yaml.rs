//! YAML text into the template tree (only with the `yaml` feature). CloudFormation's short forms are
//! YAML tags: `!Ref X` becomes `{"Ref": "X"}`, `!Condition X` `{"Condition": "X"}`, and any other
//! `!Name V` becomes `{"Fn::Name": V}` (`!GetAtt`, `!Sub`, `!Join`, ...), the long form the JSON
//! template writes. Plain scalars follow the YAML 1.2 core schema (null, booleans, numbers, else
//! strings); quoted ones are strings; aliases repeat their anchored value. Only the first document is
//! read. Errors carry the line and column of the file.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Tag};

use super::tree::{At, Node, NodeKind};
use crate::scenario::ScenarioError;

/// The first document of `text`.
pub(super) fn read(text: &str) -> Result<Node, ScenarioError> {
    let mut builder = Builder::default();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|error| scan_error(&error))?;
        let at = At {
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let node = Node {
                    kind: scalar(&value, style, tag.as_deref()),
                    at,
                };
                builder.complete(node, anchor, tag.as_deref())?;
            }
            Event::SequenceStart(anchor, tag) => builder.open(
                NodeKind::List(Vec::new()),
                at,
                anchor,
                tag.map(|tag| tag.into_owned()),
            ),
            Event::MappingStart(anchor, tag) => builder.open(
                NodeKind::Map(Vec::new()),
                at,
                anchor,
                tag.map(|tag| tag.into_owned()),
            ),
            Event::SequenceEnd | Event::MappingEnd => builder.close()?,
            Event::Alias(anchor) => {
                let node = builder.anchors.get(&anchor).cloned().ok_or_else(|| {
                    error("an alias to an anchor that is not defined before it", at)
                })?;
                builder.complete(node, 0, None)?;
            }
            Event::DocumentEnd | Event::StreamEnd if builder.root.is_some() => break,
            _ => {}
        }
    }
    builder
        .root
        .ok_or_else(|| error("the file holds no YAML document", At { line: 1, column: 1 }))
}

/// A list or map being read.
struct Open {
    node: Node,
    anchor: usize,
    tag: Option<Tag>,
    /// In a map, the key read and waiting for its value.
    key: Option<String>,
}

#[derive(Default)]
struct Builder {
    open: Vec<Open>,
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
}

impl Builder {
    fn open(&mut self, kind: NodeKind, at: At, anchor: usize, tag: Option<Tag>) {
        self.open.push(Open {
            node: Node { kind, at },
            anchor,
            tag,
            key: None,
        });
    }

    fn close(&mut self) -> Result<(), ScenarioError> {
        match self.open.pop() {
            Some(open) => self.complete(open.node, open.anchor, open.tag.as_ref()),
            None => Ok(()),
        }
    }

    /// A value read whole: tagged, remembered under its anchor, and put into the list or map it is in.
    fn complete(
        &mut self,
        node: Node,
        anchor: usize,
        tag: Option<&Tag>,
    ) -> Result<(), ScenarioError> {
        let node = tagged(node, tag);
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        let Some(parent) = self.open.last_mut() else {
            self.root.get_or_insert(node);
            return Ok(());
        };
        match (&mut parent.node.kind, parent.key.take()) {
            (NodeKind::List(items), _) => items.push(node),
            (NodeKind::Map(members), Some(key)) => members.push((key, node)),
            (NodeKind::Map(_), None) => parent.key = Some(key_text(&node)?),
            _ => {}
        }
        Ok(())
    }
}

/// The text of a mapping key, which must be a scalar.
fn key_text(node: &Node) -> Result<String, ScenarioError> {
    match &node.kind {
        NodeKind::String(text) | NodeKind::Number(text) => Ok(text.clone()),
        NodeKind::Bool(value) => Ok(value.to_string()),
        NodeKind::Null => Ok(String::new()),
        NodeKind::List(_) | NodeKind::Map(_) => Err(error(
            "a mapping key must be a plain value, not a list or mapping",
            node.at,
        )),
    }
}

/// A node with its tag applied: a CloudFormation short form becomes the long form's one-key map.
fn tagged(node: Node, tag: Option<&Tag>) -> Node {
    let Some(tag) = tag.filter(|tag| tag.handle == "!") else {
        return node;
    };
    let name = match tag.suffix.as_str() {
        "Ref" | "Condition" => tag.suffix.clone(),
        other => format!("Fn::{other}"),
    };
    let at = node.at;
    Node {
        kind: NodeKind::Map(vec![(name, node)]),
        at,
    }
}

/// A scalar's value: quoted or `!!str` is a string; a plain one is read by the YAML 1.2 core schema.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> NodeKind {
    let core = tag
        .filter(|tag| tag.is_yaml_core_schema())
        .map(|tag| tag.suffix.as_str());
    if style != ScalarStyle::Plain || core == Some("str") {
        return NodeKind::String(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => NodeKind::Null,
        "true" | "True" | "TRUE" => NodeKind::Bool(true),
        "false" | "False" | "FALSE" => NodeKind::Bool(false),
        _ if serde_json::from_str::<serde_json::Number>(text).is_ok() => {
            NodeKind::Number(text.to_owned())
        }
        _ => NodeKind::String(text.to_owned()),
    }
}

fn scan_error(scan: &ScanError) -> ScenarioError {
    let marker = scan.marker();
    error(
        scan.info(),
        At {
            line: marker.line(),
            column: marker.col() + 1,
        },
    )
}

fn error(message: &str, at: At) -> ScenarioError {
    ScenarioError {
        path: String::new(),
        message: format!("not valid YAML: {message}"),
        line: Some(at.line),
        column: Some(at.column),
    }
}
