//! Large synthetic spaces for paging tests and benchmarks: `projects` projects
//! `GEN1`, `GEN2` … of `issues` issues each, with the demo space's people.
//! Everything is derived from an issue's index, so two calls build equal spaces,
//! and 5000 issues take milliseconds. Every 10th issue starts a family of the
//! next four; every 50th has three comments (the last only a status change).

use super::custom_field_values::CustomFieldRules;
use super::seed::{at, demo_users, user_ref};
use super::space::{ProjectRecord, Space};
use super::vocabulary::{DEFAULT_ISSUE_TYPES, DEFAULT_STATUSES, PRIORITIES};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::comment::{ChangeLogEntry, Comment};
use crate::domain::custom_field::{
    CustomFieldDefinition, CustomFieldInput, CustomFieldSetting, CustomFieldType, TypeSettings,
};
use crate::domain::ids::{
    CategoryId, CommentId, CustomFieldId, IssueId, IssueTypeId, PriorityId, ProjectId,
    ResolutionId, StatusId, VersionId,
};
use crate::domain::issue::{Issue, Named};
use crate::domain::keys::{IssueKey, ProjectKey};
use crate::domain::project::{Category, IssueType, Project, Status, Version};
use chrono::Duration;

const SUMMARIES: [&str; 8] = [
    "Fix layout of the settings page",
    "ログイン後のリダイレクト先が誤っている",
    "Improve error message when upload fails",
    "検索結果のソート順を保存する",
    "Add CSV export to the report screen",
    "通知メールの文面を修正する",
    "Refactor session handling",
    "API のタイムアウト値を見直す",
];

/// Assignees in turn (logins; `None` unassigned).
const ASSIGNEES: [Option<&str>; 5] = [
    Some("t.sato"),
    Some("m.suzuki"),
    Some("j.smith"),
    None,
    Some("admin"),
];
/// Every 10th issue is created by this user (a bot in spirit), the others by "admin".
const IMPORTER: &str = "k.yamada";
const MYSELF: &str = "t.sato";

/// Builds the space; `None` only if the numbers overflow an id.
pub fn generated_space(projects: usize, issues: usize) -> Option<Space> {
    let users = demo_users()?;
    let mut space = Space {
        info: super::seed::demo_space_info(),
        myself: users
            .iter()
            .find(|u| u.login_id.as_deref() == Some(MYSELF))
            .map(|u| u.id),
        users,
        ..Space::default()
    };
    let mut next_comment = 90_000_001_i64;
    for p in 0..i64::try_from(projects).ok()? {
        let record = project(&space, p)?;
        for n in 0..i64::try_from(issues).ok()? {
            let global = p * i64::try_from(issues).ok()? + n;
            let issue = issue(&space, &record, p, n, global)?;
            if n % 50 == 0 {
                let comments = (0..3)
                    .map(|c| comment(&space, &issue, n, c, next_comment + c))
                    .collect::<Option<Vec<_>>>()?;
                next_comment += 3;
                space.comments.insert(issue.id, comments);
            }
            space.issues.push(issue);
        }
        space.projects.push(record);
    }
    space.clock = super::seed_history::latest_instant(&space) + Duration::days(1);
    Some(space)
}

fn project(space: &Space, p: i64) -> Option<ProjectRecord> {
    let id = ProjectId::new(1_100_000_000 + p).ok()?;
    let named = |offset: i64, order: i64| 1_100_000_000 + offset + p * 10 + order;
    Some(ProjectRecord {
        project: Project {
            id,
            key: ProjectKey::parse(&format!("GEN{}", p + 1)).ok()?,
            name: format!("Generated project {}", p + 1),
            archived: false,
            chart_enabled: true,
            subtasking_enabled: true,
            project_leader_can_edit_project_leader: false,
            text_formatting_rule: "markdown".to_owned(),
        },
        statuses: DEFAULT_STATUSES
            .iter()
            .map(|(status, name, color, order)| {
                Some(Status {
                    id: StatusId::new(*status).ok()?,
                    project_id: Some(id),
                    name: (*name).to_owned(),
                    color: Some((*color).to_owned()),
                    display_order: *order,
                })
            })
            .collect::<Option<_>>()?,
        issue_types: (0..)
            .zip(DEFAULT_ISSUE_TYPES)
            .map(|(order, (name, color))| {
                Some(IssueType {
                    id: IssueTypeId::new(named(10_000_000, order)).ok()?,
                    project_id: Some(id),
                    name: name.to_owned(),
                    color: Some(color.to_owned()),
                    display_order: order,
                })
            })
            .collect::<Option<_>>()?,
        categories: (0..3)
            .map(|c| {
                Some(Category {
                    id: CategoryId::new(named(20_000_000, c)).ok()?,
                    name: format!("Component {}", c + 1),
                    display_order: c,
                })
            })
            .collect::<Option<_>>()?,
        versions: (0..4)
            .map(|v| {
                let start = at(2023, 1, 1, 0) + Duration::days(v * 30);
                Some(Version {
                    id: VersionId::new(named(30_000_000, v)).ok()?,
                    project_id: Some(id),
                    name: format!("Milestone {}", v + 1),
                    description: None,
                    start_date: Some(CalendarDate::from_naive(start.date_naive())),
                    release_due_date: Some(CalendarDate::from_naive(
                        (start + Duration::days(28)).date_naive(),
                    )),
                    archived: v == 0,
                    display_order: v,
                })
            })
            .collect::<Option<_>>()?,
        members: space.users.iter().map(|u| u.id).collect(),
        custom_fields: vec![CustomFieldDefinition {
            id: CustomFieldId::new(named(40_000_000, 0)).ok()?,
            field_type: CustomFieldType::Numeric,
            name: "Story points".to_owned(),
            description: String::new(),
            required: false,
            applicable_issue_types: Vec::new(),
            items: Vec::new(),
            allow_input: None,
            allow_add_item: None,
            settings: TypeSettings::Numeric {
                min: None,
                max: None,
                initial_value: None,
                unit: Some("pt".to_owned()),
            },
        }],
    })
}

fn issue(space: &Space, record: &ProjectRecord, p: i64, n: i64, global: i64) -> Option<Issue> {
    let id = 2_000_000_001 + global;
    let created = at(2023, 1, 1, 0) + Duration::minutes(global * 11);
    let updated = created + Duration::minutes((n * 7919) % 100_000);
    let status = record.statuses.get(usize::try_from(n % 4).ok()?)?;
    let issue_type = record.issue_types.get(usize::try_from(n % 4).ok()?)?;
    // Normal, High, Normal, Low in turn.
    let wanted = if n % 4 == 1 {
        2
    } else {
        3 + i64::from(n % 4 == 3)
    };
    let (priority, priority_name) = PRIORITIES.iter().find(|(id, _)| *id == wanted)?;
    let creator = user_ref(space, if n % 10 == 0 { IMPORTER } else { "admin" })?;
    let assignee = match ASSIGNEES.get(usize::try_from(n % 5).ok()?)? {
        Some(login) => Some(user_ref(space, login)?),
        None => None,
    };
    let category = record.categories.get(usize::try_from(n % 3).ok()?)?;
    let milestone = record.versions.get(usize::try_from(n % 4).ok()?)?;
    let day = CalendarDate::from_naive(created.date_naive());
    let mut issue = Issue {
        id: IssueId::new(id).ok()?,
        project_id: record.project.id,
        key: IssueKey::new(record.project.key.clone(), u64::try_from(n + 1).ok()?).ok()?,
        issue_type: Named::new(issue_type.id, issue_type.name.clone()),
        summary: format!(
            "{} #{}",
            SUMMARIES.get(usize::try_from(n % 8).ok()?)?,
            n + 1
        ),
        description: format!(
            "Generated issue {} of project GEN{}.\n\nSteps:\n1. Open the page\n2. Observe the problem\n\n期待する動作: 正しく表示されること。",
            n + 1,
            p + 1
        ),
        status: Named::new(status.id, status.name.clone()),
        priority: Some(Named::new(PriorityId::new(*priority).ok()?, *priority_name)),
        resolution: (status.id.get() >= 3)
            .then(|| ResolutionId::new(0).ok().map(|r| Named::new(r, "Fixed")))
            .flatten(),
        assignee: assignee.clone(),
        categories: if n % 3 == 0 {
            Vec::new()
        } else {
            vec![Named::new(category.id, category.name.clone())]
        },
        versions: Vec::new(),
        milestones: vec![Named::new(milestone.id, milestone.name.clone())],
        start_date: (n % 2 == 0).then_some(day),
        due_date: (n % 3 != 2)
            .then(|| CalendarDate::from_naive(day.naive() + Duration::days(n % 20 + 1))),
        estimated_hours: (n % 5 == 0).then_some((n % 16) as f64 * 0.5),
        actual_hours: None,
        parent_issue_id: (n % 10 > 0 && n % 10 < 5)
            .then(|| IssueId::new(id - n % 10).ok())
            .flatten(),
        custom_fields: Vec::new(),
        attachments: Vec::new(),
        shared_files: Vec::new(),
        star_count: 0,
        child_issue_summary: None,
        created_user: Some(creator.clone()),
        created,
        updated_user: assignee.or(Some(creator)),
        updated: Some(updated),
    };
    if n % 4 != 3 {
        let field = record.custom_fields.first()?;
        let rules = CustomFieldRules::new(&record.custom_fields, issue.issue_type.id);
        let points = CustomFieldSetting {
            id: field.id,
            value: CustomFieldInput::Number((n % 13) as f64),
            other_value: None,
        };
        issue.custom_fields = rules.apply(&[], &[points]).ok()?;
    }
    Some(issue)
}

/// The `c`th comment (0..3) of an issue whose number is a multiple of 50.
fn comment(space: &Space, issue: &Issue, n: i64, c: i64, id: i64) -> Option<Comment> {
    let created = issue.created + Duration::hours(c + 1);
    let (content, change_log) = if c == 2 {
        let change = ChangeLogEntry::new(
            "status",
            Some("Open".to_owned()),
            Some("In Progress".to_owned()),
        );
        (String::new(), vec![change])
    } else {
        (format!("Comment {} on issue {}", c + 1, n + 1), Vec::new())
    };
    Some(Comment {
        id: CommentId::new(id).ok()?,
        content,
        change_log,
        notified: Vec::new(),
        created_user: user_ref(space, "t.sato"),
        created,
        updated: Some(created),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_space_has_what_it_was_asked_for() {
        let space = generated_space(2, 120).expect("ids fit");
        assert_eq!(space.projects.len(), 2);
        assert_eq!(space.issues.len(), 240);
        assert_eq!(space.issues[120].key.to_string(), "GEN2-1");
        assert_eq!(space.comments.len(), 6);
        assert!(space.myself.is_some());
    }
}
