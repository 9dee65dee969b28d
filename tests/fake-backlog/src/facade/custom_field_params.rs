//! `customField_*` parameters read for the model: values to write (bare,
//! repeated or indexed; `_otherValue`) and issue-list filters (`customField_N`,
//! `_min`/`_max`, `[]`/indexed items). The kind of value follows the field's
//! definition; a value that does not fit is passed on for the model to refuse.

use crate::custom_fields::{Suffix, parse_key, write_inputs};
use crate::errors::ApiError;
use backlog_mcp::adapters::memory::Space;
use backlog_mcp::domain::calendar_date::{CalendarDate, DateRange};
use backlog_mcp::domain::custom_field::{
    CustomFieldDefinition, CustomFieldInput, CustomFieldSetting, CustomFieldType,
};
use backlog_mcp::domain::ids::CustomFieldId;
use backlog_mcp::domain::issue_filter::CustomFieldCondition;
use std::collections::BTreeMap;

fn definition(space: &Space, id: i64) -> Option<&CustomFieldDefinition> {
    space
        .projects
        .iter()
        .flat_map(|p| &p.custom_fields)
        .find(|d| d.id.get() == id)
}

fn field_id(id: i64) -> Result<CustomFieldId, ApiError> {
    CustomFieldId::new(id).map_err(|_| ApiError::invalid(format!("customField_{id} is no field")))
}

fn items(id: i64, values: &[String]) -> Result<Vec<i64>, ApiError> {
    values
        .iter()
        .filter(|v| !v.is_empty())
        .map(|v| {
            v.trim()
                .parse()
                .map_err(|_| ApiError::invalid(format!("customField_{id} must be an item id: {v}")))
        })
        .collect()
}

fn input(
    kind: Option<CustomFieldType>,
    id: i64,
    values: &[String],
) -> Result<CustomFieldInput, ApiError> {
    let first = values.iter().find(|v| !v.is_empty());
    let Some(first) = first else {
        return Ok(CustomFieldInput::Clear);
    };
    let text = || CustomFieldInput::Text(first.clone());
    Ok(match kind {
        Some(CustomFieldType::Numeric) => first
            .trim()
            .parse()
            .map_or_else(|_| text(), CustomFieldInput::Number),
        Some(CustomFieldType::Date) => {
            CalendarDate::parse(first).map_or_else(|_| text(), CustomFieldInput::Date)
        }
        Some(kind) if kind.has_items() => CustomFieldInput::Items(items(id, values)?),
        _ => text(),
    })
}

/// The values an issue write sends.
pub fn settings(
    space: &Space,
    pairs: &[(String, String)],
) -> Result<Vec<CustomFieldSetting>, ApiError> {
    let mut settings = Vec::new();
    for (id, sent) in write_inputs(pairs)? {
        let kind = definition(space, id).map(|d| d.field_type);
        let value = match &sent.values {
            None => CustomFieldInput::Unchanged,
            Some(values) => input(kind, id, values)?,
        };
        settings.push(CustomFieldSetting {
            id: field_id(id)?,
            value,
            other_value: sent.other,
        });
    }
    Ok(settings)
}

#[derive(Default)]
struct Sent {
    keywords: Vec<String>,
    items: Vec<String>,
    min: Option<String>,
    max: Option<String>,
}

fn bound<T>(
    id: i64,
    v: Option<&String>,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, ApiError> {
    v.map(|v| {
        parse(v)
            .ok_or_else(|| ApiError::invalid(format!("customField_{id} bound is not valid: {v}")))
    })
    .transpose()
}

/// The filters an issue list or count sends.
pub fn conditions(
    space: &Space,
    pairs: &[(String, String)],
) -> Result<Vec<CustomFieldCondition>, ApiError> {
    let mut by_field: BTreeMap<i64, Sent> = BTreeMap::new();
    for (key, value) in pairs {
        let Some((id, suffix)) = parse_key(key) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let sent = by_field.entry(id).or_default();
        match suffix {
            Suffix::Bare => sent.keywords.push(value.clone()),
            Suffix::Brackets | Suffix::Index(_) => sent.items.push(value.clone()),
            Suffix::Min => sent.min = Some(value.clone()),
            Suffix::Max => sent.max = Some(value.clone()),
            Suffix::OtherValue => {}
        }
    }
    let mut conditions = Vec::new();
    for (id, sent) in by_field {
        let field = field_id(id)?;
        let kind = definition(space, id).map(|d| d.field_type);
        conditions.push(match kind {
            Some(CustomFieldType::Numeric) => CustomFieldCondition::Numeric {
                id: field,
                min: bound(id, sent.min.as_ref(), |v| v.trim().parse().ok())?,
                max: bound(id, sent.max.as_ref(), |v| v.trim().parse().ok())?,
            },
            Some(CustomFieldType::Date) => {
                let since = bound(id, sent.min.as_ref(), |v| CalendarDate::parse(v).ok())?;
                let until = bound(id, sent.max.as_ref(), |v| CalendarDate::parse(v).ok())?;
                let range = DateRange::new(since, until)
                    .map_err(|e| ApiError::invalid(format!("customField_{id}: {e}")))?;
                CustomFieldCondition::Date { id: field, range }
            }
            Some(kind) if kind.has_items() => {
                let mut chosen = sent.items;
                chosen.extend(sent.keywords);
                CustomFieldCondition::Items {
                    id: field,
                    item_ids: items(id, &chosen)?,
                }
            }
            _ => CustomFieldCondition::Text {
                id: field,
                keyword: sent.keywords.into_iter().next().unwrap_or_default(),
            },
        });
    }
    Ok(conditions)
}
