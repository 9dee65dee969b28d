//! What the contract suite (tests/contract) cannot say through the ports: spaces
//! the demo seed is not (a required custom field, no user, no space
//! information), the stored files a deletion takes along, and a file attached
//! behind the ports.

use super::{MemoryBacklog, Space};
use crate::domain::backlog_error::BacklogError;
use crate::domain::changes::{IssueUpdate, NewIssue};
use crate::domain::custom_field::{CustomFieldInput, CustomFieldSetting};
use crate::domain::ids::{AttachmentId, CustomFieldId, IssueTypeId, PriorityId, ProjectId};
use crate::domain::keys::IssueKey;
use crate::ports::{IssueRef, IssueRepository, SpaceRepository};

fn key(text: &str) -> IssueRef {
    IssueRef::Key(IssueKey::parse(text).unwrap())
}

/// A WEB task.
fn task(custom_fields: Vec<CustomFieldSetting>) -> NewIssue {
    let id = |n| ProjectId::new(n).unwrap();
    let mut new = NewIssue::new(
        id(101),
        "Task",
        IssueTypeId::new(202).unwrap(),
        PriorityId::new(3).unwrap(),
    );
    new.custom_fields = custom_fields;
    new
}

fn customer(value: CustomFieldInput) -> Vec<CustomFieldSetting> {
    let id = CustomFieldId::new(604).unwrap();
    vec![CustomFieldSetting {
        id,
        value,
        other_value: None,
    }]
}

fn refusal<T: std::fmt::Debug>(result: Result<T, BacklogError>) -> String {
    match result {
        Err(BacklogError::Rejected {
            status: 400,
            message,
            ..
        }) => message,
        other => panic!("expected a 400, got {other:?}"),
    }
}

#[tokio::test]
async fn a_required_custom_field_must_be_given_and_cannot_be_cleared() {
    let mut space = MemoryBacklog::demo_space();
    let field = &mut space.projects[0].custom_fields[3];
    assert_eq!(field.name, "Customer");
    field.required = true;
    let backlog = MemoryBacklog::with_space(space);
    let required = "customField_604 (Customer) is required.";
    assert_eq!(refusal(backlog.add_issue(&task(vec![])).await), required);
    let named = task(customer(CustomFieldInput::Text("ACME".into())));
    let created = backlog.add_issue(&named).await.unwrap();
    let clear = IssueUpdate {
        custom_fields: customer(CustomFieldInput::Clear),
        ..IssueUpdate::default()
    };
    let created = IssueRef::Id(created.id);
    let update = backlog.update_issue(&created, &clear).await;
    assert_eq!(refusal(update), required);
}

#[tokio::test]
async fn a_space_without_a_user_refuses_writes_and_one_without_its_information_is_not_found() {
    let mut space = MemoryBacklog::demo_space();
    space.myself = None;
    let nobody = MemoryBacklog::with_space(space);
    let refused = nobody.add_issue(&task(vec![])).await;
    assert!(matches!(
        refused,
        Err(BacklogError::AuthenticationFailed { .. })
    ));
    let empty = MemoryBacklog::with_space(Space::default());
    match empty.space().await {
        Err(BacklogError::NotFound { message, .. }) => assert_eq!(message, "No space."),
        other => panic!("expected NotFound, got {other:?}"),
    }
}

#[tokio::test]
async fn a_deleted_issue_takes_its_stored_files_along() {
    let backlog = MemoryBacklog::demo();
    let stored = |id| {
        backlog
            .snapshot()
            .files
            .contains_key(&AttachmentId::new(id).unwrap())
    };
    assert!(stored(8001) && stored(8003));
    backlog.delete_issue(&key("WEB-20")).await.unwrap();
    assert!(!stored(8001), "WEB-20's file is gone");
    assert!(stored(8003), "WEB-8's file stays");
}

#[test]
fn attaching_to_a_missing_issue_changes_nothing() {
    let mut space = MemoryBacklog::demo_space();
    let (clock, counter) = (space.clock, space.counters.attachment);
    assert!(space.attach("WEB-99999", "x.txt", None, vec![1]).is_none());
    assert_eq!((space.clock, space.counters.attachment), (clock, counter));
    let attached = space.attach("WEB-1", "x.txt", None, vec![1]).unwrap();
    assert!(space.clock > clock && space.files.contains_key(&attached.id));
}
