//! `get_issue_details`: one issue with its description and whole conversation
//! (from the original Python server, same parameters).

use super::get_issue::IssueAnswer;
use crate::app::context::AppContext;
use crate::app::tooling::annotations::READS;
use crate::app::tooling::{
    AppTool, ListSpec, Paging, ToolError, ToolInfo, ToolKit, Toolset, Truncation,
};
use crate::app::tools::register::register;
use crate::app::views::{CommentView, IssueView};
use crate::domain::backlog_error::BacklogError;
use crate::domain::comment::Comment;
use crate::domain::issue_filter::{PageSize, SortOrder};
use crate::domain::keys::IssueKey;
use crate::ports::{CommentPage, CommentRepository, IssueRef, ToolContext};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

const INFO: ToolInfo = ToolInfo {
    name: "get_issue_details",
    title: "Get issue details",
    description: "Get one Backlog issue with everything needed to understand it: summary, \
        description, status, priority, type, assignee, start/due dates, milestones, \
        categories, parent issue, custom fields, attachments, shared files, stars and every \
        comment, oldest first, with what each changed (status from → to…) and whom it \
        notified (comments that only record field changes are left out). Use it when the \
        user names an issue key such as WEB-42 or asks what an issue is about, who said \
        what, or where it stands. Times are given in `timezone`.",
    annotations: READS,
    toolset: Toolset::Issue,
    list: Some(ListSpec {
        items: "comments",
        paging: Paging::Id,
    }),
};

#[derive(Debug, Deserialize, JsonSchema)]
pub struct GetIssueDetailsArgs {
    /// The issue key, PROJECT-NUMBER, e.g. "WEB-42".
    pub issue_key: String,
    /// The issue's title, if known. Only for logging and reference: it does not change the answer.
    #[serde(default)]
    pub issue_title: Option<String>,
    /// IANA timezone for created/updated times, e.g. "Asia/Tokyo". Defaults to the
    /// server's timezone (UTC unless BACKLOG_TIMEZONE says otherwise).
    #[serde(default)]
    pub timezone: Option<String>,
}

/// An issue in full, with its conversation.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueDetails {
    #[serde(flatten)]
    pub issue: IssueView,
    /// The timezone times are given in.
    pub timezone: String,
    /// Every comment with text, oldest first, with the changes recorded with it.
    pub comments: Vec<CommentView>,
    /// Set when the conversation was cut to fit the answer budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

pub fn tool(kit: &ToolKit, app: &Arc<AppContext>) -> AppTool {
    register(kit, app, INFO, get_issue_details)
}

pub async fn get_issue_details(
    app: Arc<AppContext>,
    args: GetIssueDetailsArgs,
    _: ToolContext,
) -> Result<IssueDetails, ToolError> {
    let key = IssueKey::parse(&args.issue_key).map_err(|e| ToolError::argument("issue_key", e))?;
    let zone = app.zone(args.timezone.as_deref())?;
    if let Some(title) = args.issue_title.as_deref() {
        tracing::info!(issue = %key, title, "get_issue_details");
    }
    let backlog = &app.backlog;
    let issue_ref = IssueRef::Key(key);
    let (issue, comments) = tokio::try_join!(
        backlog.issues.issue(&issue_ref),
        all_comments(backlog.comments.as_ref(), &issue_ref)
    )?;
    // The issue and its comments are the two requests: the view gives the
    // parent's id, not its key.
    let IssueAnswer { issue, timezone } = IssueAnswer::single(&app, zone, &issue);
    Ok(IssueDetails {
        issue,
        timezone,
        comments: comments
            .iter()
            .filter(|c| c.has_text())
            .map(|c| CommentView::new(c, zone))
            .collect(),
        truncated: None,
    })
}

/// Every comment of the issue, oldest first, paging by comment id.
async fn all_comments(
    repo: &dyn CommentRepository,
    issue: &IssueRef,
) -> Result<Vec<Comment>, BacklogError> {
    let mut comments: Vec<Comment> = Vec::new();
    loop {
        let after = comments.last().map(|c| c.id);
        let page = CommentPage {
            min_id: after,
            max_id: None,
            count: PageSize::MAX,
            order: SortOrder::Asc,
        };
        let batch = repo.comments(issue, page).await?;
        let full_page = u64::try_from(batch.len()).unwrap_or(0) >= PageSize::MAX.get();
        let advanced = batch.last().map(|c| c.id) > after;
        comments.extend(batch);
        if !full_page || !advanced {
            return Ok(comments);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_support::{MockBacklog, demo_app, sample_issue};
    use crate::domain::ids::CommentId;
    use chrono::{TimeZone, Utc};

    fn args(key: &str, timezone: Option<&str>) -> GetIssueDetailsArgs {
        GetIssueDetailsArgs {
            issue_key: key.to_owned(),
            issue_title: Some("for the log only".to_owned()),
            timezone: timezone.map(str::to_owned),
        }
    }

    async fn details(key: &str, timezone: Option<&str>) -> Result<IssueDetails, ToolError> {
        get_issue_details(
            Arc::new(demo_app()),
            args(key, timezone),
            ToolContext::detached(),
        )
        .await
    }

    #[tokio::test]
    async fn the_conversation_is_oldest_first_without_change_log_only_comments() {
        let answer = details("WEB-5", Some("Asia/Tokyo")).await.unwrap();
        assert_eq!(answer.issue.summary, "Login button does nothing on Safari");
        assert!(
            answer
                .issue
                .description
                .as_deref()
                .unwrap()
                .starts_with("Steps:")
        );
        let authors: Vec<_> = answer
            .comments
            .iter()
            .map(|c| c.author.as_deref())
            .collect();
        assert_eq!(authors, [Some("Taro Sato"), Some("Aiko Tanaka")]);
        // 2026-11-16T02:00Z in Tokyo.
        assert_eq!(answer.comments[0].created, "2026-11-16T11:00:00+09:00");
        assert_eq!(answer.timezone, "Asia/Tokyo");
        assert_eq!(answer.issue.start_date.as_deref(), Some("2026-11-16"));
    }

    #[tokio::test]
    async fn each_comment_shows_what_it_changed_and_whom_it_notified() {
        let answer = details("APP-1", None).await.unwrap();
        let blocking = answer
            .comments
            .iter()
            .find(|c| c.author.as_deref() == Some("John Smith"))
            .unwrap();
        let changes: Vec<_> = blocking
            .change_log
            .iter()
            .map(|c| (c.field.as_str(), c.from.as_deref(), c.to.as_deref()))
            .collect();
        assert_eq!(changes, [("priority", Some("Normal"), Some("High"))]);
        assert_eq!(blocking.notified, ["山田 健", "Aiko Tanaka"]);
        let upload = details("WEB-20", None).await.unwrap();
        let attached: Vec<_> = upload.comments[0]
            .change_log
            .iter()
            .map(|c| (c.to.as_deref(), c.attachment_id))
            .collect();
        assert_eq!(
            attached,
            [
                (Some("cookie-banner-iphone.png"), Some(8001)),
                (Some("console.txt"), Some(8002))
            ]
        );
    }

    #[tokio::test]
    async fn the_issue_shows_its_shared_files_and_stars() {
        let answer = details("WEB-1", None).await.unwrap();
        let paths: Vec<_> = answer
            .issue
            .shared_files
            .iter()
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(paths, ["/design/top-page-v3.fig"]);
        assert_eq!(answer.issue.stars, Some(1));
    }

    #[tokio::test]
    async fn calendar_dates_do_not_shift_with_the_timezone() {
        let west = details("WEB-5", Some("Pacific/Honolulu")).await.unwrap();
        let east = details("WEB-5", Some("Pacific/Kiritimati")).await.unwrap();
        assert_eq!(west.issue.due_date, east.issue.due_date);
        assert_ne!(west.issue.created, east.issue.created);
    }

    /// The issue and its comments are the only requests: the parent is
    /// given by id, which get_issue takes.
    #[tokio::test]
    async fn the_parent_is_given_by_id() {
        let answer = details("app-4", None).await.unwrap();
        let parent = details("APP-3", None).await.unwrap();
        assert_eq!(answer.issue.issue_key, "APP-4");
        assert_eq!(answer.issue.parent_issue_id, Some(parent.issue.id));
        assert_eq!(answer.issue.parent_issue_key, None);
    }

    #[tokio::test]
    async fn unknown_and_malformed_keys_are_clear_errors() {
        let missing = details("WEB-999", None).await.unwrap_err().to_string();
        assert!(
            missing.starts_with("issue WEB-999 was not found: HTTP 404 NoResourceError (code 6): \"No issue.\". Check the id or key"),
            "{missing}"
        );
        let malformed = details("../projects/X", None)
            .await
            .unwrap_err()
            .to_string();
        assert_eq!(
            malformed,
            "invalid argument `issue_key`: \"../projects/X\" is not an issue key: use PROJECT-NUMBER, e.g. WEB-42"
        );
        let zone = details("WEB-5", Some("Mars/Base"))
            .await
            .unwrap_err()
            .to_string();
        assert!(zone.starts_with("invalid argument `timezone`"), "{zone}");
    }

    fn comment(id: i64) -> Comment {
        Comment {
            id: CommentId::new(id).unwrap(),
            content: format!("comment {id}"),
            change_log: vec![],
            notified: vec![],
            created_user: None,
            created: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            updated: None,
        }
    }

    #[tokio::test]
    async fn every_comment_is_fetched_page_by_page_after_the_last_id() {
        let mut backlog = MockBacklog::default();
        backlog
            .issues
            .expect_issue()
            .returning(|_| Ok(sample_issue(1)));
        backlog
            .comments
            .expect_comments()
            .withf(|_, page| page.min_id.is_none() && page.order == SortOrder::Asc)
            .times(1)
            .returning(|_, _| Ok((1..=100).map(comment).collect()));
        backlog
            .comments
            .expect_comments()
            .withf(|_, page| page.min_id.map(CommentId::get) == Some(100))
            .times(1)
            .returning(|_, _| Ok((101..=130).map(comment).collect()));
        let app = backlog.into_app();
        let answer = get_issue_details(Arc::new(app), args("T-1", None), ToolContext::detached())
            .await
            .unwrap();
        assert_eq!(answer.comments.len(), 130);
        assert_eq!(answer.comments.last().map(|c| c.id), Some(130));
    }
}
