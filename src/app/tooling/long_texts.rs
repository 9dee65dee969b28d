//! The second half of the token budget: when an answer is still over it after
//! lists were cut at item boundaries (one issue whose description is a pasted
//! log, an update whose diff shows that description twice), its longest texts
//! are cut. Every text is capped at the same length, the largest cap that fits,
//! so short fields (keys, names, dates) stay whole and the long ones share the
//! room; each cut text ends with a marker saying how much was left out.

use super::token_budget::{char_fifths, estimate_tokens};
use serde_json::Value;

/// Tokens kept aside for the marker appended to each cut text.
const MARKER_TOKENS: u64 = 48;

/// Cuts the longest strings of `answer` until it fits in `max_tokens`.
/// Returns how many strings were cut (0 when the answer already fit).
pub fn cut_long_texts(answer: &mut Value, max_tokens: u64) -> usize {
    let total = estimate_tokens(&answer.to_string());
    if total <= max_tokens {
        return 0;
    }
    let mut sizes = Vec::new();
    visit_strings(answer, &mut |text| sizes.push(json_tokens(text)));
    let strings: u64 = sizes.iter().sum();
    let structure = total.saturating_sub(strings);
    let Some(room) = max_tokens.checked_sub(structure) else {
        return 0;
    };
    let cap = largest_cap(&sizes, room);
    let mut cut = 0;
    visit_strings_mut(answer, &mut |text| {
        if json_tokens(text) > cap {
            *text = cut_to(text, cap);
            cut += 1;
        }
    });
    cut
}

/// The largest cap such that the capped sizes, plus a marker for every text
/// over the cap, fit in `room`.
fn largest_cap(sizes: &[u64], room: u64) -> u64 {
    let cost = |cap: u64| -> u64 {
        sizes
            .iter()
            .map(|&size| {
                if size > cap {
                    cap + MARKER_TOKENS
                } else {
                    size
                }
            })
            .sum()
    };
    let (mut low, mut high) = (0, sizes.iter().copied().max().unwrap_or(0));
    while low < high {
        let middle = low + (high - low).div_ceil(2);
        if cost(middle) <= room {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    low
}

/// The tokens a text takes in the answer: as a JSON string, with its quotes
/// and escapes (a log's newlines double in size).
fn json_tokens(text: &str) -> u64 {
    text.chars().map(fifths).sum::<u64>().div_ceil(5) + 1
}

/// What one character costs as JSON, in fifths of a token: escapes write
/// two ASCII characters (`\n`) or six (`\u0001`).
fn fifths(c: char) -> u64 {
    match c {
        '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2 * char_fifths(c),
        c if c.is_ascii_control() => 6 * char_fifths(c),
        c => char_fifths(c),
    }
}

/// The text's first `cap` tokens' worth of characters and a marker.
fn cut_to(text: &str, cap: u64) -> String {
    let budget = cap * 5;
    let mut spent = 0;
    let mut kept = 0;
    for c in text.chars() {
        let cost = fifths(c);
        if spent + cost > budget {
            break;
        }
        spent += cost;
        kept += c.len_utf8();
    }
    let (head, rest) = text.split_at(kept);
    format!(
        "{head}…[{} more characters cut to fit the answer budget (BACKLOG_MAX_TOKENS); the full text is in Backlog]",
        rest.chars().count()
    )
}

fn visit_strings(value: &Value, visit: &mut impl FnMut(&str)) {
    match value {
        Value::String(text) => visit(text),
        Value::Array(items) => items.iter().for_each(|item| visit_strings(item, visit)),
        Value::Object(map) => map.values().for_each(|item| visit_strings(item, visit)),
        _ => {}
    }
}

fn visit_strings_mut(value: &mut Value, visit: &mut impl FnMut(&mut String)) {
    match value {
        Value::String(text) => visit(text),
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| visit_strings_mut(item, visit)),
        Value::Object(map) => map
            .values_mut()
            .for_each(|item| visit_strings_mut(item, visit)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tokens(value: &Value) -> u64 {
        estimate_tokens(&value.to_string())
    }

    #[test]
    fn an_answer_within_the_budget_is_left_alone() {
        let mut answer = json!({"issueKey": "WEB-1", "description": "short"});
        let before = answer.clone();
        assert_eq!(cut_long_texts(&mut answer, 1_000), 0);
        assert_eq!(answer, before);
    }

    #[test]
    fn one_huge_text_is_cut_and_the_short_fields_stay_whole() {
        let mut answer = json!({
            "issueKey": "WEB-5",
            "summary": "ログインできない",
            "description": "長い説明。".repeat(12_000),
            "url": "https://example.backlog.com/view/WEB-5",
        });
        assert_eq!(cut_long_texts(&mut answer, 2_000), 1);
        assert!(tokens(&answer) <= 2_000, "{}", tokens(&answer));
        assert_eq!(answer["issueKey"], "WEB-5");
        assert_eq!(answer["summary"], "ログインできない");
        assert_eq!(answer["url"], "https://example.backlog.com/view/WEB-5");
        let description = answer["description"].as_str().unwrap();
        assert!(description.starts_with("長い説明。長い説明。"));
        assert!(description.len() > 3_000, "it uses the room it has");
        assert!(
            description.ends_with("more characters cut to fit the answer budget (BACKLOG_MAX_TOKENS); the full text is in Backlog]"),
            "{description}"
        );
    }

    #[test]
    fn several_long_texts_share_the_room() {
        let mut answer = json!({
            "description": "a".repeat(50_000),
            "changes": [{"field": "description", "old": "b".repeat(30_000), "new": "a".repeat(50_000)}],
            "comment": "c".repeat(100),
        });
        assert_eq!(cut_long_texts(&mut answer, 3_000), 3);
        assert!(tokens(&answer) <= 3_000, "{}", tokens(&answer));
        assert_eq!(answer["comment"], "c".repeat(100));
        let kept = |text: &Value| text.as_str().unwrap().split('…').next().unwrap().len();
        assert_eq!(
            kept(&answer["description"]),
            kept(&answer["changes"][0]["old"])
        );
    }

    #[test]
    fn escapes_count_as_the_text_they_belong_to() {
        let log = "エラー: 接続がタイムアウトしました (db-01:5432)\n".repeat(2_000);
        let mut answer = json!({
            "issue": {"issueKey": "WEB-5", "description": log},
            "changes": [{"field": "description", "from": "fixed", "to": log}],
        });
        assert_eq!(cut_long_texts(&mut answer, 1_500), 2);
        assert!(tokens(&answer) <= 1_500, "{}", tokens(&answer));
        assert_eq!(answer["changes"][0]["from"], "fixed");
    }

    #[test]
    fn structure_alone_over_the_budget_is_left_for_the_caller() {
        let mut answer = json!({"ids": (0..5_000).collect::<Vec<_>>(), "note": "x".repeat(10)});
        assert_eq!(cut_long_texts(&mut answer, 100), 0);
    }
}
