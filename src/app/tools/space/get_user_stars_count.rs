//! get_user_stars_count: how many stars a user received.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::validate::date_range;
use crate::app::tooling::{AppTool, IdOrName, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::register::register;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const STARS: ToolInfo = ToolInfo {
    name: "get_user_stars_count",
    title: "Count a user's stars",
    description: "Count the stars a user received (userId: id, login id, name or \"me\"), \
        optionally between since and until (YYYY-MM-DD, inclusive).",
    annotations: READS,
    toolset: Toolset::Space,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StarsArgs {
    /// The user: id, login id, name, or "me".
    pub user_id: IdOrName,
    /// From this day, YYYY-MM-DD.
    #[serde(default)]
    pub since: Option<String>,
    /// Until this day, YYYY-MM-DD.
    #[serde(default)]
    pub until: Option<String>,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StarCount {
    pub user_id: i64,
    pub count: u64,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, STARS, stars)
}

async fn stars(
    app: Arc<AppContext>,
    args: StarsArgs,
    _: ToolContext,
) -> Result<StarCount, ToolError> {
    let user = app.resolver().user("userId", &args.user_id).await?;
    let range = date_range(
        ("since", args.since.as_deref()),
        ("until", args.until.as_deref()),
    )?;
    let count = app.backlog.stars.received_star_count(user, &range).await?;
    Ok(StarCount {
        user_id: user.get(),
        count,
    })
}
