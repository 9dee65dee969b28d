//! The issue toolset: issues, comments, related issues, lookups, watchings,
//! versions, attachments, bulk updates, and the original server's two tools.

pub mod add_category;
pub mod add_issue;
pub mod add_issue_comment;
pub mod add_related_issue;
pub mod add_version_milestone;
pub mod add_watching;
pub mod bulk_update_issues;
pub mod count_issues;
pub mod delete_issue;
pub mod delete_version;
pub mod delete_watching;
pub mod get_categories;
pub mod get_custom_fields;
pub mod get_issue;
pub mod get_issue_attachment;
pub mod get_issue_comments;
pub mod get_issue_details;
pub mod get_issue_types;
pub mod get_issues;
pub mod get_priorities;
pub mod get_related_issues;
pub mod get_resolutions;
pub mod get_user_issue_list;
pub mod get_version_milestone_list;
pub mod get_watching_list_count;
pub mod get_watching_list_items;
pub mod mark_watching_as_read;
mod related_link;
pub mod remove_related_issue;
pub mod update_issue;
pub mod update_issue_comment;
pub mod update_version_milestone;
pub mod update_watching;
mod watch_entry;

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
        add_related_issue::tool,
        remove_related_issue::tool,
        get_priorities::tool,
        get_categories::tool,
        add_category::tool,
        get_custom_fields::tool,
        get_issue_types::tool,
        get_resolutions::tool,
        get_watching_list_items::tool,
        get_watching_list_count::tool,
        add_watching::tool,
        update_watching::tool,
        delete_watching::tool,
        mark_watching_as_read::tool,
        get_version_milestone_list::tool,
        add_version_milestone::tool,
        update_version_milestone::tool,
        delete_version::tool,
        get_issue_attachment::tool,
        bulk_update_issues::tool,
        // from the original Python server
        get_issue_details::tool,
        get_user_issue_list::tool,
    ],
};
