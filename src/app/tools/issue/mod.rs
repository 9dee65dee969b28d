//! The issue toolset: issues, comments, related issues, lookups, watchings,
//! versions, attachments, bulk updates, and the original server's two tools.

pub mod add_category;
pub mod add_issue;
pub mod add_issue_comment;
pub mod bulk_update_issues;
pub mod count_issues;
pub mod delete_issue;
pub mod get_issue;
pub mod get_issue_attachment;
pub mod get_issue_comments;
pub mod get_issue_details;
pub mod get_issues;
pub mod get_related_issues;
pub mod get_user_issue_list;
pub mod related_issue_links;
pub mod update_issue;
pub mod update_issue_comment;
pub mod versions;
pub mod vocabulary;
pub mod watchings;

#[cfg(test)]
mod tests;

use super::declaration::ToolsetDeclaration;
use crate::app::tooling::Toolset;

impl Toolset {
    /// Named like the enum variant it replaced, so every tool's `ToolInfo`
    /// reads `toolset: Toolset::Issue`.
    #[allow(non_upper_case_globals)]
    pub const Issue: Toolset = Toolset {
        id: "issue",
        description: "issues, their comments, links, watchers, milestones, categories and attachments",
        instructions: "Issues are named by keys such as WEB-42 (project key, dash, \
number).",
    };
}

/// The issue toolset's tools, in the order clients list them.
pub const DECLARED: ToolsetDeclaration = ToolsetDeclaration {
    toolset: Toolset::Issue,
    tools: &[
        get_issue::tool,
        get_issues::tool,
        count_issues::tool,
        add_issue::tool,
        update_issue::tool,
        delete_issue::tool,
        get_issue_comments::tool,
        add_issue_comment::tool,
        update_issue_comment::tool,
        get_related_issues::tool,
        related_issue_links::add_tool,
        related_issue_links::remove_tool,
        vocabulary::priorities_tool,
        vocabulary::categories_tool,
        add_category::tool,
        vocabulary::custom_fields_tool,
        vocabulary::issue_types_tool,
        vocabulary::resolutions_tool,
        watchings::list_tool,
        watchings::count_tool,
        watchings::add_tool,
        watchings::update_tool,
        watchings::delete_tool,
        watchings::mark_tool,
        versions::list_tool,
        versions::add_tool,
        versions::update_tool,
        versions::delete_tool,
        get_issue_attachment::tool,
        bulk_update_issues::tool,
        // from the original Python server
        get_issue_details::tool,
        get_user_issue_list::tool,
    ],
};
