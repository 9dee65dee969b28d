//! The token budget: how answers are measured, the smallest budget the server
//! accepts, and the shapes that describe a cut answer. The estimate is
//! conservative: dense JSON averages fewer than three characters per token, so
//! ASCII counts one token per 2.5 bytes, and every other character (kana,
//! kanji, hangul…) counts as one token. Costs are added up in fifths of a token
//! so that the cost of a text is exactly the sum of the costs of its parts.
//! How an answer over the budget is cut is `budget_fit`'s business.

use crate::ports::{ResourceBody, ToolContent, ToolResponse};
use schemars::JsonSchema;
use serde::Serialize;

/// The smallest `BACKLOG_MAX_TOKENS` the server starts with. It is set by the
/// largest answer that must never lose an item: `bulk_update_issues` on 100
/// issues reports every outcome. Compacted to issue key and outcome, a result
/// of the longest key takes 27 tokens
/// (`{"issue":"ABCDEFGHIJKLMNOPQRSTUVWXY-12345","outcome":"unchanged"},`), so
/// 100 of them with the summary and the note on what was cut need about 2,800.
/// Every other tool's smallest useful answer (one item with its free texts
/// shortened, or a project's identity with its lists cut) is far smaller.
pub const MIN_MAX_TOKENS: u64 = 3_000;

/// The tokens of what the model reads of a hand-built answer: its text blocks
/// and embedded text documents (images and binary files reach it otherwise).
pub fn readable_tokens(response: &ToolResponse) -> u64 {
    response
        .content
        .iter()
        .map(|content| match content {
            ToolContent::Text(text) => estimate_tokens(text),
            ToolContent::Resource {
                body: ResourceBody::Text(text),
                ..
            } => estimate_tokens(text),
            ToolContent::Image { .. } | ToolContent::Resource { .. } => 0,
        })
        .sum()
}

/// Conservative token count of a text.
pub fn estimate_tokens(text: &str) -> u64 {
    fifths(text).div_ceil(5)
}

/// The cost of a text in fifths of a token.
pub fn fifths(text: &str) -> u64 {
    text.chars().map(char_fifths).sum()
}

/// What one character costs in fifths of a token: 2 for ASCII (2.5 per
/// token), 5 for any other (one token each).
pub fn char_fifths(c: char) -> u64 {
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

/// Which array of a tool's answer is its list: the first thing cut when the
/// answer is over the budget, at item boundaries, keeping at least one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListSpec {
    /// The name of the array in the answer, e.g. `issues`.
    pub items: &'static str,
    pub paging: Paging,
}

/// Attached as `truncated` to an answer that was cut to fit the budget.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Truncation {
    /// Items of the tool's list included (set when that list was cut).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returned: Option<usize>,
    /// Items of the tool's list left out to stay under the token budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub omitted: Option<usize>,
    /// Pass as `offset` to continue (offset-paged lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_offset: Option<u64>,
    /// The id of the last item included (id-paged lists continue after it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_id: Option<i64>,
    /// Everything that was cut and how to get it.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_characters_count_one_token_each() {
        assert_eq!(estimate_tokens("ログイン"), 4);
        assert_eq!(estimate_tokens("abcde"), 2);
        assert_eq!(estimate_tokens("ab ログ"), 4);
    }

    #[test]
    fn fifths_add_up_exactly() {
        let (a, b) = ("{\"issueKey\":\"WEB-1\"", ",\"summary\":\"ログ\"}");
        assert_eq!(fifths(a) + fifths(b), fifths(&format!("{a}{b}")));
    }
}
