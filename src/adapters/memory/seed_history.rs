//! What happened in the demo space: a few more conversations, the activity
//! stream (versions, repositories and wiki pages created, a member added, a
//! shared file, every issue created, every comment, git pushes, a pull
//! request, wiki edits); watch lists and stars are in `seed_follows`.

use super::activity_log::{
    ActivityDraft, FILE_ADDED, GIT_PUSHED, GIT_REPOSITORY_CREATED, ISSUE_COMMENTED, ISSUE_CREATED,
    ISSUE_UPDATED, MILESTONE_CREATED, PROJECT_USER_ADDED, PULL_REQUEST_ADDED, WIKI_CREATED,
    WIKI_UPDATED, about_issue, titled,
};
use super::seed::{at, user_ref};
use super::space::Space;
use crate::domain::activity::ActivityContent;
use crate::domain::comment::Comment;
use crate::domain::ids::{SharedFileId, UserId};
use crate::domain::issue::SharedFile;
use chrono::{DateTime, Duration, Utc};

/// The first activity id minus one.
const ACTIVITY_IDS_BEFORE: i64 = 3000;

/// (issue key, author login, hours after the issue was created, text). Within
/// two hours of creation, so the issues' `updated` stays as seeded.
const MORE_COMMENTS: [(&str, &str, i64, &str); 5] = [
    (
        "WEB-9",
        "k.yamada",
        1,
        "Token bucket per API key: 60 requests a minute, 429 with Retry-After beyond that.",
    ),
    (
        "WEB-9",
        "a.tanaka",
        2,
        "Sounds good. Please document the limit in the API reference too.",
    ),
    (
        "APP-3",
        "m.suzuki",
        1,
        "ダークモード用のカラーパレットをFigmaで共有しました。",
    ),
    (
        "WEB-12",
        "j.smith",
        1,
        "Automated checks with axe first, then a manual pass with VoiceOver and NVDA.",
    ),
    (
        "OPS-6",
        "k.yamada",
        2,
        "CPU 80%、ディスク 90% を閾値とする案です。ご確認ください。",
    ),
];

pub fn add_comments(space: &mut Space) -> Option<()> {
    for (key, login, hours, text) in MORE_COMMENTS {
        let issue = space.issues.iter().find(|i| i.key.to_string() == key)?;
        let (issue_id, created) = (issue.id, issue.created + Duration::hours(hours));
        let author = user_ref(space, login)?;
        let id = space.next_comment_id().ok()?;
        space.comments.entry(issue_id).or_default().push(Comment {
            id,
            content: text.to_owned(),
            change_log: Vec::new(),
            notified: Vec::new(),
            created_user: Some(author),
            created,
            updated: Some(created),
        });
    }
    Some(())
}

/// (type, project key, author login, month, day, hour UTC, what it is about)
type EventSeed = (i64, &'static str, &'static str, u32, u32, u32, EventAbout);

/// What a seeded event is about.
enum EventAbout {
    /// A wiki page or milestone, by name.
    Named(&'static str),
    /// A git repository created or pushed to.
    Repository(&'static str),
    /// (number, repository, summary, linked issue number)
    PullRequest(u64, &'static str, &'static str, u64),
    /// (shared file id, directory, name, bytes)
    File(i64, &'static str, &'static str, u64),
    /// (logins of the users added, the note)
    Members(&'static [&'static str], &'static str),
}

const EVENTS: [EventSeed; 11] = [
    (
        GIT_REPOSITORY_CREATED,
        "WEB",
        "t.sato",
        9,
        30,
        10,
        EventAbout::Repository("web-frontend"),
    ),
    (
        GIT_REPOSITORY_CREATED,
        "APP",
        "k.yamada",
        9,
        30,
        11,
        EventAbout::Repository("mobile-app"),
    ),
    (
        PROJECT_USER_ADDED,
        "APP",
        "admin",
        10,
        1,
        0,
        EventAbout::Members(&["j.smith"], "Joins for the 1.4.0 release."),
    ),
    (
        WIKI_CREATED,
        "WEB",
        "a.tanaka",
        10,
        5,
        2,
        EventAbout::Named("Release checklist"),
    ),
    (
        WIKI_CREATED,
        "OPS",
        "k.yamada",
        10,
        7,
        1,
        EventAbout::Named("VPN接続手順"),
    ),
    (
        FILE_ADDED,
        "OPS",
        "k.yamada",
        11,
        12,
        1,
        EventAbout::File(8201, "/ネットワーク/", "ネットワーク構成図.pdf", 1_204_224),
    ),
    (
        GIT_PUSHED,
        "WEB",
        "t.sato",
        11,
        17,
        8,
        EventAbout::Repository("web-frontend"),
    ),
    (
        PULL_REQUEST_ADDED,
        "WEB",
        "t.sato",
        11,
        17,
        9,
        EventAbout::PullRequest(
            12,
            "web-frontend",
            "Fix Safari login: move the inline handler to login.js",
            5,
        ),
    ),
    (
        WIKI_UPDATED,
        "WEB",
        "a.tanaka",
        11,
        18,
        6,
        EventAbout::Named("Release checklist"),
    ),
    (
        GIT_PUSHED,
        "APP",
        "k.yamada",
        11,
        19,
        7,
        EventAbout::Repository("mobile-app"),
    ),
    (
        WIKI_UPDATED,
        "OPS",
        "k.yamada",
        11,
        20,
        3,
        EventAbout::Named("VPN接続手順"),
    ),
];

impl EventAbout {
    fn content(&self, space: &Space) -> Option<ActivityContent> {
        Some(match *self {
            Self::Named(name) => titled(name),
            Self::Repository(name) => ActivityContent {
                repository: Some(name.to_owned()),
                ..titled(name)
            },
            Self::PullRequest(number, repository, summary, issue) => ActivityContent {
                pull_request_number: Some(number),
                repository: Some(repository.to_owned()),
                issue_number: Some(issue),
                ..titled(summary)
            },
            Self::File(id, dir, name, size) => ActivityContent {
                file: Some(SharedFile {
                    id: SharedFileId::new(id).ok()?,
                    dir: dir.to_owned(),
                    name: name.to_owned(),
                    is_directory: false,
                    size: Some(size),
                }),
                ..titled(name)
            },
            Self::Members(logins, note) => ActivityContent {
                users: logins
                    .iter()
                    .map(|login| user_ref(space, login))
                    .collect::<Option<_>>()?,
                comment: Some(note.to_owned()),
                ..ActivityContent::default()
            },
        })
    }
}

/// The activity stream, oldest first, derived from the seeded data plus the
/// events above; ids follow the order of time.
pub fn add_activities(space: &mut Space) -> Option<()> {
    let mut drafts: Vec<ActivityDraft> = Vec::new();
    let admin = user_ref(space, "admin");
    let mut hour = 0;
    for record in &space.projects {
        for version in &record.versions {
            hour += 1;
            drafts.push(ActivityDraft {
                type_id: MILESTONE_CREATED,
                project: record.project.id,
                content: titled(version.name.clone()),
                created_user: admin.clone(),
                created: at(2026, 9, 30, 0) + Duration::hours(hour),
            });
        }
    }
    for (type_id, project, login, month, day, hour, about) in &EVENTS {
        drafts.push(ActivityDraft {
            type_id: *type_id,
            project: space
                .projects
                .iter()
                .find(|p| p.project.key.as_str() == *project)?
                .project
                .id,
            content: about.content(space)?,
            created_user: user_ref(space, login),
            created: at(2026, *month, *day, *hour),
        });
    }
    for issue in &space.issues {
        drafts.push(ActivityDraft {
            type_id: ISSUE_CREATED,
            project: issue.project_id,
            content: about_issue(issue),
            created_user: issue.created_user.clone(),
            created: issue.created,
        });
        for comment in space.comments.get(&issue.id).into_iter().flatten() {
            let type_id = if comment.change_log.is_empty() {
                ISSUE_COMMENTED
            } else {
                ISSUE_UPDATED
            };
            drafts.push(ActivityDraft {
                type_id,
                project: issue.project_id,
                content: ActivityContent {
                    comment: Some(comment.content.clone()).filter(|c| !c.is_empty()),
                    changes: comment.change_log.clone(),
                    ..about_issue(issue)
                },
                created_user: comment.created_user.clone(),
                created: comment.created,
            });
        }
    }
    drafts.sort_by_key(|d| d.created);
    space.counters.activity = space.counters.activity.max(ACTIVITY_IDS_BEFORE);
    for draft in drafts {
        space.record_activity(draft).ok()?;
    }
    Some(())
}

pub(super) fn user(space: &Space, login: &str) -> Option<UserId> {
    user_ref(space, login).map(|u| u.id)
}

/// The latest instant the seed mentions: writes come after it.
pub fn latest_instant(space: &Space) -> DateTime<Utc> {
    let issues = space
        .issues
        .iter()
        .flat_map(|i| [Some(i.created), i.updated].into_iter().flatten());
    let comments = space
        .comments
        .values()
        .flatten()
        .flat_map(|c| [Some(c.created), c.updated].into_iter().flatten());
    let others = space
        .activities
        .iter()
        .map(|a| a.created)
        .chain(space.watchings.iter().map(|w| w.updated))
        .chain(space.stars.iter().map(|s| s.created));
    issues
        .chain(comments)
        .chain(others)
        .max()
        .unwrap_or_default()
}
