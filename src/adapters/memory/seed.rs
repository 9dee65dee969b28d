//! The demo space: five people, three projects (one Japanese, two with a custom
//! status), 50 issues in English and Japanese with dates, milestones and
//! parent/child links, and a few conversations; custom fields, attachments,
//! watch lists, stars and a history of activities come from the `seed_*`
//! modules. Fixed dates keep it reproducible.

use super::space::{ProjectRecord, Space};
use super::vocabulary::{DEFAULT_STATUSES, PRIORITIES};
use super::{seed_custom_fields, seed_files, seed_history};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::comment::{ChangeLogEntry, Comment};
use crate::domain::ids::{
    CategoryId, CommentId, IssueId, IssueTypeId, PriorityId, ProjectId, StatusId, UserId, VersionId,
};
use crate::domain::issue::{Issue, Named};
use crate::domain::keys::{IssueKey, ProjectKey};
use crate::domain::project::{Category, IssueType, Project, Status, Version};
use crate::domain::space::Space as SpaceInfo;
use crate::domain::user::{User, UserRef};
use chrono::{DateTime, Duration, TimeZone, Utc};

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
    let mut next_id = 5000;
    for (index, seed) in ISSUES.iter().enumerate() {
        next_id += 1;
        let issue = build_issue(&space, seed, next_id, index)?;
        space.issues.push(issue);
    }
    link_parents(&mut space)?;
    add_comments(&mut space)?;
    seed_history::add_comments(&mut space)?;
    seed_custom_fields::add(&mut space)?;
    seed_files::add(&mut space)?;
    seed_history::add_activities(&mut space)?;
    seed_history::add_watchings(&mut space)?;
    seed_history::add_stars(&mut space)?;
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

/// One demo issue: project key, summary, issue type, status, priority (2 High,
/// 3 Normal, 4 Low), assignee login, start, due, milestone, category, parent
/// issue number, description.
struct IssueSeed {
    project: &'static str,
    summary: &'static str,
    kind: &'static str,
    status: &'static str,
    priority: i64,
    assignee: Option<&'static str>,
    start: Option<&'static str>,
    due: Option<&'static str>,
    milestone: Option<&'static str>,
    category: Option<&'static str>,
    parent: Option<u64>,
    description: &'static str,
}

const fn issue(
    project: &'static str,
    summary: &'static str,
    kind: &'static str,
    status: &'static str,
    priority: i64,
    assignee: Option<&'static str>,
) -> IssueSeed {
    IssueSeed {
        project,
        summary,
        kind,
        status,
        priority,
        assignee,
        start: None,
        due: None,
        milestone: None,
        category: None,
        parent: None,
        description: "",
    }
}

impl IssueSeed {
    const fn dates(mut self, start: Option<&'static str>, due: Option<&'static str>) -> Self {
        self.start = start;
        self.due = due;
        self
    }
    const fn milestone(mut self, name: &'static str) -> Self {
        self.milestone = Some(name);
        self
    }
    const fn category(mut self, name: &'static str) -> Self {
        self.category = Some(name);
        self
    }
    const fn parent(mut self, number: u64) -> Self {
        self.parent = Some(number);
        self
    }
    const fn describe(mut self, text: &'static str) -> Self {
        self.description = text;
        self
    }
}

const ME: Option<&str> = Some("a.tanaka");
const SATO: Option<&str> = Some("t.sato");
const SUZUKI: Option<&str> = Some("m.suzuki");
const SMITH: Option<&str> = Some("j.smith");
const YAMADA: Option<&str> = Some("k.yamada");

const ISSUES: [IssueSeed; 50] = [
    // WEB
    issue("WEB", "Redesign the top page", "Task", "In Progress", 2, ME)
        .dates(Some("2026-11-02"), Some("2026-11-27")).milestone("Sprint 42").category("Design")
        .describe("New layout from the design review of 2026-10-28.\n\n- hero image\n- responsive header\n- news section"),
    issue("WEB", "トップページのヒーロー画像を差し替える", "Task", "Resolved", 3, SUZUKI)
        .dates(Some("2026-11-02"), Some("2026-11-06")).milestone("Sprint 41").category("Design").parent(1),
    issue("WEB", "Implement responsive header", "Task", "In Review", 3, ME)
        .dates(Some("2026-11-09"), Some("2026-11-20")).milestone("Sprint 42").category("Frontend").parent(1),
    issue("WEB", "Top page: lazy-load the news section", "Task", "Open", 4, ME)
        .dates(Some("2026-11-23"), Some("2026-11-27")).milestone("Sprint 42").category("Frontend").parent(1),
    issue("WEB", "Login button does nothing on Safari", "Bug", "In Progress", 2, SATO)
        .dates(Some("2026-11-16"), Some("2026-11-20")).milestone("Sprint 42").category("Frontend")
        .describe("Steps:\n1. Open /login in Safari 18\n2. Enter valid credentials\n3. Click \"Log in\"\n\nNothing happens; the console shows a CSP error."),
    issue("WEB", "ログイン後に500エラーが発生する", "Bug", "Open", 2, ME)
        .dates(None, Some("2026-11-21")).milestone("Sprint 42").category("Backend")
        .describe("一部のユーザーでログイン直後に500エラーが表示される。セッションの復元処理が原因と思われる。"),
    issue("WEB", "Password reset mail not sent to Gmail addresses", "Bug", "Closed", 2, SMITH)
        .dates(Some("2026-10-20"), Some("2026-10-23")).milestone("Sprint 41").category("Backend"),
    issue("WEB", "Add CSV export to the order list", "Request", "Open", 3, None),
    issue("WEB", "Rate limit the search API", "Task", "In Progress", 3, YAMADA)
        .dates(Some("2026-11-16"), Some("2026-11-30")).milestone("Sprint 42").category("Backend"),
    issue("WEB", "検索結果のページングで同じ商品が重複する", "Bug", "Open", 3, ME)
        .dates(None, Some("2026-12-04")).milestone("Sprint 43").category("Backend"),
    issue("WEB", "Update the privacy policy page", "Task", "Closed", 4, SUZUKI).milestone("Sprint 41"),
    issue("WEB", "Accessibility audit (WCAG 2.2)", "Task", "Open", 3, SMITH)
        .dates(Some("2026-11-30"), Some("2026-12-11")).milestone("Sprint 43").category("Frontend"),
    issue("WEB", "Fix the colour contrast of buttons", "Task", "Open", 3, ME)
        .milestone("Sprint 43").category("Design").parent(12),
    issue("WEB", "フォームの入力欄にラベルを付ける", "Task", "Open", 4, SATO)
        .milestone("Sprint 43").category("Frontend").parent(12),
    issue("WEB", "Serve images as WebP", "Task", "Resolved", 4, SATO).milestone("Sprint 41").category("Frontend"),
    issue("WEB", "お問い合わせフォームのスパム対策", "Request", "In Progress", 2, ME)
        .dates(Some("2026-11-18"), Some("2026-11-25")).milestone("Sprint 42").category("Backend"),
    issue("WEB", "Broken link on the careers page", "Bug", "Closed", 4, SUZUKI),
    issue("WEB", "Set up the staging environment for v2.0", "Task", "Resolved", 3, YAMADA).milestone("v2.0"),
    issue("WEB", "Release v2.0", "Task", "Open", 2, ME)
        .dates(None, Some("2026-12-15")).milestone("v2.0"),
    issue("WEB", "Cookie banner overlaps the footer on mobile", "Bug", "In Review", 3, SATO).category("Frontend"),
    issue("WEB", "サイトマップXMLを自動生成する", "Request", "Open", 4, None),
    issue("WEB", "Web fonts cause a layout shift", "Bug", "Open", 3, ME)
        .dates(None, Some("2026-11-28")).milestone("Sprint 42").category("Frontend"),
    // APP
    issue("APP", "Crash on launch on Android 12", "Bug", "In Progress", 2, YAMADA)
        .dates(Some("2026-11-17"), Some("2026-11-21")).milestone("1.4.0").category("Android"),
    issue("APP", "Push notifications arrive twice", "Bug", "Open", 2, ME)
        .dates(None, Some("2026-11-26")).milestone("1.5.0").category("API"),
    issue("APP", "ダークモード対応", "Request", "In Progress", 3, ME)
        .dates(Some("2026-11-10"), Some("2026-12-18")).milestone("1.5.0").category("iOS"),
    issue("APP", "Dark mode: iOS screens", "Task", "In Progress", 3, ME)
        .dates(Some("2026-11-10"), Some("2026-12-04")).milestone("1.5.0").category("iOS").parent(3),
    issue("APP", "ダークモード: Android画面", "Task", "Open", 3, YAMADA)
        .dates(Some("2026-12-01"), Some("2026-12-18")).milestone("1.5.0").category("Android").parent(3),
    issue("APP", "Release 1.4.0 to the stores", "Task", "Resolved", 2, SMITH)
        .dates(None, Some("2026-11-20")).milestone("1.4.0"),
    issue("APP", "Ask for an in-app review", "Request", "Open", 4, None),
    issue("APP", "Offline mode for the order history", "Request", "Open", 3, SATO).milestone("1.5.0").category("API"),
    issue("APP", "ログイン画面の文言を修正する", "Task", "Closed", 4, SUZUKI).milestone("1.4.0"),
    issue("APP", "Deep links to product pages fail on iOS 18", "Bug", "Open", 3, ME)
        .dates(None, Some("2026-12-02")).milestone("1.5.0").category("iOS"),
    issue("APP", "Upgrade Kotlin to 2.1", "Task", "Closed", 3, YAMADA).milestone("1.4.0").category("Android"),
    issue("APP", "Analytics events missing for checkout", "Bug", "In Progress", 3, SATO).milestone("1.5.0").category("API"),
    issue("APP", "Keep the app below 50 MB", "Task", "Open", 4, None).milestone("1.5.0"),
    issue("APP", "プッシュ通知の設定画面を追加する", "Request", "Open", 3, ME).milestone("1.5.0").category("iOS"),
    issue("APP", "NullPointerException in CartViewModel", "Bug", "Resolved", 2, YAMADA).milestone("1.4.0").category("Android"),
    // OPS
    issue("OPS", "VPN接続が頻繁に切断される", "障害", "処理中", 2, ME)
        .dates(Some("2026-11-19"), Some("2026-11-24")).milestone("2026年11月").category("ネットワーク")
        .describe("在宅勤務者から、VPNが30分ほどで切断されるとの報告が複数あり。"),
    issue("OPS", "新入社員のアカウント作成（12月入社 3名）", "作業", "未対応", 3, SUZUKI)
        .dates(None, Some("2026-11-30")).milestone("2026年11月").category("アカウント"),
    issue("OPS", "バックアップサーバーのディスク増設", "作業", "保留", 3, YAMADA).milestone("2026年12月").category("サーバー"),
    issue("OPS", "SSL証明書の更新（www.demo.example）", "作業", "完了", 2, ME)
        .dates(None, Some("2026-11-10")).milestone("2026年11月").category("サーバー"),
    issue("OPS", "会議室のWi-Fiが遅い", "問い合わせ", "未対応", 4, None).category("ネットワーク"),
    issue("OPS", "監視アラートの閾値見直し", "作業", "処理中", 3, ME)
        .dates(Some("2026-11-16"), Some("2026-11-28")).milestone("2026年11月").category("サーバー"),
    issue("OPS", "CPU使用率アラートの閾値を80%に変更", "作業", "処理済み", 3, YAMADA).parent(6),
    issue("OPS", "ディスク使用率アラートを追加する", "作業", "未対応", 3, ME)
        .dates(None, Some("2026-11-27")).parent(6),
    issue("OPS", "退職者アカウントの削除（11月分）", "作業", "完了", 3, SUZUKI).category("アカウント"),
    issue("OPS", "ファイルサーバーにアクセスできない", "障害", "処理済み", 2, YAMADA).category("ネットワーク"),
    issue("OPS", "OSのセキュリティアップデート適用（12月）", "作業", "未対応", 2, ME)
        .dates(Some("2026-12-07"), Some("2026-12-11")).milestone("2026年12月").category("サーバー"),
    issue("OPS", "プリンターの設定方法を教えてほしい", "問い合わせ", "完了", 4, SUZUKI),
    issue("OPS", "Document the on-call rotation", "作業", "未対応", 4, SMITH).milestone("2026年12月"),
];

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

fn build_issue(space: &Space, seed: &IssueSeed, id: i64, index: usize) -> Option<Issue> {
    let record = space
        .projects
        .iter()
        .find(|p| p.project.key.as_str() == seed.project)?;
    let number = 1 + space
        .issues
        .iter()
        .filter(|i| i.project_id == record.project.id)
        .count();
    let status = record.statuses.iter().find(|s| s.name == seed.status)?;
    let issue_type = record.issue_types.iter().find(|t| t.name == seed.kind)?;
    let priority = PRIORITIES.iter().find(|(p, _)| *p == seed.priority)?;
    let version = |name: &str| record.versions.iter().find(|v| v.name == name);
    let milestones = match seed.milestone {
        Some(name) => vec![Named::new(version(name)?.id, name)],
        None => Vec::new(),
    };
    let categories = match seed.category {
        Some(name) => {
            let category = record.categories.iter().find(|c| c.name == name)?;
            vec![Named::new(category.id, name)]
        }
        None => Vec::new(),
    };
    // Spread creation over October and November 2026; later issues are newer.
    let offset = i64::try_from(index).ok()?;
    let created = at(2026, 10, 1, 0) + Duration::hours(offset * 25 + 1);
    let updated = (created + Duration::hours((offset * 37) % 400 + 3)).min(at(2026, 11, 21, 18));
    let creator = user_ref(space, "admin")?;
    let assignee = match seed.assignee {
        Some(login) => Some(user_ref(space, login)?),
        None => None,
    };
    let is_done = status.id == StatusId::CLOSED || status.id.get() == 3;
    Some(Issue {
        id: IssueId::new(id).ok()?,
        project_id: record.project.id,
        key: IssueKey::new(record.project.key.clone(), u64::try_from(number).ok()?).ok()?,
        issue_type: Named::new(issue_type.id, issue_type.name.clone()),
        summary: seed.summary.to_owned(),
        description: seed.description.to_owned(),
        status: Named::new(status.id, status.name.clone()),
        priority: Some(Named::new(PriorityId::new(priority.0).ok()?, priority.1)),
        resolution: None,
        assignee: assignee.clone(),
        categories,
        versions: Vec::new(),
        milestones,
        start_date: seed.start.and_then(|d| CalendarDate::parse(d).ok()),
        due_date: seed.due.and_then(|d| CalendarDate::parse(d).ok()),
        estimated_hours: seed.start.map(|_| 8.0),
        actual_hours: is_done.then_some(6.5),
        parent_issue_id: None,
        custom_fields: Vec::new(),
        attachments: Vec::new(),
        shared_files: Vec::new(),
        star_count: 0,
        child_issue_summary: None,
        created_user: Some(creator.clone()),
        created,
        updated_user: assignee.or(Some(creator)),
        updated: Some(updated),
    })
}

/// Resolves each seed's parent number into the parent's issue id.
fn link_parents(space: &mut Space) -> Option<()> {
    let links: Vec<(usize, IssueId)> = ISSUES
        .iter()
        .enumerate()
        .filter_map(|(index, seed)| {
            let number = seed.parent?;
            let parent = space
                .issues
                .iter()
                .find(|i| i.key.project().as_str() == seed.project && i.key.number() == number)?;
            Some((index, parent.id))
        })
        .collect();
    for (index, parent_id) in links {
        space.issues.get_mut(index)?.parent_issue_id = Some(parent_id);
    }
    Some(())
}

/// (issue key, author login, day of November 2026, hour UTC, text, change log,
/// logins of the users notified)
type CommentSeed = (
    &'static str,
    &'static str,
    u32,
    u32,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
    &'static [&'static str],
);

const COMMENTS: [CommentSeed; 9] = [
    (
        "WEB-5",
        "t.sato",
        16,
        2,
        "Reproduced on Safari 18.1 and 17.6. Chrome and Firefox are fine.",
        &[],
        &[],
    ),
    (
        "WEB-5",
        "t.sato",
        16,
        3,
        "",
        &[("status", "Open", "In Progress")],
        &[],
    ),
    (
        "WEB-5",
        "a.tanaka",
        17,
        5,
        "The CSP header blocks the inline handler. Moving it to login.js should fix it.",
        &[],
        &[],
    ),
    (
        "WEB-6",
        "a.tanaka",
        20,
        1,
        "再現手順を確認中です。ステージングでは再現しません。",
        &[],
        &[],
    ),
    (
        "APP-1",
        "k.yamada",
        17,
        6,
        "Crash log attached in Crashlytics: java.lang.IllegalStateException in MainActivity.onCreate.",
        &[],
        &[],
    ),
    (
        "APP-1",
        "j.smith",
        18,
        8,
        "This blocks the 1.4.0 release. Can we hotfix by Friday?",
        &[("priority", "Normal", "High")],
        &["k.yamada", "a.tanaka"],
    ),
    (
        "OPS-1",
        "a.tanaka",
        19,
        0,
        "ルーターのファームウェアを確認します。",
        &[("status", "未対応", "処理中")],
        &["k.yamada"],
    ),
    (
        "OPS-1",
        "k.yamada",
        20,
        2,
        "セッションタイムアウトの設定が30分になっていました。",
        &[],
        &[],
    ),
    (
        "OPS-1",
        "a.tanaka",
        21,
        4,
        "",
        &[("assigner", "山田 健", "Aiko Tanaka")],
        &[],
    ),
];

fn add_comments(space: &mut Space) -> Option<()> {
    for (index, (key, login, day, hour, text, changes, notified)) in COMMENTS.iter().enumerate() {
        let issue_id = space.issues.iter().find(|i| i.key.to_string() == *key)?.id;
        let comment = Comment {
            id: CommentId::new(9001 + i64::try_from(index).ok()?).ok()?,
            content: (*text).to_owned(),
            change_log: changes
                .iter()
                .map(|(field, old, new)| {
                    ChangeLogEntry::new(*field, Some((*old).to_owned()), Some((*new).to_owned()))
                })
                .collect(),
            notified: notified
                .iter()
                .map(|login| user_ref(space, login))
                .collect::<Option<_>>()?,
            created_user: user_ref(space, login),
            created: at(2026, 11, *day, *hour),
            updated: Some(at(2026, 11, *day, *hour)),
        };
        if let Some(issue) = space.issues.iter_mut().find(|i| i.id == issue_id) {
            issue.updated = issue.updated.max(Some(comment.created));
        }
        space.comments.entry(issue_id).or_default().push(comment);
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_space_is_complete_and_consistent() {
        let space = demo_space().expect("the seed tables are consistent");
        assert_eq!(space.users.len(), 6);
        assert_eq!(space.projects.len(), 3);
        assert_eq!(space.issues.len(), 50);
        assert!(space.issues.iter().any(|i| i.summary.contains("ログイン")));
        assert_eq!(
            space
                .issues
                .iter()
                .filter(|i| i.parent_issue_id.is_some())
                .count(),
            9
        );
        let web_3 = space
            .issues
            .iter()
            .find(|i| i.key.to_string() == "WEB-3")
            .unwrap();
        let web_1 = space
            .issues
            .iter()
            .find(|i| i.key.to_string() == "WEB-1")
            .unwrap();
        assert_eq!(web_3.parent_issue_id, Some(web_1.id));
        assert_eq!(space.comments.values().map(Vec::len).sum::<usize>(), 15);
        let mut comment_ids: Vec<i64> = space
            .comments
            .values()
            .flatten()
            .map(|c| c.id.get())
            .collect();
        comment_ids.sort_unstable();
        assert_eq!(comment_ids, (9001..=9015).collect::<Vec<_>>());
    }

    fn issue<'a>(space: &'a Space, key: &str) -> &'a Issue {
        space
            .issues
            .iter()
            .find(|i| i.key.to_string() == key)
            .unwrap()
    }

    #[test]
    fn the_space_is_described_with_its_owner_and_zone() {
        let space = demo_space().unwrap();
        let info = space.info.unwrap();
        assert_eq!(
            (info.space_key.as_str(), info.name.as_str()),
            ("demo", "Demo Space")
        );
        assert_eq!(info.timezone.as_deref(), Some("Asia/Tokyo"));
        assert_eq!(info.lang.as_deref(), Some("ja"));
        assert_eq!(info.owner_id.map(UserId::get), Some(1000));
    }

    #[test]
    fn added_comments_leave_every_issue_update_time_as_it_was() {
        let space = demo_space().unwrap();
        for issue in &space.issues {
            let comments = space.comments.get(&issue.id).into_iter().flatten();
            for comment in comments.filter(|c| c.id.get() > 9009) {
                assert!(Some(comment.created) < issue.updated, "{}", issue.key);
            }
        }
        // Issues whose details tests read keep their conversations.
        let count = |key| {
            space
                .comments
                .get(&issue(&space, key).id)
                .map_or(0, Vec::len)
        };
        assert_eq!(
            (
                count("WEB-5"),
                count("OPS-1"),
                count("APP-4"),
                count("WEB-3")
            ),
            (3, 3, 0, 0)
        );
    }

    #[test]
    fn web_issues_carry_custom_field_values_of_the_project_definitions() {
        let space = demo_space().unwrap();
        let web = space
            .projects
            .iter()
            .find(|p| p.project.key.as_str() == "WEB")
            .unwrap();
        let names: Vec<&str> = web.custom_fields.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Story points",
                "Browser",
                "Platforms",
                "Customer",
                "Target date"
            ]
        );
        let web_5 = issue(&space, "WEB-5");
        let fields: Vec<(&str, String)> = web_5
            .custom_fields
            .iter()
            .map(|v| {
                (
                    v.name.as_str(),
                    super::super::custom_field_values::display(v).unwrap(),
                )
            })
            .collect();
        assert_eq!(
            fields,
            [
                ("Story points", "3".to_owned()),
                ("Browser", "Safari".to_owned()),
                ("Platforms", "macOS, iOS".to_owned()),
                ("Customer", "山田商事".to_owned()),
            ]
        );
        let app = space
            .projects
            .iter()
            .find(|p| p.project.key.as_str() == "APP")
            .unwrap();
        assert!(app.custom_fields.iter().any(|d| d.accepts_other_text()));
        assert_eq!(
            issue(&space, "APP-3").custom_fields[0]
                .other_value
                .as_deref(),
            Some("Foldables")
        );
    }

    #[test]
    fn attachments_are_listed_on_their_issues_with_stored_bytes() {
        let space = demo_space().unwrap();
        let listed: Vec<(i64, String, u64)> = space
            .issues
            .iter()
            .flat_map(|i| {
                i.attachments
                    .iter()
                    .map(move |a| (a.id.get(), format!("{}:{}", i.key, a.name), a.size))
            })
            .collect();
        assert_eq!(listed.len(), 5);
        for (id, name, size) in &listed {
            let file = &space.files[&crate::domain::ids::AttachmentId::new(*id).unwrap()];
            assert_eq!(file.bytes.len() as u64, *size, "{name}");
        }
        assert!(
            listed
                .iter()
                .any(|(_, n, _)| n == "WEB-20:cookie-banner-iphone.png")
        );
        assert!(
            listed
                .iter()
                .any(|(_, n, _)| n == "OPS-4:見積書_SSL証明書.pdf")
        );
    }

    #[test]
    fn history_watchings_and_stars_are_seeded_in_order() {
        let space = demo_space().unwrap();
        assert!(space.activities.len() > 60);
        assert!(
            space
                .activities
                .windows(2)
                .all(|w| w[0].id < w[1].id && w[0].created <= w[1].created)
        );
        assert_eq!(space.activities[0].id.get(), 3001);
        let mine = space.watchings.iter().filter(|w| w.user.get() == MYSELF);
        assert_eq!(mine.clone().count(), 6);
        assert_eq!(mine.filter(|w| !w.resource_already_read).count(), 3);
        assert_eq!(space.stars.len(), 15);
        assert!(space.clock >= at(2026, 11, 21, 18));
    }
}
