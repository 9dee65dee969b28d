//! The demo space's 50 issues in English and Japanese, with dates,
//! milestones, categories and parent/child links.

use super::seed::{at, user_ref};
use super::space::Space;
use super::vocabulary::PRIORITIES;
use crate::domain::calendar_date::CalendarDate;
use crate::domain::ids::{IssueId, PriorityId, StatusId};
use crate::domain::issue::{Issue, Named};
use crate::domain::keys::IssueKey;
use chrono::Duration;

/// Adds the 50 demo issues (ids from 5001) and links children to parents.
pub(super) fn add(space: &mut Space) -> Option<()> {
    let mut next_id = 5000;
    for (index, seed) in ISSUES.iter().enumerate() {
        next_id += 1;
        let issue = build_issue(space, seed, next_id, index)?;
        space.issues.push(issue);
    }
    link_parents(space)
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
