//! `count_issues`: how many issues match filters.

use super::get_issues::keyword_advice;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::issue_filter_args::IssueFilterArgs;
use crate::app::tools::register::register;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "count_issues",
    title: "Count issues",
    description: "Count the issues matching filters (the same filters as get_issues, names \
        accepted for ids). Use it for totals, or before fetching a large set.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: None,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CountIssuesArgs {
    #[serde(flatten)]
    pub filter: IssueFilterArgs,
}

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueCount {
    pub count: u64,
    /// Set when nothing matched a keyword: what to try instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, run)
}

async fn run(
    app: Arc<AppContext>,
    args: CountIssuesArgs,
    _: ToolContext,
) -> Result<IssueCount, ToolError> {
    let filter = args.filter.to_filter(&app).await?;
    let count = app.backlog.issues.count_issues(&filter).await?;
    let note = if count == 0 {
        keyword_advice(&app, &filter).await
    } else {
        None
    };
    Ok(IssueCount { count, note })
}

#[cfg(test)]
mod tests {
    use crate::app::test_support::DemoTools;
    use serde_json::json;

    #[tokio::test]
    async fn count_issues_uses_the_same_filters() {
        let tools = DemoTools::new();
        let count = tools
            .call(
                "count_issues",
                json!({"assigneeId": ["me"], "statusId": ["Closed", "完了"]}),
            )
            .await
            .unwrap();
        assert_eq!(count["count"], 1, "OPS-4 is my only closed issue");
    }
}
