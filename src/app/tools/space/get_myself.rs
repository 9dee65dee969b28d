//! get_myself: the API key's user.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::timezone_arg::TimezoneArg;
use crate::app::tools::register::register;
use crate::app::views::UserView;
use crate::ports::ToolContext;
use std::sync::Arc;

const MYSELF: ToolInfo = ToolInfo {
    name: "get_myself",
    title: "Who am I",
    description: "Get the user the API key belongs to (id, login id, name, role). Other tools \
        accept \"me\" wherever a user is asked.",
    annotations: READS,
    toolset: Toolset::Space,
    list: None,
};

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, MYSELF, myself)
}

async fn myself(
    app: Arc<AppContext>,
    args: TimezoneArg,
    _: ToolContext,
) -> Result<UserView, ToolError> {
    let zone = app.zone(args.zone())?;
    let me = app.backlog.users.myself().await?;
    Ok(UserView::new(&me, zone))
}
