//! Fitting an answer into the token budget. The same rule holds for every
//! tool, in this order, each step only when the previous ones were not enough:
//!
//! 1. the tool's list (`ToolInfo::list`) loses items from its end, keeping at
//!    least one; the answer says where to continue;
//! 2. free texts are shortened, all to the same length, each ending with a
//!    marker (`long_texts`): never keys, ids, names, statuses or outcomes;
//! 3. the largest list shrinks: first its items are compacted, the details
//!    their schema does not require left out of every item one kind at a
//!    time, largest first (`item_details`), so a bulk result keeps its issue
//!    and outcome; when no detail is left, items are cut from its end
//!    (`list_cuts`; never the tool's own list, cut in step 1). Then the next
//!    largest, until the answer fits with its texts at their shortest; the
//!    texts then share the room left (step 2 again).
//!
//! Whatever was cut is said in `truncated`, with how to get it. An answer
//! that still does not fit (one item whose identity alone is over the budget)
//! becomes an error saying so: no answer is ever over the budget.

use super::answer_shape::{AnswerShape, Node};
use super::item_details::{detail_kinds, drop_details};
use super::list_cuts::{ListCut, answer_lists, cut_main_list, cut_tail};
use super::long_texts::{shorten_free_texts, shortest_fifths};
use super::token_budget::{ListSpec, Paging, Truncation, fifths};
use serde_json::Value;

/// The key of the note on what was cut.
const NOTE: &str = "truncated";

/// Tries at fitting the answer with room kept for the note; each try keeps
/// more room, by what the previous try was over.
const TRIES: usize = 4;

/// Fifths kept aside beyond the last note's size: a later note may say
/// slightly different numbers.
const NOTE_SLACK: u64 = 20;

/// How a tool's answers are kept under the budget.
#[derive(Debug, Clone)]
pub struct Budget {
    pub max_tokens: u64,
    /// The tool's own list, cut first.
    pub list: Option<ListSpec>,
    pub shape: AnswerShape,
    /// The tool changes Backlog: calling again to see more would change it again.
    pub writes: bool,
}

/// What was cut from one answer.
#[derive(Debug, Default)]
struct Cuts {
    main: Option<ListCut>,
    details: Vec<String>,
    lists: Vec<ListCut>,
    /// Where each shortened text is.
    texts: Vec<String>,
}

/// Cuts `answer` to the budget. `Ok(false)` when it already fit, `Ok(true)`
/// when it was cut (and carries `truncated`), `Err` with the message of an
/// error answer when it cannot fit.
pub fn fit_to_budget(answer: &mut Value, budget: &Budget) -> Result<bool, String> {
    let max = budget.max_tokens.saturating_mul(5);
    if fifths(&answer.to_string()) <= max {
        return Ok(false);
    }
    let mut reserve = 0;
    for _ in 0..TRIES {
        let mut attempt = answer.clone();
        let target = max.saturating_sub(reserve);
        let cuts =
            reduce(&mut attempt, budget, target).map_err(|smallest| too_large(budget, smallest))?;
        let note = serde_json::to_value(note(&attempt, &cuts, budget))
            .map_err(|e| format!("could not encode the answer: {e}"))?;
        let note_cost = fifths(&format!(",\"{NOTE}\":{note}"));
        if let Value::Object(map) = &mut attempt {
            map.insert(NOTE.to_owned(), note);
        }
        let total = fifths(&attempt.to_string());
        if total <= max {
            *answer = attempt;
            return Ok(true);
        }
        // At least the note's room: the answer without it may already fill
        // the budget to within less than an item.
        reserve = (reserve + total - max).max(note_cost) + NOTE_SLACK;
    }
    Err(too_large(budget, fifths(&answer.to_string())))
}

/// Applies the steps until the answer takes at most `target` fifths; `Err`
/// with the fifths it takes at its smallest when that is over.
fn reduce(answer: &mut Value, budget: &Budget, target: u64) -> Result<Cuts, u64> {
    let mut cuts = Cuts::default();
    let main = budget.list.map(|list| list.items);
    if let Some(items) = main {
        cuts.main = cut_main_list(answer, items, target);
    }
    if let Some(texts) = shorten_free_texts(answer, target) {
        cuts.texts = texts;
        return Ok(cuts);
    }
    while shrink_largest_list(answer, budget, target, &mut cuts) {}
    cuts.texts = shorten_free_texts(answer, target).ok_or_else(|| shortest_fifths(answer))?;
    Ok(cuts)
}

/// One move of step 3 on the largest list that can still shrink: a kind of
/// detail left out of its items or, when they have none left, items cut from
/// its end (never from the tool's own list: step 1 kept just what fits).
/// Smaller lists stay whole, details and all, as long as shrinking the larger
/// ones is enough. False when the answer fits with its texts at their
/// shortest, or nothing can shrink any more.
fn shrink_largest_list(answer: &mut Value, budget: &Budget, target: u64, cuts: &mut Cuts) -> bool {
    let Some(over) = shortest_fifths(answer)
        .checked_sub(target)
        .filter(|o| *o > 0)
    else {
        return false;
    };
    let shape = budget.shape.root();
    let main = budget.list.map(|list| list.items);
    let kinds = detail_kinds(answer, shape);
    let mut lists = answer_lists(answer);
    lists.retain(|list| list.len > 0);
    for list in lists {
        let of_list = format!("{}[]", list.path);
        if let Some(kind) = kinds.iter().find(|k| k.path.starts_with(&of_list)) {
            drop_details(answer, shape, &kind.path);
            cuts.details.push(kind.path.clone());
            return true;
        }
        if Some(list.path.as_str()) == main {
            continue;
        }
        let total = cuts
            .lists
            .iter()
            .find(|cut| cut.path == list.path)
            .map_or(list.len, |cut| cut.total);
        if let Some(cut) = cut_tail(answer, &list.path, over, total) {
            cuts.lists.retain(|earlier| earlier.path != cut.path);
            cuts.lists.push(cut);
            return true;
        }
    }
    false
}

/// The note on what was cut and how to get it.
fn note(answer: &Value, cuts: &Cuts, budget: &Budget) -> Truncation {
    let shape = budget.shape.root();
    let mut parts = Vec::new();
    let mut needs_advice = false;
    let mut truncation = Truncation {
        returned: None,
        omitted: None,
        next_offset: None,
        last_id: None,
        message: String::new(),
    };
    if let (Some(cut), Some(list)) = (&cuts.main, budget.list) {
        truncation.returned = Some(cut.returned);
        truncation.omitted = Some(cut.omitted());
        let how = match list.paging {
            Paging::Offset => {
                let offset = answer.get("offset").and_then(Value::as_u64).unwrap_or(0)
                    + u64::try_from(cut.returned).unwrap_or(0);
                truncation.next_offset = Some(offset);
                format!("call again with offset {offset} for the rest")
            }
            Paging::Id => match cut.last_id {
                Some(id) => {
                    truncation.last_id = Some(id);
                    format!(
                        "call again continuing after id {id} (minId {id} in ascending order, maxId {id} in descending order)"
                    )
                }
                None => "narrow the request to see the rest".to_owned(),
            },
            Paging::Whole => "narrow the request (filters or `fields`) to see the rest".to_owned(),
        };
        parts.push(format!(
            "{} of {} {} left out, {how}",
            cut.omitted(),
            cut.total,
            list.items
        ));
    }
    for cut in &cuts.lists {
        let hint = rest_hint(shape, &cut.path);
        needs_advice |= hint.is_none();
        parts.push(format!(
            "the last {} of {} {} left out{}",
            cut.omitted(),
            cut.total,
            cut.path,
            hint.map(|h| format!(" ({h})")).unwrap_or_default()
        ));
    }
    for path in &cuts.details {
        let hint = rest_hint(shape, path);
        needs_advice |= hint.is_none();
        parts.push(format!(
            "{path} left out of every item{}",
            hint.map(|h| format!(" ({h})")).unwrap_or_default()
        ));
    }
    if !cuts.texts.is_empty() {
        let mut places: Vec<&str> = cuts.texts.iter().map(String::as_str).collect();
        places.sort_unstable();
        places.dedup();
        let places: Vec<String> = places
            .into_iter()
            .map(|path| match rest_hint(shape, path) {
                Some(hint) => format!("{path} ({hint})"),
                None => {
                    needs_advice = true;
                    path.to_owned()
                }
            })
            .collect();
        let count = match cuts.texts.len() {
            1 => "1 long text shortened, ending".to_owned(),
            n => format!("{n} long texts shortened, each ending"),
        };
        parts.push(format!(
            "{count} with a marker saying how many characters were cut: {}",
            places.join(", ")
        ));
    }
    let advice = match (needs_advice, budget.writes) {
        (false, _) => "",
        (true, false) => {
            " To see more, ask for less where the tool allows it (fewer items, a narrower filter, fewer `fields`) or raise BACKLOG_MAX_TOKENS."
        }
        (true, true) => {
            " The call was carried out in full: do not repeat it to see more; the read tools (get_issue, get_issue_comments…) show it whole."
        }
    };
    truncation.message = format!(
        "Cut to fit the answer budget of {} tokens (BACKLOG_MAX_TOKENS): {}.{advice}",
        budget.max_tokens,
        parts.join("; ")
    );
    truncation
}

/// The hint on where to get what is at `path` (`results[].changes`,
/// `project.members`): the deepest one on the way there.
fn rest_hint<'a>(shape: Node<'a>, path: &str) -> Option<&'a str> {
    let mut node = shape;
    let mut hint = None;
    for segment in path.split('.') {
        let name = segment.trim_end_matches("[]");
        node = node.property(name);
        hint = node.rest_hint().or(hint);
        for _ in 0..(segment.len() - name.len()) / 2 {
            node = node.items();
            hint = node.rest_hint().or(hint);
        }
    }
    hint
}

/// The error answer for an answer that cannot fit, `smallest` fifths at its
/// smallest.
fn too_large(budget: &Budget, smallest: u64) -> String {
    let (max, tokens) = (budget.max_tokens, smallest.div_ceil(5));
    let why = format!(
        "does not fit the answer budget of {max} tokens (BACKLOG_MAX_TOKENS): even with long texts shortened, details left out and lists cut, what identifies its contents takes about {tokens} tokens"
    );
    if budget.writes {
        format!(
            "The call was carried out, but its answer {why}. Do not repeat it; read the result with the read tools (e.g. get_issue), or raise BACKLOG_MAX_TOKENS."
        )
    } else {
        format!(
            "The answer {why}. Ask for less (fewer items, a narrower filter, fewer `fields`) or raise BACKLOG_MAX_TOKENS."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tooling::long_texts::MARKER_TAIL;
    use crate::app::tooling::token_budget::estimate_tokens;
    use serde_json::json;

    fn tokens(value: &Value) -> u64 {
        estimate_tokens(&value.to_string())
    }

    fn budget(max_tokens: u64, list: Option<ListSpec>, schema: Value) -> Budget {
        Budget {
            max_tokens,
            list,
            shape: AnswerShape::read(std::sync::Arc::new(schema.as_object().unwrap().clone())).0,
            writes: false,
        }
    }

    const ISSUES: Option<ListSpec> = Some(ListSpec {
        items: "issues",
        paging: Paging::Offset,
    });

    fn page(n: usize) -> Value {
        let issues: Vec<Value> = (0..n)
            .map(|i| json!({"id": i + 1, "issueKey": format!("WEB-{}", i + 1), "summary": "検索結果のページングで同じ商品が重複する"}))
            .collect();
        json!({"offset": 200, "count": n, "issues": issues})
    }

    /// Every string that holds a marker, with the key it is under.
    fn marked(value: &Value, key: &str, found: &mut Vec<String>) {
        match value {
            Value::String(text) if text.contains(MARKER_TAIL) => found.push(key.to_owned()),
            Value::Array(items) => items.iter().for_each(|i| marked(i, key, found)),
            Value::Object(map) => map.iter().for_each(|(k, v)| marked(v, k, found)),
            _ => {}
        }
    }

    #[test]
    fn a_small_answer_is_left_alone() {
        let mut small = page(3);
        let before = small.clone();
        assert_eq!(
            fit_to_budget(&mut small, &budget(20_000, ISSUES, json!({}))),
            Ok(false)
        );
        assert_eq!(small, before);
    }

    #[test]
    fn a_long_list_is_cut_at_an_item_boundary_with_the_next_offset() {
        let mut long = page(500);
        assert_eq!(
            fit_to_budget(&mut long, &budget(2_000, ISSUES, json!({}))),
            Ok(true)
        );
        assert!(tokens(&long) <= 2_000);
        let kept = long["issues"].as_array().unwrap().len();
        assert!(kept > 10 && kept < 500, "{kept}");
        let note = &long["truncated"];
        assert_eq!(note["returned"], kept);
        assert_eq!(note["omitted"], 500 - kept);
        assert_eq!(note["nextOffset"], 200 + kept);
        let message = note["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("call again with offset {}", 200 + kept)),
            "{message}"
        );
        assert!(!message.contains("To see more"), "paging says it all");
        assert!(
            long["issues"]
                .as_array()
                .unwrap()
                .iter()
                .all(|i| i["summary"] == "検索結果のページングで同じ商品が重複する")
        );
    }

    #[test]
    fn a_first_item_over_the_budget_is_kept_with_its_text_shortened() {
        let mut huge = json!({"offset": 0, "issues": [
            {"issueKey": "WEB-1", "description": "x".repeat(10_000)},
            {"issueKey": "WEB-2", "description": "short"},
        ]});
        assert_eq!(
            fit_to_budget(&mut huge, &budget(1_000, ISSUES, json!({}))),
            Ok(true)
        );
        assert!(tokens(&huge) <= 1_000);
        assert_eq!(huge["issues"].as_array().unwrap().len(), 1);
        assert_eq!(huge["truncated"]["nextOffset"], 1);
        let message = huge["truncated"]["message"].as_str().unwrap();
        assert!(message.contains("1 long text shortened"), "{message}");
    }

    #[test]
    fn id_paged_lists_say_the_last_id() {
        let mut long = page(500);
        let list = Some(ListSpec {
            items: "issues",
            paging: Paging::Id,
        });
        assert_eq!(
            fit_to_budget(&mut long, &budget(1_000, list, json!({}))),
            Ok(true)
        );
        let kept = long["issues"].as_array().unwrap().len();
        assert_eq!(long["truncated"]["lastId"], kept);
        assert!(long["truncated"].get("nextOffset").is_none());
    }

    fn bulk_schema() -> Value {
        json!({"type": "object", "properties": {
            "summary": {"type": "object"},
            "results": {"type": "array", "x-rest": "call again for fewer issues",
                "items": {"type": "object", "required": ["issue", "outcome"],
                    "properties": {"changes": {"x-rest": "get_issue shows each issue now"}}}}}})
    }

    fn bulk(n: usize) -> Value {
        bulk_of(n, "WEB")
    }

    fn bulk_of(n: usize, project: &str) -> Value {
        let results: Vec<Value> = (1..=n)
            .map(|i| {
                json!({"issue": format!("{project}-{i}"), "outcome": "updated", "changes": [
                    {"field": "status", "from": "Open", "to": "Closed"},
                    {"field": "comment", "to": "closing at sprint end, see the retro notes for what we carry over"},
                ]})
            })
            .collect();
        json!({"dryRun": false, "summary": {"total": n, "updated": n}, "results": results})
    }

    #[test]
    fn bulk_results_are_compacted_to_issue_and_outcome_before_any_is_dropped() {
        let mut answer = bulk(100);
        assert_eq!(
            fit_to_budget(&mut answer, &budget(2_500, None, bulk_schema())),
            Ok(true)
        );
        assert!(tokens(&answer) <= 2_500, "{}", tokens(&answer));
        let results = answer["results"].as_array().unwrap();
        assert_eq!(results.len(), 100, "no outcome is lost");
        for (i, result) in results.iter().enumerate() {
            assert_eq!(result["issue"], format!("WEB-{}", i + 1));
            assert_eq!(result["outcome"], "updated");
        }
        let message = answer["truncated"]["message"].as_str().unwrap();
        assert!(
            message.contains(
                "results[].changes left out of every item (get_issue shows each issue now)"
            ),
            "{message}"
        );
        assert!(answer["truncated"].get("returned").is_none());
    }

    #[test]
    fn the_smallest_budget_holds_every_outcome_of_100_issues_with_the_longest_keys() {
        let project = "ABCDEFGHIJKLMNOPQRSTUVWXY";
        let mut answer = bulk_of(100, project);
        let results = answer["results"].as_array_mut().unwrap();
        for (i, result) in results.iter_mut().enumerate() {
            result["issue"] = json!(format!("{project}-{}", 99_901 + i));
            result["outcome"] = json!("unchanged");
        }
        answer["summary"] =
            json!({"total": 100, "updated": 0, "planned": 0, "unchanged": 100, "failed": 0});
        let max = crate::app::tooling::MIN_MAX_TOKENS;
        assert_eq!(
            fit_to_budget(&mut answer, &budget(max, None, bulk_schema())),
            Ok(true)
        );
        assert!(tokens(&answer) <= max);
        assert_eq!(answer["results"].as_array().unwrap().len(), 100);
    }

    #[test]
    fn with_room_texts_are_shortened_and_details_kept() {
        let mut answer = bulk(10);
        answer["results"][0]["changes"][1]["to"] = json!("long comment ".repeat(2_000));
        assert_eq!(
            fit_to_budget(&mut answer, &budget(2_500, None, bulk_schema())),
            Ok(true)
        );
        assert!(tokens(&answer) <= 2_500);
        assert_eq!(answer["results"][9]["changes"][0]["to"], "Closed");
        let mut found = Vec::new();
        marked(&answer, "", &mut found);
        assert_eq!(found, ["to"]);
    }

    #[test]
    fn answer_lists_lose_items_from_their_end_and_say_where_the_rest_is() {
        let schema = json!({"properties": {
            "project": {"required": ["projectKey"]},
            "members": {"x-rest": "get_project_users lists them all",
                "items": {"required": ["id", "name"]}}}});
        let members: Vec<Value> = (0..1_000)
            .map(|i| json!({"id": i, "userId": format!("user.{i}"), "name": format!("User {i}")}))
            .collect();
        let mut answer =
            json!({"project": {"projectKey": "WEB", "name": "Web"}, "members": members});
        assert_eq!(
            fit_to_budget(&mut answer, &budget(2_500, None, schema)),
            Ok(true)
        );
        assert!(tokens(&answer) <= 2_500);
        assert_eq!(answer["project"]["projectKey"], "WEB");
        let kept = answer["members"].as_array().unwrap().len();
        assert!(kept > 50, "{kept}");
        assert_eq!(
            answer["members"][0]["userId"], "user.0",
            "plain values stay"
        );
        let message = answer["truncated"]["message"].as_str().unwrap();
        assert!(
            message.contains(&format!(
                "the last {} of 1000 members left out (get_project_users lists them all)",
                1_000 - kept
            )),
            "{message}"
        );
    }

    #[test]
    fn only_the_lists_too_large_shrink_and_the_others_keep_their_details() {
        let schema = json!({"properties": {
            "categories": {"x-rest": "get_categories lists them all", "items": {"required": ["id", "name"]}},
            "customFields": {"items": {"required": ["id", "name"]}},
            "versions": {"items": {"required": ["id", "name"]}}}});
        let categories: Vec<Value> = (0..400)
            .map(|i| json!({"id": i, "name": format!("Category {i} with a longer name")}))
            .collect();
        let mut answer = json!({
            "categories": categories,
            "customFields": [{"id": 1, "name": "Browser", "items": [{"id": 1, "name": "Chrome"}, {"id": 2, "name": "Safari"}]}],
            "versions": [{"id": 1, "name": "v1", "description": "d".repeat(20_000)}],
        });
        assert_eq!(
            fit_to_budget(&mut answer, &budget(3_000, None, schema)),
            Ok(true)
        );
        assert!(tokens(&answer) <= 3_000);
        assert_eq!(answer["customFields"][0]["items"][1]["name"], "Safari");
        let description = answer["versions"][0]["description"].as_str().unwrap();
        assert!(
            description.ends_with(MARKER_TAIL),
            "shortened, not left out"
        );
        let kept = answer["categories"].as_array().unwrap().len();
        assert!((10..400).contains(&kept), "{kept}");
        let message = answer["truncated"]["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!(
                "Cut to fit the answer budget of 3000 tokens (BACKLOG_MAX_TOKENS): the last {} of 400 categories left out (get_categories lists them all); 1 long text shortened",
                400 - kept
            )),
            "{message}"
        );
    }

    #[test]
    fn identity_is_never_cut_so_what_cannot_fit_is_an_error() {
        let mut answer = json!({"issueKey": "WEB-1", "summary": "長".repeat(3_000), "description": "d".repeat(9_000)});
        let before = answer.clone();
        let error = fit_to_budget(&mut answer, &budget(2_500, None, json!({}))).unwrap_err();
        assert!(
            error.starts_with("The answer does not fit the answer budget of 2500 tokens"),
            "{error}"
        );
        assert!(error.contains("raise BACKLOG_MAX_TOKENS"), "{error}");
        assert_eq!(answer, before);

        let mut writes = budget(2_500, None, json!({}));
        writes.writes = true;
        let error = fit_to_budget(&mut answer, &writes).unwrap_err();
        assert!(error.starts_with("The call was carried out"), "{error}");
        assert!(error.contains("Do not repeat it"), "{error}");
    }

    #[test]
    fn the_note_itself_is_within_the_budget_whatever_the_budget() {
        for paging in [Paging::Offset, Paging::Id, Paging::Whole] {
            let list = Some(ListSpec {
                items: "issues",
                paging,
            });
            for max in (1_000..1_400).step_by(7) {
                let mut answer = page(100);
                assert_eq!(
                    fit_to_budget(&mut answer, &budget(max, list, json!({}))),
                    Ok(true),
                    "{paging:?} {max}"
                );
                assert!(
                    tokens(&answer) <= max,
                    "{paging:?} {max}: {}",
                    tokens(&answer)
                );
                let kept = answer["issues"].as_array().unwrap().len();
                // Not much room is wasted: one more item and its share of the
                // note would not fit.
                assert!(tokens(&answer) + 60 > max, "{paging:?} {max}: {kept} kept");
            }
        }
    }

    #[test]
    fn rest_hints_are_found_along_the_path() {
        let shape = AnswerShape::read(std::sync::Arc::new(
            bulk_schema().as_object().unwrap().clone(),
        ))
        .0;
        assert_eq!(
            rest_hint(shape.root(), "results[].changes"),
            Some("get_issue shows each issue now")
        );
        assert_eq!(
            rest_hint(shape.root(), "results[].reason"),
            Some("call again for fewer issues")
        );
        assert_eq!(rest_hint(shape.root(), "summary"), None);
    }
}
