//! Custom field values: written on an issue, filtered and sorted on, cleared.

use crate::backends::Backlog;
use crate::support::{bad_request, by_key, new_issue, project, project_ref};
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::changes::{IssueUpdate, NewIssue};
use backlog_mcp::domain::custom_field::{
    CustomFieldDefinition, CustomFieldInput, CustomFieldSetting, CustomFieldType,
};
use backlog_mcp::domain::issue::CustomFieldContent;
use backlog_mcp::domain::issue_filter::{
    CustomFieldCondition, IssueFilter, IssueQuery, IssueSort, PageSize, SortOrder,
};
use backlog_mcp::ports::CommentPage;

fn day() -> CalendarDate {
    CalendarDate::parse("2031-05-05").unwrap()
}

/// A value of the field's kind, and a filter condition it matches.
fn value_and_condition(field: &CustomFieldDefinition) -> (CustomFieldInput, CustomFieldCondition) {
    let id = field.id;
    match field.field_type {
        CustomFieldType::Text | CustomFieldType::TextArea => (
            CustomFieldInput::Text("Contract text".to_owned()),
            CustomFieldCondition::Text {
                id,
                keyword: "contract TEXT".to_owned(),
            },
        ),
        CustomFieldType::Numeric => (
            CustomFieldInput::Number(3.0),
            CustomFieldCondition::Numeric {
                id,
                min: Some(3.0),
                max: Some(3.0),
            },
        ),
        CustomFieldType::Date => (
            CustomFieldInput::Date(day()),
            CustomFieldCondition::Date {
                id,
                range: DateRange::new(Some(day()), Some(day())).unwrap(),
            },
        ),
        kind => {
            let items: Vec<i64> = field
                .items
                .iter()
                .map(|i| i.id)
                .take(if kind.is_multiple() { 2 } else { 1 })
                .collect();
            let first = items[0];
            (
                CustomFieldInput::Items(items),
                CustomFieldCondition::Items {
                    id,
                    item_ids: vec![first],
                },
            )
        }
    }
}

/// How the change log shows the value [`value_and_condition`] gives: list items
/// by name in the field's order.
fn shown(field: &CustomFieldDefinition) -> String {
    match field.field_type {
        CustomFieldType::Text | CustomFieldType::TextArea => "Contract text".to_owned(),
        CustomFieldType::Numeric => "3".to_owned(),
        CustomFieldType::Date => day().to_string(),
        kind => {
            let take = if kind.is_multiple() { 2 } else { 1 };
            let names: Vec<&str> = field
                .items
                .iter()
                .take(take)
                .map(|i| i.name.as_str())
                .collect();
            names.join(", ")
        }
    }
}

/// A WEB issue of a type the field applies to, holding `value`.
async fn issue_with(
    b: &dyn Backlog,
    field: &CustomFieldDefinition,
    value: CustomFieldInput,
) -> NewIssue {
    let mut issue = new_issue(b, "WEB", "Custom").await;
    if let Some(issue_type) = field.applicable_issue_types.first() {
        issue.issue_type_id = *issue_type;
    }
    issue.custom_fields = vec![CustomFieldSetting {
        id: field.id,
        value,
        other_value: None,
    }];
    issue
}

pub async fn every_kind_of_custom_field_is_set_found_sorted_and_cleared(b: &dyn Backlog) {
    let web = project(b, "WEB").await;
    let fields = b.custom_fields(&project_ref("WEB")).await.unwrap();
    assert!(
        fields.len() >= 4,
        "the seed has custom fields of several kinds"
    );
    for field in fields.iter().filter(|f| !f.required) {
        let (value, condition) = value_and_condition(field);
        let issue = b
            .add_issue(&issue_with(b, field, value).await)
            .await
            .unwrap();
        let held = issue
            .custom_fields
            .iter()
            .find(|v| v.id == field.id)
            .unwrap();
        assert_eq!(held.name, field.name);
        assert_ne!(held.value, CustomFieldContent::Empty, "{}", field.name);
        let filter = IssueFilter {
            project_ids: vec![web.id],
            custom_fields: vec![condition],
            ..IssueFilter::default()
        };
        let found = b
            .issues(&IssueQuery::first_page(filter.clone()))
            .await
            .unwrap();
        assert!(found.iter().any(|i| i.id == issue.id), "{}", field.name);
        assert_eq!(b.count_issues(&filter).await.unwrap(), found.len() as u64);
        let sorted = IssueQuery {
            sort: Some(IssueSort::CustomField(field.id)),
            order: SortOrder::Asc,
            ..IssueQuery::first_page(IssueFilter {
                project_ids: vec![web.id],
                ..IssueFilter::default()
            })
        };
        b.issues(&sorted).await.unwrap();
        let clear = IssueUpdate {
            custom_fields: vec![CustomFieldSetting {
                id: field.id,
                value: CustomFieldInput::Clear,
                other_value: None,
            }],
            ..IssueUpdate::default()
        };
        let cleared = b.update_issue(&by_key(&issue), &clear).await.unwrap();
        assert!(
            cleared.custom_fields.iter().all(|v| v.id != field.id),
            "a cleared {} is not listed",
            field.name
        );
        let page = CommentPage {
            min_id: None,
            max_id: None,
            count: PageSize::new(1).unwrap(),
            order: SortOrder::Desc,
        };
        let logged = b.comments(&by_key(&issue), page).await.unwrap().remove(0);
        let entry = logged
            .change_log
            .iter()
            .find(|e| e.field == field.name)
            .unwrap();
        assert_eq!(entry.new_value, None);
        assert_eq!(
            entry.original_value,
            Some(shown(field)),
            "as Backlog shows it"
        );
    }
}

pub async fn custom_field_values_are_checked_against_the_definition(b: &dyn Backlog) {
    let fields = b.custom_fields(&project_ref("WEB")).await.unwrap();
    for field in &fields {
        let wrong = match field.field_type {
            CustomFieldType::Numeric => CustomFieldInput::Text("abc".to_owned()),
            CustomFieldType::SingleList | CustomFieldType::Radio => {
                CustomFieldInput::Items(field.items.iter().map(|i| i.id).take(2).collect())
            }
            CustomFieldType::MultipleList | CustomFieldType::CheckBox => {
                CustomFieldInput::Items(vec![987_654_321])
            }
            CustomFieldType::Date => CustomFieldInput::Number(3.0),
            _ => continue,
        };
        let message = bad_request(b.add_issue(&issue_with(b, field, wrong).await).await);
        assert!(
            message.contains(&format!("customField_{}", field.id)),
            "{message}"
        );
    }
    let types = b.issue_types(&project_ref("WEB")).await.unwrap();
    let narrow = fields
        .iter()
        .find(|f| !f.applicable_issue_types.is_empty())
        .unwrap();
    let (value, _) = value_and_condition(narrow);
    let mut elsewhere = issue_with(b, narrow, value).await;
    elsewhere.issue_type_id = types
        .iter()
        .find(|t| !narrow.applicable_issue_types.contains(&t.id))
        .unwrap()
        .id;
    let message = bad_request(b.add_issue(&elsewhere).await);
    assert!(
        message.contains(&format!("customField_{}", narrow.id)),
        "{message}"
    );
    let unknown = CustomFieldDefinition {
        id: backlog_mcp::domain::ids::CustomFieldId::new(987_654_321).unwrap(),
        ..narrow.clone()
    };
    let message = bad_request(
        b.add_issue(&issue_with(b, &unknown, CustomFieldInput::Number(1.0)).await)
            .await,
    );
    assert!(message.contains("customField_987654321"), "{message}");
    let closed = fields
        .iter()
        .find(|f| f.field_type.is_multiple() && !f.accepts_other_text())
        .unwrap();
    let mut other = issue_with(b, closed, value_and_condition(closed).0).await;
    other.custom_fields[0].other_value = Some("Opera".to_owned());
    let message = bad_request(b.add_issue(&other).await);
    assert!(
        message.contains(&format!("customField_{}_otherValue", closed.id)),
        "{message}"
    );
}

/// A list field that allows other input keeps the text beside its items.
pub async fn other_text_is_kept_where_the_field_allows_it(b: &dyn Backlog) {
    for key in ["WEB", "APP"] {
        let fields = b.custom_fields(&project_ref(key)).await.unwrap();
        let Some(open) = fields.iter().find(|f| f.accepts_other_text()) else {
            continue;
        };
        let mut new = new_issue(b, key, "Other input").await;
        if let Some(issue_type) = open.applicable_issue_types.first() {
            new.issue_type_id = *issue_type;
        }
        new.custom_fields = vec![CustomFieldSetting {
            id: open.id,
            value: value_and_condition(open).0,
            other_value: Some("Car display".to_owned()),
        }];
        let created = b.add_issue(&new).await.unwrap();
        let held = created
            .custom_fields
            .iter()
            .find(|v| v.id == open.id)
            .unwrap();
        assert_eq!(held.other_value.as_deref(), Some("Car display"));
        assert_ne!(held.value, CustomFieldContent::Empty);
        assert_eq!(b.issue(&by_key(&created)).await.unwrap(), created);
        return;
    }
    panic!("the seed has a field that allows other input");
}

/// A value of a field the new issue type does not have goes with the change,
/// and the change log says so.
pub async fn a_type_change_drops_the_fields_the_new_type_lacks(b: &dyn Backlog) {
    let fields = b.custom_fields(&project_ref("WEB")).await.unwrap();
    let narrow = fields
        .iter()
        .find(|f| !f.applicable_issue_types.is_empty())
        .unwrap();
    let (value, _) = value_and_condition(narrow);
    let issue = b
        .add_issue(&issue_with(b, narrow, value).await)
        .await
        .unwrap();
    assert!(issue.custom_fields.iter().any(|v| v.id == narrow.id));
    let types = b.issue_types(&project_ref("WEB")).await.unwrap();
    let other = types
        .iter()
        .find(|t| !narrow.applicable_issue_types.contains(&t.id))
        .unwrap();
    let retype = IssueUpdate {
        issue_type_id: Some(other.id),
        ..IssueUpdate::default()
    };
    let retyped = b.update_issue(&by_key(&issue), &retype).await.unwrap();
    assert!(retyped.custom_fields.iter().all(|v| v.id != narrow.id));
    let page = CommentPage {
        min_id: None,
        max_id: None,
        count: PageSize::new(1).unwrap(),
        order: SortOrder::Desc,
    };
    let logged = b.comments(&by_key(&issue), page).await.unwrap().remove(0);
    let fields: Vec<_> = logged.change_log.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["issueType", narrow.name.as_str()]);
    assert!(logged.change_log[1].new_value.is_none());
}

crate::contract! {
    every_kind_of_custom_field_is_set_found_sorted_and_cleared [add_issue, update_issue, issues, count_issues, custom_fields]
    custom_field_values_are_checked_against_the_definition [add_issue]
    other_text_is_kept_where_the_field_allows_it [add_issue, custom_fields]
    a_type_change_drops_the_fields_the_new_type_lacks [update_issue, comments]
}
