//! Writing custom field values onto an issue, checked against the project's
//! definitions like Backlog does: the field must exist and apply to the issue
//! type, the value must fit the field's type, items must be the field's own,
//! "other" text only where the field allows input, required fields stay set.
//! An issue keeps only the fields that hold something.

use super::errors::invalid;
use crate::domain::backlog_error::BacklogError;
use crate::domain::custom_field::{
    CustomFieldDefinition, CustomFieldInput, CustomFieldSetting, CustomFieldType,
};
use crate::domain::ids::IssueTypeId;
use crate::domain::issue::{CustomFieldContent, CustomFieldValue, Named};

/// The project's custom fields, for one issue type.
pub struct CustomFieldRules<'a> {
    definitions: &'a [CustomFieldDefinition],
    issue_type: IssueTypeId,
}

impl<'a> CustomFieldRules<'a> {
    pub fn new(definitions: &'a [CustomFieldDefinition], issue_type: IssueTypeId) -> Self {
        Self {
            definitions,
            issue_type,
        }
    }

    fn applies(&self, definition: &CustomFieldDefinition) -> bool {
        definition.applies_to(self.issue_type)
    }

    /// `current` with the settings applied, in the definitions' order.
    pub fn apply(
        &self,
        current: &[CustomFieldValue],
        settings: &[CustomFieldSetting],
    ) -> Result<Vec<CustomFieldValue>, BacklogError> {
        let mut values = current.to_vec();
        for setting in settings {
            let definition = self
                .definitions
                .iter()
                .find(|d| d.id == setting.id)
                .ok_or_else(|| {
                    invalid(format!(
                        "customField_{} is not a custom field of the project.",
                        setting.id
                    ))
                })?;
            if !self.applies(definition) {
                return Err(invalid(format!(
                    "customField_{} ({}) does not apply to this issue type.",
                    setting.id, definition.name
                )));
            }
            let existing = values.iter().find(|v| v.id == setting.id);
            let updated = set(definition, existing, setting)?;
            values.retain(|v| v.id != setting.id);
            match updated {
                Some(value) => values.push(value),
                None if definition.required => return Err(required(definition)),
                None => {}
            }
        }
        Ok(self.ordered(values))
    }

    /// Drops values of fields that do not apply to the issue type (after a type change).
    pub fn retain_applicable(&self, values: Vec<CustomFieldValue>) -> Vec<CustomFieldValue> {
        values
            .into_iter()
            .filter(|v| {
                self.definitions
                    .iter()
                    .find(|d| d.id == v.id)
                    .is_none_or(|d| self.applies(d))
            })
            .collect()
    }

    /// Every required field that applies must hold a value (checked on creation).
    pub fn check_required(&self, values: &[CustomFieldValue]) -> Result<(), BacklogError> {
        match self.definitions.iter().find(|d| {
            d.required && self.applies(d) && !values.iter().any(|v| v.id == d.id && !v.is_unset())
        }) {
            Some(definition) => Err(required(definition)),
            None => Ok(()),
        }
    }

    fn ordered(&self, mut values: Vec<CustomFieldValue>) -> Vec<CustomFieldValue> {
        let position = |value: &CustomFieldValue| {
            self.definitions
                .iter()
                .position(|d| d.id == value.id)
                .unwrap_or(usize::MAX)
        };
        values.sort_by_key(position);
        values
    }
}

fn required(definition: &CustomFieldDefinition) -> BacklogError {
    invalid(format!(
        "customField_{} ({}) is required.",
        definition.id, definition.name
    ))
}

/// The field's value after one setting; `None` when it holds nothing.
fn set(
    definition: &CustomFieldDefinition,
    existing: Option<&CustomFieldValue>,
    setting: &CustomFieldSetting,
) -> Result<Option<CustomFieldValue>, BacklogError> {
    let field = format!("customField_{}", definition.id);
    let mismatch = |what: &str| {
        invalid(format!(
            "{field} ({}) is a {} field and takes {what}.",
            definition.name,
            definition.field_type.name(),
        ))
    };
    let expected = expected_input(definition.field_type);
    let content = match &setting.value {
        CustomFieldInput::Clear => CustomFieldContent::Empty,
        CustomFieldInput::Unchanged => existing
            .map(|v| v.value.clone())
            .unwrap_or(CustomFieldContent::Empty),
        CustomFieldInput::Text(text) => match definition.field_type {
            CustomFieldType::Text | CustomFieldType::TextArea if text.is_empty() => {
                CustomFieldContent::Empty
            }
            CustomFieldType::Text | CustomFieldType::TextArea => {
                CustomFieldContent::Text(text.clone())
            }
            _ => return Err(mismatch(expected)),
        },
        CustomFieldInput::Number(n) => match definition.field_type {
            CustomFieldType::Numeric if n.is_finite() => CustomFieldContent::Number(*n),
            CustomFieldType::Numeric => {
                return Err(invalid(format!("{field} must be a finite number.")));
            }
            _ => return Err(mismatch(expected)),
        },
        CustomFieldInput::Date(day) => match definition.field_type {
            CustomFieldType::Date => CustomFieldContent::Date(*day),
            _ => return Err(mismatch(expected)),
        },
        CustomFieldInput::Items(ids) => {
            if !definition.field_type.has_items() {
                return Err(mismatch(expected));
            }
            items(definition, &field, ids)?
        }
    };
    let other_value = match (&setting.other_value, &setting.value) {
        (Some(text), _) if !definition.accepts_other_text() => {
            return Err(invalid(format!(
                "{field}_otherValue: {} does not allow other input (\"{}\").",
                definition.name,
                crate::domain::excerpt::excerpt(text)
            )));
        }
        (Some(text), _) => Some(text.clone()).filter(|t| !t.is_empty()),
        (None, CustomFieldInput::Clear) => None,
        (None, _) => existing.and_then(|v| v.other_value.clone()),
    };
    let value = CustomFieldValue {
        id: definition.id,
        name: definition.name.clone(),
        value: content,
        other_value,
    };
    Ok(Some(value).filter(|v| !v.is_unset()))
}

fn expected_input(field_type: CustomFieldType) -> &'static str {
    match field_type {
        CustomFieldType::Text | CustomFieldType::TextArea => "text",
        CustomFieldType::Numeric => "a number",
        CustomFieldType::Date => "a date (yyyy-MM-dd)",
        CustomFieldType::SingleList | CustomFieldType::Radio => "one item id",
        CustomFieldType::MultipleList | CustomFieldType::CheckBox => "item ids",
    }
}

/// The chosen items, in the field's order; unknown ids and several items for a
/// single-choice field are refused.
fn items(
    definition: &CustomFieldDefinition,
    field: &str,
    ids: &[i64],
) -> Result<CustomFieldContent, BacklogError> {
    if let Some(unknown) = ids
        .iter()
        .find(|id| !definition.items.iter().any(|item| item.id == **id))
    {
        return Err(invalid(format!(
            "{field} ({}) has no item {unknown}.",
            definition.name
        )));
    }
    let chosen: Vec<Named<i64>> = definition
        .items
        .iter()
        .filter(|item| ids.contains(&item.id))
        .cloned()
        .collect();
    if chosen.len() > 1 && !definition.field_type.is_multiple() {
        return Err(invalid(format!(
            "{field} ({}) is a {} field and takes one item.",
            definition.name,
            definition.field_type.name()
        )));
    }
    Ok(if chosen.is_empty() {
        CustomFieldContent::Empty
    } else {
        CustomFieldContent::Items(chosen)
    })
}

/// A value as Backlog shows it in a change log: text, number, yyyy-MM-dd, or
/// item names separated by commas (with the "other" text last).
pub fn display(value: &CustomFieldValue) -> Option<String> {
    let mut parts: Vec<String> = match &value.value {
        CustomFieldContent::Empty => Vec::new(),
        CustomFieldContent::Text(text) => vec![text.clone()],
        CustomFieldContent::Number(n) => vec![n.to_string()],
        CustomFieldContent::Date(day) => vec![day.to_string()],
        CustomFieldContent::Items(items) => items.iter().map(|i| i.name.clone()).collect(),
    };
    parts.extend(value.other_value.clone());
    (!parts.is_empty()).then(|| parts.join(", "))
}
