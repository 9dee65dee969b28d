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
        assert!(
            entry.original_value.is_some() && entry.new_value.is_none(),
            "{entry:?}"
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
            _ => continue,
        };
        let message = bad_request(b.add_issue(&issue_with(b, field, wrong).await).await);
        assert!(
            message.contains(&format!("customField_{}", field.id)),
            "{message}"
        );
    }
}
