//! The tool catalog: every tool this server offers, registered once, grouped
//! by toolset like the official server's.

pub mod common;
pub mod issue;
pub mod project;
mod register;
pub mod space;

use super::context::AppContext;
use super::tooling::{AppTool, ToolKit};
use std::sync::Arc;

/// All tools, in the order clients list them.
pub fn all_tools(app: &Arc<AppContext>, kit: ToolKit) -> Vec<AppTool> {
    let kit = &kit;
    vec![
        // space
        space::get_space::space_tool(kit, app),
        space::activities::space_tool(kit, app),
        space::users::users_tool(kit, app),
        space::users::stars_tool(kit, app),
        space::get_space::myself_tool(kit, app),
        space::activities::user_tool(kit, app),
        // project
        project::projects::list_tool(kit, app),
        project::projects::add_tool(kit, app),
        project::projects::get_tool(kit, app),
        project::project_vocabulary::users_tool(kit, app),
        project::projects::update_tool(kit, app),
        project::project_vocabulary::statuses_tool(kit, app),
        project::project_vocabulary::metadata_tool(kit, app),
        // issue
        issue::get_issue::tool(kit, app),
        issue::get_issues::tool(kit, app),
        issue::count_issues::tool(kit, app),
        issue::add_issue::tool(kit, app),
        issue::update_issue::tool(kit, app),
        issue::delete_issue::tool(kit, app),
        issue::get_issue_comments::tool(kit, app),
        issue::add_issue_comment::tool(kit, app),
        issue::update_issue_comment::tool(kit, app),
        issue::get_related_issues::tool(kit, app),
        issue::related_issue_links::add_tool(kit, app),
        issue::related_issue_links::remove_tool(kit, app),
        issue::vocabulary::priorities_tool(kit, app),
        issue::vocabulary::categories_tool(kit, app),
        issue::add_category::tool(kit, app),
        issue::vocabulary::custom_fields_tool(kit, app),
        issue::vocabulary::issue_types_tool(kit, app),
        issue::vocabulary::resolutions_tool(kit, app),
        issue::watchings::list_tool(kit, app),
        issue::watchings::count_tool(kit, app),
        issue::watchings::add_tool(kit, app),
        issue::watchings::update_tool(kit, app),
        issue::watchings::delete_tool(kit, app),
        issue::watchings::mark_tool(kit, app),
        issue::versions::list_tool(kit, app),
        issue::versions::add_tool(kit, app),
        issue::versions::update_tool(kit, app),
        issue::versions::delete_tool(kit, app),
        issue::get_issue_attachment::tool(kit, app),
        issue::bulk_update_issues::tool(kit, app),
        // from the original Python server
        issue::get_issue_details::tool(kit, app),
        issue::get_user_issue_list::tool(kit, app),
    ]
}
