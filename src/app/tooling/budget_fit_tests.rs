//! Tests of `budget_fit`.

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
        message
            .contains("results[].changes left out of every item (get_issue shows each issue now)"),
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
    let mut answer = json!({"project": {"projectKey": "WEB", "name": "Web"}, "members": members});
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
