//! Related issues and attachments.

use crate::backends::Backlog;
use crate::support::{add_issue, by_key, issue_ref, not_found};
use backlog_mcp::domain::backlog_error::BacklogError;
use backlog_mcp::domain::ids::AttachmentId;
use backlog_mcp::domain::issue_filter::{IssueFilter, IssueQuery};

pub async fn issues_are_linked_and_unlinked(b: &dyn Backlog) {
    let one = add_issue(b, "WEB", "One").await;
    let other = add_issue(b, "WEB", "Other").await;
    let linked = b.add_related_issue(&by_key(&one), other.id).await.unwrap();
    assert_eq!(linked.id, other.id);
    let related = b.related_issues(&by_key(&one)).await.unwrap();
    assert_eq!(related.iter().map(|i| i.id).collect::<Vec<_>>(), [other.id]);
    let removed = b
        .remove_related_issue(&by_key(&one), other.id)
        .await
        .unwrap();
    assert_eq!(removed.id, other.id);
    assert!(b.related_issues(&by_key(&one)).await.unwrap().is_empty());
    not_found(b.related_issues(&issue_ref("WEB-99999")).await);
    assert!(
        b.remove_related_issue(&by_key(&one), other.id)
            .await
            .is_err()
    );
}

pub async fn an_attachment_downloads_whole_or_is_too_large(b: &dyn Backlog) {
    let filter = IssueFilter {
        has_attachment: Some(true),
        ..IssueFilter::default()
    };
    let issues = b.issues(&IssueQuery::first_page(filter)).await.unwrap();
    let issue = issues
        .iter()
        .find(|i| i.attachments.iter().any(|a| a.size > 1))
        .unwrap();
    let attachment = issue.attachments.iter().find(|a| a.size > 1).unwrap();
    let file = b
        .attachment(&by_key(issue), attachment.id, 10 * 1024 * 1024)
        .await
        .unwrap();
    assert_eq!(file.file_name, attachment.name);
    assert_eq!(file.bytes.len() as u64, attachment.size);
    assert!(attachment.created_user.is_some() && attachment.created.is_some());
    // Every seeded file comes back with its bytes and its type.
    for issue in &issues {
        for listed in &issue.attachments {
            let file = b
                .attachment(&by_key(issue), listed.id, 10 * 1024 * 1024)
                .await
                .unwrap();
            assert_eq!(file.bytes.len() as u64, listed.size, "{}", listed.name);
            let content_type = file.content_type.unwrap();
            if listed.name.ends_with(".png") {
                assert_eq!(content_type, "image/png");
                assert!(file.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
            }
            if listed.name.ends_with(".csv") {
                assert!(content_type.starts_with("text/csv"), "{content_type}");
                String::from_utf8(file.bytes).unwrap();
            }
        }
    }
    let small = b
        .attachment(&by_key(issue), attachment.id, attachment.size - 1)
        .await;
    assert!(
        matches!(small, Err(BacklogError::TooLarge { .. })),
        "{small:?}"
    );
    let missing = AttachmentId::new(987_654_321).unwrap();
    not_found(b.attachment(&by_key(issue), missing, 1024).await);
}

pub async fn the_attachment_filter_and_other_issues_files(b: &dyn Backlog) {
    let without = IssueFilter {
        has_attachment: Some(false),
        ..IssueFilter::default()
    };
    let plain = b.issues(&IssueQuery::first_page(without)).await.unwrap();
    assert!(!plain.is_empty());
    assert!(plain.iter().all(|i| i.attachments.is_empty()));
    let with = IssueFilter {
        has_attachment: Some(true),
        ..IssueFilter::default()
    };
    let files = b.issues(&IssueQuery::first_page(with)).await.unwrap();
    let owner = files.iter().find(|i| !i.attachments.is_empty()).unwrap();
    let attachment = owner.attachments[0].id;
    let owner_project = owner.key.project().as_str();
    let same_project = add_issue(b, owner_project, "No files").await;
    let other_key = if owner_project == "WEB" { "APP" } else { "WEB" };
    let other_project = add_issue(b, other_key, "No files").await;
    for elsewhere in [&plain[0], &same_project, &other_project] {
        not_found(
            b.attachment(&by_key(elsewhere), attachment, 1024 * 1024)
                .await,
        );
    }
    let downloaded = b
        .attachment(&by_key(owner), attachment, 1024 * 1024)
        .await
        .unwrap();
    assert_eq!(downloaded.file_name, owner.attachments[0].name);
}

crate::contract! {
    issues_are_linked_and_unlinked [related_issues, add_related_issue, remove_related_issue]
    an_attachment_downloads_whole_or_is_too_large [attachment]
    the_attachment_filter_and_other_issues_files [issues, attachment]
}
