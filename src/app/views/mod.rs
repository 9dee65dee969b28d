//! Compact answers: the facts a person needs, names instead of nested objects,
//! instants in the requested timezone, nothing Backlog sends only for its UI.

mod comment_view;
mod issue_summary;
mod parent_keys;

pub use comment_view::CommentView;
pub use issue_summary::{IssueSummary, ViewContext};
pub use parent_keys::parent_keys;
