//! Compact views of users, projects, statuses, issue types, categories,
//! priorities, resolutions, versions and custom fields.

use crate::app::tooling::FieldView;
use crate::domain::custom_field::{CustomFieldDefinition, InitialDate, TypeSettings};
use crate::domain::issue::Named;
use crate::domain::project::{Category, IssueType, Project, Status, Version};
use crate::domain::user::User;
use crate::domain::zone::DisplayZone;
use schemars::JsonSchema;
use serde::Serialize;

/// Implements `FieldView` and a schema test from one list of field names.
macro_rules! field_view {
    ($view:ty, key: [$($key:literal),*], default: [$($default:literal),*], all: [$($field:literal),*]) => {
        impl FieldView for $view {
            const FIELDS: &'static [&'static str] = &[$($field),*];
            const DEFAULT_FIELDS: &'static [&'static str] = &[$($default),*];
            const KEY_FIELDS: &'static [&'static str] = &[$($key),*];
        }
    };
}
pub(crate) use field_view;

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserView {
    pub id: i64,
    /// The login id, e.g. t.sato.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    pub name: String,
    /// 1 Administrator, 2 Normal user, 3 Reporter, 4 Viewer, 5 Guest reporter, 6 Guest viewer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_type: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mail_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_login_time: Option<String>,
}

field_view!(UserView, key: ["id"], default: ["id", "userId", "name"],
    all: ["id", "userId", "name", "roleType", "lang", "mailAddress", "lastLoginTime"]);

impl UserView {
    pub fn new(user: &User, zone: DisplayZone) -> Self {
        Self {
            id: user.id.get(),
            user_id: user.login_id.clone(),
            name: user.name.clone(),
            role_type: user.role_type,
            lang: user.lang.clone(),
            mail_address: user.mail_address.clone(),
            last_login_time: user.last_login.map(|t| zone.format_instant(t)),
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProjectView {
    pub id: i64,
    pub project_key: String,
    pub name: String,
    pub archived: bool,
    /// markdown or backlog.
    pub text_formatting_rule: String,
    pub chart_enabled: bool,
    pub subtasking_enabled: bool,
    pub project_leader_can_edit_project_leader: bool,
}

field_view!(ProjectView, key: ["projectKey"], default: ["id", "projectKey", "name", "archived"],
    all: ["id", "projectKey", "name", "archived", "textFormattingRule", "chartEnabled",
          "subtaskingEnabled", "projectLeaderCanEditProjectLeader"]);

impl From<&Project> for ProjectView {
    fn from(project: &Project) -> Self {
        Self {
            id: project.id.get(),
            project_key: project.key.to_string(),
            name: project.name.clone(),
            archived: project.archived,
            text_formatting_rule: project.text_formatting_rule.clone(),
            chart_enabled: project.chart_enabled,
            subtasking_enabled: project.subtasking_enabled,
            project_leader_can_edit_project_leader: project.project_leader_can_edit_project_leader,
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusView {
    pub id: i64,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    pub display_order: i64,
}

impl From<&Status> for StatusView {
    fn from(status: &Status) -> Self {
        Self {
            id: status.id.get(),
            name: status.name.clone(),
            color: status.color.clone(),
            display_order: status.display_order,
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssueTypeView {
    pub id: i64,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

field_view!(IssueTypeView, key: ["id"], default: ["id", "name"], all: ["id", "name", "color"]);

impl From<&IssueType> for IssueTypeView {
    fn from(issue_type: &IssueType) -> Self {
        Self {
            id: issue_type.id.get(),
            name: issue_type.name.clone(),
            color: issue_type.color.clone(),
        }
    }
}

/// Something with an id and a name: a category, a priority, a resolution.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct NamedView {
    pub id: i64,
    pub name: String,
}

field_view!(NamedView, key: ["id"], default: ["id", "name"], all: ["id", "name"]);

impl NamedView {
    pub fn of<I: Copy + Into<i64>>(named: &Named<I>) -> Self {
        Self {
            id: named.id.into(),
            name: named.name.clone(),
        }
    }
}

impl From<&Category> for NamedView {
    fn from(category: &Category) -> Self {
        Self {
            id: category.id.get(),
            name: category.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VersionView {
    pub id: i64,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release_due_date: Option<String>,
    pub archived: bool,
}

field_view!(VersionView, key: ["id"], default: ["id", "name", "startDate", "releaseDueDate", "archived"],
    all: ["id", "name", "description", "startDate", "releaseDueDate", "archived"]);

impl From<&Version> for VersionView {
    fn from(version: &Version) -> Self {
        Self {
            id: version.id.get(),
            name: version.name.clone(),
            description: version.description.clone().filter(|d| !d.is_empty()),
            start_date: version.start_date.map(|d| d.to_string()),
            release_due_date: version.release_due_date.map(|d| d.to_string()),
            archived: version.archived,
        }
    }
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomFieldDefinitionView {
    pub id: i64,
    pub name: String,
    /// text, textarea, numeric, date, single list, multiple list, check box or radio.
    #[serde(rename = "type")]
    pub field_type: String,
    pub required: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Issue type ids it applies to; empty means all.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub applicable_issue_types: Vec<i64>,
    /// The choices of list, check-box and radio fields.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<NamedView>,
    /// Check box and radio: whether an "other" free text is accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_input: Option<bool>,
    /// List fields: whether choices may be added while editing an issue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_add_item: Option<bool>,
    /// The smallest value allowed: a number, or a YYYY-MM-DD day for date fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<Limit>,
    /// The largest value allowed: a number, or a YYYY-MM-DD day for date fields.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<Limit>,
    /// Numeric fields: the value a new issue starts with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_value: Option<f64>,
    /// Numeric fields: the unit shown after the number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Date fields: the day a new issue starts with: "today", "today+N days" or YYYY-MM-DD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_date: Option<String>,
}

/// A bound of a numeric (a number) or date (a YYYY-MM-DD day) field.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Limit {
    Number(f64),
    Day(String),
}

field_view!(CustomFieldDefinitionView, key: ["id"],
    default: ["id", "name", "type", "required", "items", "allowInput", "allowAddItem", "min", "max",
              "initialValue", "unit", "initialDate"],
    all: ["id", "name", "type", "required", "description", "applicableIssueTypes", "items",
          "allowInput", "allowAddItem", "min", "max", "initialValue", "unit", "initialDate"]);

impl From<&CustomFieldDefinition> for CustomFieldDefinitionView {
    fn from(field: &CustomFieldDefinition) -> Self {
        let mut view = Self {
            id: field.id.get(),
            name: field.name.clone(),
            field_type: field.field_type.name().to_owned(),
            required: field.required,
            description: field.description.clone(),
            applicable_issue_types: field
                .applicable_issue_types
                .iter()
                .map(|t| t.get())
                .collect(),
            items: field.items.iter().map(NamedView::of).collect(),
            allow_input: field.allow_input,
            allow_add_item: field.allow_add_item,
            min: None,
            max: None,
            initial_value: None,
            unit: None,
            initial_date: None,
        };
        match &field.settings {
            TypeSettings::None => {}
            TypeSettings::Numeric {
                min,
                max,
                initial_value,
                unit,
            } => {
                view.min = min.map(Limit::Number);
                view.max = max.map(Limit::Number);
                view.initial_value = *initial_value;
                view.unit.clone_from(unit);
            }
            TypeSettings::Date { min, max, initial } => {
                view.min = min.map(|d| Limit::Day(d.to_string()));
                view.max = max.map(|d| Limit::Day(d.to_string()));
                view.initial_date = initial.map(|initial| match initial {
                    InitialDate::Today => "today".to_owned(),
                    InitialDate::DaysAfterToday(days) => format!("today+{days} days"),
                    InitialDate::Fixed(day) => day.to_string(),
                });
            }
        }
        view
    }
}

#[cfg(test)]
#[path = "entity_views_tests.rs"]
mod tests;
