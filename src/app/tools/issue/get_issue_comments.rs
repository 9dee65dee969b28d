//! `get_issue_comments`: a window of an issue's comments.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{
    AppTool, ListSpec, Paging, Projected, ToolError, ToolInfo, ToolKit, Toolset, Truncation,
};
use crate::app::tools::common::id_window::IdWindow;
use crate::app::tools::common::issue_selector::IssueSelector;
use crate::app::tools::common::paging::Order;
use crate::app::tools::common::view_args::ViewArgs;
use crate::app::tools::register::register;
use crate::app::views::CommentView;
use crate::domain::ids::CommentId;
use crate::ports::{CommentPage, ToolContext};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "get_issue_comments",
    title: "List an issue's comments",
    description: "List an issue's comments, newest first by default, with author, time and the \
        field changes recorded with each. Page with minId/maxId (comment ids) and count (up to \
        100). For an issue with its whole conversation in one call, use get_issue_details.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: Some(ListSpec {
        items: "comments",
        paging: Paging::Id,
    }),
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct GetIssueCommentsArgs {
    #[serde(flatten)]
    pub issue: IssueSelector,
    /// Only comments with a larger id.
    #[serde(default)]
    pub min_id: Option<i64>,
    /// Only comments with a smaller id.
    #[serde(default)]
    pub max_id: Option<i64>,
    /// How many, 1–100 (default 20).
    #[serde(default)]
    pub count: Option<i64>,
    /// desc (newest first, default) or asc.
    #[serde(default)]
    pub order: Option<Order>,
    #[serde(flatten)]
    pub view: ViewArgs,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommentList {
    pub count: usize,
    pub comments: Vec<Projected<CommentView>>,
    /// The timezone times are given in.
    pub timezone: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run).with_fields::<CommentView>()
}

async fn run(
    app: Arc<AppContext>,
    args: GetIssueCommentsArgs,
    _: ToolContext,
) -> Result<CommentList, ToolError> {
    let (zone, fields) = args.view.choose::<CommentView>(&app)?;
    let issue = args.issue.issue(&app).await?;
    let window = IdWindow::new(
        args.min_id,
        args.max_id,
        args.count,
        args.order,
        CommentId::new,
    )?;
    let page = CommentPage {
        min_id: window.min_id,
        max_id: window.max_id,
        count: window.count,
        order: window.order,
    };
    let comments = app.backlog.comments.comments(&issue, page).await?;
    Ok(CommentList {
        count: comments.len(),
        comments: fields.project(comments.iter(), |c| CommentView::new(c, zone)),
        timezone: zone.name().to_owned(),
        truncated: None,
    })
}
