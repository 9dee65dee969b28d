//! The demo space's conversations: nine comments, some recording a change
//! (status, assignee) and whom they notified.

use super::seed::{at, user_ref};
use super::space::Space;
use crate::domain::comment::{ChangeLogEntry, Comment};
use crate::domain::ids::CommentId;

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

pub(super) fn add_comments(space: &mut Space) -> Option<()> {
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
