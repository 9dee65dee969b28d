//! get_project_metadata: everything a project names, in one call.

use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{AppTool, ToolError, ToolInfo, ToolKit, Toolset, Truncation};
use crate::app::tools::common::project_selector::ProjectSelector;
use crate::app::tools::register::register;
use crate::app::views::{
    CustomFieldDefinitionView, IssueTypeView, NamedView, ProjectView, StatusView, VersionView,
};
use crate::ports::ToolContext;
use schemars::JsonSchema;
use serde::Serialize;
use std::sync::Arc;

const METADATA: ToolInfo = ToolInfo {
    name: "get_project_metadata",
    title: "A project's vocabulary at once",
    description: "Everything needed to fill in or filter a project's issues, in one call: \
        statuses, issue types, priorities, resolutions, categories, milestones and versions \
        (archived ones too, marked archived: they may still hold open issues), custom fields \
        (with their choices and limits) and members. Give projectId (id, key or name) or \
        projectKey.",
    annotations: READS,
    toolset: Toolset::Project,
    list: None,
};

/// A project's vocabulary. `x-rest`: where a list cut to fit the token
/// budget can be had whole.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectMetadata {
    pub project: ProjectView,
    #[schemars(extend("x-rest" = "get_project_statuses lists them all"))]
    pub statuses: Vec<StatusView>,
    #[schemars(extend("x-rest" = "get_issue_types lists them all"))]
    pub issue_types: Vec<IssueTypeView>,
    #[schemars(extend("x-rest" = "get_priorities lists them all"))]
    pub priorities: Vec<NamedView>,
    #[schemars(extend("x-rest" = "get_resolutions lists them all"))]
    pub resolutions: Vec<NamedView>,
    #[schemars(extend("x-rest" = "get_categories lists them all"))]
    pub categories: Vec<NamedView>,
    /// Versions and milestones (one Backlog object), archived ones included
    /// and marked: an archived milestone may still hold open issues.
    #[schemars(extend("x-rest" = "get_version_milestone_list lists them all"))]
    pub versions: Vec<VersionView>,
    #[schemars(extend("x-rest" = "get_custom_fields lists them all, with their choices"))]
    pub custom_fields: Vec<CustomFieldDefinitionView>,
    #[schemars(extend("x-rest" = "get_project_users lists them all"))]
    pub members: Vec<MemberView>,
    /// Set when the answer was cut to fit the answer budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

/// A member: enough to assign issues.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct MemberView {
    pub id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    pub name: String,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, METADATA, metadata)
}

async fn metadata(
    app: Arc<AppContext>,
    args: ProjectSelector,
    _: ToolContext,
) -> Result<ProjectMetadata, ToolError> {
    let project = args.project(&app).await?;
    let m = &app.metadata;
    let id = project.id;
    let (
        statuses,
        issue_types,
        priorities,
        resolutions,
        categories,
        versions,
        custom_fields,
        members,
    ) = tokio::try_join!(
        m.statuses(id),
        m.issue_types(id),
        m.priorities(),
        m.resolutions(),
        m.categories(id),
        m.versions(id),
        m.custom_fields(id),
        m.members(id),
    )?;
    Ok(ProjectMetadata {
        project: ProjectView::from(&project),
        statuses: statuses.iter().map(StatusView::from).collect(),
        issue_types: issue_types.iter().map(IssueTypeView::from).collect(),
        priorities: priorities.iter().map(NamedView::of).collect(),
        resolutions: resolutions.iter().map(NamedView::of).collect(),
        categories: categories.iter().map(NamedView::from).collect(),
        versions: versions.iter().map(VersionView::from).collect(),
        custom_fields: custom_fields
            .iter()
            .map(CustomFieldDefinitionView::from)
            .collect(),
        members: members
            .iter()
            .map(|u| MemberView {
                id: u.id.get(),
                user_id: u.login_id.clone(),
                name: u.name.clone(),
            })
            .collect(),
        truncated: None,
    })
}

#[cfg(test)]
mod tests {
    use crate::app::test_support::DemoTools;
    use serde_json::json;

    #[tokio::test]
    async fn metadata_lists_archived_milestones_marked_and_field_settings() {
        let tools = DemoTools::new();
        let web = tools
            .call("get_project_metadata", json!({"projectKey": "WEB"}))
            .await
            .unwrap();
        let versions: Vec<(&str, bool)> = web["versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["name"].as_str().unwrap(),
                    v["archived"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            versions,
            [
                ("Sprint 41", true),
                ("Sprint 42", false),
                ("Sprint 43", false),
                ("v2.0", false)
            ]
        );
        let points = &web["customFields"][0];
        assert_eq!(
            (
                &points["name"],
                &points["min"],
                &points["max"],
                &points["unit"]
            ),
            (
                &json!("Story points"),
                &json!(0.0),
                &json!(100.0),
                &json!("pt")
            )
        );
        assert!(points.get("allowInput").is_none(), "{points}");
        let target = web["customFields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["type"] == "date")
            .unwrap();
        assert_eq!(target["initialDate"], "today+14 days");
    }
}
