//! What a write does to the rest of the space: numbers, links, versions on
//! issues, the issue's `updated`, a new project's first issue.

use crate::backends::Backlog;
use crate::support::{
    add_issue, bad_request, by_key, forbidden, me, new_issue, not_found, project, project_ref,
};
use backlog_mcp::domain::changes::{
    Change, IssueUpdate, NewComment, NewProject, NewVersion, TextFormattingRule, VersionUpdate,
};
use backlog_mcp::domain::ids::StatusId;
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery, PageSize, SortOrder};
use backlog_mcp::domain::keys::ProjectKey;
use backlog_mcp::ports::{CommentPage, IssueRef};

fn text(content: &str) -> NewComment {
    NewComment {
        content: content.to_owned(),
        notified_user_ids: vec![],
        attachment_ids: vec![],
    }
}

pub async fn issue_numbers_are_never_reused(b: &dyn Backlog) {
    let first = add_issue(b, "WEB", "First").await;
    b.delete_issue(&by_key(&first)).await.unwrap();
    let second = add_issue(b, "WEB", "Second").await;
    assert_eq!(second.key.number(), first.key.number() + 1);
    assert!(second.id > first.id);
}

pub async fn a_new_projects_first_issue_is_number_one(b: &dyn Backlog) {
    let me = me(b).await;
    let new = NewProject {
        name: "Fresh".to_owned(),
        key: ProjectKey::parse("FRESH").unwrap(),
        chart_enabled: false,
        subtasking_enabled: false,
        project_leader_can_edit_project_leader: None,
        text_formatting_rule: TextFormattingRule::Backlog,
    };
    let fresh = b.add_project(&new).await.unwrap();
    assert!(!fresh.archived && !fresh.project_leader_can_edit_project_leader);
    let members = b.project_users(&project_ref("FRESH")).await.unwrap();
    assert_eq!(members.iter().map(|u| u.id).collect::<Vec<_>>(), [me]);
    let statuses = b.statuses(&project_ref("FRESH")).await.unwrap();
    let names: Vec<&str> = statuses.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Open", "In Progress", "Resolved", "Closed"]);
    let types = b.issue_types(&project_ref("FRESH")).await.unwrap();
    let named: Vec<_> = types
        .iter()
        .map(|t| (t.name.as_str(), t.color.as_deref()))
        .collect();
    assert_eq!(
        named,
        [
            ("Task", Some("#7ea800")),
            ("Bug", Some("#990000")),
            ("Request", Some("#ff9200")),
            ("Other", Some("#2779ca")),
        ]
    );
    assert!(
        b.categories(&project_ref("FRESH"))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(b.versions(&project_ref("FRESH")).await.unwrap().is_empty());
    let listed = b.projects(&Default::default()).await.unwrap();
    assert!(listed.contains(&fresh));
    let created = b
        .space_activities(&crate::activities::query(vec![], 1))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(created.type_id, 15);
    assert_eq!(
        created.project.map(|p| p.key.to_string()),
        Some("FRESH".into())
    );
    let issue = add_issue(b, "FRESH", "One").await;
    assert_eq!(issue.key.to_string(), "FRESH-1");
    assert_eq!(issue.status.id, StatusId::new(1).unwrap());
}

pub async fn a_refused_update_changes_nothing(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Stable").await;
    let refused = IssueUpdate {
        summary: Some("Changed?".to_owned()),
        status_id: Some(StatusId::new(987_654_321).unwrap()),
        ..IssueUpdate::default()
    };
    bad_request(b.update_issue(&by_key(&issue), &refused).await);
    assert_eq!(b.issue(&by_key(&issue)).await.unwrap(), issue);
}

pub async fn a_comment_alone_bumps_the_issue(b: &dyn Backlog) {
    let issue = add_issue(b, "WEB", "Bumped").await;
    let only_comment = IssueUpdate {
        comment: Some("Just a note".to_owned()),
        ..IssueUpdate::default()
    };
    let updated = b
        .update_issue(&by_key(&issue), &only_comment)
        .await
        .unwrap();
    assert!(updated.updated >= issue.updated);
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::MAX,
        order: SortOrder::Desc,
    };
    let comments = b.comments(&by_key(&issue), page).await.unwrap();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].content, "Just a note");
    assert!(comments[0].change_log.is_empty());
    bad_request(b.add_comment(&by_key(&issue), &text(" ")).await);
    // An update that changes nothing still leaves an (empty) comment.
    let same = IssueUpdate {
        status_id: Some(issue.status.id),
        ..IssueUpdate::default()
    };
    let again = b.update_issue(&by_key(&issue), &same).await.unwrap();
    assert!(again.updated >= updated.updated);
    let comments = b.comments(&by_key(&issue), page).await.unwrap();
    assert_eq!(comments.len(), 2);
    assert_eq!(comments[0].content, "");
    assert!(comments[0].change_log.is_empty());
}

/// A deleted issue takes along its comments, its children's link to it, its
/// links to related issues and its watchings; its deletion is an activity.
pub async fn deleting_an_issue_takes_its_links_along(b: &dyn Backlog) {
    let doomed = add_issue(b, "WEB", "Doomed").await;
    let mut child = new_issue(b, "WEB", "Orphan").await;
    child.parent_issue_id = Some(doomed.id);
    let child = b.add_issue(&child).await.unwrap();
    let related = add_issue(b, "WEB", "Related").await;
    b.add_related_issue(&by_key(&doomed), related.id)
        .await
        .unwrap();
    b.add_comment(&by_key(&doomed), &text("Last words"))
        .await
        .unwrap();
    let watching = b.add_watching(&by_key(&doomed), "").await.unwrap();
    let before = b.issue(&by_key(&doomed)).await.unwrap();
    assert_eq!(b.delete_issue(&by_key(&doomed)).await.unwrap(), before);
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::MAX,
        order: SortOrder::Asc,
    };
    not_found(b.comments(&by_key(&doomed), page).await);
    assert_eq!(
        b.issue(&by_key(&child)).await.unwrap().parent_issue_id,
        None
    );
    assert!(
        b.related_issues(&by_key(&related))
            .await
            .unwrap()
            .is_empty()
    );
    not_found(b.watching(watching.id).await);
    let activity = b
        .space_activities(&crate::activities::query(vec![], 1))
        .await
        .unwrap()
        .remove(0);
    assert_eq!(activity.type_id, 4);
    assert_eq!(activity.content.issue_number, Some(doomed.key.number()));
    assert_eq!(activity.content.title.as_deref(), Some("Doomed"));
}

pub async fn only_the_author_edits_a_comment(b: &dyn Backlog) {
    let me = me(b).await;
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::MAX,
        order: SortOrder::Asc,
    };
    let issues = b
        .issues(&IssueQuery::first_page(IssueFilter::default()))
        .await
        .unwrap();
    for issue in &issues {
        let comments = b.comments(&IssueRef::Id(issue.id), page).await.unwrap();
        let theirs = comments
            .iter()
            .find(|c| c.created_user.as_ref().is_some_and(|u| u.id != me));
        if let Some(theirs) = theirs {
            forbidden(
                b.update_comment(&IssueRef::Id(issue.id), theirs.id, "mine")
                    .await,
            );
            return;
        }
    }
    panic!("the seed has a comment by someone else");
}

pub async fn links_are_symmetric_and_removed_from_either_side(b: &dyn Backlog) {
    let one = add_issue(b, "WEB", "One").await;
    let two = add_issue(b, "WEB", "Two").await;
    let three = add_issue(b, "APP", "Three").await;
    b.add_related_issue(&by_key(&one), two.id).await.unwrap();
    b.add_related_issue(&by_key(&one), three.id).await.unwrap();
    let ids = |list: Vec<backlog_mcp::domain::issue::Issue>| {
        list.iter().map(|i| i.id).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(b.related_issues(&by_key(&one)).await.unwrap()),
        [two.id, three.id]
    );
    assert_eq!(
        ids(b.related_issues(&by_key(&two)).await.unwrap()),
        [one.id]
    );
    b.remove_related_issue(&by_key(&two), one.id).await.unwrap();
    assert_eq!(
        ids(b.related_issues(&by_key(&one)).await.unwrap()),
        [three.id]
    );
    assert!(b.remove_related_issue(&by_key(&one), two.id).await.is_err());
}

pub async fn versions_are_renamed_and_removed_on_their_issues(b: &dyn Backlog) {
    let web = project_ref("WEB");
    let sprint = NewVersion {
        name: "Sprint X".to_owned(),
        description: None,
        start_date: None,
        release_due_date: None,
    };
    let version = b.add_version(&web, &sprint).await.unwrap();
    let mut new = new_issue(b, "WEB", "Planned").await;
    new.milestone_ids = vec![version.id];
    let issue = b.add_issue(&new).await.unwrap();
    let rename = VersionUpdate {
        name: "Sprint Y".to_owned(),
        description: None,
        start_date: Change::Keep,
        release_due_date: Change::Keep,
        archived: None,
    };
    b.update_version(&web, version.id, &rename).await.unwrap();
    let renamed = b.issue(&by_key(&issue)).await.unwrap();
    assert_eq!(
        renamed
            .milestones
            .iter()
            .map(|m| m.name.as_str())
            .collect::<Vec<_>>(),
        ["Sprint Y"]
    );
    b.delete_version(&web, version.id).await.unwrap();
    assert!(
        b.issue(&by_key(&issue))
            .await
            .unwrap()
            .milestones
            .is_empty()
    );
    let filter = IssueFilter {
        project_ids: vec![project(b, "WEB").await.id],
        milestone_ids: vec![version.id],
        ..IssueFilter::default()
    };
    assert_eq!(b.count_issues(&filter).await.unwrap(), 0);
}

crate::contract! {
    issue_numbers_are_never_reused [add_issue, delete_issue]
    a_new_projects_first_issue_is_number_one [add_project, statuses, add_issue]
    a_refused_update_changes_nothing [update_issue]
    a_comment_alone_bumps_the_issue [update_issue, add_comment]
    only_the_author_edits_a_comment [update_comment]
    links_are_symmetric_and_removed_from_either_side [add_related_issue, remove_related_issue, related_issues]
    versions_are_renamed_and_removed_on_their_issues [update_version, delete_version]
    deleting_an_issue_takes_its_links_along [delete_issue, comments, related_issues, watching, space_activities]
}
