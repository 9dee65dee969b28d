//! get_watching_list_items: the issues a user watches, paged.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::validate::page_size;
use crate::app::tooling::{
    AppTool, IdOrName, ListSpec, Paging, Projected, ToolError, ToolInfo, ToolKit, Toolset,
    Truncation,
};
use crate::app::tools::common::paging::Order;
use crate::app::tools::common::view_args::ViewArgs;
use crate::app::tools::register::register;
use crate::app::views::WatchingView;
use crate::domain::issue_filter::SortOrder;
use crate::domain::watching::{WatchingQuery, WatchingSort};
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const LIST: ToolInfo = ToolInfo {
    name: "get_watching_list_items",
    title: "List watched issues",
    description: "List the issues a user watches (userId: id, login id, name or \"me\"), with \
        notes and whether each has unseen changes. resourceAlreadyRead: false lists only those \
        with unseen changes. Paged by offset and count (up to 100).",
    annotations: READS,
    toolset: Toolset::Issue,
    list: Some(ListSpec {
        items: "watchings",
        paging: Paging::Offset,
    }),
};

#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum WatchingSortArg {
    Created,
    Updated,
    IssueUpdated,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ListWatchingsArgs {
    /// Whose watch list: id, login id, name, or "me".
    pub user_id: IdOrName,
    /// desc (default) or asc.
    #[serde(default)]
    pub order: Option<Order>,
    /// created, updated, or issueUpdated (default).
    #[serde(default)]
    pub sort: Option<WatchingSortArg>,
    /// How many, 1–100 (default 20).
    #[serde(default)]
    pub count: Option<i64>,
    /// How many to skip (default 0).
    #[serde(default)]
    pub offset: Option<u64>,
    /// false: only entries with unseen changes; true: only seen ones. Default: both.
    #[serde(default)]
    pub resource_already_read: Option<bool>,
    /// Only these issues: ids or keys.
    #[serde(default)]
    pub issue_id: Option<Vec<IdOrName>>,
    #[serde(flatten)]
    pub view: ViewArgs,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WatchingList {
    /// Where this page starts.
    pub offset: u64,
    pub count: usize,
    pub watchings: Vec<Projected<WatchingView>>,
    /// The timezone times are given in.
    pub timezone: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, LIST, list).with_fields::<WatchingView>()
}

async fn list(
    app: Arc<AppContext>,
    args: ListWatchingsArgs,
    _: ToolContext,
) -> Result<WatchingList, ToolError> {
    let (zone, fields) = args.view.choose::<WatchingView>(&app)?;
    let resolver = app.resolver();
    let user = resolver.user("userId", &args.user_id).await?;
    let query = WatchingQuery {
        order: args.order.map_or(SortOrder::Desc, Order::into_sort_order),
        sort: match args.sort {
            Some(WatchingSortArg::Created) => WatchingSort::Created,
            Some(WatchingSortArg::Updated) => WatchingSort::Updated,
            Some(WatchingSortArg::IssueUpdated) | None => WatchingSort::IssueUpdated,
        },
        count: page_size("count", args.count, 20)?,
        offset: args.offset.unwrap_or(0),
        resource_already_read: args.resource_already_read,
        issue_ids: resolver
            .issue_ids("issueId", args.issue_id.as_deref().unwrap_or_default())
            .await?,
    };
    let watchings = app.backlog.watchings.watchings(user, &query).await?;
    Ok(WatchingList {
        offset: query.offset,
        count: watchings.len(),
        watchings: fields.project(watchings.iter(), |w| WatchingView::new(w, zone)),
        timezone: zone.name().to_owned(),
        truncated: None,
    })
}
