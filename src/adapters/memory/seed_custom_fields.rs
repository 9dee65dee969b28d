//! Custom fields of the demo space: five on WEB (numeric "Story points" from 0
//! to 100 pt, single list "Browser" for bugs only, multiple list "Platforms"
//! that takes new choices, text "Customer", date "Target date" two weeks out by
//! default) and a check box "Devices" with "other" input on APP, with values on
//! several issues. Values go through the same checks as writes. Each field has
//! the settings Backlog sends for its type, and no other.

use super::custom_field_values::CustomFieldRules;
use super::space::Space;
use crate::domain::calendar_date::CalendarDate;
use crate::domain::custom_field::{
    CustomFieldDefinition, CustomFieldInput, CustomFieldSetting, CustomFieldType, InitialDate,
    TypeSettings,
};
use crate::domain::ids::{CustomFieldId, IssueTypeId};
use crate::domain::issue::Named;

pub const STORY_POINTS: i64 = 601;
pub const BROWSER: i64 = 602;
pub const PLATFORMS: i64 = 603;
pub const CUSTOMER: i64 = 604;
pub const TARGET_DATE: i64 = 605;
pub const DEVICES: i64 = 611;

/// WEB's "Bug" issue type: the only one "Browser" applies to.
const WEB_BUG: i64 = 201;

struct FieldSeed {
    project: &'static str,
    id: i64,
    field_type: CustomFieldType,
    name: &'static str,
    description: &'static str,
    applicable_issue_types: &'static [i64],
    items: &'static [&'static str],
    /// Check boxes and radios only.
    allow_input: Option<bool>,
    /// List types only.
    allow_add_item: Option<bool>,
    settings: SeedSettings,
}

/// [`TypeSettings`] in a form a constant can hold.
enum SeedSettings {
    None,
    Numeric {
        min: f64,
        max: f64,
        unit: &'static str,
    },
    Date {
        days_after_today: i64,
    },
}

impl SeedSettings {
    fn settings(&self) -> TypeSettings {
        match self {
            Self::None => TypeSettings::None,
            Self::Numeric { min, max, unit } => TypeSettings::Numeric {
                min: Some(*min),
                max: Some(*max),
                initial_value: None,
                unit: Some((*unit).to_owned()),
            },
            Self::Date { days_after_today } => TypeSettings::Date {
                min: None,
                max: None,
                initial: Some(InitialDate::DaysAfterToday(*days_after_today)),
            },
        }
    }
}

const FIELDS: [FieldSeed; 6] = [
    FieldSeed {
        project: "WEB",
        id: STORY_POINTS,
        field_type: CustomFieldType::Numeric,
        name: "Story points",
        description: "Relative size for sprint planning",
        applicable_issue_types: &[],
        items: &[],
        allow_input: None,
        allow_add_item: None,
        settings: SeedSettings::Numeric {
            min: 0.0,
            max: 100.0,
            unit: "pt",
        },
    },
    FieldSeed {
        project: "WEB",
        id: BROWSER,
        field_type: CustomFieldType::SingleList,
        name: "Browser",
        description: "Where the bug shows",
        applicable_issue_types: &[WEB_BUG],
        items: &["Chrome", "Safari", "Firefox", "Edge"],
        allow_input: None,
        allow_add_item: Some(false),
        settings: SeedSettings::None,
    },
    FieldSeed {
        project: "WEB",
        id: PLATFORMS,
        field_type: CustomFieldType::MultipleList,
        name: "Platforms",
        description: "",
        applicable_issue_types: &[],
        items: &["Windows", "macOS", "iOS", "Android"],
        allow_input: None,
        allow_add_item: Some(true),
        settings: SeedSettings::None,
    },
    FieldSeed {
        project: "WEB",
        id: CUSTOMER,
        field_type: CustomFieldType::Text,
        name: "Customer",
        description: "Who asked for it",
        applicable_issue_types: &[],
        items: &[],
        allow_input: None,
        allow_add_item: None,
        settings: SeedSettings::None,
    },
    FieldSeed {
        project: "WEB",
        id: TARGET_DATE,
        field_type: CustomFieldType::Date,
        name: "Target date",
        description: "When the customer expects it",
        applicable_issue_types: &[],
        items: &[],
        allow_input: None,
        allow_add_item: None,
        settings: SeedSettings::Date {
            days_after_today: 14,
        },
    },
    FieldSeed {
        project: "APP",
        id: DEVICES,
        field_type: CustomFieldType::CheckBox,
        name: "Devices",
        description: "Device classes affected; write others in \"other\"",
        applicable_issue_types: &[],
        items: &["Phone", "Tablet", "Watch"],
        allow_input: Some(true),
        allow_add_item: Some(false),
        settings: SeedSettings::None,
    },
];

enum Value {
    Number(f64),
    Items(&'static [i64]),
    Text(&'static str),
    Date(&'static str),
    ItemsAndOther(&'static [i64], &'static str),
}

/// (issue key, field id, value); item ids are 1-based positions in the field's items.
const VALUES: [(&str, i64, Value); 25] = [
    ("WEB-1", STORY_POINTS, Value::Number(8.0)),
    ("WEB-1", PLATFORMS, Value::Items(&[1, 2, 3, 4])),
    ("WEB-1", CUSTOMER, Value::Text("ACME Corp.")),
    ("WEB-1", TARGET_DATE, Value::Date("2026-11-27")),
    ("WEB-3", STORY_POINTS, Value::Number(5.0)),
    ("WEB-3", PLATFORMS, Value::Items(&[3, 4])),
    ("WEB-5", STORY_POINTS, Value::Number(3.0)),
    ("WEB-5", BROWSER, Value::Items(&[2])),
    ("WEB-5", PLATFORMS, Value::Items(&[2, 3])),
    ("WEB-5", CUSTOMER, Value::Text("山田商事")),
    ("WEB-6", STORY_POINTS, Value::Number(5.0)),
    ("WEB-6", BROWSER, Value::Items(&[1])),
    ("WEB-6", CUSTOMER, Value::Text("山田商事")),
    ("WEB-9", STORY_POINTS, Value::Number(3.0)),
    ("WEB-9", TARGET_DATE, Value::Date("2026-11-30")),
    ("WEB-12", STORY_POINTS, Value::Number(13.0)),
    ("WEB-12", TARGET_DATE, Value::Date("2026-12-11")),
    ("WEB-20", BROWSER, Value::Items(&[2])),
    ("WEB-20", PLATFORMS, Value::Items(&[3, 4])),
    ("WEB-22", STORY_POINTS, Value::Number(2.0)),
    ("WEB-22", BROWSER, Value::Items(&[3])),
    ("WEB-22", PLATFORMS, Value::Items(&[1])),
    ("APP-1", DEVICES, Value::Items(&[1])),
    ("APP-3", DEVICES, Value::ItemsAndOther(&[1, 2], "Foldables")),
    ("APP-6", DEVICES, Value::Items(&[1, 2])),
];

fn definition(seed: &FieldSeed) -> Option<CustomFieldDefinition> {
    Some(CustomFieldDefinition {
        id: CustomFieldId::new(seed.id).ok()?,
        field_type: seed.field_type,
        name: seed.name.to_owned(),
        description: seed.description.to_owned(),
        required: false,
        applicable_issue_types: seed
            .applicable_issue_types
            .iter()
            .map(|id| IssueTypeId::new(*id).ok())
            .collect::<Option<_>>()?,
        items: (1..)
            .zip(seed.items)
            .map(|(id, name)| Named::new(id, *name))
            .collect(),
        allow_input: seed.allow_input,
        allow_add_item: seed.allow_add_item,
        settings: seed.settings.settings(),
    })
}

fn setting(id: i64, value: &Value) -> Option<CustomFieldSetting> {
    let (value, other_value) = match value {
        Value::Number(n) => (CustomFieldInput::Number(*n), None),
        Value::Items(ids) => (CustomFieldInput::Items(ids.to_vec()), None),
        Value::Text(text) => (CustomFieldInput::Text((*text).to_owned()), None),
        Value::Date(day) => (CustomFieldInput::Date(CalendarDate::parse(day).ok()?), None),
        Value::ItemsAndOther(ids, other) => (
            CustomFieldInput::Items(ids.to_vec()),
            Some((*other).to_owned()),
        ),
    };
    Some(CustomFieldSetting {
        id: CustomFieldId::new(id).ok()?,
        value,
        other_value,
    })
}

pub fn add(space: &mut Space) -> Option<()> {
    for seed in &FIELDS {
        let definition = definition(seed)?;
        space
            .projects
            .iter_mut()
            .find(|p| p.project.key.as_str() == seed.project)?
            .custom_fields
            .push(definition);
    }
    for (key, field, value) in &VALUES {
        let issue = space.issues.iter().find(|i| i.key.to_string() == *key)?;
        let record = space.project_record(issue.project_id)?;
        let rules = CustomFieldRules::new(&record.custom_fields, issue.issue_type.id);
        let values = rules
            .apply(&issue.custom_fields, &[setting(*field, value)?])
            .ok()?;
        let id = issue.id;
        space.issues.iter_mut().find(|i| i.id == id)?.custom_fields = values;
    }
    Some(())
}
