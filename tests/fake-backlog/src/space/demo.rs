//! `Space::demo()`: a small, realistic, fully deterministic space.
//!
//! Users: Admin (1073800001), Taro Sato (1073800012, "myself"), 鈴木 花子 (1073800013),
//! John Smith (1073800014) and a login-less "Build Bot" (1073800015, null userId/lang).
//! Projects: WEB (markdown, custom status "In Review" = 1073940001, custom fields),
//! APP (backlog formatting) and OLD (archived). 30 issues with English and Japanese
//! summaries, parent/child links (WEB-1 > WEB-2..4, WEB-12 > WEB-16, APP-1 > APP-2..4),
//! and comments: WEB-1 has 25 (enough to page), some are change-log-only.
//!
//! History (see `demo_history`): attachments with real bytes (`ATTACHMENT_*`), stars
//! on comments (ids 76–80, besides star 75 on WEB-2), watchings (`WATCHING_*`),
//! related links WEB-2 ↔ WEB-3 and WEB-12 ↔ WEB-13, and an activity feed of 66
//! entries: one "issue created" per issue, one "commented"/"updated" per comment, a
//! project member added, a milestone created and a wiki page created.

use super::*;
use chrono::Duration;

pub const ADMIN: i64 = 1_073_800_001;
pub const SATO: i64 = 1_073_800_012;
pub const SUZUKI: i64 = 1_073_800_013;
pub const SMITH: i64 = 1_073_800_014;
pub const BOT: i64 = 1_073_800_015;

pub const WEB: i64 = 1_073_900_100;
pub const APP: i64 = 1_073_900_200;
pub const OLD: i64 = 1_073_900_300;

pub const IN_REVIEW: i64 = 1_073_940_001;

// WEB issue types, categories, versions and custom fields.
pub const WEB_TASK: i64 = 1_074_000_010;
pub const WEB_BUG: i64 = 1_074_000_011;
pub const WEB_REQUEST: i64 = 1_074_000_012;
pub const WEB_OTHER: i64 = 1_074_000_013;
pub const FRONTEND: i64 = 1_074_100_001;
pub const BACKEND: i64 = 1_074_100_002;
pub const INFRA: i64 = 1_074_100_003;
pub const V1_0: i64 = 1_074_200_001;
pub const SPRINT_12: i64 = 1_074_200_002;
pub const SPRINT_13: i64 = 1_074_200_003;
pub const BACKLOG: i64 = 1_074_200_004;
pub const CF_POINTS: i64 = 1_076_000_001;
pub const CF_BROWSER: i64 = 1_076_000_002;
pub const CF_PLATFORMS: i64 = 1_076_000_003;
pub const CF_TARGET: i64 = 1_076_000_004;
pub const CF_CUSTOMER: i64 = 1_076_000_005;
/// Radio "Severity" (items 1 Blocker, 2 Major, 3 Minor) that accepts an "other" text.
pub const CF_SEVERITY: i64 = 1_076_000_006;

// APP and OLD.
pub const APP_TASK: i64 = 1_074_000_020;
pub const APP_BUG: i64 = 1_074_000_021;
pub const IOS: i64 = 1_074_100_011;
pub const ANDROID: i64 = 1_074_100_012;
pub const V2_0: i64 = 1_074_200_011;
pub const V2_1: i64 = 1_074_200_012;
pub const OLD_TASK: i64 = 1_074_000_030;

// Attachments (downloadable: `GET /issues/:k/attachments/:id`).
/// WEB-2 `console.png`: a valid 16×9 PNG, by Sato.
pub const ATTACHMENT_PNG: i64 = 901;
/// APP-2 `logcat.txt`: 10 240 bytes of ASCII text, by Sato.
pub const ATTACHMENT_LOGCAT: i64 = 902;
/// WEB-3 `再現手順 (iPhone SE).txt`: UTF-8 Japanese text, by Suzuki.
pub const ATTACHMENT_MINUTES: i64 = 903;
pub const ATTACHMENT_MINUTES_NAME: &str = "再現手順 (iPhone SE).txt";
/// APP-2 `heap-dump.bin`: [`ATTACHMENT_HEAP_DUMP_SIZE`] pseudo-random bytes, by Smith.
pub const ATTACHMENT_HEAP_DUMP: i64 = 904;
pub const ATTACHMENT_HEAP_DUMP_SIZE: usize = 200 * 1024;

// Watchings: five of Sato ("myself"), one of Suzuki.
/// Sato watches WEB-2, unread (`resourceAlreadyRead` false), with a note.
pub const WATCHING_WEB_2: i64 = 1001;
/// Sato watches WEB-8, read, no note.
pub const WATCHING_WEB_8: i64 = 1002;
/// Sato watches APP-2, unread and new (`alreadyRead` false), Japanese note.
pub const WATCHING_APP_2: i64 = 1003;
/// Sato watches WEB-12, read, with a note.
pub const WATCHING_WEB_12: i64 = 1004;
/// Sato watches APP-6, read, no note.
pub const WATCHING_APP_6: i64 = 1005;
/// Suzuki watches WEB-3, unread.
pub const WATCHING_SUZUKI_WEB_3: i64 = 1006;

pub(super) fn build() -> Space {
    let mut space = Space {
        api_key: DEFAULT_API_KEY.to_owned(),
        myself_id: SATO,
        info: space_info(),
        users: users(),
        projects: vec![web_project(), app_project(), old_project()],
        issues: Vec::new(),
        clock: ts(2024, 7, 1, 0, 0, 0),
        next_issue_id: 1_075_000_001,
        next_comment_id: 6_586_001,
        next_ids: NextIds::default(),
        watchings: Vec::new(),
        activities: Vec::new(),
        related_issues: Vec::new(),
        staged_attachments: Vec::new(),
    };
    add_issues(&mut space);
    add_comments(&mut space);
    super::demo_history::seed(&mut space);
    space
}

pub(super) fn space_info() -> SpaceInfo {
    SpaceInfo {
        space_key: "acme".into(),
        name: "ACME Inc.".into(),
        owner_id: ADMIN,
        lang: "en".into(),
        timezone: "Asia/Tokyo".into(),
        report_send_time: "08:00:00".into(),
        text_formatting_rule: "markdown".into(),
        created: ts(2019, 3, 1, 2, 0, 0),
        updated: ts(2024, 1, 10, 5, 30, 0),
    }
}

pub(super) fn users() -> Vec<User> {
    let user = |id, login: Option<&str>, name: &str, role, lang: Option<&str>, mail: &str| User {
        id,
        user_id: login.map(str::to_owned),
        name: name.to_owned(),
        role_type: role,
        lang: lang.map(str::to_owned),
        mail_address: mail.to_owned(),
        nulab_account: None,
        keyword: name.to_owned(),
        last_login_time: None,
    };
    let mut admin = user(
        ADMIN,
        Some("admin"),
        "Admin",
        1,
        Some("ja"),
        "admin@example.com",
    );
    admin.last_login_time = Some(ts(2024, 5, 3, 1, 0, 0));
    let mut sato = user(
        SATO,
        Some("t.sato"),
        "Taro Sato",
        2,
        Some("en"),
        "t.sato@example.com",
    );
    sato.keyword = "Taro Sato SATO TARO".into();
    sato.nulab_account = Some(NulabAccount {
        nulab_id: "Xk2fR8pLm3nQ9QaL".into(),
        name: "Taro Sato".into(),
        unique_id: "tsato".into(),
    });
    sato.last_login_time = Some(ts(2024, 5, 2, 8, 14, 22));
    let mut suzuki = user(
        SUZUKI,
        Some("h.suzuki"),
        "鈴木 花子",
        2,
        Some("ja"),
        "h.suzuki@example.com",
    );
    suzuki.keyword = "鈴木 花子 スズキ ハナコ".into();
    suzuki.last_login_time = Some(ts(2024, 6, 10, 0, 30, 5));
    let mut smith = user(
        SMITH,
        Some("j.smith"),
        "John Smith",
        3,
        Some("en"),
        "j.smith@example.com",
    );
    smith.last_login_time = Some(ts(2024, 6, 12, 17, 45, 0));
    let bot = user(BOT, None, "Build Bot", 2, None, "bot@example.com");
    vec![admin, sato, suzuki, smith, bot]
}

fn issue_type(id: i64, project_id: i64, name: &str, color: &str, order: i64) -> IssueType {
    IssueType {
        id,
        project_id,
        name: name.into(),
        color: color.into(),
        display_order: order,
        template_summary: None,
        template_description: None,
    }
}

fn category(id: i64, project_id: i64, name: &str) -> Category {
    Category {
        id,
        project_id,
        name: name.into(),
        display_order: 2_147_483_646,
    }
}

fn list_items(names: &[&str]) -> Vec<ListItem> {
    names
        .iter()
        .zip(1..)
        .map(|(name, id)| ListItem {
            id,
            name: (*name).to_owned(),
            display_order: id - 1,
        })
        .collect()
}

fn custom_field(id: i64, type_id: CustomFieldType, name: &str, order: i64) -> CustomField {
    CustomField {
        id,
        project_id: WEB,
        type_id,
        name: name.into(),
        description: String::new(),
        required: false,
        applicable_issue_types: Vec::new(),
        display_order: order,
        unit: None,
        min: None,
        max: None,
        initial_value: None,
        initial_shift: None,
        items: Vec::new(),
        allow_input: false,
    }
}

/// Project flags shared by the demo projects; callers adjust the rest.
pub(crate) fn project(id: i64, key: &str, name: &str) -> Project {
    Project {
        id,
        project_key: key.into(),
        name: name.into(),
        chart_enabled: true,
        subtasking_enabled: true,
        text_formatting_rule: "markdown".into(),
        archived: false,
        display_order: 2_147_483_646,
        use_wiki: true,
        use_git: true,
        use_resolved_for_chart: false,
        project_leader_can_edit_project_leader: false,
        use_file_sharing: true,
        use_wiki_tree_view: true,
        use_original_image_size_at_wiki: false,
        use_subversion: false,
        use_dev_attributes: true,
        grandchild_issue_enabled: false,
        statuses: default_statuses(id),
        issue_types: Vec::new(),
        categories: Vec::new(),
        versions: Vec::new(),
        custom_fields: Vec::new(),
        user_ids: vec![ADMIN, SATO, SUZUKI, SMITH, BOT],
    }
}

fn web_project() -> Project {
    let mut p = project(WEB, "WEB", "Web Renewal");
    // A custom status: large id, placed between In Progress and Resolved.
    p.statuses.insert(
        2,
        Status {
            id: IN_REVIEW,
            project_id: WEB,
            name: "In Review".into(),
            color: "#e07b9a".into(),
            display_order: 2500,
        },
    );
    let mut bug = issue_type(WEB_BUG, WEB, "Bug", "#990000", 1);
    bug.template_summary = Some("Bug: ".into());
    bug.template_description = Some("Steps to reproduce:\n1. \n\nExpected:\n\nActual:\n".into());
    p.issue_types = vec![
        issue_type(WEB_TASK, WEB, "Task", "#7ea800", 0),
        bug,
        issue_type(WEB_REQUEST, WEB, "Request", "#ff9200", 2),
        issue_type(WEB_OTHER, WEB, "Other", "#2779ca", 3),
    ];
    p.categories = vec![
        category(FRONTEND, WEB, "Frontend"),
        category(BACKEND, WEB, "Backend"),
        category(INFRA, WEB, "Infrastructure"),
    ];
    p.versions = vec![
        Version {
            id: V1_0,
            project_id: WEB,
            name: "v1.0".into(),
            description: Some("First public release".into()),
            start_date: Some(date(2024, 4, 1)),
            release_due_date: Some(date(2024, 5, 31)),
            archived: true,
            display_order: 0,
        },
        Version {
            id: SPRINT_12,
            project_id: WEB,
            name: "Sprint 12".into(),
            description: Some(String::new()),
            start_date: Some(date(2024, 6, 3)),
            release_due_date: Some(date(2024, 6, 14)),
            archived: false,
            display_order: 1,
        },
        Version {
            id: SPRINT_13,
            project_id: WEB,
            name: "Sprint 13".into(),
            description: None,
            start_date: None,
            release_due_date: Some(date(2024, 6, 28)),
            archived: false,
            display_order: 2,
        },
        Version {
            id: BACKLOG,
            project_id: WEB,
            name: "Backlog".into(),
            description: None,
            start_date: None,
            release_due_date: None,
            archived: false,
            display_order: 3,
        },
    ];
    let mut points = custom_field(CF_POINTS, CustomFieldType::Numeric, "Story points", 0);
    points.unit = Some("pt".into());
    points.min = Some(0.0);
    points.max = Some(100.0);
    let mut browser = custom_field(CF_BROWSER, CustomFieldType::SingleList, "Browser", 1);
    browser.items = list_items(&["Chrome", "Safari", "Firefox", "Edge"]);
    let mut platforms = custom_field(CF_PLATFORMS, CustomFieldType::MultipleList, "Platforms", 2);
    platforms.items = list_items(&["macOS", "Windows", "Linux", "iOS", "Android"]);
    platforms.applicable_issue_types = vec![WEB_BUG];
    let mut target = custom_field(CF_TARGET, CustomFieldType::Date, "Target date", 3);
    target.description = "When the customer expects it".into();
    target.initial_shift = Some(14);
    let customer = custom_field(CF_CUSTOMER, CustomFieldType::Text, "Customer", 4);
    let mut severity = custom_field(CF_SEVERITY, CustomFieldType::Radio, "Severity", 5);
    severity.items = list_items(&["Blocker", "Major", "Minor"]);
    severity.allow_input = true;
    p.custom_fields = vec![points, browser, platforms, target, customer, severity];
    p.user_ids = vec![ADMIN, SATO, SUZUKI, SMITH, BOT];
    p
}

fn app_project() -> Project {
    let mut p = project(APP, "APP", "Mobile App");
    p.text_formatting_rule = "backlog".into();
    p.use_git = false;
    p.issue_types = vec![
        issue_type(APP_TASK, APP, "Task", "#7ea800", 0),
        issue_type(APP_BUG, APP, "Bug", "#990000", 1),
    ];
    p.categories = vec![category(IOS, APP, "iOS"), category(ANDROID, APP, "Android")];
    p.versions = vec![
        Version {
            id: V2_0,
            project_id: APP,
            name: "2.0.0".into(),
            description: Some("Redesign release".into()),
            start_date: Some(date(2024, 5, 1)),
            release_due_date: Some(date(2024, 7, 31)),
            archived: false,
            display_order: 0,
        },
        Version {
            id: V2_1,
            project_id: APP,
            name: "2.1.0".into(),
            description: None,
            start_date: None,
            release_due_date: None,
            archived: false,
            display_order: 1,
        },
    ];
    p.user_ids = vec![ADMIN, SATO, SMITH, BOT];
    p
}

fn old_project() -> Project {
    let mut p = project(OLD, "OLD", "Legacy Site");
    p.archived = true;
    p.chart_enabled = false;
    p.subtasking_enabled = false;
    p.use_git = false;
    p.display_order = 0;
    p.issue_types = vec![issue_type(OLD_TASK, OLD, "Task", "#7ea800", 0)];
    p.user_ids = vec![ADMIN, SATO];
    p
}

/// One demo issue; `n` (1-based over the whole space) spreads the timestamps.
struct Row {
    project: &'static str,
    issue_type: i64,
    summary: &'static str,
    status: i64,
    priority: i64,
    assignee: Option<i64>,
    parent_key: Option<&'static str>,
}

fn row(
    project: &'static str,
    issue_type: i64,
    summary: &'static str,
    status: i64,
    priority: i64,
    assignee: Option<i64>,
) -> Row {
    Row {
        project,
        issue_type,
        summary,
        status,
        priority,
        assignee,
        parent_key: None,
    }
}

impl Row {
    fn child_of(mut self, key: &'static str) -> Row {
        self.parent_key = Some(key);
        self
    }
}

fn add_issues(space: &mut Space) {
    let rows = vec![
        row("WEB", WEB_TASK, "Renew the login flow", 2, 2, Some(SATO)),
        row(
            "WEB",
            WEB_BUG,
            "Login button does nothing on Safari",
            2,
            2,
            Some(SATO),
        )
        .child_of("WEB-1"),
        row(
            "WEB",
            WEB_BUG,
            "ログイン画面のレイアウト崩れ (iPhone SE)",
            1,
            3,
            Some(SUZUKI),
        )
        .child_of("WEB-1"),
        row(
            "WEB",
            WEB_TASK,
            "Add password reset e-mail",
            3,
            3,
            Some(SMITH),
        )
        .child_of("WEB-1"),
        row(
            "WEB",
            WEB_TASK,
            "Set up CDN for static assets",
            4,
            3,
            Some(ADMIN),
        ),
        row(
            "WEB",
            WEB_REQUEST,
            "トップページの表示速度を改善する",
            1,
            2,
            None,
        ),
        row(
            "WEB",
            WEB_BUG,
            "Broken link in footer",
            IN_REVIEW,
            4,
            Some(SATO),
        ),
        row(
            "WEB",
            WEB_BUG,
            "検索結果のページングが正しくない",
            2,
            2,
            Some(SUZUKI),
        ),
        row("WEB", WEB_OTHER, "Update privacy policy page", 1, 3, None),
        row("WEB", WEB_TASK, "API レート制限の調査", 3, 3, Some(SATO)),
        row("WEB", WEB_REQUEST, "Dark mode support", 1, 4, None),
        row(
            "WEB",
            WEB_TASK,
            "Upgrade framework to the latest LTS",
            2,
            3,
            Some(SMITH),
        ),
        row(
            "WEB",
            WEB_BUG,
            "Nightly build fails on CI",
            4,
            2,
            Some(SATO),
        ),
        row(
            "WEB",
            WEB_TASK,
            "お問い合わせフォームの入力チェック",
            1,
            3,
            Some(SUZUKI),
        ),
        row(
            "WEB",
            WEB_TASK,
            "Accessibility audit (WCAG 2.1 AA)",
            1,
            3,
            Some(SMITH),
        ),
        row(
            "WEB",
            WEB_TASK,
            "Remove legacy jQuery plugins",
            1,
            4,
            Some(SMITH),
        )
        .child_of("WEB-12"),
        row(
            "WEB",
            WEB_BUG,
            "Typo on About page: \"Compnay\"",
            3,
            4,
            None,
        ),
        row(
            "WEB",
            WEB_REQUEST,
            "ユーザー一覧の CSV エクスポート",
            1,
            3,
            Some(SATO),
        ),
        row("APP", APP_TASK, "Release 2.0.0", 2, 2, Some(ADMIN)),
        row(
            "APP",
            APP_BUG,
            "Crash on launch on Android 14",
            2,
            2,
            Some(SATO),
        )
        .child_of("APP-1"),
        row(
            "APP",
            APP_BUG,
            "プッシュ通知が届かない (iOS)",
            1,
            2,
            Some(SUZUKI),
        )
        .child_of("APP-1"),
        row(
            "APP",
            APP_TASK,
            "Update app store screenshots",
            4,
            3,
            Some(SMITH),
        )
        .child_of("APP-1"),
        row("APP", APP_TASK, "オフラインモードの設計", 1, 3, Some(SATO)),
        row(
            "APP",
            APP_BUG,
            "Login session expires too quickly",
            3,
            3,
            Some(SMITH),
        ),
        row("APP", APP_TASK, "Support tablet layout", 1, 4, None),
        row("APP", APP_TASK, "アプリ内課金のテスト", 2, 3, Some(SUZUKI)),
        row("APP", APP_TASK, "Add crash reporting SDK", 4, 3, Some(BOT)),
        row(
            "APP",
            APP_TASK,
            "Localise onboarding into Japanese (オンボーディングの日本語化)",
            1,
            3,
            Some(SATO),
        ),
        row("OLD", OLD_TASK, "Migrate blog content", 4, 3, Some(ADMIN)),
        row("OLD", OLD_TASK, "旧サイトの停止手順", 1, 3, None),
    ];
    let base = ts(2024, 5, 20, 0, 15, 0);
    for (n, r) in (1_i64..).zip(rows) {
        // Spread creation over about four weeks; updates land a varying while later.
        let created = base + Duration::minutes(n * 19 * 60 + n * 7) + Duration::seconds(n * 13);
        let updated = created + Duration::minutes((n * 431) % 4000 + 5);
        let parent = r
            .parent_key
            .and_then(|k| space.issue_by_id_or_key(k))
            .map(|i| i.id);
        let mut new = NewIssue::new(r.project, r.summary)
            .issue_type(r.issue_type)
            .status(r.status)
            .priority(r.priority)
            .at(created, updated);
        new.description = format!("{}\n\nDetails for issue {n} of the demo space.", r.summary);
        new.assignee_id = r.assignee;
        new.parent_issue_id = parent;
        new.created_user_id = Some(if n % 9 == 0 { BOT } else { ADMIN });
        if r.status == 3 || r.status == 4 {
            new.resolution_id = Some(0);
        }
        let id = space.add_issue(new).expect("demo project exists");
        let key = space.issue(id).map(|i| space.issue_key(i)).expect("added");
        let issue = space.issues.iter_mut().find(|i| i.id == id).expect("added");
        issue.updated_user_id = r.assignee.unwrap_or(ADMIN);
        decorate(&key, issue);
    }
}

/// Per-issue details that do not fit the table: dates, categories, custom fields...
fn decorate(key: &str, i: &mut Issue) {
    match key {
        "WEB-1" => {
            i.category_ids = vec![FRONTEND];
            i.milestone_ids = vec![SPRINT_12];
            i.start_date = Some(date(2024, 6, 3));
            i.due_date = Some(date(2024, 6, 14));
            i.estimated_hours = Some(16.0);
            i.custom_fields = vec![(CF_POINTS, CustomValue::Numeric(Some(8.0)))];
            i.shared_files = vec![
                SharedFile {
                    id: 1_078_000_001,
                    dir: "/design/".into(),
                    name: "top-page-v3.fig".into(),
                    size: 1_482_113,
                    created_user_id: SUZUKI,
                    created: i.created,
                },
                SharedFile {
                    id: 1_078_000_002,
                    dir: "/specs/ログイン/".into(),
                    name: "画面遷移.pdf".into(),
                    size: 30_213,
                    created_user_id: SATO,
                    created: i.created,
                },
            ];
        }
        "WEB-2" => {
            i.description = "Steps:\n1. Open /login in Safari 17\n2. Click \"Log in\"\n\nNothing happens; the console shows a CSP error.".into();
            i.category_ids = vec![FRONTEND];
            i.milestone_ids = vec![SPRINT_12];
            i.start_date = Some(date(2024, 6, 3));
            i.due_date = Some(date(2024, 6, 7));
            i.estimated_hours = Some(4.5);
            i.custom_fields = vec![
                (CF_POINTS, CustomValue::Numeric(Some(3.0))),
                (CF_BROWSER, CustomValue::SingleList(Some(2))),
                (CF_PLATFORMS, CustomValue::MultipleList(vec![1, 4])),
                (CF_TARGET, CustomValue::Date(Some(date(2024, 6, 7)))),
                (CF_CUSTOMER, CustomValue::Text(None)),
            ];
            i.attachments = vec![Attachment::new(
                ATTACHMENT_PNG,
                "console.png",
                super::attachments::png(16, 9),
                SATO,
                i.created,
            )];
            i.stars = vec![Star {
                id: 75,
                comment: None,
                url: "https://acme.backlog.com/view/WEB-2".into(),
                title: "[WEB-2] Login button does nothing on Safari | Show Issue - Backlog".into(),
                presenter_id: SMITH,
                created: i.updated,
            }];
        }
        "WEB-3" => {
            i.description = "iPhone SE (第3世代) でログインボタンが画面外にはみ出します。".into();
            i.attachments = vec![Attachment::new(
                ATTACHMENT_MINUTES,
                ATTACHMENT_MINUTES_NAME,
                "レイアウト崩れの再現手順\n\n1. iPhone SE (第3世代) で /login を開く\n2. 画面を縦向きにする\n3. ログインボタンが画面外にはみ出す\n\n対応方針: CSS の min-width を見直す。\n"
                    .as_bytes()
                    .to_vec(),
                SUZUKI,
                i.created,
            )];
            i.category_ids = vec![FRONTEND];
            i.milestone_ids = vec![SPRINT_12];
            i.due_date = Some(date(2024, 6, 10));
            i.custom_fields = vec![
                (CF_BROWSER, CustomValue::SingleList(Some(2))),
                (CF_PLATFORMS, CustomValue::MultipleList(vec![4])),
            ];
        }
        "WEB-4" => {
            i.category_ids = vec![BACKEND];
            i.milestone_ids = vec![SPRINT_12];
            i.estimated_hours = Some(3.0);
            i.actual_hours = Some(2.5);
        }
        "WEB-5" => {
            i.category_ids = vec![INFRA];
            i.versions_and_milestone(V1_0);
            i.actual_hours = Some(6.0);
        }
        "WEB-6" => {
            i.category_ids = vec![FRONTEND, BACKEND];
            i.milestone_ids = vec![SPRINT_13];
            i.due_date = Some(date(2024, 6, 28));
            i.custom_fields = vec![(CF_CUSTOMER, CustomValue::Text(Some("山田商事".into())))];
        }
        "WEB-8" => {
            i.category_ids = vec![FRONTEND];
            i.start_date = Some(date(2024, 6, 5));
            i.due_date = Some(date(2024, 6, 12));
            i.custom_fields = vec![
                (CF_POINTS, CustomValue::Numeric(Some(5.0))),
                (CF_BROWSER, CustomValue::SingleList(None)),
                (CF_PLATFORMS, CustomValue::MultipleList(Vec::new())),
            ];
        }
        "WEB-11" => i.milestone_ids = vec![BACKLOG],
        "WEB-12" => {
            i.category_ids = vec![BACKEND];
            i.milestone_ids = vec![SPRINT_13];
            i.start_date = Some(date(2024, 6, 10));
            i.due_date = Some(date(2024, 6, 21));
            i.estimated_hours = Some(24.0);
            i.actual_hours = Some(10.5);
        }
        "WEB-14" => i.due_date = Some(date(2024, 7, 5)),
        "WEB-15" => {
            i.milestone_ids = vec![SPRINT_13];
            i.start_date = Some(date(2024, 6, 17));
        }
        "WEB-17" => i.due_date = Some(date(2024, 6, 4)),
        "WEB-18" => {
            i.category_ids = vec![BACKEND];
            i.due_date = Some(date(2024, 6, 30));
            i.custom_fields = vec![
                (CF_POINTS, CustomValue::Numeric(Some(0.5))),
                (CF_CUSTOMER, CustomValue::Text(Some("Tanaka Shoji".into()))),
                (CF_TARGET, CustomValue::Date(None)),
            ];
        }
        "APP-1" => {
            i.milestone_ids = vec![V2_0];
            i.due_date = Some(date(2024, 7, 31));
        }
        "APP-2" => {
            i.category_ids = vec![ANDROID];
            i.milestone_ids = vec![V2_0];
            i.attachments = vec![
                Attachment::new(
                    ATTACHMENT_LOGCAT,
                    "logcat.txt",
                    super::attachments::ascii_lines(10_240, |n| {
                        format!(
                            "06-04 09:{:02}:{:02}.{:03}  1234  1250 E AndroidRuntime: at com.acme.app.Main.onCreate(Main.kt:{})",
                            n / 60 % 60,
                            n % 60,
                            n * 37 % 1000,
                            40 + n % 20
                        )
                    }),
                    SATO,
                    i.created,
                ),
                Attachment::new(
                    ATTACHMENT_HEAP_DUMP,
                    "heap-dump.bin",
                    super::attachments::noise(ATTACHMENT_HEAP_DUMP_SIZE, 0x5eed),
                    SMITH,
                    i.created + Duration::minutes(30),
                ),
            ];
        }
        "APP-3" => {
            i.category_ids = vec![IOS];
            i.milestone_ids = vec![V2_0];
            i.due_date = Some(date(2024, 6, 20));
        }
        "APP-5" => {
            i.milestone_ids = vec![V2_1];
            i.start_date = Some(date(2024, 7, 1));
            i.due_date = Some(date(2024, 7, 19));
        }
        "APP-6" => i.resolution_id = Some(2),
        "APP-7" => i.category_ids = vec![IOS, ANDROID],
        "APP-8" => i.estimated_hours = Some(8.0),
        "APP-10" => i.due_date = Some(date(2024, 7, 10)),
        _ => {}
    }
}

impl Issue {
    fn versions_and_milestone(&mut self, version: i64) {
        self.version_ids = vec![version];
        self.milestone_ids = vec![version];
    }
}

fn add_comments(space: &mut Space) {
    let status_change =
        |from: &str, to: &str| vec![ChangeLogEntry::new("status", Some(from), Some(to))];
    let mut plan: Vec<(&str, i64, String, Vec<ChangeLogEntry>)> = Vec::new();
    for n in 1..=25_i64 {
        let (content, log) = match n % 5 {
            0 => (String::new(), status_change("Open", "In Progress")),
            1 => (
                format!("Progress update #{n}: login form refactor ongoing."),
                Vec::new(),
            ),
            2 => (format!("進捗報告 {n}: レビュー待ちです。"), Vec::new()),
            3 => (
                format!("Moved the due date (update #{n})."),
                vec![ChangeLogEntry::new(
                    "limitDate",
                    Some("2024-06-10"),
                    Some("2024-06-14"),
                )],
            ),
            _ => (
                format!("Note {n}: see WEB-2 for the Safari part."),
                Vec::new(),
            ),
        };
        let author = [SATO, SUZUKI, SMITH][(n % 3) as usize];
        plan.push(("WEB-1", author, content, log));
    }
    plan.push((
        "WEB-2",
        SATO,
        "Reproduced on Safari 17.".into(),
        status_change("Open", "In Progress"),
    ));
    plan.push((
        "WEB-2",
        SMITH,
        "Seems to be the CSP header; checking.".into(),
        Vec::new(),
    ));
    plan.push((
        "WEB-2",
        ADMIN,
        String::new(),
        vec![ChangeLogEntry::new(
            "assigner",
            Some("John Smith"),
            Some("Taro Sato"),
        )],
    ));
    plan.push((
        "WEB-3",
        SUZUKI,
        "再現しました。CSS の修正で対応します。".into(),
        Vec::new(),
    ));
    plan.push((
        "WEB-5",
        ADMIN,
        "CDN is live.".into(),
        status_change("In Progress", "Resolved"),
    ));
    plan.push((
        "WEB-5",
        ADMIN,
        String::new(),
        vec![
            ChangeLogEntry::new("status", Some("Resolved"), Some("Closed")),
            ChangeLogEntry::new("resolution", None, Some("Fixed")),
        ],
    ));
    plan.push((
        "APP-2",
        SATO,
        "Stack trace attached (logcat.txt).".into(),
        Vec::new(),
    ));
    plan.push((
        "APP-2",
        SMITH,
        "Android 14 の権限まわりが原因のようです。".into(),
        status_change("Open", "In Progress"),
    ));

    for (key, author, content, change_log) in plan {
        let id = space.next_comment_id;
        space.next_comment_id += 1;
        let issue = space
            .issues
            .iter()
            .position(|i| space.issue_key(i) == key)
            .expect("demo comment targets a demo issue");
        let issue = &mut space.issues[issue];
        let created = issue.created + Duration::hours(issue.comments.len() as i64 + 1);
        issue
            .comments
            .push(Comment::new(id, content, change_log, author, created));
        if created > issue.updated {
            issue.updated = created;
            issue.updated_user_id = author;
        }
    }
}
