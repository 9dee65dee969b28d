//! get_space: the space itself.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::timezone_arg::TimezoneArg;
use crate::app::tools::register::register;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::Arc;

const SPACE: ToolInfo = ToolInfo {
    name: "get_space",
    title: "Get the space",
    description: "Get the Backlog space: its key, name, language, timezone and text formatting \
        rule.",
    annotations: READS,
    toolset: Toolset::Space,
    list: None,
};

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SpaceView {
    pub space_key: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The space's own timezone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text_formatting_rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, SPACE, space)
}

async fn space(
    app: Arc<AppContext>,
    args: TimezoneArg,
    _: ToolContext,
) -> Result<SpaceView, ToolError> {
    let zone = app.zone(args.zone())?;
    let space = app.backlog.space.space().await?;
    Ok(SpaceView {
        space_key: space.space_key,
        name: space.name,
        owner_id: space.owner_id.map(|o| o.get()),
        lang: space.lang,
        timezone: space.timezone,
        text_formatting_rule: space.text_formatting_rule,
        created: space.created.map(|t| zone.format_instant(t)),
        updated: space.updated.map(|t| zone.format_instant(t)),
    })
}
