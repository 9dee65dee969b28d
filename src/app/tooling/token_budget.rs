//! Keeping answers under a token budget. The estimate is conservative: dense
//! JSON averages fewer than three characters per token, so ASCII counts one
//! token per 2.5 bytes, and every other character (kana, kanji, hangul…) counts
//! as one token. A list answer over the budget is cut at item boundaries, stays
//! valid JSON, and says how many items were left out and where to continue;
//! what is still over the budget then has its longest texts cut (`long_texts`).

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

/// Conservative token count of a text.
pub fn estimate_tokens(text: &str) -> u64 {
    text.chars().map(char_fifths).sum::<u64>().div_ceil(5)
}

/// What one character costs in fifths of a token: 2 for ASCII (2.5 per
/// token), 5 for any other (one token each).
pub(super) fn char_fifths(c: char) -> u64 {
    if c.is_ascii() { 2 } else { 5 }
}

/// How a list tool continues after a cut answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// By `offset`: the answer carries the offset it started from.
    Offset,
    /// By item id (`minId`/`maxId`).
    Id,
    /// The list is complete in one answer; narrowing is the way to see the rest.
    Whole,
}

/// Which array of a tool's answer may be cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListSpec {
    /// The name of the array in the answer, e.g. `issues`.
    pub items: &'static str,
    pub paging: Paging,
}

/// Attached to an answer that was cut to fit the budget.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Truncation {
    /// Items included.
    pub returned: usize,
    /// Items left out to stay under the token budget.
    pub omitted: usize,
    /// Pass as `offset` to continue (offset-paged lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_offset: Option<u64>,
    /// The id of the last item included (id-paged lists continue after it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_id: Option<i64>,
    pub message: String,
}

/// Cuts `answer[list.items]` so the whole answer fits in `max_tokens`, and adds
/// `truncated`. Returns false when nothing needed cutting.
pub fn fit(answer: &mut Value, list: ListSpec, max_tokens: u64) -> bool {
    if estimate_tokens(&answer.to_string()) <= max_tokens {
        return false;
    }
    let Some(Value::Array(items)) = answer.get_mut(list.items).map(std::mem::take) else {
        return false;
    };
    let total = items.len();
    // The answer without its items, plus room for the truncation note.
    let envelope = estimate_tokens(&answer.to_string()) + 120;
    let mut used = envelope;
    let mut kept = Vec::new();
    for item in items {
        let cost = estimate_tokens(&item.to_string()) + 1;
        // The first item is kept even when it alone is over the budget (its
        // long texts are cut next): an empty page would point back to itself.
        if used + cost > max_tokens && !kept.is_empty() {
            break;
        }
        used += cost;
        kept.push(item);
    }
    let returned = kept.len();
    let omitted = total - returned;
    let next_offset = match list.paging {
        Paging::Offset => Some(
            answer.get("offset").and_then(Value::as_u64).unwrap_or(0)
                + u64::try_from(returned).unwrap_or(0),
        ),
        _ => None,
    };
    let last_id = match list.paging {
        Paging::Id => kept
            .last()
            .and_then(|i| i.get("id"))
            .and_then(Value::as_i64),
        _ => None,
    };
    let how = match (next_offset, last_id) {
        (Some(offset), _) => format!("call again with offset {offset} for the rest"),
        (_, Some(id)) => format!(
            "call again continuing after id {id} (minId {id} in ascending order, maxId {id} in descending order)"
        ),
        _ => "narrow the request (filters or `fields`) to see the rest".to_owned(),
    };
    let note = Truncation {
        returned,
        omitted,
        next_offset,
        last_id,
        message: format!(
            "{omitted} of {total} {} left out to stay under the answer budget of {max_tokens} tokens (BACKLOG_MAX_TOKENS); {how}",
            list.items
        ),
    };
    if let Value::Object(map) = answer {
        map.insert(list.items.to_owned(), Value::Array(kept));
        if let Ok(note) = serde_json::to_value(note) {
            map.insert("truncated".to_owned(), note);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cjk_characters_count_one_token_each() {
        assert_eq!(estimate_tokens("ログイン"), 4);
        assert_eq!(estimate_tokens("abcde"), 2);
        assert_eq!(estimate_tokens("ab ログ"), 4);
    }

    fn answer(n: usize) -> Value {
        let issues: Vec<Value> = (0..n)
            .map(|i| json!({"id": i + 1, "issueKey": format!("WEB-{}", i + 1), "summary": "検索結果のページングで同じ商品が重複する"}))
            .collect();
        json!({"offset": 200, "count": n, "issues": issues})
    }

    #[test]
    fn a_small_answer_is_left_alone() {
        let mut small = answer(3);
        let before = small.clone();
        assert!(!fit(
            &mut small,
            ListSpec {
                items: "issues",
                paging: Paging::Offset
            },
            20_000
        ));
        assert_eq!(small, before);
    }

    #[test]
    fn a_long_list_is_cut_at_an_item_boundary_with_the_next_offset() {
        let mut long = answer(500);
        assert!(fit(
            &mut long,
            ListSpec {
                items: "issues",
                paging: Paging::Offset
            },
            2_000
        ));
        assert!(estimate_tokens(&long.to_string()) <= 2_000);
        let kept = long["issues"].as_array().unwrap().len();
        assert!(kept > 10 && kept < 500, "{kept}");
        let note = &long["truncated"];
        assert_eq!(note["returned"], kept);
        assert_eq!(note["omitted"], 500 - kept);
        assert_eq!(note["nextOffset"], 200 + kept);
        assert!(note["message"].as_str().unwrap().contains("offset"));
        // Still the same shape: every kept item is whole.
        assert!(
            long["issues"]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["summary"].is_string())
        );
    }

    #[test]
    fn a_first_item_over_the_budget_is_kept_so_the_next_offset_moves_on() {
        let mut huge = json!({"offset": 0, "issues": [
            {"issueKey": "WEB-1", "description": "x".repeat(10_000)},
            {"issueKey": "WEB-2", "description": "short"},
        ]});
        let list = ListSpec {
            items: "issues",
            paging: Paging::Offset,
        };
        assert!(fit(&mut huge, list, 1_000));
        assert_eq!(huge["issues"].as_array().unwrap().len(), 1);
        assert_eq!(huge["truncated"]["nextOffset"], 1);
    }

    #[test]
    fn id_paged_lists_say_the_last_id() {
        let mut long = answer(500);
        assert!(fit(
            &mut long,
            ListSpec {
                items: "issues",
                paging: Paging::Id
            },
            1_000
        ));
        let kept = long["issues"].as_array().unwrap().len();
        assert_eq!(long["truncated"]["lastId"], kept);
        assert!(long["truncated"].get("nextOffset").is_none());
    }
}
