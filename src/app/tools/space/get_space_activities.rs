//! get_space_activities: what happened in the space lately.

use super::activity_list::{ActivityList, LIST, answer};
use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset};
use crate::app::tools::common::activity_args::ActivityArgs;
use crate::app::tools::common::view_args::ViewArgs;
use crate::app::tools::register::register;
use crate::app::views::ActivityView;
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Deserialize;
use std::sync::Arc;

const SPACE: ToolInfo = ToolInfo {
    name: "get_space_activities",
    title: "Recent updates in the space",
    description: "List the latest updates across the space: issues created, updated and \
        commented, wiki pages, shared files, git pushes, pull requests, members added, \
        milestones… newest first, each with who, when, what and the changed fields (statuses, \
        priorities, assignees… by name). Filter by activityTypeId; page with minId/maxId and \
        count (up to 100). Good for \"what happened today\".",
    annotations: READS,
    toolset: Toolset::Space,
    list: LIST,
};

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SpaceActivitiesArgs {
    #[serde(flatten)]
    pub paging: ActivityArgs,
    #[serde(flatten)]
    pub view: ViewArgs,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, SPACE, space).with_fields::<ActivityView>()
}

async fn space(
    app: Arc<AppContext>,
    args: SpaceActivitiesArgs,
    _: ToolContext,
) -> Result<ActivityList, ToolError> {
    let query = args.paging.to_query()?;
    let activities = app.backlog.activities.space_activities(&query).await?;
    answer(&app, activities, &args.view).await
}

#[cfg(test)]
mod tests {
    use crate::adapters::memory::MemoryBacklog;
    use crate::app::backlog::Backlog;
    use crate::app::context::AppContext;
    use crate::app::test_support::{DemoTools, settings};
    use crate::app::tooling::ToolKit;
    use crate::domain::activity::{Activity, ActivityContent};
    use crate::domain::comment::ChangeLogEntry;
    use crate::domain::ids::ActivityId;
    use serde_json::{Value, json};
    use std::sync::Arc;

    async fn activities(tools: &[crate::app::tooling::AppTool], arguments: Value) -> Value {
        let tool = tools
            .iter()
            .find(|t| t.entry.descriptor.name == "get_space_activities")
            .unwrap();
        let Value::Object(arguments) = arguments else {
            panic!("arguments must be an object")
        };
        let response = tool
            .entry
            .handler
            .call(arguments, crate::ports::ToolContext::detached())
            .await;
        response.structured.unwrap()
    }

    #[tokio::test]
    async fn ids_in_changes_are_shown_by_name() {
        // The activity feed of a real space records a status change by ids.
        let mut space = MemoryBacklog::demo().snapshot();
        let last = space.activities.last().unwrap().clone();
        let web = space
            .activities
            .iter()
            .find_map(|a| a.project.clone().filter(|p| p.key.as_str() == "WEB"));
        space.activities.push(Activity {
            id: ActivityId::new(last.id.get() + 1).unwrap(),
            project: web,
            type_id: 2,
            content: ActivityContent {
                issue_number: Some(5),
                changes: vec![
                    ChangeLogEntry::new("status", Some("2".into()), Some("10001".into())),
                    ChangeLogEntry::new("assigner", Some("1002".into()), Some("1001".into())),
                ],
                ..ActivityContent::default()
            },
            ..last
        });
        let app = Arc::new(AppContext::new(
            Backlog::from_adapter(Arc::new(MemoryBacklog::with_space(space))),
            settings(),
        ));
        let tools = crate::app::tools::all_tools(&app, ToolKit { max_tokens: 20_000 });
        let answer = activities(&tools, json!({"count": 1})).await;
        assert_eq!(answer["activities"][0]["issueKey"], "WEB-5");
        assert_eq!(
            answer["activities"][0]["changes"],
            json!([
                {"field": "status", "from": "In Progress", "to": "In Review"},
                {"field": "assignee", "from": "Taro Sato", "to": "Aiko Tanaka"},
            ])
        );
    }

    #[tokio::test]
    async fn the_demo_feed_shows_members_files_and_pull_requests() {
        let tools = DemoTools::new();
        let kind = |type_id: u32| {
            let tools = &tools;
            async move {
                let answer = tools
                    .call(
                        "get_space_activities",
                        json!({"activityTypeId": [type_id], "count": 1}),
                    )
                    .await
                    .unwrap();
                answer["activities"][0].clone()
            }
        };
        let member = kind(15).await;
        assert_eq!(member["users"], json!(["John Smith"]));
        assert_eq!(member["comment"], "Joins for the 1.4.0 release.");
        let file = kind(8).await;
        assert_eq!(
            (&file["directory"], &file["size"]),
            (&json!("/ネットワーク/"), &json!(1_204_224))
        );
        let pull_request = kind(18).await;
        assert_eq!(
            (
                &pull_request["pullRequest"],
                &pull_request["repository"],
                &pull_request["issueKey"]
            ),
            (&json!(12), &json!("web-frontend"), &json!("WEB-5"))
        );
    }
}
