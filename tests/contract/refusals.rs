//! What Backlog refuses: a 400 whose message names the parameter, or a
//! NotFound for an unknown resource the request names.

use crate::backends::Backlog;
use crate::support::{
    add_issue, bad_request, by_key, issue_ref, new_issue, not_found, project_ref,
};
use backlog_mcp::domain::calendar_date::CalendarDate;
use backlog_mcp::domain::changes::{
    Change, IssueUpdate, NewComment, NewIssue, NewVersion, ProjectUpdate,
};
use backlog_mcp::domain::ids::{AttachmentId, CategoryId, IssueId, PriorityId, ProjectId, UserId};
use backlog_mcp::domain::keys::ProjectKey;

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

/// Asserts a 400 whose message names `parameter`.
fn refused_naming<T: std::fmt::Debug>(
    result: Result<T, backlog_mcp::domain::backlog_error::BacklogError>,
    parameter: &str,
) {
    let message = bad_request(result);
    assert!(message.contains(parameter), "{message:?} names {parameter}");
}

pub async fn a_new_issue_with_bad_values_is_refused_naming_them(b: &dyn Backlog) {
    let valid = new_issue(b, "WEB", "Valid").await;
    let elsewhere = add_issue(b, "APP", "Elsewhere").await;
    let nobody = UserId::new(987_654_321).unwrap();
    let mut child = new_issue(b, "WEB", "A child").await;
    child.parent_issue_id = Some(add_issue(b, "WEB", "A parent").await.id);
    let child = b.add_issue(&child).await.unwrap();
    let app_version = b
        .add_version(&project_ref("APP"), &version("Elsewhere"))
        .await;
    let app_version = app_version.unwrap().id;
    let app_type = b.issue_types(&project_ref("APP")).await.unwrap()[0].id;
    let before = b.count_issues(&Default::default()).await.unwrap();
    let cases: Vec<(&str, NewIssue)> = vec![
        (
            "issueTypeId",
            NewIssue {
                issue_type_id: app_type,
                ..valid.clone()
            },
        ),
        (
            "priorityId",
            NewIssue {
                priority_id: PriorityId::new(987_654_321).unwrap(),
                ..valid.clone()
            },
        ),
        (
            "versionId",
            NewIssue {
                version_ids: vec![app_version],
                ..valid.clone()
            },
        ),
        (
            "milestoneId",
            NewIssue {
                milestone_ids: vec![app_version],
                ..valid.clone()
            },
        ),
        (
            "notifiedUserId",
            NewIssue {
                notified_user_ids: vec![nobody],
                ..valid.clone()
            },
        ),
        (
            "attachmentId",
            NewIssue {
                attachment_ids: vec![AttachmentId::new(987_654_321).unwrap()],
                ..valid.clone()
            },
        ),
        (
            "parentIssueId",
            NewIssue {
                parent_issue_id: Some(IssueId::new(987_654_321).unwrap()),
                ..valid.clone()
            },
        ),
        (
            "parentIssueId",
            NewIssue {
                parent_issue_id: Some(child.id),
                ..valid.clone()
            },
        ),
        (
            "summary",
            NewIssue {
                summary: " ".to_owned(),
                ..valid.clone()
            },
        ),
        (
            "summary",
            NewIssue {
                summary: "x".repeat(256),
                ..valid.clone()
            },
        ),
        (
            "estimatedHours",
            NewIssue {
                estimated_hours: Some(-1.0),
                ..valid.clone()
            },
        ),
        (
            "startDate",
            NewIssue {
                start_date: Some(day("2030-02-01")),
                due_date: Some(day("2030-01-01")),
                ..valid.clone()
            },
        ),
        (
            "parentIssueId",
            NewIssue {
                parent_issue_id: Some(elsewhere.id),
                ..valid.clone()
            },
        ),
        (
            "assigneeId",
            NewIssue {
                assignee_id: Some(nobody),
                ..valid.clone()
            },
        ),
        (
            "categoryId",
            NewIssue {
                category_ids: vec![CategoryId::new(987_654_321).unwrap()],
                ..valid.clone()
            },
        ),
    ];
    for (parameter, issue) in cases {
        refused_naming(b.add_issue(&issue).await, parameter);
    }
    let after = b.count_issues(&Default::default()).await.unwrap();
    assert_eq!(after, before, "nothing was created along the way");
}

fn version(name: &str) -> NewVersion {
    NewVersion {
        name: name.to_owned(),
        description: None,
        start_date: None,
        release_due_date: None,
    }
}

pub async fn a_new_issue_in_an_unknown_project_is_not_found(b: &dyn Backlog) {
    let mut issue = new_issue(b, "WEB", "Nowhere").await;
    issue.project_id = ProjectId::new(987_654_321).unwrap();
    not_found(b.add_issue(&issue).await);
}

pub async fn watching_an_issue_twice_or_a_missing_one(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Watched twice").await;
    b.add_watching(&by_key(&issue), "once").await.unwrap();
    refused_naming(
        b.add_watching(&by_key(&issue), "twice").await,
        "issueIdOrKey",
    );
    not_found(b.add_watching(&issue_ref("WEB-99999"), "x").await);
}

pub async fn relating_an_issue_to_itself_twice_or_to_nothing(b: &dyn Backlog) {
    let one = add_issue(b, "WEB", "One").await;
    let other = add_issue(b, "APP", "Other").await;
    refused_naming(
        b.add_related_issue(&by_key(&one), one.id).await,
        "targetIssueId",
    );
    b.add_related_issue(&by_key(&one), other.id).await.unwrap();
    refused_naming(
        b.add_related_issue(&by_key(&one), other.id).await,
        "targetIssueId",
    );
    let nothing = IssueId::new(987_654_321).unwrap();
    refused_naming(
        b.add_related_issue(&by_key(&one), nothing).await,
        "targetIssueId",
    );
    not_found(b.remove_related_issue(&by_key(&one), nothing).await);
}

pub async fn names_are_unique_within_a_project(b: &dyn Backlog) {
    let category = b.categories(&project_ref("WEB")).await.unwrap()[0]
        .name
        .clone();
    refused_naming(b.add_category(&project_ref("WEB"), &category).await, "name");
    let version = b.versions(&project_ref("WEB")).await.unwrap()[0]
        .name
        .clone();
    let same = NewVersion {
        name: version,
        description: None,
        start_date: None,
        release_due_date: None,
    };
    refused_naming(b.add_version(&project_ref("WEB"), &same).await, "name");
    let inverted = NewVersion {
        name: "Inverted".to_owned(),
        start_date: Some(day("2030-02-01")),
        release_due_date: Some(day("2030-01-01")),
        ..same
    };
    refused_naming(
        b.add_version(&project_ref("WEB"), &inverted).await,
        "startDate",
    );
}

pub async fn a_new_project_key_renames_its_issues(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Renamed with its project").await;
    let rekey = ProjectUpdate {
        key: Some(ProjectKey::parse("WWW").unwrap()),
        ..ProjectUpdate::default()
    };
    b.update_project(&project_ref("WEB"), &rekey).await.unwrap();
    not_found(b.project(&project_ref("WEB")).await);
    not_found(b.issue(&by_key(&issue)).await);
    let renamed = issue_ref(&format!("WWW-{}", issue.key.number()));
    assert_eq!(b.issue(&renamed).await.unwrap().id, issue.id);
    let taken = ProjectUpdate {
        key: Some(ProjectKey::parse("APP").unwrap()),
        ..ProjectUpdate::default()
    };
    refused_naming(b.update_project(&project_ref("WWW"), &taken).await, "key");
    let unnamed = ProjectUpdate {
        name: Some(String::new()),
        ..ProjectUpdate::default()
    };
    refused_naming(
        b.update_project(&project_ref("WWW"), &unnamed).await,
        "name",
    );
}

pub async fn an_update_with_bad_values_is_refused_naming_them(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Not its own parent").await;
    let own_parent = IssueUpdate {
        parent_issue_id: Change::Set(issue.id),
        ..IssueUpdate::default()
    };
    refused_naming(
        b.update_issue(&by_key(&issue), &own_parent).await,
        "parentIssueId",
    );
    let app_type = b.issue_types(&project_ref("APP")).await.unwrap()[0].id;
    let foreign_type = IssueUpdate {
        issue_type_id: Some(app_type),
        ..IssueUpdate::default()
    };
    refused_naming(
        b.update_issue(&by_key(&issue), &foreign_type).await,
        "issueTypeId",
    );
    let stranger = NewComment {
        content: "Hello?".to_owned(),
        notified_user_ids: vec![UserId::new(987_654_321).unwrap()],
        attachment_ids: vec![],
    };
    refused_naming(
        b.add_comment(&by_key(&issue), &stranger).await,
        "notifiedUserId",
    );
}

crate::contract! {
    a_new_issue_with_bad_values_is_refused_naming_them [add_issue]
    a_new_issue_in_an_unknown_project_is_not_found [add_issue]
    watching_an_issue_twice_or_a_missing_one [add_watching]
    relating_an_issue_to_itself_twice_or_to_nothing [add_related_issue, remove_related_issue]
    names_are_unique_within_a_project [add_category, add_version]
    a_new_project_key_renames_its_issues [update_project, issue]
    an_update_with_bad_values_is_refused_naming_them [update_issue, add_comment]
}
