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
