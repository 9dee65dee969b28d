//! get_users: the space's users.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::fields_args::FieldsArgs;
use crate::app::tools::common::listing::{LISTING, Listing};
use crate::app::tools::register::register;
use crate::app::views::UserView;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const USERS: ToolInfo = ToolInfo {
    name: "get_users",
    title: "List the space's users",
    description: "List every user of the space (id, login id, name; add roleType, lang, \
        mailAddress, lastLoginTime with `fields`). Other tools accept names and login ids \
        directly, so this is rarely needed just to find an id.",
    annotations: READS,
    toolset: Toolset::Space,
    list: LISTING,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetUsersArgs {
    #[serde(flatten)]
    pub fields: FieldsArgs,
    /// IANA timezone for last login times. Default: the server's.
    #[serde(default)]
    pub timezone: Option<String>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, USERS, users).with_fields::<UserView>()
}

async fn users(
    app: Arc<AppContext>,
    args: GetUsersArgs,
    _: ToolContext,
) -> Result<Listing<UserView>, ToolError> {
    let zone = app.zone(args.timezone.as_deref())?;
    let fields = args.fields.choose::<UserView>()?;
    let users = app.backlog.users.users().await?;
    Ok(Listing::new(
        users.iter().map(|u| UserView::new(u, zone)),
        &fields,
    ))
}
