//! Compacting list items before any is dropped: an item's details (the nested
//! lists and objects and the free texts its schema does not require, e.g. a
//! bulk result's `changes` or a custom field's choices) may be left out of
//! every item, one kind at a time, largest first. What an item's schema
//! requires (its identity and outcome) and its plain values (status,
//! assignee, dates) always stay.

use super::answer_shape::Node;
use super::long_texts::{child_path, is_free_text};
use super::token_budget::fifths;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One kind of detail, e.g. `results[].changes`, and the fifths it takes in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailKind {
    pub path: String,
    pub fifths: u64,
}

/// The kinds of details in `answer`, largest first.
pub fn detail_kinds(answer: &Value, shape: Node<'_>) -> Vec<DetailKind> {
    let mut sizes = BTreeMap::new();
    walk(answer, shape, "", &mut |path, key, value| {
        // `"key":value,` as it stands in the object.
        let cost = fifths(&Value::String(key.to_owned()).to_string()) + 2 + 2;
        *sizes.entry(path.to_owned()).or_insert(0) += cost + fifths(&value.to_string());
    });
    let mut kinds: Vec<DetailKind> = sizes
        .into_iter()
        .map(|(path, fifths)| DetailKind { path, fifths })
        .collect();
    kinds.sort_by(|a, b| b.fifths.cmp(&a.fifths).then_with(|| a.path.cmp(&b.path)));
    kinds
}

/// Leaves the details at `path` out of every item.
pub fn drop_details(answer: &mut Value, shape: Node<'_>, path: &str) {
    walk_mut(answer, shape, "", path);
}

/// Whether `map[key]` is a detail an item may lose.
fn is_detail(map: &Map<String, Value>, key: &str, value: &Value, item: Node<'_>) -> bool {
    !item.requires(key)
        && (value.is_array() || value.is_object() || (value.is_string() && is_free_text(map, key)))
}

/// Visits every detail of every list item, at any depth.
fn walk(value: &Value, node: Node<'_>, path: &str, found: &mut impl FnMut(&str, &str, &Value)) {
    match value {
        Value::Array(items) => {
            let item_path = format!("{path}[]");
            for item in items {
                if let Value::Object(map) = item {
                    for (key, child) in map {
                        if is_detail(map, key, child, node.items()) {
                            found(&child_path(&item_path, key), key, child);
                        }
                    }
                }
                walk(item, node.items(), &item_path, found);
            }
        }
        Value::Object(map) => {
            for (key, child) in map {
                walk(child, node.property(key), &child_path(path, key), found);
            }
        }
        _ => {}
    }
}

fn walk_mut(value: &mut Value, node: Node<'_>, path: &str, target: &str) {
    match value {
        Value::Array(items) => {
            let item_path = format!("{path}[]");
            for item in items.iter_mut() {
                if let Value::Object(map) = item
                    && let Some(key) = target
                        .strip_prefix(item_path.as_str())
                        .and_then(|rest| rest.strip_prefix('.'))
                        .filter(|key| !key.contains(['.', '[']))
                    && map
                        .get(key)
                        .is_some_and(|child| is_detail(map, key, child, node.items()))
                {
                    map.shift_remove(key);
                }
                walk_mut(item, node.items(), &item_path, target);
            }
        }
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                let path = child_path(path, key);
                if target.starts_with(path.as_str()) {
                    walk_mut(child, node.property(key), &path, target);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tooling::answer_shape::AnswerShape;
    use serde_json::json;

    fn bulk_shape() -> AnswerShape {
        let schema = json!({"type": "object", "properties": {"results": {"type": "array", "items": {
            "type": "object", "required": ["issue", "outcome"],
            "properties": {"issue": {}, "outcome": {}, "changes": {}, "reason": {}, "when": {}}}}}});
        AnswerShape::read(std::sync::Arc::new(schema.as_object().unwrap().clone())).0
    }

    fn bulk() -> Value {
        json!({"results": [
            {"issue": "WEB-1", "outcome": "updated", "when": "today",
             "changes": [{"field": "status", "from": "Open", "to": "Closed"}]},
            {"issue": "WEB-2", "outcome": "failed", "reason": "No issue."},
        ]})
    }

    #[test]
    fn details_are_the_optional_nested_parts_and_free_texts_of_items() {
        let shape = bulk_shape();
        let kinds: Vec<String> = detail_kinds(&bulk(), shape.root())
            .into_iter()
            .map(|k| k.path)
            .collect();
        assert_eq!(kinds, ["results[].changes", "results[].reason"]);
    }

    #[test]
    fn a_detail_is_left_out_of_every_item_and_identity_stays() {
        let shape = bulk_shape();
        let mut answer = bulk();
        drop_details(&mut answer, shape.root(), "results[].changes");
        assert_eq!(
            answer,
            json!({"results": [
                {"issue": "WEB-1", "outcome": "updated", "when": "today"},
                {"issue": "WEB-2", "outcome": "failed", "reason": "No issue."},
            ]})
        );
    }

    #[test]
    fn the_size_of_a_kind_is_what_leaving_it_out_saves() {
        let shape = bulk_shape();
        let mut answer = bulk();
        let before = fifths(&answer.to_string());
        let changes = detail_kinds(&answer, shape.root())[0].clone();
        drop_details(&mut answer, shape.root(), &changes.path);
        assert_eq!(before - fifths(&answer.to_string()), changes.fifths);
    }

    #[test]
    fn without_a_schema_nothing_is_a_detail() {
        assert!(detail_kinds(&bulk(), AnswerShape::default().root()).is_empty());
    }

    #[test]
    fn nested_lists_have_their_own_paths() {
        let schema = json!({"properties": {"customFields": {"items": {"required": ["id"],
            "properties": {"items": {"items": {"required": ["id"]}}}}}}});
        let shape = AnswerShape::read(std::sync::Arc::new(schema.as_object().unwrap().clone())).0;
        let answer = json!({"customFields": [
            {"id": 1, "items": [{"id": 1, "name": "a", "extra": {"x": 1}}]},
        ]});
        let kinds: Vec<String> = detail_kinds(&answer, shape.root())
            .into_iter()
            .map(|k| k.path)
            .collect();
        assert_eq!(
            kinds,
            ["customFields[].items", "customFields[].items[].extra"]
        );
    }
}
