//! The demo space's history beyond issues and comments: watchings, the activity feed,
//! stars on comments and related-issue links. Everything is derived from the demo
//! issues, so it stays consistent with them (and deterministic).

use super::activity::{
    FILE_ADDED, ISSUE_COMMENTED, ISSUE_CREATED, ISSUE_UPDATED, MILESTONE_CREATED,
    PROJECT_USER_ADDED, PULL_REQUEST_ADDED, WIKI_CREATED, changes_of,
};
use super::demo::{
    ADMIN, APP, BOT, SATO, SMITH, SPRINT_13, SUZUKI, WATCHING_APP_2, WATCHING_APP_6,
    WATCHING_SUZUKI_WEB_3, WATCHING_WEB_2, WATCHING_WEB_8, WATCHING_WEB_12, WEB,
};
use super::*;
use chrono::Duration;

pub(super) fn seed(space: &mut Space) {
    add_comment_stars(space);
    add_activities(space);
    add_watchings(space);
    add_related_links(space);
}

fn issue_id(space: &Space, key: &str) -> i64 {
    space
        .issue_by_id_or_key(key)
        .map(|i| i.id)
        .unwrap_or_else(|| panic!("demo issue {key}"))
}

/// Stars on comments, so that `GET /users/:id/stars/count` has something to count
/// for Sato ("myself") and Suzuki, spread over several days.
fn add_comment_stars(space: &mut Space) {
    // (issue, comment author, comment index among that author's, presenter, star id)
    let plan = [
        ("WEB-2", SATO, 0, SMITH, 76),
        ("APP-2", SATO, 0, SUZUKI, 77),
        ("WEB-1", SATO, 0, ADMIN, 78),
        ("WEB-1", SATO, 3, SUZUKI, 79),
        ("WEB-3", SUZUKI, 0, SATO, 80),
    ];
    for (key, author, nth, presenter, star_id) in plan {
        let id = issue_id(space, key);
        let issue = space.issue_mut(id).expect("demo issue");
        let summary = issue.summary.clone();
        let comment = issue
            .comments
            .iter_mut()
            .filter(|c| c.created_user_id == author)
            .nth(nth)
            .unwrap_or_else(|| panic!("demo comment {nth} by {author} on {key}"));
        comment.stars.push(Star {
            id: star_id,
            comment: None,
            url: format!("https://acme.backlog.com/view/{key}#comment-{}", comment.id),
            title: format!("[{key}] {summary} | Show Issue - Backlog"),
            presenter_id: presenter,
            created: comment.created + Duration::hours(2),
        });
    }
}

/// Issue created / commented / updated activities for every demo issue and comment,
/// plus a milestone, a wiki page, a project member, a shared file and a pull request
/// linked to WEB-2, in time order.
fn add_activities(space: &mut Space) {
    let mut events: Vec<(chrono::DateTime<Utc>, i64, i64, ActivityContent, i64)> = Vec::new();
    for issue in &space.issues {
        events.push((
            issue.created,
            issue.project_id,
            ISSUE_CREATED,
            ActivityContent::issue(issue, None, Vec::new()),
            issue.created_user_id,
        ));
        for c in &issue.comments {
            let type_id = if c.change_log.is_empty() {
                ISSUE_COMMENTED
            } else {
                ISSUE_UPDATED
            };
            let changes = changes_of(space, issue, &c.change_log);
            events.push((
                c.created,
                issue.project_id,
                type_id,
                ActivityContent::issue(issue, Some((c.id, c.content.clone())), changes),
                c.created_user_id,
            ));
        }
    }
    events.push((
        ts(2024, 5, 21, 1, 0, 0),
        APP,
        PROJECT_USER_ADDED,
        ActivityContent::ProjectUsers {
            user_ids: vec![BOT],
            comment: String::new(),
        },
        ADMIN,
    ));
    events.push((
        ts(2024, 5, 27, 9, 0, 0),
        WEB,
        MILESTONE_CREATED,
        ActivityContent::Milestone {
            id: SPRINT_13,
            name: "Sprint 13".into(),
            start_date: None,
            reference_date: Some(date(2024, 6, 28)),
            description: String::new(),
        },
        ADMIN,
    ));
    events.push((
        ts(2024, 6, 5, 10, 0, 0),
        WEB,
        WIKI_CREATED,
        ActivityContent::Wiki {
            id: 1_077_000_005,
            name: "議事録/2024-06-05".into(),
            content: "# 定例\n- ログイン改修の進捗確認\n- Safari の不具合 (WEB-2)".into(),
            diff: None,
            version: None,
        },
        SUZUKI,
    ));
    let web_2 = space
        .issue_by_id_or_key("WEB-2")
        .map(|i| (i.id, i.key_id, i.summary.clone()))
        .expect("demo issue WEB-2");
    events.push((
        ts(2024, 6, 4, 2, 0, 0),
        WEB,
        FILE_ADDED,
        ActivityContent::Other(serde_json::json!({
            "id": 1_078_000_002, "dir": "/specs/ログイン/", "name": "画面遷移.pdf", "size": 30_213,
        })),
        SMITH,
    ));
    events.push((
        ts(2024, 6, 4, 6, 0, 0),
        WEB,
        PULL_REQUEST_ADDED,
        ActivityContent::Other(serde_json::json!({
            "id": 148, "number": 17, "summary": "Fix Safari login", "description": "Closes WEB-2",
            "comment": null, "changes": [],
            "issue": {"id": web_2.0, "key_id": web_2.1, "summary": web_2.2, "description": ""},
            "repository": {"id": 868, "name": "web-frontend", "description": ""},
        })),
        SMITH,
    ));
    // Stable: events at the same instant keep their order above.
    events.sort_by_key(|e| e.0);
    for (at, project, type_id, content, user) in events {
        space.record_activity(project, type_id, content, user, at);
    }
}

/// Five watchings for Sato ("myself"), two of them unread, and one for Suzuki.
fn add_watchings(space: &mut Space) {
    // (id, user, issue, note, resource already read, already read)
    let plan = [
        (
            WATCHING_WEB_2,
            SATO,
            "WEB-2",
            "Customer is waiting for the Safari fix",
            false,
            true,
        ),
        (WATCHING_WEB_8, SATO, "WEB-8", "", true, true),
        (
            WATCHING_APP_2,
            SATO,
            "APP-2",
            "クラッシュの原因を追う",
            false,
            false,
        ),
        (
            WATCHING_WEB_12,
            SATO,
            "WEB-12",
            "Upgrade blocks WEB-16",
            true,
            true,
        ),
        (WATCHING_APP_6, SATO, "APP-6", "", true, true),
        (WATCHING_SUZUKI_WEB_3, SUZUKI, "WEB-3", "", false, false),
    ];
    for (n, (id, user, key, note, resource_read, read)) in (0_i64..).zip(plan) {
        let issue = space
            .issue_by_id_or_key(key)
            .unwrap_or_else(|| panic!("demo issue {key}"));
        let created = issue.created + Duration::hours(20 + n);
        space.watchings.push(Watching {
            id,
            user_id: user,
            issue_id: issue.id,
            note: note.to_owned(),
            resource_already_read: resource_read,
            already_read: read,
            last_content_updated: issue.updated,
            created,
            updated: if note.is_empty() {
                created
            } else {
                created + Duration::minutes(5)
            },
        });
    }
}

/// WEB-2 ↔ WEB-3 (both login-screen bugs) and WEB-12 ↔ WEB-13.
fn add_related_links(space: &mut Space) {
    for (a, b) in [("WEB-2", "WEB-3"), ("WEB-12", "WEB-13")] {
        let link = (issue_id(space, a), issue_id(space, b));
        space.related_issues.push(link);
    }
}
