//! The watch list: list, count, add, update, delete, mark as read.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::{CREATES, DELETES, MARKS, OVERWRITES, READS};
use crate::app::tooling::validate::page_size;
use crate::app::tooling::{
    AppTool, FieldSelection, IdOrName, ListSpec, Paging, Projected, ToolError, ToolInfo, ToolKit,
    Toolset, Truncation,
};
use crate::app::tools::common::paging::Order;
use crate::app::tools::register::register;
use crate::app::views::WatchingView;
use crate::domain::ids::WatchingId;
use crate::domain::issue_filter::SortOrder;
use crate::domain::watching::{WatchingCountQuery, WatchingQuery, WatchingSort};
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

const COUNT: ToolInfo = ToolInfo {
    name: "get_watching_list_count",
    title: "Count watched issues",
    description: "Count the issues a user watches (userId: id, login id, name or \"me\"); \
        resourceAlreadyRead: false counts only those with unseen changes.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: None,
};

const ADD: ToolInfo = ToolInfo {
    name: "add_watching",
    title: "Watch an issue",
    description: "Start watching an issue as the API key's user, with an optional note. \
        issueIdOrKey is the issue's id or key (e.g. WEB-42).",
    annotations: CREATES,
    toolset: Toolset::Issue,
    list: None,
};

const UPDATE: ToolInfo = ToolInfo {
    name: "update_watching",
    title: "Change a watch note",
    description: "Replace the note of a watch-list entry (watchId from get_watching_list_items).",
    annotations: OVERWRITES,
    toolset: Toolset::Issue,
    list: None,
};

const DELETE: ToolInfo = ToolInfo {
    name: "delete_watching",
    title: "Stop watching",
    description: "Remove an entry from the watch list (watchId from get_watching_list_items); the \
        issue itself stays.",
    annotations: DELETES,
    toolset: Toolset::Issue,
    list: None,
};

const MARK: ToolInfo = ToolInfo {
    name: "mark_watching_as_read",
    title: "Mark a watched issue as read",
    description: "Mark a watch-list entry's latest changes as seen (watchId from \
        get_watching_list_items).",
    annotations: MARKS,
    toolset: Toolset::Issue,
    list: None,
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
    #[serde(default)]
    pub fields: Option<Vec<String>>,
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CountWatchingsArgs {
    /// Whose watch list: id, login id, name, or "me".
    pub user_id: IdOrName,
    /// false: only entries with unseen changes.
    #[serde(default)]
    pub resource_already_read: Option<bool>,
    /// false: only entries not yet seen in the watch list.
    #[serde(default)]
    pub already_read: Option<bool>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct AddWatchingArgs {
    /// The issue: id or key (e.g. WEB-42).
    pub issue_id_or_key: IdOrName,
    /// A note to keep with the entry.
    #[serde(default)]
    pub note: Option<String>,
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UpdateWatchingArgs {
    /// The watch-list entry's id.
    pub watch_id: i64,
    pub note: String,
    /// IANA timezone for times (default: the server's).
    #[serde(default)]
    pub timezone: Option<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WatchIdArgs {
    /// The watch-list entry's id.
    pub watch_id: i64,
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

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WatchingCount {
    pub count: u64,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MarkedRead {
    pub watch_id: i64,
    pub marked_as_read: bool,
}

pub fn list_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, LIST, list).with_fields::<WatchingView>()
}

pub fn count_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, COUNT, count)
}

pub fn add_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, ADD, add)
}

pub fn update_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, UPDATE, update)
}

pub fn delete_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, DELETE, delete)
}

pub fn mark_tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, MARK, mark)
}

fn watch_id(value: i64) -> Result<WatchingId, ToolError> {
    WatchingId::new(value).map_err(|e| ToolError::argument("watchId", e))
}

async fn list(
    app: Arc<AppContext>,
    args: ListWatchingsArgs,
    _: ToolContext,
) -> Result<WatchingList, ToolError> {
    let zone = app.zone(args.timezone.as_deref())?;
    let fields = FieldSelection::choose::<WatchingView>(args.fields.as_deref())?;
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
        watchings: watchings
            .iter()
            .map(|w| Projected::new(WatchingView::new(w, zone), &fields))
            .collect(),
        timezone: zone.name().to_owned(),
        truncated: None,
    })
}

async fn count(
    app: Arc<AppContext>,
    args: CountWatchingsArgs,
    _: ToolContext,
) -> Result<WatchingCount, ToolError> {
    let user = app.resolver().user("userId", &args.user_id).await?;
    let query = WatchingCountQuery {
        resource_already_read: args.resource_already_read,
        already_read: args.already_read,
    };
    Ok(WatchingCount {
        count: app.backlog.watchings.watching_count(user, &query).await?,
    })
}

async fn add(
    app: Arc<AppContext>,
    args: AddWatchingArgs,
    _: ToolContext,
) -> Result<WatchingView, ToolError> {
    let zone = app.zone(args.timezone.as_deref())?;
    let issue = app
        .resolver()
        .issue_ref("issueIdOrKey", &args.issue_id_or_key)?;
    let watching = app
        .backlog
        .watchings
        .add_watching(&issue, args.note.as_deref().unwrap_or_default())
        .await?;
    Ok(WatchingView::new(&watching, zone))
}

async fn update(
    app: Arc<AppContext>,
    args: UpdateWatchingArgs,
    _: ToolContext,
) -> Result<WatchingView, ToolError> {
    let zone = app.zone(args.timezone.as_deref())?;
    let id = watch_id(args.watch_id)?;
    let watching = app
        .backlog
        .watchings
        .update_watching(id, &args.note)
        .await?;
    Ok(WatchingView::new(&watching, zone))
}

async fn delete(
    app: Arc<AppContext>,
    args: WatchIdArgs,
    _: ToolContext,
) -> Result<WatchingView, ToolError> {
    let id = watch_id(args.watch_id)?;
    let watching = app.backlog.watchings.delete_watching(id).await?;
    Ok(WatchingView::new(&watching, app.default_zone))
}

async fn mark(
    app: Arc<AppContext>,
    args: WatchIdArgs,
    _: ToolContext,
) -> Result<MarkedRead, ToolError> {
    let id = watch_id(args.watch_id)?;
    app.backlog.watchings.mark_watching_as_read(id).await?;
    Ok(MarkedRead {
        watch_id: id.get(),
        marked_as_read: true,
    })
}
