//! The demo space: five people, three projects (one Japanese, two with a custom
//! status) and their vocabulary; its 50 issues (`seed_issues`), conversations
//! (`seed_comments`), custom fields, attachments, watch lists, stars and a
//! history of activities come from the `seed_*` modules. Fixed dates keep it
//! reproducible.

use super::space::{ProjectRecord, Space};
use super::vocabulary::DEFAULT_STATUSES;
use super::{
    seed_comments, seed_custom_fields, seed_files, seed_follows, seed_history, seed_issues,
};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::ids::{CategoryId, IssueTypeId, ProjectId, StatusId, UserId, VersionId};
use crate::domain::keys::ProjectKey;
use crate::domain::project::{Category, IssueType, Project, Status, Version};
use crate::domain::space::Space as SpaceInfo;
use crate::domain::user::{User, UserRef};
use chrono::{DateTime, TimeZone, Utc};

/// Builds the demo space; `None` only if the tables below are inconsistent,
/// which the unit tests rule out.
pub fn demo_space() -> Option<Space> {
    let users = demo_users()?;
    let projects = PROJECTS
        .iter()
        .map(project_record)
        .collect::<Option<Vec<_>>>()?;
    let mut space = Space {
        myself: UserId::new(MYSELF).ok(),
        info: demo_space_info(),
        users,
        projects,
        ..Space::default()
    };
    seed_issues::add(&mut space)?;
    seed_comments::add_comments(&mut space)?;
    seed_history::add_comments(&mut space)?;
    seed_custom_fields::add(&mut space)?;
    seed_files::add(&mut space)?;
    seed_history::add_activities(&mut space)?;
    seed_follows::add_watchings(&mut space)?;
    seed_follows::add_stars(&mut space)?;
    space.clock = seed_history::latest_instant(&space);
    Some(space)
}

/// The demo's people, also those of generated spaces.
pub(super) fn demo_users() -> Option<Vec<User>> {
    USERS.iter().map(|u| user(*u)).collect()
}

pub(super) fn demo_space_info() -> Option<SpaceInfo> {
    Some(SpaceInfo {
        space_key: "demo".to_owned(),
        name: "Demo Space".to_owned(),
        owner_id: UserId::new(1000).ok(),
        lang: Some("ja".to_owned()),
        timezone: Some("Asia/Tokyo".to_owned()),
        text_formatting_rule: Some("markdown".to_owned()),
        created: Some(at(2026, 9, 1, 0)),
        updated: Some(at(2026, 10, 1, 0)),
    })
}

const MYSELF: i64 = 1001;

type UserRow = (i64, &'static str, &'static str, &'static str, i64);

const USERS: [UserRow; 6] = [
    (1000, "admin", "Admin", "en", 1),
    (1001, "a.tanaka", "Aiko Tanaka", "ja", 2),
    (1002, "t.sato", "Taro Sato", "en", 2),
    (1003, "m.suzuki", "鈴木 美香", "ja", 2),
    (1004, "j.smith", "John Smith", "en", 2),
    (1005, "k.yamada", "山田 健", "ja", 2),
];

fn user((id, login, name, lang, role): UserRow) -> Option<User> {
    Some(User {
        id: UserId::new(id).ok()?,
        login_id: Some(login.to_owned()),
        name: name.to_owned(),
        role_type: Some(role),
        lang: Some(lang.to_owned()),
        mail_address: Some(format!("{login}@demo.example")),
        last_login: Some(at(2026, 11, 21, 9)),
    })
}

struct ProjectSeed {
    id: i64,
    key: &'static str,
    name: &'static str,
    statuses: &'static [(i64, &'static str, &'static str, i64)],
    issue_types: &'static [(i64, &'static str, &'static str)],
    categories: &'static [(i64, &'static str)],
    /// id, name, start, release due, is milestone (else version)
    versions: &'static [(
        i64,
        &'static str,
        Option<&'static str>,
        Option<&'static str>,
    )],
}

const PROJECTS: [ProjectSeed; 3] = [
    ProjectSeed {
        id: 101,
        key: "WEB",
        name: "Web Renewal",
        statuses: &[
            (1, "Open", "#ed8077", 1000),
            (2, "In Progress", "#4488c5", 2000),
            (10001, "In Review", "#868cb7", 2500),
            (3, "Resolved", "#5eb5a6", 3000),
            (4, "Closed", "#b0be3c", 4000),
        ],
        issue_types: &[
            (201, "Bug", "#990000"),
            (202, "Task", "#7ea800"),
            (203, "Request", "#ff9200"),
            (204, "Other", "#2779ca"),
        ],
        categories: &[(301, "Frontend"), (302, "Backend"), (303, "Design")],
        versions: &[
            (401, "Sprint 41", Some("2026-11-02"), Some("2026-11-13")),
            (402, "Sprint 42", Some("2026-11-16"), Some("2026-11-27")),
            (403, "Sprint 43", Some("2026-11-30"), Some("2026-12-11")),
            (404, "v2.0", None, Some("2026-12-15")),
        ],
    },
    ProjectSeed {
        id: 102,
        key: "APP",
        name: "Mobile App",
        statuses: &DEFAULT_STATUSES,
        issue_types: &[
            (211, "Bug", "#990000"),
            (212, "Task", "#7ea800"),
            (213, "Request", "#ff9200"),
            (214, "Other", "#2779ca"),
        ],
        categories: &[(311, "iOS"), (312, "Android"), (313, "API")],
        versions: &[
            (411, "1.4.0", Some("2026-10-19"), Some("2026-11-20")),
            (412, "1.5.0", Some("2026-11-23"), Some("2027-01-15")),
        ],
    },
    ProjectSeed {
        id: 103,
        key: "OPS",
        name: "社内インフラ運用",
        statuses: &[
            (1, "未対応", "#ed8077", 1000),
            (2, "処理中", "#4488c5", 2000),
            (10002, "保留", "#eda62a", 2500),
            (3, "処理済み", "#5eb5a6", 3000),
            (4, "完了", "#b0be3c", 4000),
        ],
        issue_types: &[
            (221, "障害", "#e30000"),
            (222, "作業", "#7ea800"),
            (223, "問い合わせ", "#2779ca"),
        ],
        categories: &[
            (321, "ネットワーク"),
            (322, "サーバー"),
            (323, "アカウント"),
        ],
        versions: &[
            (421, "2026年11月", Some("2026-11-01"), Some("2026-11-30")),
            (422, "2026年12月", Some("2026-12-01"), Some("2026-12-28")),
        ],
    },
];

/// Finished milestones that were archived; their issues keep them (WEB's
/// "Sprint 41" still holds two resolved, not closed, issues).
const ARCHIVED_VERSIONS: [&str; 1] = ["Sprint 41"];

fn project_record(seed: &ProjectSeed) -> Option<ProjectRecord> {
    let project_id = ProjectId::new(seed.id).ok()?;
    Some(ProjectRecord {
        project: Project {
            id: project_id,
            key: ProjectKey::parse(seed.key).ok()?,
            name: seed.name.to_owned(),
            archived: false,
            chart_enabled: true,
            subtasking_enabled: true,
            project_leader_can_edit_project_leader: false,
            text_formatting_rule: "markdown".to_owned(),
        },
        statuses: seed
            .statuses
            .iter()
            .map(|(id, name, color, order)| {
                Some(Status {
                    id: StatusId::new(*id).ok()?,
                    project_id: Some(project_id),
                    name: (*name).to_owned(),
                    color: Some((*color).to_owned()),
                    display_order: *order,
                })
            })
            .collect::<Option<_>>()?,
        issue_types: seed
            .issue_types
            .iter()
            .enumerate()
            .map(|(i, (id, name, color))| {
                Some(IssueType {
                    id: IssueTypeId::new(*id).ok()?,
                    project_id: Some(project_id),
                    name: (*name).to_owned(),
                    color: Some((*color).to_owned()),
                    display_order: i64::try_from(i).ok()?,
                })
            })
            .collect::<Option<_>>()?,
        categories: seed
            .categories
            .iter()
            .enumerate()
            .map(|(i, (id, name))| {
                Some(Category {
                    id: CategoryId::new(*id).ok()?,
                    name: (*name).to_owned(),
                    display_order: i64::try_from(i).ok()?,
                })
            })
            .collect::<Option<_>>()?,
        versions: seed
            .versions
            .iter()
            .enumerate()
            .map(|(i, (id, name, start, due))| {
                Some(Version {
                    id: VersionId::new(*id).ok()?,
                    project_id: Some(project_id),
                    name: (*name).to_owned(),
                    description: None,
                    start_date: start.and_then(|d| CalendarDate::parse(d).ok()),
                    release_due_date: due.and_then(|d| CalendarDate::parse(d).ok()),
                    archived: ARCHIVED_VERSIONS.contains(name),
                    display_order: i64::try_from(i).ok()?,
                })
            })
            .collect::<Option<_>>()?,
        members: USERS.iter().filter_map(|u| UserId::new(u.0).ok()).collect(),
        custom_fields: Vec::new(),
    })
}

pub(super) fn at(year: i32, month: u32, day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(year, month, day, hour, 0, 0)
        .single()
        .unwrap_or_default()
}

pub(super) fn user_ref(space: &Space, login: &str) -> Option<UserRef> {
    space
        .users
        .iter()
        .find(|u| u.login_id.as_deref() == Some(login))
        .map(User::to_ref)
}

#[cfg(test)]
#[path = "seed_tests.rs"]
mod tests;
