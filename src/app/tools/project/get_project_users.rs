//! get_project_users: a project's members.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::listing::{LISTING, Listing, ProjectListArgs};
use crate::app::tools::register::register;
use crate::app::views::UserView;
use crate::ports::{ProjectRef, ToolContext};
use std::sync::Arc;

const USERS: ToolInfo = ToolInfo {
    name: "get_project_users",
    title: "List a project's members",
    description: "List a project's members (id, login id, name). Give projectId (id, key or \
        name) or projectKey.",
    annotations: READS,
    toolset: Toolset::Project,
    list: LISTING,
};

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, USERS, users).with_fields::<UserView>()
}

async fn users(
    app: Arc<AppContext>,
    args: ProjectListArgs,
    _: ToolContext,
) -> Result<Listing<UserView>, ToolError> {
    let fields = args.fields.choose::<UserView>()?;
    let project = args.project.project(&app).await?;
    let members = app
        .backlog
        .projects
        .project_users(&ProjectRef::from(&project))
        .await?;
    Ok(Listing::new(
        members.iter().map(|u| UserView::new(u, app.default_zone)),
        &fields,
    ))
}
