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
#[path = "budget_fit_tests.rs"]
mod tests;
