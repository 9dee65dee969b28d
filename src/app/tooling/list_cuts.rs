//! Cutting lists at item boundaries, from their end: first the tool's own list
//! (it pages, so nothing is lost: the answer says where to continue), keeping
//! at least one item so the next page moves on; later, when compacting their
//! items was not enough, the answer's other lists, largest first.

use super::long_texts::shortest_fifths;
use super::token_budget::fifths;
use serde_json::Value;

/// The fifths of a comma between two items.
const COMMA: u64 = 2;

/// A list that lost items from its end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListCut {
    /// Where the list is, e.g. `issues` or `project.members`.
    pub path: String,
    pub total: usize,
    pub returned: usize,
    /// The `id` of the last item kept, if it has one.
    pub last_id: Option<i64>,
}

impl ListCut {
    pub fn omitted(&self) -> usize {
        self.total - self.returned
    }
}

/// Cuts `answer[items]` so the answer takes at most `target` fifths, keeping
/// at least one item. `None` when there is no such list or nothing was cut.
pub fn cut_main_list(answer: &mut Value, items: &str, target: u64) -> Option<ListCut> {
    let slot = answer.get_mut(items)?;
    if !slot.is_array() {
        return None;
    }
    let Value::Array(list) = std::mem::replace(slot, Value::Array(Vec::new())) else {
        return None;
    };
    let total = list.len();
    let mut used = fifths(&answer.to_string());
    let mut kept = Vec::new();
    for item in list {
        let cost = fifths(&item.to_string()) + if kept.is_empty() { 0 } else { COMMA };
        if used + cost > target && !kept.is_empty() {
            break;
        }
        used += cost;
        kept.push(item);
    }
    let cut = ListCut {
        path: items.to_owned(),
        total,
        returned: kept.len(),
        last_id: last_id(&kept),
    };
    if let Value::Object(map) = answer {
        map.insert(items.to_owned(), Value::Array(kept));
    }
    (cut.returned < total).then_some(cut)
}

/// A list of the answer: reached from the root through objects only (not
/// inside another list's items).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerList {
    pub path: String,
    /// Fifths it takes with its free texts at their shortest.
    pub fifths: u64,
    pub len: usize,
}

/// The answer's lists, largest first.
pub fn answer_lists(answer: &Value) -> Vec<AnswerList> {
    let mut found = Vec::new();
    collect_lists(answer, "", &mut found);
    let mut lists: Vec<AnswerList> = found
        .into_iter()
        .map(|(path, items)| AnswerList {
            fifths: items.iter().map(shortest_fifths).sum::<u64>()
                + COMMA * u64::try_from(items.len().saturating_sub(1)).unwrap_or(0)
                + fifths("[]"),
            len: items.len(),
            path,
        })
        .collect();
    lists.sort_by(|a, b| b.fifths.cmp(&a.fifths).then_with(|| a.path.cmp(&b.path)));
    lists
}

/// Removes items from the end of the list at `path` until `over` fifths (with
/// free texts at their shortest) are saved or the list is empty. Returns the
/// cut, counting from `total`, the list's length before any cut.
pub fn cut_tail(answer: &mut Value, path: &str, over: u64, total: usize) -> Option<ListCut> {
    let Value::Array(list) = find_mut(answer, path)? else {
        return None;
    };
    let mut saved = 0;
    while saved < over
        && let Some(item) = list.pop()
    {
        saved += shortest_fifths(&item) + if list.is_empty() { 0 } else { COMMA };
    }
    Some(ListCut {
        path: path.to_owned(),
        total,
        returned: list.len(),
        last_id: last_id(list),
    })
}

fn last_id(items: &[Value]) -> Option<i64> {
    items
        .last()
        .and_then(|i| i.get("id"))
        .and_then(Value::as_i64)
}

/// Every array reached from the root through objects only, with its path.
fn collect_lists<'a>(value: &'a Value, path: &str, lists: &mut Vec<(String, &'a [Value])>) {
    if let Value::Object(map) = value {
        for (key, child) in map {
            let path = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            match child {
                Value::Array(items) => lists.push((path, items)),
                Value::Object(_) => collect_lists(child, &path, lists),
                _ => {}
            }
        }
    }
}

fn find_mut<'a>(value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    path.split('.')
        .try_fold(value, |value, key| value.get_mut(key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn page(n: usize) -> Value {
        let issues: Vec<Value> = (0..n)
            .map(|i| json!({"id": i + 1, "issueKey": format!("WEB-{}", i + 1), "summary": "検索結果のページングで同じ商品が重複する"}))
            .collect();
        json!({"offset": 200, "count": n, "issues": issues})
    }

    fn cost(value: &Value) -> u64 {
        fifths(&value.to_string())
    }

    #[test]
    fn the_list_is_cut_at_an_item_boundary_to_the_target() {
        let mut answer = page(500);
        let cut = cut_main_list(&mut answer, "issues", 2_000 * 5).unwrap();
        assert!(cost(&answer) <= 2_000 * 5);
        let kept = answer["issues"].as_array().unwrap().len();
        assert_eq!(cut.returned, kept);
        assert_eq!(cut.total, 500);
        assert_eq!(cut.last_id, Some(i64::try_from(kept).unwrap()));
        // One more item would not have fit.
        let mut one_more = page(kept + 1);
        one_more["count"] = json!(500);
        assert!(cost(&one_more) > 2_000 * 5);
    }

    #[test]
    fn a_list_within_the_target_is_not_cut() {
        let mut answer = page(3);
        let before = answer.clone();
        assert_eq!(cut_main_list(&mut answer, "issues", 20_000 * 5), None);
        assert_eq!(answer, before);
        assert_eq!(cut_main_list(&mut answer, "count", 1), None);
        assert_eq!(answer, before, "what is not a list is left alone");
    }

    #[test]
    fn the_first_item_is_kept_even_when_it_alone_is_over() {
        let mut answer = json!({"offset": 0, "issues": [
            {"issueKey": "WEB-1", "description": "x".repeat(10_000)},
            {"issueKey": "WEB-2", "description": "short"},
        ]});
        let cut = cut_main_list(&mut answer, "issues", 1_000 * 5).unwrap();
        assert_eq!(cut.returned, 1);
        assert_eq!(answer["issues"][0]["issueKey"], "WEB-1");
    }

    #[test]
    fn lists_are_every_list_outside_items_largest_first() {
        let answer = json!({
            "project": {"projectKey": "WEB", "statuses": [{"id": 1, "name": "Open"}]},
            "members": (0..30).map(|i| json!({"id": i, "name": format!("User {i}")})).collect::<Vec<_>>(),
            "issues": (0..3).map(|i| json!({"id": i, "tags": ["a"]})).collect::<Vec<_>>(),
            "versions": [{"id": 1, "description": "d".repeat(10_000)}],
        });
        let lists = answer_lists(&answer);
        let paths: Vec<&str> = lists.iter().map(|l| l.path.as_str()).collect();
        assert_eq!(paths, ["members", "versions", "issues", "project.statuses"]);
        assert_eq!(lists[0].len, 30);
        assert_eq!(
            lists[0].fifths,
            fifths(&answer["members"].to_string()),
            "exactly what the list takes"
        );
        assert!(lists[1].fifths < 200, "texts count at their shortest");
    }

    #[test]
    fn a_tail_is_cut_by_what_is_needed() {
        let members: Vec<Value> = (0..300)
            .map(|i| json!({"id": i, "name": format!("User {i}")}))
            .collect();
        let mut answer = json!({"project": {"members": members}});
        let before = cost(&answer);
        let cut = cut_tail(&mut answer, "project.members", 1_000, 300).unwrap();
        let saved = before - cost(&answer);
        assert!((1_000..1_100).contains(&saved), "{saved}");
        assert_eq!(cut.total, 300);
        assert_eq!(
            cut.returned,
            answer["project"]["members"].as_array().unwrap().len()
        );
        assert_eq!(cut.last_id, i64::try_from(cut.returned).ok().map(|n| n - 1));
        let all = cut_tail(&mut answer, "project.members", u64::MAX, 300).unwrap();
        assert_eq!((all.returned, all.last_id, all.omitted()), (0, None, 300));
        assert_eq!(cut_tail(&mut answer, "project", 1, 1), None, "not a list");
    }
}
