//! `get_users` and `get_user_stars_count`.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::validate::date_range;
use crate::app::tooling::{
    AppTool, FieldSelection, IdOrName, ListSpec, Paging, ToolError, ToolInfo, ToolKit, Toolset,
};
use crate::app::tools::common::listing::Listing;
use crate::app::tools::register::register;
use crate::app::views::UserView;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const USERS: ToolInfo = ToolInfo {
    name: "get_users",
    title: "List the space's users",
    description: "List every user of the space (id, login id, name; add roleType, lang, \
        mailAddress, lastLoginTime with `fields`). Other tools accept names and login ids \
        directly, so this is rarely needed just to find an id.",
    annotations: READS,
    toolset: Toolset::Space,
    list: Some(ListSpec {
        items: "items",
        paging: Paging::Whole,
    }),
};

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
pub struct GetUsersArgs {
    #[serde(default)]
    pub fields: Option<Vec<String>>,
    /// IANA timezone for last login times. Default: the server's.
    #[serde(default)]
    pub timezone: Option<String>,
}

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

pub fn users_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, USERS, users).with_fields::<UserView>()
}

pub fn stars_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, STARS, stars)
}

async fn users(
    app: Arc<AppContext>,
    args: GetUsersArgs,
    _: ToolContext,
) -> Result<Listing<UserView>, ToolError> {
    let zone = app.zone(args.timezone.as_deref())?;
    let fields = FieldSelection::choose::<UserView>(args.fields.as_deref())?;
    let users = app.backlog.users.users().await?;
    Ok(Listing::new(
        users.iter().map(|u| UserView::new(u, zone)),
        &fields,
    ))
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
    let count = app.backlog.users.received_star_count(user, &range).await?;
    Ok(StarCount {
        user_id: user.get(),
        count,
    })
}
