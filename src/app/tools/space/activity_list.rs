//! The answer of the tools that list activities, and how it is built.

use crate::app::context::AppContext;
use crate::app::tooling::{ListSpec, Paging, Projected, ToolError, Truncation};
use crate::app::tools::common::view_args::ViewArgs;
use crate::app::tools::space::activity_names::name_changes;
use crate::app::views::ActivityView;
use crate::domain::activity::Activity;
use schemars::JsonSchema;
use serde::Serialize;

/// The activities, cut from the end to fit the budget.
pub const LIST: Option<ListSpec> = Some(ListSpec {
    items: "activities",
    paging: Paging::Id,
});

#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ActivityList {
    pub count: usize,
    pub activities: Vec<Projected<ActivityView>>,
    /// The timezone times are given in.
    pub timezone: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub async fn answer(
    app: &AppContext,
    activities: Vec<Activity>,
    view: &ViewArgs,
) -> Result<ActivityList, ToolError> {
    let (zone, fields) = view.choose::<ActivityView>(app)?;
    let activities = name_changes(&app.metadata, activities).await;
    let shown: Vec<Projected<ActivityView>> =
        fields.project(activities.iter(), |a| ActivityView::new(a, zone));
    Ok(ActivityList {
        count: shown.len(),
        activities: shown,
        timezone: zone.name().to_owned(),
        truncated: None,
    })
}
