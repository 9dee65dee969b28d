//! A bulk update's plan for one issue: every field the call changes goes
//! through the same step — its wanted value resolved in the issue's project,
//! compared with the issue's, and recorded (old → new, and in the update) only
//! when it differs — driven by the table of fields.

use super::target::Target;
use crate::app::context::AppContext;
use crate::app::tooling::ToolError;
use crate::app::tools::common::issue_change_args::IssueChangeArgs;
use crate::app::views::ChangeView;
use crate::domain::calendar_date::CalendarDate;
use crate::domain::changes::{Change, IssueUpdate};
use crate::domain::ids::ProjectId;
use crate::domain::issue::Issue;

/// The requested change, before names are resolved in each project.
pub struct Wanted<'a> {
    pub args: &'a IssueChangeArgs,
    pub start: Change<CalendarDate>,
    pub due: Change<CalendarDate>,
    pub comment: Option<String>,
}

/// The change for one issue, with names resolved in its project: only what
/// differs from the issue's current state.
pub struct Plan {
    pub update: IssueUpdate,
    pub changes: Vec<ChangeView>,
}

/// The fields a bulk update may change.
#[derive(Debug, Clone, Copy)]
enum Field {
    Status,
    Assignee,
    Priority,
    Resolution,
    StartDate,
    DueDate,
    Milestones,
    Categories,
}

/// Every field, in the order the answer lists their changes.
const FIELDS: [Field; 8] = [
    Field::Status,
    Field::Assignee,
    Field::Priority,
    Field::Resolution,
    Field::StartDate,
    Field::DueDate,
    Field::Milestones,
    Field::Categories,
];

pub async fn plan(app: &AppContext, wanted: &Wanted<'_>, issue: &Issue) -> Result<Plan, ToolError> {
    let project = issue.project_id;
    let mut plan = Plan {
        update: IssueUpdate::default(),
        changes: Vec::new(),
    };
    for field in FIELDS {
        let Some(target) = field.resolve(app, wanted, project).await? else {
            continue;
        };
        if target.is_current(issue) {
            continue;
        }
        plan.changes.push(ChangeView::new(
            target.label(),
            target.current_name(issue),
            target.name(app, project).await?,
        ));
        target.record(&mut plan.update);
    }
    Ok(plan)
}

impl Field {
    /// The field's wanted value in `project`, or `None` when the call leaves it.
    async fn resolve(
        self,
        app: &AppContext,
        wanted: &Wanted<'_>,
        project: ProjectId,
    ) -> Result<Option<Target>, ToolError> {
        let resolver = app.resolver();
        let args = wanted.args;
        Ok(Some(match self {
            Self::Status => {
                let Some(value) = &args.status_id else {
                    return Ok(None);
                };
                Target::Status(resolver.status("statusId", project, value).await?)
            }
            Self::Assignee => match &args.assignee_id {
                None => return Ok(None),
                Some(None) => Target::Assignee(None),
                Some(Some(user)) => {
                    Target::Assignee(Some(resolver.user("assigneeId", user).await?))
                }
            },
            Self::Priority => {
                let Some(value) = &args.priority_id else {
                    return Ok(None);
                };
                Target::Priority(resolver.priority("priorityId", value).await?)
            }
            Self::Resolution => match &args.resolution_id {
                None => return Ok(None),
                Some(None) => Target::Resolution(None),
                Some(Some(value)) => {
                    Target::Resolution(Some(resolver.resolution("resolutionId", value).await?))
                }
            },
            Self::StartDate => match wanted.start {
                Change::Keep => return Ok(None),
                Change::Clear => Target::StartDate(None),
                Change::Set(day) => Target::StartDate(Some(day)),
            },
            Self::DueDate => match wanted.due {
                Change::Keep => return Ok(None),
                Change::Clear => Target::DueDate(None),
                Change::Set(day) => Target::DueDate(Some(day)),
            },
            Self::Milestones => {
                let Some(values) = &args.milestone_id else {
                    return Ok(None);
                };
                Target::Milestones(resolver.versions("milestoneId", &[project], values).await?)
            }
            Self::Categories => {
                let Some(values) = &args.category_id else {
                    return Ok(None);
                };
                Target::Categories(
                    resolver
                        .categories("categoryId", &[project], values)
                        .await?,
                )
            }
        }))
    }
}
