//! Tests of `get_user_issue_list`.

use super::*;
use crate::app::test_support::{MockBacklog, demo_app};
use crate::domain::ids::UserId;
use crate::domain::project::Status;

async fn list(args: GetUserIssueListArgs) -> Result<UserIssueList, ToolError> {
    get_user_issue_list(Arc::new(demo_app()), args, ToolContext::detached()).await
}

#[tokio::test]
async fn by_default_lists_my_issues_in_every_status_but_closed() {
    let answer = list(GetUserIssueListArgs::default()).await.unwrap();
    assert_eq!(answer.assignee_ids, vec![1001]);
    assert_eq!(answer.total, 18);
    assert!(
        answer
            .issues
            .iter()
            .all(|i| i.view().assignee.as_deref() == Some("Aiko Tanaka"))
    );
    assert!(
        answer
            .issues
            .iter()
            .all(|i| i.view().status != "Closed" && i.view().status != "完了")
    );
    // Custom statuses count as open.
    assert!(answer.issues.iter().any(|i| i.view().status == "In Review"));
    assert!(answer.status_ids.contains(&10001) && answer.status_ids.contains(&10002));
    assert!(!answer.status_ids.contains(&4));
}

#[tokio::test]
async fn issues_come_most_recently_updated_first_with_parent_keys_and_urls() {
    let answer = list(GetUserIssueListArgs::default()).await.unwrap();
    let updated: Vec<&str> = answer
        .issues
        .iter()
        .filter_map(|i| i.view().updated.as_deref())
        .collect();
    let mut sorted = updated.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(updated, sorted);
    let child = answer
        .issues
        .iter()
        .find(|i| i.view().issue_key == "WEB-3")
        .unwrap();
    assert_eq!(child.view().parent_issue_key.as_deref(), Some("WEB-1"));
    assert_eq!(child.view().url, "https://demo.example/view/WEB-3");
}

#[tokio::test]
async fn filters_narrow_the_list_and_dates_are_inclusive() {
    let answer = list(GetUserIssueListArgs {
        project_ids: Some(vec![IdOrName::Id(103)]),
        due_date_since: Some("2026-11-24".into()),
        due_date_until: Some("2026-11-27".into()),
        ..Default::default()
    })
    .await
    .unwrap();
    let keys = keys(&answer);
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert!(keys.contains(&"OPS-1") && keys.contains(&"OPS-8"));
}

#[tokio::test]
async fn explicit_statuses_and_assignees_replace_the_defaults() {
    let answer = list(GetUserIssueListArgs {
        assignee_ids: Some(vec![IdOrName::Id(1002)]),
        status_ids: Some(vec![IdOrName::Id(4)]),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(answer.total, 0);
    let answer = list(GetUserIssueListArgs {
        assignee_ids: Some(vec![IdOrName::Id(1003)]),
        status_ids: Some(vec![IdOrName::Id(4)]),
        ..Default::default()
    })
    .await
    .unwrap();
    let keys = keys(&answer);
    assert_eq!(keys, ["OPS-12", "OPS-9", "APP-9", "WEB-11", "WEB-17"]);
}

#[tokio::test]
async fn times_are_rendered_in_the_requested_zone() {
    let answer = list(GetUserIssueListArgs {
        timezone: Some("Asia/Tokyo".into()),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(answer.timezone, "Asia/Tokyo");
    assert!(
        answer
            .issues
            .iter()
            .all(|i| i.view().created.ends_with("+09:00"))
    );
}

#[tokio::test]
async fn invalid_arguments_are_named() {
    let cases = [
        (
            GetUserIssueListArgs {
                created_since: Some("2024-02-30".into()),
                ..Default::default()
            },
            "invalid argument `created_since`: 2024-02-30 is not a day of the calendar",
        ),
        (
            GetUserIssueListArgs {
                updated_since: Some("2026-03-02".into()),
                updated_until: Some("2026-03-01".into()),
                ..Default::default()
            },
            "invalid argument `updated_since`: updated_since (2026-03-02) is after updated_until (2026-03-01)",
        ),
        (
            GetUserIssueListArgs {
                project_ids: Some(vec![IdOrName::Id(-1)]),
                ..Default::default()
            },
            "invalid argument `project_ids`: -1 is not a valid id",
        ),
        (
            GetUserIssueListArgs {
                timezone: Some("Mars/Base".into()),
                ..Default::default()
            },
            "invalid argument `timezone`: unknown timezone \"Mars/Base\"",
        ),
    ];
    for (args, expected) in cases {
        let error = list(args).await.unwrap_err().to_string();
        assert!(error.starts_with(expected), "{error}");
    }
}

#[tokio::test]
async fn a_configured_user_id_is_used_without_asking_backlog_who_i_am() {
    let mut backlog = MockBacklog::default();
    backlog.users.expect_myself().never();
    backlog.projects.expect_projects().returning(|_| Ok(vec![]));
    backlog.issues.expect_count_issues().never();
    let mut app = backlog.into_app();
    app.configured_user = Some(UserId::new(77).unwrap());
    let answer = get_user_issue_list(
        Arc::new(app),
        GetUserIssueListArgs::default(),
        ToolContext::detached(),
    )
    .await
    .unwrap();
    assert_eq!(answer.assignee_ids, vec![77]);
    // No project, so no open status: nothing to scan, and nothing returned.
    assert_eq!(answer.total, 0);
}

#[tokio::test]
async fn statuses_are_collected_from_the_given_projects_only() {
    let mut backlog = MockBacklog::default();
    backlog.projects.expect_projects().never();
    backlog
        .statuses
        .expect_statuses()
        .times(1)
        .returning(|_| Ok(vec![status(1), status(4), status(12345)]));
    backlog
        .issues
        .expect_count_issues()
        .withf(|f| {
            f.status_ids.iter().map(|s| s.get()).collect::<Vec<_>>() == vec![1, 12345]
                && f.project_ids.iter().map(|p| p.get()).collect::<Vec<_>>() == vec![9]
        })
        .returning(|_| Ok(0));
    backlog
        .issues
        .expect_issues()
        .times(1)
        .withf(|q| q.filter.status_ids.len() == 2)
        .returning(|_| Ok(Vec::new()));
    let mut app = backlog.into_app();
    app.configured_user = Some(UserId::new(1).unwrap());
    let args = GetUserIssueListArgs {
        project_ids: Some(vec![IdOrName::Id(9)]),
        ..Default::default()
    };
    let answer = get_user_issue_list(Arc::new(app), args, ToolContext::detached())
        .await
        .unwrap();
    assert_eq!(answer.status_ids, vec![1, 12345]);
}

fn status(id: i64) -> Status {
    Status {
        id: StatusId::new(id).unwrap(),
        project_id: None,
        name: format!("status {id}"),
        color: None,
        display_order: id,
    }
}

/// The answer's issue keys, in order.
fn keys(answer: &UserIssueList) -> Vec<&str> {
    answer
        .issues
        .iter()
        .map(|i| i.view().issue_key.as_str())
        .collect()
}

#[tokio::test]
async fn answers_with_a_lists_compact_fields_and_when_each_issue_was_created() {
    let answer = list(GetUserIssueListArgs::default()).await.unwrap();
    let issue = serde_json::to_value(&answer.issues[0]).unwrap();
    assert!(issue.get("issueKey").is_some() && issue.get("created").is_some());
    assert!(issue.get("description").is_none() && issue.get("createdUser").is_none());
}
