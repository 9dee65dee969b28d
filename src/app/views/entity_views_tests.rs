//! Tests of `entity_views`.

use super::*;
use crate::domain::calendar_date::CalendarDate;
use crate::domain::custom_field::CustomFieldType;
use crate::domain::ids::{CustomFieldId, VersionId};
use serde_json::{Value, json};

fn definition(field_type: CustomFieldType, settings: TypeSettings) -> CustomFieldDefinition {
    CustomFieldDefinition {
        id: CustomFieldId::new(1).unwrap(),
        field_type,
        name: "F".into(),
        description: String::new(),
        required: false,
        applicable_issue_types: vec![],
        items: vec![],
        allow_input: None,
        allow_add_item: None,
        settings,
    }
}

fn shown(field: &CustomFieldDefinition) -> Value {
    serde_json::to_value(CustomFieldDefinitionView::from(field)).unwrap()
}

fn day(text: &str) -> CalendarDate {
    CalendarDate::parse(text).unwrap()
}

#[test]
fn a_field_shows_only_the_settings_backlog_sent() {
    let text = definition(CustomFieldType::Text, TypeSettings::None);
    assert_eq!(
        shown(&text),
        json!({"id": 1, "name": "F", "type": "text", "required": false})
    );
    let mut check_box = definition(CustomFieldType::CheckBox, TypeSettings::None);
    check_box.allow_input = Some(false);
    check_box.allow_add_item = Some(true);
    let view = shown(&check_box);
    assert_eq!(
        (view["allowInput"].clone(), view["allowAddItem"].clone()),
        (json!(false), json!(true))
    );
}

#[test]
fn numeric_and_date_limits_and_defaults_are_shown() {
    let numeric = definition(
        CustomFieldType::Numeric,
        TypeSettings::Numeric {
            min: Some(0.5),
            max: Some(40.0),
            initial_value: Some(1.0),
            unit: Some("pt".into()),
        },
    );
    let view = shown(&numeric);
    assert_eq!(
        [
            &view["min"],
            &view["max"],
            &view["initialValue"],
            &view["unit"]
        ],
        [&json!(0.5), &json!(40.0), &json!(1.0), &json!("pt")]
    );
    let initial = |initial| {
        shown(&definition(
            CustomFieldType::Date,
            TypeSettings::Date {
                min: Some(day("2024-01-01")),
                max: None,
                initial: Some(initial),
            },
        ))
    };
    let fixed = initial(InitialDate::Fixed(day("2024-06-12")));
    assert_eq!(fixed["min"], "2024-01-01");
    assert!(fixed.get("max").is_none());
    assert_eq!(fixed["initialDate"], "2024-06-12");
    assert_eq!(initial(InitialDate::Today)["initialDate"], "today");
    assert_eq!(
        initial(InitialDate::DaysAfterToday(7))["initialDate"],
        "today+7 days"
    );
}

#[test]
fn an_archived_version_is_marked() {
    let version = Version {
        id: VersionId::new(3).unwrap(),
        project_id: None,
        name: "Sprint 41".into(),
        description: None,
        start_date: None,
        release_due_date: None,
        archived: true,
        display_order: 0,
    };
    assert_eq!(
        serde_json::to_value(VersionView::from(&version)).unwrap(),
        json!({"id": 3, "name": "Sprint 41", "archived": true})
    );
}
