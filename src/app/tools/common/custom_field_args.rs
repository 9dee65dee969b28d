//! Custom fields in arguments: filter conditions (the official server's
//! `customFields` of `get_issues`) and values to set (of `add_issue` and
//! `update_issue`). Fields may be named, and so may list items.

use crate::app::context::AppContext;
use crate::app::resolve::{Candidate, pick_one};
use crate::app::tooling::validate::date;
use crate::app::tooling::{IdOrName, ToolError};
use crate::domain::calendar_date::DateRange;
use crate::domain::custom_field::{
    CustomFieldDefinition, CustomFieldInput, CustomFieldSetting, CustomFieldType,
};
use crate::domain::ids::{IssueTypeId, ProjectId};
use crate::domain::issue_filter::CustomFieldCondition;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer};

/// One value or several.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged, expecting = "expected one value or an array of them")]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T: Clone> OneOrMany<T> {
    pub fn to_vec(&self) -> Vec<T> {
        match self {
            Self::One(one) => vec![one.clone()],
            Self::Many(many) => many.clone(),
        }
    }
}

/// A condition on a custom field.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum CustomFieldFilterArg {
    /// The text contains `value`.
    Text { id: IdOrName, value: String },
    /// The number lies within min and max (give at least one).
    Numeric {
        id: IdOrName,
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
    },
    /// The date lies within min and max, YYYY-MM-DD (give at least one).
    Date {
        id: IdOrName,
        #[serde(default)]
        min: Option<String>,
        #[serde(default)]
        max: Option<String>,
    },
    /// One of these items (by id or name) is chosen.
    List {
        id: IdOrName,
        value: OneOrMany<IdOrName>,
    },
}

/// A value to set on a custom field.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomFieldSetArg {
    /// The field, by id or name.
    pub id: IdOrName,
    /// Text, a number, a date (YYYY-MM-DD), or list items by id or name (one or
    /// an array). null empties the field. Omit it to set only otherValue.
    #[serde(default, deserialize_with = "present")]
    #[schemars(with = "Option<FieldValue>", extend("nullable" = true))]
    pub value: Option<Option<FieldValue>>,
    /// The free text of the "other" choice of check-box and radio fields.
    #[serde(default)]
    pub other_value: Option<String>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(
    untagged,
    expecting = "expected a number, text (a date is YYYY-MM-DD), null, or list items by id or name"
)]
pub enum FieldValue {
    Number(f64),
    Text(String),
    Items(Vec<IdOrName>),
}

/// `Some(None)` for an explicit null, `None` when absent.
fn present<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<FieldValue>>, D::Error> {
    Option::<FieldValue>::deserialize(deserializer).map(Some)
}

fn definition_in(
    fields: &[CustomFieldDefinition],
    id: crate::domain::ids::CustomFieldId,
) -> Option<&CustomFieldDefinition> {
    fields.iter().find(|f| f.id == id)
}

/// A list item of a field, by id or name.
fn item(
    parameter: &str,
    field: &CustomFieldDefinition,
    value: &IdOrName,
) -> Result<i64, ToolError> {
    if let Some(id) = value.as_id() {
        return Ok(id);
    }
    let candidates: Vec<Candidate<i64>> = field
        .items
        .iter()
        .map(|i| Candidate::new(i.id, i.name.clone(), [i.name.clone()]))
        .collect();
    pick_one(
        parameter,
        "item",
        &format!("of custom field \"{}\"", field.name),
        value.as_name().unwrap_or_default(),
        &candidates,
    )
}

/// The field's definition, looked up in one of the projects.
async fn definition(
    app: &AppContext,
    parameter: &str,
    projects: &[ProjectId],
    id: &IdOrName,
) -> Result<CustomFieldDefinition, ToolError> {
    let resolver = app.resolver();
    let ids = resolver
        .custom_field_ids(parameter, projects, std::slice::from_ref(id))
        .await?;
    let [wanted] = ids.as_slice() else {
        return Err(ToolError::argument(
            parameter,
            format!(
                "custom field \"{id}\" exists in several projects; give its id or a single projectId"
            ),
        ));
    };
    for project in app.metadata.these_or_all(projects).await? {
        let fields = app.metadata.custom_fields(project).await?;
        if let Some(found) = definition_in(&fields, *wanted) {
            return Ok(found.clone());
        }
    }
    Err(ToolError::argument(
        parameter,
        format!("no custom field with id {wanted} in these projects"),
    ))
}

pub async fn resolve_filters(
    app: &AppContext,
    projects: &[ProjectId],
    filters: &[CustomFieldFilterArg],
) -> Result<Vec<CustomFieldCondition>, ToolError> {
    let mut conditions = Vec::new();
    for filter in filters {
        let parameter = "customFields";
        let condition = match filter {
            CustomFieldFilterArg::Text { id, value } => CustomFieldCondition::Text {
                id: definition(app, parameter, projects, id).await?.id,
                keyword: value.clone(),
            },
            CustomFieldFilterArg::Numeric { id, min, max } => {
                if min.is_none() && max.is_none() {
                    return Err(ToolError::argument(
                        parameter,
                        "a numeric condition needs min or max",
                    ));
                }
                CustomFieldCondition::Numeric {
                    id: definition(app, parameter, projects, id).await?.id,
                    min: *min,
                    max: *max,
                }
            }
            CustomFieldFilterArg::Date { id, min, max } => {
                let range = DateRange::new(
                    date(parameter, min.as_deref())?,
                    date(parameter, max.as_deref())?,
                )
                .map_err(|e| ToolError::argument(parameter, e))?;
                if range.is_open() {
                    return Err(ToolError::argument(
                        parameter,
                        "a date condition needs min or max",
                    ));
                }
                CustomFieldCondition::Date {
                    id: definition(app, parameter, projects, id).await?.id,
                    range,
                }
            }
            CustomFieldFilterArg::List { id, value } => {
                let field = definition(app, parameter, projects, id).await?;
                let item_ids = value
                    .to_vec()
                    .iter()
                    .map(|v| item(parameter, &field, v))
                    .collect::<Result<_, _>>()?;
                CustomFieldCondition::Items {
                    id: field.id,
                    item_ids,
                }
            }
        };
        conditions.push(condition);
    }
    Ok(conditions)
}

/// Values to write on an issue of `issue_type`, checked against the project's
/// field definitions (type, choices, and the issue types a field applies to).
pub async fn resolve_settings(
    app: &AppContext,
    project: ProjectId,
    issue_type: IssueTypeId,
    settings: &[CustomFieldSetArg],
) -> Result<Vec<CustomFieldSetting>, ToolError> {
    let mut resolved = Vec::new();
    for setting in settings {
        let parameter = "customFields";
        let field = definition(app, parameter, &[project], &setting.id).await?;
        if !field.applies_to(issue_type) {
            let types = app.metadata.issue_types(project).await?;
            let name = |id: &IssueTypeId| {
                types
                    .iter()
                    .find(|t| t.id == *id)
                    .map_or_else(|| id.to_string(), |t| t.name.clone())
            };
            return Err(ToolError::argument(
                parameter,
                format!(
                    "custom field \"{}\" does not apply to issue type {}; it applies to: {}",
                    field.name,
                    name(&issue_type),
                    field
                        .applicable_issue_types
                        .iter()
                        .map(name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        let value = match &setting.value {
            None if setting.other_value.is_some() => CustomFieldInput::Unchanged,
            None => {
                return Err(ToolError::argument(
                    parameter,
                    format!(
                        "give a value (or null to empty it) for custom field \"{}\"",
                        field.name
                    ),
                ));
            }
            Some(None) => CustomFieldInput::Clear,
            Some(Some(value)) => input(&field, value)?,
        };
        resolved.push(CustomFieldSetting {
            id: field.id,
            value,
            other_value: setting.other_value.clone(),
        });
    }
    Ok(resolved)
}

fn input(field: &CustomFieldDefinition, value: &FieldValue) -> Result<CustomFieldInput, ToolError> {
    let parameter = "customFields";
    let wrong = |expected: &str| {
        ToolError::argument(
            parameter,
            format!(
                "custom field \"{}\" is a {} field: give {expected}",
                field.name,
                field.field_type.name()
            ),
        )
    };
    Ok(match (field.field_type, value) {
        (CustomFieldType::Text | CustomFieldType::TextArea, FieldValue::Text(text)) => {
            CustomFieldInput::Text(text.clone())
        }
        (CustomFieldType::Text | CustomFieldType::TextArea, FieldValue::Number(n)) => {
            CustomFieldInput::Text(n.to_string())
        }
        (CustomFieldType::Text | CustomFieldType::TextArea, FieldValue::Items(_)) => {
            return Err(wrong("text"));
        }
        (CustomFieldType::Numeric, FieldValue::Number(n)) => CustomFieldInput::Number(*n),
        (CustomFieldType::Numeric, FieldValue::Text(text)) => {
            CustomFieldInput::Number(text.trim().parse().map_err(|_| wrong("a number"))?)
        }
        (CustomFieldType::Numeric, FieldValue::Items(_)) => return Err(wrong("a number")),
        (CustomFieldType::Date, FieldValue::Text(text)) => CustomFieldInput::Date(
            date(parameter, Some(text))?.ok_or_else(|| wrong("a date, YYYY-MM-DD"))?,
        ),
        (CustomFieldType::Date, _) => return Err(wrong("a date, YYYY-MM-DD")),
        (kind, value) if kind.has_items() => {
            let wanted: Vec<IdOrName> = match value {
                FieldValue::Items(items) => items.clone(),
                FieldValue::Text(text) => vec![IdOrName::Name(text.clone())],
                #[allow(clippy::cast_possible_truncation)]
                FieldValue::Number(n) => vec![IdOrName::Id(*n as i64)],
            };
            if !kind.is_multiple() && wanted.len() > 1 {
                return Err(wrong("one item"));
            }
            CustomFieldInput::Items(
                wanted
                    .iter()
                    .map(|w| item(parameter, field, w))
                    .collect::<Result<_, _>>()?,
            )
        }
        _ => return Err(wrong("a value of its type")),
    })
}
