use super::{
    APP, MYSELF, MemoryBacklog, WEB, WEB_BUG, WEB_TASK, bad_request, demo, issue, issue_id,
    keys_matching, new_issue, user,
};
use crate::domain::calendar_date::CalendarDate;
use crate::domain::custom_field::{CustomFieldInput, CustomFieldSetting};
use crate::domain::ids::{
    AttachmentId, CategoryId, CustomFieldId, IssueTypeId, PriorityId, StatusId, VersionId,
};
use crate::domain::issue::CustomFieldContent;
use crate::domain::issue_filter::IssueFilter;
use crate::ports::IssueRepository;

fn setting(id: i64, value: CustomFieldInput) -> CustomFieldSetting {
    CustomFieldSetting {
        id: CustomFieldId::new(id).unwrap(),
        value,
        other_value: None,
    }
}

#[tokio::test]
async fn a_new_issue_gets_the_next_number_and_the_first_status_and_is_found_again() {
    let backlog = demo();
    let mut new = new_issue(WEB, "Add a status page", WEB_TASK);
    new.description = Some("Public page with uptime.".into());
    new.assignee_id = Some(user(MYSELF));
    new.category_ids = vec![CategoryId::new(302).unwrap()];
    new.milestone_ids = vec![VersionId::new(403).unwrap()];
    new.version_ids = vec![VersionId::new(404).unwrap()];
    new.start_date = Some(CalendarDate::parse("2026-12-01").unwrap());
    new.due_date = Some(CalendarDate::parse("2026-12-04").unwrap());
    new.estimated_hours = Some(6.0);
    new.parent_issue_id = Some(issue_id(5001));
    new.custom_fields = vec![setting(601, CustomFieldInput::Number(2.0))];
    let created = backlog.add_issue(&new).await.unwrap();
    assert_eq!(created.id, issue_id(5051));
    assert_eq!(created.key.to_string(), "WEB-23");
    assert_eq!(created.status.id, StatusId::new(1).unwrap());
    assert_eq!(created.status.name, "Open");
    assert_eq!(
        created.priority.as_ref().map(|p| p.name.as_str()),
        Some("Normal")
    );
    assert_eq!(created.issue_type.name, "Task");
    assert_eq!(created.categories[0].name, "Backend");
    assert_eq!(created.milestones[0].name, "Sprint 43");
    assert_eq!(created.versions[0].name, "v2.0");
    assert_eq!(created.resolution, None);
    assert_eq!(created.updated, Some(created.created));
    assert_eq!(
        created.created_user.as_ref().map(|u| u.id),
        Some(user(MYSELF))
    );
    assert_eq!(created.updated_user, created.created_user);
    assert_eq!(
        created.custom_fields[0].value,
        CustomFieldContent::Number(2.0)
    );
    assert!(created.created > super::super::seed_history::latest_instant(&demo().snapshot()));

    assert_eq!(issue(&backlog, "WEB-23").await, created);
    let open_web = IssueFilter {
        project_ids: vec![created.project_id],
        status_ids: vec![StatusId::new(1).unwrap()],
        ..IssueFilter::default()
    };
    assert!(
        keys_matching(&backlog, open_web.clone())
            .await
            .contains(&"WEB-23".to_owned())
    );
    // Newest update first: the new issue leads the default order.
    assert_eq!(
        keys_matching(&backlog, IssueFilter::default()).await[0],
        "WEB-23"
    );
    let children = IssueFilter {
        parent_issue_ids: vec![issue_id(5001)],
        ..IssueFilter::default()
    };
    assert_eq!(backlog.count_issues(&children).await.unwrap(), 4);
    let mine_open = IssueFilter {
        assignee_ids: vec![user(MYSELF)],
        status_ids: vec![StatusId::new(1).unwrap()],
        keyword: Some("status page".into()),
        ..IssueFilter::default()
    };
    assert_eq!(keys_matching(&backlog, mine_open).await, ["WEB-23"]);
}

#[tokio::test]
async fn each_refused_parameter_is_named_in_a_400() {
    let backlog = demo();
    let base = || new_issue(WEB, "Checked", WEB_TASK);
    let cases: Vec<(crate::domain::changes::NewIssue, &str)> = vec![
        (
            crate::domain::changes::NewIssue {
                summary: "  ".into(),
                ..base()
            },
            "summary must not be empty.",
        ),
        (
            crate::domain::changes::NewIssue {
                summary: "x".repeat(256),
                ..base()
            },
            "summary must be 255 characters or less.",
        ),
        (
            crate::domain::changes::NewIssue {
                issue_type_id: IssueTypeId::new(211).unwrap(),
                ..base()
            },
            "issueTypeId 211 is not an issue type of project WEB.",
        ),
        (
            crate::domain::changes::NewIssue {
                priority_id: PriorityId::new(1).unwrap(),
                ..base()
            },
            "priorityId 1 is not a priority (2 High, 3 Normal, 4 Low).",
        ),
        (
            crate::domain::changes::NewIssue {
                category_ids: vec![CategoryId::new(311).unwrap()],
                ..base()
            },
            "categoryId 311 is not a category of project WEB.",
        ),
        (
            crate::domain::changes::NewIssue {
                version_ids: vec![VersionId::new(999).unwrap()],
                ..base()
            },
            "versionId 999 is not a version or milestone of project WEB.",
        ),
        (
            crate::domain::changes::NewIssue {
                milestone_ids: vec![VersionId::new(411).unwrap()],
                ..base()
            },
            "milestoneId 411 is not a version or milestone of project WEB.",
        ),
        (
            crate::domain::changes::NewIssue {
                assignee_id: Some(user(9999)),
                ..base()
            },
            "assigneeId 9999 is not a member of project WEB.",
        ),
        (
            crate::domain::changes::NewIssue {
                notified_user_ids: vec![user(9999)],
                ..base()
            },
            "notifiedUserId 9999 is not a member of project WEB.",
        ),
        (
            crate::domain::changes::NewIssue {
                attachment_ids: vec![AttachmentId::new(1).unwrap()],
                ..base()
            },
            "attachmentId 1 is not an uploaded file; upload it to the space first.",
        ),
        (
            crate::domain::changes::NewIssue {
                parent_issue_id: Some(issue_id(99_999)),
                ..base()
            },
            "parentIssueId 99999 is not an issue.",
        ),
        (
            crate::domain::changes::NewIssue {
                parent_issue_id: Some(issue_id(5023)),
                ..base()
            },
            "parentIssueId 5023 (APP-1) is an issue of another project than WEB.",
        ),
        (
            crate::domain::changes::NewIssue {
                parent_issue_id: Some(issue_id(5003)),
                ..base()
            },
            "parentIssueId 5003 (WEB-3) is a child issue; a child issue cannot be a parent.",
        ),
        (
            crate::domain::changes::NewIssue {
                start_date: Some(CalendarDate::parse("2026-12-10").unwrap()),
                due_date: Some(CalendarDate::parse("2026-12-01").unwrap()),
                ..base()
            },
            "dueDate (2026-12-01) is before startDate (2026-12-10).",
        ),
        (
            crate::domain::changes::NewIssue {
                estimated_hours: Some(-1.0),
                ..base()
            },
            "estimatedHours must be a number of 0 or more (got -1).",
        ),
    ];
    for (new, expected) in cases {
        assert_eq!(bad_request(backlog.add_issue(&new).await), expected);
    }
    // Nothing was created along the way.
    assert_eq!(backlog.snapshot().issues.len(), 50);
    assert!(backlog.snapshot().counters.issue == 0);
}

#[tokio::test]
async fn custom_field_values_are_checked_against_the_definitions() {
    let backlog = demo();
    let with = |issue_type: i64, settings: Vec<CustomFieldSetting>| {
        let mut new = new_issue(WEB, "Custom", issue_type);
        new.custom_fields = settings;
        new
    };
    let cases = [
        (
            with(
                WEB_TASK,
                vec![setting(602, CustomFieldInput::Items(vec![1]))],
            ),
            "customField_602 (Browser) does not apply to this issue type.",
        ),
        (
            with(
                WEB_TASK,
                vec![setting(601, CustomFieldInput::Text("three".into()))],
            ),
            "customField_601 (Story points) is a numeric field and takes a number.",
        ),
        (
            with(
                WEB_BUG,
                vec![setting(602, CustomFieldInput::Items(vec![1, 2]))],
            ),
            "customField_602 (Browser) is a single list field and takes one item.",
        ),
        (
            with(
                WEB_TASK,
                vec![setting(603, CustomFieldInput::Items(vec![9]))],
            ),
            "customField_603 (Platforms) has no item 9.",
        ),
        (
            with(WEB_TASK, vec![setting(999, CustomFieldInput::Number(1.0))]),
            "customField_999 is not a custom field of the project.",
        ),
        (
            with(
                WEB_TASK,
                vec![setting(611, CustomFieldInput::Items(vec![1]))],
            ),
            "customField_611 is not a custom field of the project.",
        ),
        (
            with(
                WEB_TASK,
                vec![CustomFieldSetting {
                    other_value: Some("Opera".into()),
                    ..setting(603, CustomFieldInput::Items(vec![1]))
                }],
            ),
            "customField_603_otherValue: Platforms does not allow other input (\"Opera\").",
        ),
        (
            with(WEB_TASK, vec![setting(605, CustomFieldInput::Number(3.0))]),
            "customField_605 (Target date) is a date field and takes a date (yyyy-MM-dd).",
        ),
    ];
    for (new, expected) in cases {
        assert_eq!(bad_request(backlog.add_issue(&new).await), expected);
    }
    let bug = with(
        WEB_BUG,
        vec![
            setting(603, CustomFieldInput::Items(vec![4, 1])),
            setting(602, CustomFieldInput::Items(vec![4])),
            setting(604, CustomFieldInput::Text("ACME".into())),
            setting(
                605,
                CustomFieldInput::Date(CalendarDate::parse("2026-12-24").unwrap()),
            ),
        ],
    );
    let created = backlog.add_issue(&bug).await.unwrap();
    let shown: Vec<(i64, String)> = created
        .custom_fields
        .iter()
        .map(|v| {
            (
                v.id.get(),
                super::super::custom_field_values::display(v).unwrap(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (602, "Edge".into()),
            (603, "Windows, Android".into()),
            (604, "ACME".into()),
            (605, "2026-12-24".into()),
        ]
    );
}

#[tokio::test]
async fn check_boxes_take_several_items_and_other_text() {
    let backlog = demo();
    let mut new = new_issue(APP, "Tablet layout", 212);
    new.custom_fields = vec![CustomFieldSetting {
        other_value: Some("Car display".into()),
        ..setting(611, CustomFieldInput::Items(vec![2, 1]))
    }];
    let created = backlog.add_issue(&new).await.unwrap();
    let value = &created.custom_fields[0];
    assert_eq!(value.other_value.as_deref(), Some("Car display"));
    assert_eq!(
        super::super::custom_field_values::display(value).as_deref(),
        Some("Phone, Tablet, Car display")
    );
}

#[tokio::test]
async fn required_custom_fields_must_be_given() {
    let mut space = demo().snapshot();
    space.projects[0].custom_fields[3].required = true;
    let backlog = MemoryBacklog::with_space(space);
    assert_eq!(
        bad_request(
            backlog
                .add_issue(&new_issue(WEB, "No customer", WEB_TASK))
                .await
        ),
        "customField_604 (Customer) is required."
    );
    let mut new = new_issue(WEB, "With customer", WEB_TASK);
    new.custom_fields = vec![setting(604, CustomFieldInput::Text("ACME".into()))];
    assert!(backlog.add_issue(&new).await.is_ok());
}

#[tokio::test]
async fn a_space_without_a_user_refuses_writes() {
    let mut space = demo().snapshot();
    space.myself = None;
    let backlog = MemoryBacklog::with_space(space);
    assert!(matches!(
        backlog.add_issue(&new_issue(WEB, "x", WEB_TASK)).await,
        Err(crate::domain::backlog_error::BacklogError::AuthenticationFailed { .. })
    ));
}
