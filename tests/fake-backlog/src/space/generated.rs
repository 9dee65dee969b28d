//! `Space::generated(projects, issues)`: large synthetic spaces for paging tests and
//! benchmarks. Everything is derived from the issue's index, so two calls build equal
//! spaces, and building 5000 issues takes milliseconds.

use super::demo::{ADMIN, BOT, SATO, SMITH, SUZUKI};
use super::*;
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

pub(super) fn build(project_count: usize, issues_per_project: usize) -> Space {
    let users = super::demo::users();
    let assignees = [Some(SATO), Some(SUZUKI), Some(SMITH), None, Some(ADMIN)];
    let mut projects = Vec::with_capacity(project_count);
    let mut issues = Vec::with_capacity(project_count * issues_per_project);
    let base = ts(2023, 1, 1, 0, 0, 0);
    let mut next_issue_id = 2_000_000_001_i64;
    let mut next_comment_id = 90_000_001_i64;

    for p in 0..project_count as i64 {
        let project_id = 1_100_000_000 + p;
        let mut project = super::demo::project(project_id, &format!("GEN{}", p + 1), "");
        project.name = format!("Generated project {}", p + 1);
        project.issue_types = ["Task", "Bug", "Request", "Other"]
            .iter()
            .zip(["#7ea800", "#990000", "#ff9200", "#2779ca"])
            .zip(0..)
            .map(|((name, color), order)| IssueType {
                id: 1_110_000_000 + p * 10 + order,
                project_id,
                name: (*name).into(),
                color: color.into(),
                display_order: order,
                template_summary: None,
                template_description: None,
            })
            .collect();
        project.categories = (0..3)
            .map(|c| Category {
                id: 1_120_000_000 + p * 10 + c,
                project_id,
                name: format!("Component {}", c + 1),
                display_order: c,
            })
            .collect();
        project.versions = (0..4)
            .map(|v| Version {
                id: 1_130_000_000 + p * 10 + v,
                project_id,
                name: format!("Milestone {}", v + 1),
                description: Some(String::new()),
                start_date: Some(date(2023, 1, 1) + Duration::days(v * 30)),
                release_due_date: Some(date(2023, 1, 29) + Duration::days(v * 30)),
                archived: v == 0,
                display_order: v,
            })
            .collect();
        let mut points = CustomField {
            id: 1_140_000_000 + p * 10,
            project_id,
            type_id: CustomFieldType::Numeric,
            name: "Story points".into(),
            description: String::new(),
            required: false,
            applicable_issue_types: Vec::new(),
            display_order: 0,
            unit: None,
            min: None,
            max: None,
            initial_value: None,
            initial_shift: None,
            items: Vec::new(),
            allow_input: false,
        };
        points.unit = Some("pt".into());
        project.custom_fields = vec![points];

        for n in 0..issues_per_project as i64 {
            let global = p * issues_per_project as i64 + n;
            let created = base + Duration::minutes(global * 11);
            let updated = created + Duration::minutes((n * 7919) % 100_000);
            let status_id = n % 4 + 1;
            let creator = if n % 10 == 0 { BOT } else { ADMIN };
            let assignee = assignees[(n % 5) as usize];
            let summary = SUMMARIES[(n % 8) as usize];
            let mut issue = Issue {
                id: next_issue_id,
                project_id,
                key_id: n + 1,
                issue_type_id: project.issue_types[(n % 4) as usize].id,
                summary: format!("{summary} #{}", n + 1),
                description: format!(
                    "Generated issue {} of project GEN{}.\n\nSteps:\n1. Open the page\n2. Observe the problem\n\n期待する動作: 正しく表示されること。",
                    n + 1,
                    p + 1
                ),
                resolution_id: (status_id >= 3).then_some(0),
                priority_id: [3, 2, 3, 4][(n % 4) as usize],
                status_id,
                assignee_id: assignee,
                category_ids: if n % 3 == 0 {
                    Vec::new()
                } else {
                    vec![project.categories[(n % 3) as usize].id]
                },
                version_ids: Vec::new(),
                milestone_ids: vec![project.versions[(n % 4) as usize].id],
                start_date: (n % 2 == 0).then(|| created.date_naive()),
                due_date: (n % 3 != 2).then(|| created.date_naive() + Duration::days(n % 20 + 1)),
                estimated_hours: (n % 5 == 0).then_some((n % 16) as f64 * 0.5),
                actual_hours: None,
                // Every 10th issue starts a family of the next four.
                parent_issue_id: (n % 10 > 0 && n % 10 < 5).then(|| next_issue_id - n % 10),
                created_user_id: creator,
                created,
                updated_user_id: assignee.unwrap_or(ADMIN),
                updated,
                custom_fields: vec![(
                    1_140_000_000 + p * 10,
                    CustomValue::Numeric((n % 4 != 3).then_some((n % 13) as f64)),
                )],
                custom_field_other_values: Vec::new(),
                attachments: Vec::new(),
                shared_files: Vec::new(),
                stars: Vec::new(),
                comments: Vec::new(),
            };
            if n % 50 == 0 {
                for c in 0..3 {
                    let at = created + Duration::hours(c + 1);
                    let content = if c == 2 {
                        String::new()
                    } else {
                        format!("Comment {} on issue {}", c + 1, n + 1)
                    };
                    let change_log = if c == 2 {
                        vec![ChangeLogEntry::new(
                            "status",
                            Some("Open"),
                            Some("In Progress"),
                        )]
                    } else {
                        Vec::new()
                    };
                    issue.comments.push(Comment::new(
                        next_comment_id,
                        content,
                        change_log,
                        SATO,
                        at,
                    ));
                    next_comment_id += 1;
                }
            }
            next_issue_id += 1;
            issues.push(issue);
        }
        projects.push(project);
    }

    let latest = issues
        .iter()
        .map(|i| i.updated)
        .max()
        .unwrap_or(base)
        .max(base + Duration::hours(1));
    Space {
        api_key: DEFAULT_API_KEY.to_owned(),
        myself_id: SATO,
        info: super::demo::space_info(),
        users,
        projects,
        issues,
        clock: latest + Duration::days(1),
        next_issue_id,
        next_comment_id,
        next_ids: NextIds::default(),
        watchings: Vec::new(),
        activities: Vec::new(),
        related_issues: Vec::new(),
        staged_attachments: Vec::new(),
    }
}
