//! Free text, the only values the token budget ever shortens: what people
//! wrote (descriptions, comments, notes, custom field values), failure reasons,
//! and the old and new values of a change to one of those fields. Everything
//! else (keys, ids, names, statuses, dates, outcomes, old → new values of
//! other fields) is identity and stays whole. Texts are shortened to the same
//! length, the largest that fits, so short ones stay whole and long ones share
//! the room; each shortened text ends with a marker saying how much was cut.

use super::token_budget::{char_fifths, fifths};
use serde_json::{Map, Value};

/// Properties whose string values are free text, wherever they appear.
const FREE_TEXT: [&str; 6] = [
    "description",
    "content",
    "comment",
    "note",
    "reason",
    "value",
];

/// What the end of a shortened text says (after the number of characters cut).
pub const MARKER_TAIL: &str = " more characters cut to fit the answer budget]";

/// Whether `object[key]` holds free text: a free-text property, or the `from`
/// or `to` of a change whose `field` is one.
pub fn is_free_text(object: &Map<String, Value>, key: &str) -> bool {
    if FREE_TEXT.contains(&key) {
        return true;
    }
    (key == "from" || key == "to")
        && object
            .get("field")
            .and_then(Value::as_str)
            .is_some_and(|field| FREE_TEXT.contains(&field))
}

/// Shortens the free texts of `answer` so that it takes at most `target`
/// fifths of a token. Returns where each cut text is (`versions[].description`),
/// or `None` (leaving the answer as it was) when even texts cut to their
/// marker would not fit.
pub fn shorten_free_texts(answer: &mut Value, target: u64) -> Option<Vec<String>> {
    let total = fifths(&answer.to_string());
    if total <= target {
        return Some(Vec::new());
    }
    let mut texts = Vec::new();
    visit_free_texts(answer, "", &mut |_, text| texts.push(TextCost::of(text)));
    let strings: u64 = texts.iter().map(|t| t.size).sum();
    let room = target.checked_sub(total.saturating_sub(strings))?;
    let cost = |cap: u64| texts.iter().map(|t| t.cost(cap)).sum::<u64>();
    if cost(0) > room {
        return None;
    }
    let (mut low, mut high) = (0, texts.iter().map(|t| t.size).max().unwrap_or(0));
    while low < high {
        let middle = low + (high - low).div_ceil(2);
        if cost(middle) <= room {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    let mut cut = Vec::new();
    visit_free_texts_mut(answer, "", &mut |path, text| {
        if TextCost::of(text).cuts_at(low) {
            *text = cut_to(text, low);
            cut.push(path.to_owned());
        }
    });
    Some(cut)
}

/// The fifths `answer` takes with every free text as short as it gets.
pub fn shortest_fifths(answer: &Value) -> u64 {
    let total = fifths(&answer.to_string());
    let mut saved = 0;
    visit_free_texts(answer, "", &mut |_, text| {
        let cost = TextCost::of(text);
        saved += cost.size - cost.cost(0);
    });
    total - saved
}

/// What a text takes as a JSON string, and what it would take cut.
struct TextCost {
    /// Fifths as a JSON string: quotes, escapes and all.
    size: u64,
    /// Fifths of its marker, at most.
    marker: u64,
}

/// The two quotes of a JSON string.
const QUOTES: u64 = 4;

impl TextCost {
    fn of(text: &str) -> Self {
        Self {
            size: QUOTES + text.chars().map(escaped_fifths).sum::<u64>(),
            marker: fifths(&marker(text.chars().count())),
        }
    }

    /// The fifths it takes when texts are cut to `cap` fifths (before the
    /// marker); texts that cutting would not make shorter stay whole.
    fn cost(&self, cap: u64) -> u64 {
        self.size.min(QUOTES + cap + self.marker)
    }

    fn cuts_at(&self, cap: u64) -> bool {
        self.size > QUOTES + cap + self.marker
    }
}

/// What one character costs in a JSON string, in fifths of a token: escapes
/// write two ASCII characters (`\n`) or six (`\u0001`).
fn escaped_fifths(c: char) -> u64 {
    match c {
        '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2 * char_fifths(c),
        c if c < ' ' => 6 * char_fifths(c),
        c => char_fifths(c),
    }
}

fn marker(cut_characters: usize) -> String {
    format!("…[{cut_characters}{MARKER_TAIL}")
}

/// The text's first `cap` fifths' worth of characters and a marker.
fn cut_to(text: &str, cap: u64) -> String {
    let mut spent = 0;
    let mut kept = 0;
    for c in text.chars() {
        let cost = escaped_fifths(c);
        if spent + cost > cap {
            break;
        }
        spent += cost;
        kept += c.len_utf8();
    }
    let (head, rest) = text.split_at(kept);
    format!("{head}{}", marker(rest.chars().count()))
}

/// `path.key`, as paths are written in notes (`results[].changes`).
pub fn child_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn visit_free_texts(value: &Value, path: &str, visit: &mut impl FnMut(&str, &str)) {
    match value {
        Value::Array(items) => {
            let path = format!("{path}[]");
            items
                .iter()
                .for_each(|item| visit_free_texts(item, &path, visit));
        }
        Value::Object(map) => {
            for (key, child) in map {
                let path = child_path(path, key);
                match child {
                    Value::String(text) if is_free_text(map, key) => visit(&path, text),
                    _ => visit_free_texts(child, &path, visit),
                }
            }
        }
        _ => {}
    }
}

fn visit_free_texts_mut(value: &mut Value, path: &str, visit: &mut impl FnMut(&str, &mut String)) {
    match value {
        Value::Array(items) => {
            let path = format!("{path}[]");
            items
                .iter_mut()
                .for_each(|item| visit_free_texts_mut(item, &path, visit));
        }
        Value::Object(map) => {
            let free: Vec<String> = map
                .iter()
                .filter(|(key, child)| child.is_string() && is_free_text(map, key))
                .map(|(key, _)| key.clone())
                .collect();
            for (key, child) in map.iter_mut() {
                let path = child_path(path, key);
                match child {
                    Value::String(text) if free.contains(key) => visit(&path, text),
                    _ => visit_free_texts_mut(child, &path, visit),
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cost(value: &Value) -> u64 {
        fifths(&value.to_string())
    }

    #[test]
    fn an_answer_within_the_budget_is_left_alone() {
        let mut answer = json!({"issueKey": "WEB-1", "description": "short"});
        let before = answer.clone();
        assert_eq!(shorten_free_texts(&mut answer, 1_000 * 5), Some(vec![]));
        assert_eq!(answer, before);
    }

    #[test]
    fn one_huge_text_is_cut_and_the_other_fields_stay_whole() {
        let mut answer = json!({
            "issueKey": "WEB-5",
            "summary": "ログインできない",
            "description": "長い説明。".repeat(12_000),
            "url": "https://example.backlog.com/view/WEB-5",
        });
        assert_eq!(
            shorten_free_texts(&mut answer, 2_000 * 5),
            Some(vec!["description".to_owned()])
        );
        assert!(cost(&answer) <= 2_000 * 5, "{}", cost(&answer));
        assert!(cost(&answer) > 1_990 * 5, "it uses the room it has");
        assert_eq!(answer["issueKey"], "WEB-5");
        assert_eq!(answer["summary"], "ログインできない");
        assert_eq!(answer["url"], "https://example.backlog.com/view/WEB-5");
        let description = answer["description"].as_str().unwrap();
        assert!(description.starts_with("長い説明。長い説明。"));
        assert!(description.ends_with(MARKER_TAIL), "{description}");
    }

    #[test]
    fn only_free_text_is_cut_however_long_the_rest_is() {
        let long_name = "名".repeat(1_000);
        let mut answer = json!({
            "name": long_name, "summary": long_name, "status": long_name,
            "comment": "c".repeat(10_000),
            "changes": [
                {"field": "status", "from": long_name, "to": "Closed"},
                {"field": "description", "from": "d".repeat(9_000), "to": "fixed"},
            ],
        });
        let before = answer.clone();
        assert_eq!(
            shorten_free_texts(&mut answer, 5_000 * 5),
            Some(vec!["comment".to_owned(), "changes[].from".to_owned()])
        );
        assert!(cost(&answer) <= 5_000 * 5);
        for key in ["name", "summary", "status"] {
            assert_eq!(answer[key], before[key], "{key}");
        }
        assert_eq!(answer["changes"][0], before["changes"][0]);
        assert_eq!(answer["changes"][1]["to"], "fixed");
        assert!(answer["comment"].as_str().unwrap().ends_with(MARKER_TAIL));
        assert!(
            answer["changes"][1]["from"]
                .as_str()
                .unwrap()
                .ends_with(MARKER_TAIL)
        );
    }

    #[test]
    fn several_long_texts_share_the_room() {
        let mut answer = json!({
            "description": "a".repeat(50_000),
            "changes": [{"field": "description", "from": "b".repeat(30_000), "to": "a".repeat(50_000)}],
            "comment": "c".repeat(100),
        });
        assert_eq!(
            shorten_free_texts(&mut answer, 3_000 * 5).map(|c| c.len()),
            Some(3)
        );
        assert!(cost(&answer) <= 3_000 * 5, "{}", cost(&answer));
        assert_eq!(answer["comment"], "c".repeat(100));
        let kept = |text: &Value| text.as_str().unwrap().split('…').next().unwrap().len();
        assert_eq!(
            kept(&answer["description"]),
            kept(&answer["changes"][0]["from"])
        );
    }

    #[test]
    fn escapes_count_as_the_text_they_belong_to() {
        let log = "エラー: 接続がタイムアウトしました (db-01:5432)\n\u{1}".repeat(2_000);
        let mut answer = json!({
            "issue": {"issueKey": "WEB-5", "description": log},
            "changes": [{"field": "description", "from": "fixed", "to": log}],
        });
        assert_eq!(
            shorten_free_texts(&mut answer, 1_500 * 5),
            Some(vec![
                "issue.description".to_owned(),
                "changes[].to".to_owned()
            ])
        );
        assert!(cost(&answer) <= 1_500 * 5, "{}", cost(&answer));
        assert_eq!(answer["changes"][0]["from"], "fixed");
    }

    #[test]
    fn the_cost_of_a_text_is_what_it_takes_in_json() {
        for text in ["plain", "quote \" and \\ and \n\t", "ログ\u{1}\u{7f}", ""] {
            assert_eq!(
                TextCost::of(text).size,
                fifths(&Value::String(text.to_owned()).to_string()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn short_texts_are_never_made_longer_by_a_marker() {
        let mut answer = json!({
            "items": (0..200).map(|i| json!({"id": i, "note": "ok"})).collect::<Vec<_>>(),
            "description": "x".repeat(5_000),
        });
        let target = cost(&answer) - 1_000 * 5;
        assert_eq!(
            shorten_free_texts(&mut answer, target),
            Some(vec!["description".to_owned()])
        );
        assert!(
            answer["items"]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["note"] == "ok")
        );
    }

    #[test]
    fn when_even_markers_do_not_fit_nothing_is_cut() {
        let mut answer = json!({"ids": (0..5_000).collect::<Vec<_>>(), "note": "x".repeat(1_000)});
        let before = answer.clone();
        assert_eq!(shorten_free_texts(&mut answer, 100 * 5), None);
        assert_eq!(answer, before);
        let shortest = shortest_fifths(&answer);
        assert!(shortest < cost(&answer) && shortest > 100 * 5);
    }
}
