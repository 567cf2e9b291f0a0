//! A structured mutator: fuzz bytes decide which scenario of the corpus to start from and which of its
//! parts to change, mostly into words of the test kit's vocabulary, so that nearly every input is a scenario
//! that parses and reaches the evaluator (raw JSON mutations mostly break the syntax instead).

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use serde_json::{Map, Value, json};

use ecr_policy_test_kit::vocabulary::{
    ACTION_PATTERNS, ACTIONS, CONDITIONS, CONTEXT, PRINCIPAL_VALUES, PRINCIPALS, RESOURCE_PATTERNS,
    RESOURCES, VERSIONS,
};

/// Names of policy, statement, principal and condition elements that renamed keys become.
const KEYS: &[&str] = &[
    "Version",
    "Id",
    "Statement",
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
    "AWS",
    "Service",
    "Federated",
    "CanonicalUser",
    "StringEquals",
    "StringNotLike",
    "ArnLike",
    "ArnNotEquals",
    "IpAddress",
    "NumericGreaterThan",
    "DateGreaterThanEquals",
    "Bool",
    "BinaryEquals",
    "Null",
    "ForAllValues:StringLike",
    "ForAnyValue:StringEquals",
    "StringEqualsIfExists",
    "aws:SourceIp",
    "aws:PrincipalArn",
    "aws:TagKeys",
    "aws:username",
    "aws:CurrentTime",
    "ecr:ResourceTag/team",
];

/// JSON pointers to where policies live in a scenario document.
fn policy_pointers(document: &Value) -> Vec<String> {
    let mut pointers = Vec::new();
    for single in ["repositoryPolicy", "permissionsBoundary", "sessionPolicy"] {
        if document.get(single).is_some() {
            pointers.push(format!("/{single}"));
        }
    }
    if let Some(Value::Array(policies)) = document.get("identityPolicies") {
        for (index, policy) in policies.iter().enumerate() {
            match policy.get("policy") {
                Some(_) => pointers.push(format!("/identityPolicies/{index}/policy")),
                None => pointers.push(format!("/identityPolicies/{index}")),
            }
        }
    }
    for levels in ["scps", "rcps"] {
        if let Some(Value::Array(levels_list)) = document.get(levels) {
            for (level, policies) in levels_list.iter().enumerate() {
                let count = policies.as_array().map_or(0, Vec::len);
                pointers.extend((0..count).map(|index| format!("/{levels}/{level}/{index}")));
            }
        }
    }
    pointers
}

fn pick<'a>(u: &mut Unstructured<'_>, words: &[&'a str]) -> Result<&'a str> {
    u.choose(words).copied()
}

fn json_word(u: &mut Unstructured<'_>, words: &[&str]) -> Result<Value> {
    Ok(serde_json::from_str(pick(u, words)?).unwrap_or(Value::Null))
}

/// A value for any place: a word of the vocabulary, a JSON value of it, a scalar, or fuzz text.
fn any_value(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(match u.int_in_range(0..=11)? {
        0 => json!(pick(u, PRINCIPALS)?),
        1 => json!(pick(u, ACTIONS)?),
        2 => json!(pick(u, ACTION_PATTERNS)?),
        3 => json!(pick(u, RESOURCE_PATTERNS)?),
        4 => json!(pick(u, RESOURCES)?),
        5 => json_word(u, PRINCIPAL_VALUES)?,
        6 => json_word(u, CONDITIONS)?,
        7 => json!(pick(
            u,
            &["Allow", "Deny", "*", "", "2012-10-17", "2008-10-17", "true"]
        )?),
        8 => json!([pick(u, ACTION_PATTERNS)?, pick(u, ACTION_PATTERNS)?]),
        9 => json!(u.arbitrary::<i64>()?),
        10 => pick(u, &["null", "true", "[]", "{}", "1.5", "-0", "1e308"])
            .map(|text| serde_json::from_str(text).unwrap_or(Value::Null))?,
        _ => json!(u.arbitrary::<String>()?),
    })
}

/// A statement of the vocabulary. With `identity` it is valid in an identity policy: no principal, a
/// resource element always present.
pub fn statement(u: &mut Unstructured<'_>, effect: &str, identity: bool) -> Result<Value> {
    let mut statement = Map::new();
    statement.insert("Effect".into(), json!(effect));
    if !identity && u.arbitrary()? {
        let key = if effect == "Deny" && u.ratio(1, 4)? {
            "NotPrincipal"
        } else {
            "Principal"
        };
        statement.insert(key.into(), json_word(u, PRINCIPAL_VALUES)?);
    }
    let action_key = if u.ratio(1, 5)? {
        "NotAction"
    } else {
        "Action"
    };
    let action = if u.arbitrary()? {
        json!(pick(u, ACTION_PATTERNS)?)
    } else {
        json!([pick(u, ACTION_PATTERNS)?, pick(u, ACTION_PATTERNS)?])
    };
    statement.insert(action_key.into(), action);
    if identity || u.arbitrary()? {
        let key = if u.ratio(1, 5)? {
            "NotResource"
        } else {
            "Resource"
        };
        statement.insert(key.into(), json!(pick(u, RESOURCE_PATTERNS)?));
    }
    if u.ratio(1, 3)? {
        statement.insert("Condition".into(), json_word(u, CONDITIONS)?);
    }
    Ok(Value::Object(statement))
}

/// Walks the document in pre-order and returns its `n`th node.
fn nth_node<'a>(value: &'a mut Value, remaining: &mut usize) -> Option<&'a mut Value> {
    if *remaining == 0 {
        return Some(value);
    }
    *remaining -= 1;
    match value {
        Value::Array(items) => items.iter_mut().find_map(|item| nth_node(item, remaining)),
        Value::Object(map) => map.values_mut().find_map(|item| nth_node(item, remaining)),
        _ => None,
    }
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// A random node of the document other than the document itself.
fn random_node<'a>(
    document: &'a mut Value,
    u: &mut Unstructured<'_>,
) -> Result<Option<&'a mut Value>> {
    let count = count_nodes(document);
    if count < 2 {
        return Ok(None);
    }
    let mut remaining = u.int_in_range(1..=count - 1)?;
    Ok(nth_node(document, &mut remaining))
}

/// Reads a policy kept as text into a JSON value, so that statements can be added to it.
fn policy_value<'a>(document: &'a mut Value, pointer: &str) -> Option<&'a mut Map<String, Value>> {
    let policy = document.pointer_mut(pointer)?;
    if let Value::String(text) = policy {
        *policy = serde_json::from_str(text).ok()?;
    }
    policy.as_object_mut()
}

fn add_statement(document: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let pointers = policy_pointers(document);
    if pointers.is_empty() {
        return new_policy(document, u);
    }
    let pointer = u.choose(&pointers)?.clone();
    let identity = !pointer.starts_with("/repositoryPolicy") && !pointer.starts_with("/rcps");
    let effect = pick(u, &["Allow", "Deny"])?;
    let added = statement(u, effect, identity)?;
    if let Some(policy) = policy_value(document, &pointer) {
        match policy.get_mut("Statement") {
            Some(Value::Array(statements)) => statements.push(added),
            Some(single) => *single = json!([single.take(), added]),
            None => {
                policy.insert("Statement".into(), json!([added]));
            }
        }
    }
    Ok(())
}

fn new_policy(document: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let Some(object) = document.as_object_mut() else {
        return Ok(());
    };
    let slot = pick(
        u,
        &[
            "repositoryPolicy",
            "identityPolicies",
            "permissionsBoundary",
            "sessionPolicy",
            "scps",
            "rcps",
        ],
    )?;
    let identity = !matches!(slot, "repositoryPolicy" | "rcps");
    let effect = pick(u, &["Allow", "Allow", "Deny"])?;
    let policy =
        json!({"Version": pick(u, VERSIONS)?, "Statement": [statement(u, effect, identity)?]});
    match slot {
        "identityPolicies" => push(object, slot, policy),
        "scps" | "rcps" => push(object, slot, json!([policy])),
        _ => {
            object.insert(slot.into(), policy);
        }
    }
    Ok(())
}

fn push(object: &mut Map<String, Value>, key: &str, item: Value) {
    match object.get_mut(key) {
        Some(Value::Array(items)) => items.push(item),
        _ => {
            object.insert(key.into(), json!([item]));
        }
    }
}

fn set_request(document: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let Some(request) = document.get_mut("request").and_then(Value::as_object_mut) else {
        return Ok(());
    };
    match u.int_in_range(0..=3)? {
        0 => request.insert("principal".into(), json!(pick(u, PRINCIPALS)?)),
        1 => request.insert("action".into(), json!(pick(u, ACTIONS)?)),
        2 => request.insert("resource".into(), json!(pick(u, RESOURCES)?)),
        _ => {
            let (key, value) = *u.choose(CONTEXT)?;
            let value = serde_json::from_str(value).unwrap_or(Value::Null);
            let context = request.entry("context").or_insert_with(|| json!({}));
            if let Some(context) = context.as_object_mut() {
                context.insert(key.into(), value);
            }
            None
        }
    };
    Ok(())
}

fn rename_key(document: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let new_key = pick(u, KEYS)?;
    if let Some(Value::Object(map)) = random_node(document, u)? {
        let keys: Vec<String> = map.keys().cloned().collect();
        if let Ok(old_key) = u.choose(&keys)
            && let Some(value) = map.remove(old_key)
        {
            map.insert(new_key.into(), value);
        }
    }
    Ok(())
}

fn remove_node(document: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    match random_node(document, u)? {
        Some(Value::Array(items)) if !items.is_empty() => {
            let index = u.choose_index(items.len())?;
            items.remove(index);
        }
        Some(Value::Object(map)) if !map.is_empty() => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let key = u.choose(&keys)?.clone();
            map.remove(&key);
        }
        _ => {}
    }
    Ok(())
}

/// Turns a policy value into its text, sometimes cut short or with fuzz text spliced in, as a person
/// typing in the page's editor leaves it.
fn policy_to_text(document: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let pointers = policy_pointers(document);
    let Ok(pointer) = u.choose(&pointers) else {
        return Ok(());
    };
    if let Some(policy) = document.pointer_mut(pointer) {
        let mut text = serde_json::to_string_pretty(policy).unwrap_or_default();
        if u.arbitrary()? {
            let mut cut = u.int_in_range(0..=text.len())?;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let insert: String = u.arbitrary()?;
            text.insert_str(cut, &insert);
        }
        *policy = Value::String(text);
    }
    Ok(())
}

/// Applies between one and eight mutations, chosen by the fuzz bytes, to a scenario document.
pub fn mutate(document: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let count = u.int_in_range(1..=8)?;
    for _ in 0..count {
        match u.int_in_range(0..=9)? {
            0 | 1 => add_statement(document, u)?,
            2 => new_policy(document, u)?,
            3 | 4 => set_request(document, u)?,
            5 => {
                let value = any_value(u)?;
                if let Some(node) = random_node(document, u)? {
                    *node = value;
                }
            }
            6 => rename_key(document, u)?,
            7 => remove_node(document, u)?,
            8 => policy_to_text(document, u)?,
            _ => {
                if let Some(node) = random_node(document, u)? {
                    let copy = node.clone();
                    *node = json!([copy.clone(), copy]);
                }
            }
        }
    }
    Ok(())
}
