//! The tool catalog: every tool this server offers, registered once.

pub mod get_issue_details;
pub mod get_user_issue_list;

use super::context::AppContext;
use crate::ports::CatalogEntry;
use std::sync::Arc;

/// All tools, in the order clients list them.
pub fn all_tools(app: &Arc<AppContext>) -> Vec<CatalogEntry> {
    vec![
        get_issue_details::tool(app.clone()),
        get_user_issue_list::tool(app.clone()),
    ]
}
