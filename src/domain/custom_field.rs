//! Custom field definitions of a project, and values to set on issues.

use super::calendar_date::CalendarDate;
use super::ids::{CustomFieldId, IssueTypeId};
use super::issue::Named;

/// Backlog's custom field types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomFieldType {
    Text,
    TextArea,
    Numeric,
    Date,
    SingleList,
    MultipleList,
    CheckBox,
    Radio,
}

impl CustomFieldType {
    pub fn from_id(id: i64) -> Option<Self> {
        Some(match id {
            1 => Self::Text,
            2 => Self::TextArea,
            3 => Self::Numeric,
            4 => Self::Date,
            5 => Self::SingleList,
            6 => Self::MultipleList,
            7 => Self::CheckBox,
            8 => Self::Radio,
            _ => return None,
        })
    }

    pub fn id(self) -> i64 {
        match self {
            Self::Text => 1,
            Self::TextArea => 2,
            Self::Numeric => 3,
            Self::Date => 4,
            Self::SingleList => 5,
            Self::MultipleList => 6,
            Self::CheckBox => 7,
            Self::Radio => 8,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::TextArea => "textarea",
            Self::Numeric => "numeric",
            Self::Date => "date",
            Self::SingleList => "single list",
            Self::MultipleList => "multiple list",
            Self::CheckBox => "check box",
            Self::Radio => "radio",
        }
    }

    /// Whether values are chosen from the field's items.
    pub fn has_items(self) -> bool {
        matches!(
            self,
            Self::SingleList | Self::MultipleList | Self::CheckBox | Self::Radio
        )
    }

    /// Whether more than one item may be chosen.
    pub fn is_multiple(self) -> bool {
        matches!(self, Self::MultipleList | Self::CheckBox)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CustomFieldDefinition {
    pub id: CustomFieldId,
    pub field_type: CustomFieldType,
    pub name: String,
    pub description: String,
    pub required: bool,
    /// Issue types the field applies to; empty means all.
    pub applicable_issue_types: Vec<IssueTypeId>,
    /// The choices of list, check-box and radio fields.
    pub items: Vec<Named<i64>>,
    /// Whether check-box and radio fields take free text as "other"; `None`
    /// when Backlog did not say (other field types).
    pub allow_input: Option<bool>,
    /// Whether choices may be added to a list field while editing an issue;
    /// `None` when Backlog did not say.
    pub allow_add_item: Option<bool>,
    /// The limits and default value of numeric and date fields.
    pub settings: TypeSettings,
}

impl CustomFieldDefinition {
    /// Whether issues of this type have the field.
    pub fn applies_to(&self, issue_type: IssueTypeId) -> bool {
        self.applicable_issue_types.is_empty() || self.applicable_issue_types.contains(&issue_type)
    }

    /// Whether an "other" free text is accepted.
    pub fn accepts_other_text(&self) -> bool {
        self.allow_input == Some(true)
    }
}

/// Settings that only some field types have. Each is `None` when Backlog did
/// not send it (or sent `null`).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum TypeSettings {
    #[default]
    None,
    Numeric {
        min: Option<f64>,
        max: Option<f64>,
        initial_value: Option<f64>,
        /// Shown after the number, e.g. `pt` or `h`.
        unit: Option<String>,
    },
    Date {
        min: Option<CalendarDate>,
        max: Option<CalendarDate>,
        initial: Option<InitialDate>,
    },
}

/// The value a date field starts with on a new issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitialDate {
    /// The day the issue is created.
    Today,
    /// That many days after the issue is created.
    DaysAfterToday(i64),
    Fixed(CalendarDate),
}

/// A custom field value to write on an issue.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomFieldSetting {
    pub id: CustomFieldId,
    pub value: CustomFieldInput,
    /// The "other" text of check-box and radio fields.
    pub other_value: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CustomFieldInput {
    /// Empty the field.
    Clear,
    Text(String),
    Number(f64),
    Date(CalendarDate),
    /// Item ids of a list, check-box or radio field.
    Items(Vec<i64>),
    /// Leave the value alone, set only `other_value`.
    Unchanged,
}
