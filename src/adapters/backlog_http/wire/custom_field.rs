use super::space_days::{SendsDays, SpaceDays, is_zoned_text};
use super::{WireResult, id};
use crate::domain::custom_field::{
    CustomFieldDefinition, CustomFieldType, InitialDate, TypeSettings,
};
use crate::domain::ids::{CustomFieldId, IssueTypeId};
use crate::domain::issue::Named;
use serde::Deserialize;
use serde_json::Value;

/// `GET /projects/:p/customFields` items. The members after `displayOrder`
/// depend on the type: numeric `min`, `max`, `initialValue`, `unit`; date
/// `min`, `max` (days sent as instants) and `initialDate`; list `items`,
/// `allowAddItem`; check box and radio also `allowInput`. What is absent or
/// `null` stays unknown.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireCustomField {
    pub id: i64,
    pub type_id: i64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub required: Option<bool>,
    /// `false`: the field applies to every issue type, whatever the list says.
    #[serde(default)]
    pub use_issue_type: Option<bool>,
    #[serde(default)]
    pub applicable_issue_types: Option<Vec<i64>>,
    #[serde(default)]
    pub items: Option<Vec<WireCustomFieldItem>>,
    #[serde(default)]
    pub allow_input: Option<bool>,
    #[serde(default)]
    pub allow_add_item: Option<bool>,
    /// A number (numeric fields) or a day (date fields).
    #[serde(default)]
    pub min: Option<Value>,
    #[serde(default)]
    pub max: Option<Value>,
    #[serde(default)]
    pub initial_value: Option<f64>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub initial_date: Option<WireInitialDate>,
}

/// `{id, shift, date}`: id 1 the day of creation, 2 `shift` days after it, 3 `date`.
#[derive(Debug, Deserialize)]
pub struct WireInitialDate {
    pub id: i64,
    #[serde(default)]
    pub shift: Option<i64>,
    #[serde(default)]
    pub date: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct WireCustomFieldItem {
    pub id: i64,
    #[serde(default)]
    pub name: String,
}

impl SendsDays for WireCustomField {
    fn has_zoned_days(&self) -> bool {
        let zoned =
            |value: Option<&Value>| value.and_then(Value::as_str).is_some_and(is_zoned_text);
        self.type_id == CustomFieldType::Date.id()
            && (zoned(self.min.as_ref())
                || zoned(self.max.as_ref())
                || self
                    .initial_date
                    .as_ref()
                    .and_then(|initial| initial.date.as_deref())
                    .is_some_and(is_zoned_text))
    }
}

impl WireCustomField {
    /// The definition, or `None` for a field type this server does not know
    /// (a newer Backlog): such a field is skipped rather than failing the list.
    pub fn into_definition(self, days: SpaceDays) -> WireResult<Option<CustomFieldDefinition>> {
        let field_id = id("custom field id", self.id, CustomFieldId::new)?;
        let Some(field_type) = CustomFieldType::from_id(self.type_id) else {
            tracing::warn!(
                field = field_id.get(),
                type_id = self.type_id,
                "skipping a custom field of an unknown type"
            );
            return Ok(None);
        };
        let applicable_issue_types = if self.use_issue_type == Some(false) {
            Vec::new()
        } else {
            self.applicable_issue_types
                .unwrap_or_default()
                .into_iter()
                .map(|t| id("applicable issue type id", t, IssueTypeId::new))
                .collect::<WireResult<_>>()?
        };
        let items = if field_type.has_items() {
            self.items
                .unwrap_or_default()
                .into_iter()
                .map(|item| Named::new(item.id, item.name))
                .collect()
        } else {
            Vec::new()
        };
        let settings = match field_type {
            CustomFieldType::Numeric => TypeSettings::Numeric {
                min: self.min.as_ref().and_then(Value::as_f64),
                max: self.max.as_ref().and_then(Value::as_f64),
                initial_value: self.initial_value,
                unit: self.unit.filter(|unit| !unit.is_empty()),
            },
            CustomFieldType::Date => {
                let day = |value: Option<&Value>| {
                    value
                        .and_then(Value::as_str)
                        .and_then(|text| days.day_in_text(text))
                };
                TypeSettings::Date {
                    min: day(self.min.as_ref()),
                    max: day(self.max.as_ref()),
                    initial: self
                        .initial_date
                        .and_then(|initial| initial.into_initial_date(days)),
                }
            }
            _ => TypeSettings::None,
        };
        Ok(Some(CustomFieldDefinition {
            id: field_id,
            field_type,
            name: self.name,
            description: self.description.unwrap_or_default(),
            required: self.required.unwrap_or_default(),
            applicable_issue_types,
            items,
            allow_input: self.allow_input,
            allow_add_item: self.allow_add_item,
            settings,
        }))
    }
}

impl WireInitialDate {
    /// `None` for a kind this server does not know or one missing its value.
    fn into_initial_date(self, days: SpaceDays) -> Option<InitialDate> {
        match self.id {
            1 => Some(InitialDate::Today),
            2 => self.shift.map(InitialDate::DaysAfterToday),
            3 => self
                .date
                .as_deref()
                .and_then(|text| days.day_in_text(text))
                .map(InitialDate::Fixed),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar_date::CalendarDate;

    fn day(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    fn convert(json: &str) -> Option<CustomFieldDefinition> {
        serde_json::from_str::<WireCustomField>(json)
            .unwrap()
            .into_definition(SpaceDays::utc_midnights())
            .unwrap()
    }

    #[test]
    fn a_check_box_field_keeps_items_issue_types_and_other_input() {
        let field = convert(
            r#"{"id": 1076000003, "projectId": 1073900100, "typeId": 7, "name": "Platforms",
                "description": "Where it happens", "required": true, "useIssueType": true,
                "applicableIssueTypes": [1074000010], "displayOrder": 2, "version": 1,
                "items": [{"id": 1, "name": "macOS", "displayOrder": 0}, {"id": 2, "name": "Windows", "displayOrder": 1}],
                "allowAddItem": false, "allowInput": true}"#,
        )
        .unwrap();
        assert_eq!(field.field_type, CustomFieldType::CheckBox);
        assert_eq!(
            field.items,
            vec![Named::new(1, "macOS"), Named::new(2, "Windows")]
        );
        assert_eq!(
            field.applicable_issue_types,
            vec![IssueTypeId::new(1_074_000_010).unwrap()]
        );
        assert!(field.required);
        assert_eq!(field.allow_input, Some(true));
        assert_eq!(field.allow_add_item, Some(false));
        assert_eq!(field.settings, TypeSettings::None);
    }

    #[test]
    fn a_numeric_field_without_issue_type_restriction_applies_to_all() {
        let field = convert(
            r#"{"id": 5, "typeId": 3, "name": "Points", "description": null, "required": false,
                "useIssueType": false, "applicableIssueTypes": [9], "min": 0, "max": 100,
                "initialValue": null, "unit": "pt"}"#,
        )
        .unwrap();
        assert_eq!(field.field_type, CustomFieldType::Numeric);
        assert!(field.applicable_issue_types.is_empty() && field.items.is_empty());
        assert_eq!(field.description, "");
        assert_eq!(
            field.settings,
            TypeSettings::Numeric {
                min: Some(0.0),
                max: Some(100.0),
                initial_value: None,
                unit: Some("pt".into())
            }
        );
        assert_eq!((field.allow_input, field.allow_add_item), (None, None));
    }

    /// backlog4j's captured `GET /projects/:p/customFields` (an older space in Asia/Tokyo).
    const CAPTURED: &str = r#"[
        {"id": 1073761530, "typeId": 1, "name": "文字フィールド", "description": "", "required": false,
         "applicableIssueTypes": [1074178332]},
        {"id": 1073761547, "typeId": 3, "name": "数字カスタムフィールド", "description": "数字カスタムフィールドです",
         "required": false, "applicableIssueTypes": [1074178332],
         "min": 100.0, "max": 1000000.0, "initialValue": 999.0, "unit": null},
        {"id": 1073761531, "typeId": 4, "name": "日付フィールド", "description": "", "required": false,
         "applicableIssueTypes": [], "min": "2014-06-09T15:00:00Z", "max": "2014-07-09T15:00:00Z",
         "initialDate": {"id": 3, "date": "2014-06-11T15:00:00Z"}},
        {"id": 1073761532, "typeId": 6, "name": "複数リストフィールド", "description": "", "required": false,
         "applicableIssueTypes": [1074178332], "allowAddItem": true,
         "items": [{"id": 1, "name": "ご飯", "displayOrder": 0}, {"id": 2, "name": "みそ汁", "displayOrder": 1}]}
    ]"#;

    #[test]
    fn numeric_date_and_list_settings_are_kept_and_nothing_is_invented() {
        let wire: Vec<WireCustomField> = serde_json::from_str(CAPTURED).unwrap();
        assert!(wire.has_zoned_days());
        let tokyo = crate::domain::zone::DisplayZone::parse("Asia/Tokyo").unwrap();
        let fields: Vec<CustomFieldDefinition> = wire
            .into_iter()
            .map(|f| {
                f.into_definition(SpaceDays::in_zone(Some(tokyo)))
                    .unwrap()
                    .unwrap()
            })
            .collect();
        assert_eq!(fields[0].settings, TypeSettings::None);
        assert_eq!(
            (fields[0].allow_input, fields[0].allow_add_item),
            (None, None)
        );
        assert_eq!(
            fields[1].settings,
            TypeSettings::Numeric {
                min: Some(100.0),
                max: Some(1_000_000.0),
                initial_value: Some(999.0),
                unit: None
            }
        );
        assert_eq!(
            fields[2].settings,
            TypeSettings::Date {
                min: Some(day("2014-06-10")),
                max: Some(day("2014-07-10")),
                initial: Some(InitialDate::Fixed(day("2014-06-12")))
            }
        );
        assert_eq!(fields[3].allow_add_item, Some(true));
        assert_eq!(fields[3].allow_input, None);
    }

    #[test]
    fn initial_dates_of_every_kind_convert_and_unknown_ones_are_left_out() {
        let initial = |json: &str| {
            serde_json::from_str::<WireInitialDate>(json)
                .unwrap()
                .into_initial_date(SpaceDays::utc_midnights())
        };
        assert_eq!(initial(r#"{"id": 1}"#), Some(InitialDate::Today));
        assert_eq!(
            initial(r#"{"id": 2, "shift": 3}"#),
            Some(InitialDate::DaysAfterToday(3))
        );
        assert_eq!(
            initial(r#"{"id": 3, "date": "2024-06-03T00:00:00Z"}"#),
            Some(InitialDate::Fixed(day("2024-06-03")))
        );
        assert_eq!(initial(r#"{"id": 2}"#), None);
        assert_eq!(initial(r#"{"id": 9, "date": "2024-06-03"}"#), None);
    }

    #[test]
    fn an_unknown_type_is_skipped_and_a_zero_id_rejected() {
        assert_eq!(
            convert(r#"{"id": 5, "typeId": 99, "name": "Future"}"#),
            None
        );
        let zero: WireCustomField = serde_json::from_str(r#"{"id": 0, "typeId": 1}"#).unwrap();
        assert!(zero.into_definition(SpaceDays::utc_midnights()).is_err());
    }
}
