//! `customField_*` parameters: values to write on issues, and issue-list filters.
//!
//! Writes (POST / PATCH `/issues`) accept `customField_N=v`, the bare name repeated for
//! several values (`customField_N=1&customField_N=2`), the indexed form
//! (`customField_N[0]=1&customField_N[1]=2`) and `customField_N_otherValue=text`. The
//! bracket-array form `customField_N[]=v` is refused with 400 / code 7, as the real
//! Backlog does (nulab/backlog-mcp-server #22). An empty value clears the field.
//!
//! Filters (GET `/issues`, `/issues/count`): `customField_N=keyword` (substring of a
//! text value, or equality for numbers, dates and list item ids),
//! `customField_N_min` / `_max` (inclusive; numbers, or `yyyy-MM-dd` for date fields),
//! and list items as `customField_N[]=itemId` or `customField_N[0]=itemId`. Values of
//! one field are OR'ed, fields AND'ed; an issue without a value never matches.

use crate::errors::ApiError;
use crate::forms::date;
use crate::space::{CustomField, CustomFieldType, CustomValue, Issue};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What follows `customField_N` in a parameter name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Suffix {
    Bare,
    Brackets,
    Index(usize),
    OtherValue,
    Min,
    Max,
}

/// `customField_12[3]` → `(12, Index(3))`; not a custom field parameter → `None`.
pub(crate) fn parse_key(key: &str) -> Option<(i64, Suffix)> {
    let rest = key.strip_prefix("customField_")?;
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let id: i64 = rest[..digits].parse().ok()?;
    let suffix = match &rest[digits..] {
        "" => Suffix::Bare,
        "[]" => Suffix::Brackets,
        "_otherValue" => Suffix::OtherValue,
        "_min" => Suffix::Min,
        "_max" => Suffix::Max,
        other => {
            let index = other.strip_prefix('[')?.strip_suffix(']')?.parse().ok()?;
            Suffix::Index(index)
        }
    };
    Some((id, suffix))
}

/// The custom field values sent with an issue write, per field id.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CustomInput {
    /// Bare values in order, then indexed ones by index; `None` when only
    /// `_otherValue` was sent.
    pub values: Option<Vec<String>>,
    /// `customField_N_otherValue` (empty clears it).
    pub other: Option<String>,
}

/// Collects the `customField_*` parameters of a write.
pub(crate) fn write_inputs(
    pairs: &[(String, String)],
) -> Result<BTreeMap<i64, CustomInput>, ApiError> {
    let mut bare: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut indexed: BTreeMap<i64, Vec<(usize, String)>> = BTreeMap::new();
    let mut inputs: BTreeMap<i64, CustomInput> = BTreeMap::new();
    for (key, value) in pairs {
        let Some((id, suffix)) = parse_key(key) else {
            continue;
        };
        match suffix {
            Suffix::Brackets => {
                return Err(ApiError::invalid(format!(
                    "Invalid parameter {key}: custom field values cannot use the [] array form; repeat customField_{id} or use customField_{id}[0], customField_{id}[1], ..."
                )));
            }
            Suffix::Bare => bare.entry(id).or_default().push(value.clone()),
            Suffix::Index(n) => indexed.entry(id).or_default().push((n, value.clone())),
            Suffix::OtherValue => inputs.entry(id).or_default().other = Some(value.clone()),
            Suffix::Min | Suffix::Max => {}
        }
    }
    for (id, values) in bare {
        inputs.entry(id).or_default().values = Some(values);
    }
    for (id, mut values) in indexed {
        values.sort_by_key(|(n, _)| *n);
        inputs
            .entry(id)
            .or_default()
            .values
            .get_or_insert_with(Vec::new)
            .extend(values.into_iter().map(|(_, v)| v));
    }
    Ok(inputs)
}

/// Turns the sent values into a value for `field`; errors name the parameter.
pub(crate) fn value_for(field: &CustomField, values: &[String]) -> Result<CustomValue, ApiError> {
    let name = format!("customField_{}", field.id);
    let invalid = |why: String| ApiError::invalid(format!("{name}: {why}"));
    let set: Vec<&str> = values
        .iter()
        .map(|v| v.as_str())
        .filter(|v| !v.is_empty())
        .collect();
    let single = || -> Result<Option<&str>, ApiError> {
        match set.as_slice() {
            [] => Ok(None),
            [one] => Ok(Some(*one)),
            _ => Err(invalid(format!("{} takes one value", field.name))),
        }
    };
    let item = |v: &str| -> Result<i64, ApiError> {
        v.trim()
            .parse::<i64>()
            .ok()
            .filter(|id| field.items.iter().any(|i| i.id == *id))
            .ok_or_else(|| invalid(format!("no item {v} in {}", field.name)))
    };
    Ok(match field.type_id {
        CustomFieldType::Text | CustomFieldType::TextArea => {
            CustomValue::Text(single()?.map(str::to_owned))
        }
        CustomFieldType::Numeric => CustomValue::Numeric(
            single()?
                .map(|v| {
                    v.trim()
                        .parse::<f64>()
                        .ok()
                        .filter(|n| n.is_finite())
                        .ok_or_else(|| invalid(format!("not a number: {v}")))
                })
                .transpose()?,
        ),
        CustomFieldType::Date => CustomValue::Date(single()?.map(|v| date(&name, v)).transpose()?),
        CustomFieldType::SingleList | CustomFieldType::Radio => {
            CustomValue::SingleList(single()?.map(item).transpose()?)
        }
        CustomFieldType::MultipleList | CustomFieldType::CheckBox => {
            let mut ids = Vec::new();
            for v in set {
                let id = item(v)?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            CustomValue::MultipleList(ids)
        }
    })
}

/// A value as the change log shows it (`None` when empty).
pub(crate) fn display(field: Option<&CustomField>, value: Option<&CustomValue>) -> Option<String> {
    let item_name = |id: i64| {
        field
            .and_then(|f| f.items.iter().find(|i| i.id == id))
            .map_or_else(|| id.to_string(), |i| i.name.clone())
    };
    match value? {
        CustomValue::Text(t) => t.clone(),
        CustomValue::Numeric(n) => n.map(number),
        CustomValue::Date(d) => d.map(|d| d.format("%Y-%m-%d").to_string()),
        CustomValue::SingleList(i) => i.map(item_name),
        CustomValue::MultipleList(ids) if ids.is_empty() => None,
        CustomValue::MultipleList(ids) => Some(
            ids.iter()
                .map(|&i| item_name(i))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}

/// `3`, `4.5`: a number without a useless fraction.
pub(crate) fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A `_min` / `_max` bound: numeric fields compare numbers, date fields dates.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Bound {
    Number(f64),
    Date(NaiveDate),
}

impl Bound {
    fn parse(name: &str, v: &str) -> Result<Bound, ApiError> {
        if let Ok(d) = date(name, v) {
            return Ok(Bound::Date(d));
        }
        v.trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(Bound::Number)
            .ok_or_else(|| {
                ApiError::invalid(format!("{name} must be a number or a yyyy-MM-dd date: {v}"))
            })
    }
}

/// The filters on one custom field.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct CustomFilter {
    field_id: i64,
    keywords: Vec<String>,
    items: Vec<i64>,
    min: Option<Bound>,
    max: Option<Bound>,
}

/// Collects the `customField_*` filters of an issue list or count request.
pub(crate) fn filters(pairs: &[(String, String)]) -> Result<Vec<CustomFilter>, ApiError> {
    let mut by_field: BTreeMap<i64, CustomFilter> = BTreeMap::new();
    for (key, value) in pairs {
        let Some((id, suffix)) = parse_key(key) else {
            continue;
        };
        if value.is_empty() || suffix == Suffix::OtherValue {
            continue;
        }
        let filter = by_field.entry(id).or_insert_with(|| CustomFilter {
            field_id: id,
            ..CustomFilter::default()
        });
        match suffix {
            Suffix::Bare => filter.keywords.push(value.to_lowercase()),
            Suffix::Brackets | Suffix::Index(_) => filter.items.push(
                value
                    .trim()
                    .parse()
                    .map_err(|_| ApiError::invalid(format!("{key} must be an item id: {value}")))?,
            ),
            Suffix::Min => filter.min = Some(Bound::parse(key, value)?),
            Suffix::Max => filter.max = Some(Bound::parse(key, value)?),
            Suffix::OtherValue => {}
        }
    }
    Ok(by_field.into_values().collect())
}

impl CustomFilter {
    pub fn matches(&self, issue: &Issue) -> bool {
        let Some(value) = issue
            .custom_fields
            .iter()
            .find(|(id, _)| *id == self.field_id)
            .map(|(_, v)| v)
        else {
            return false;
        };
        let keyword_ok =
            self.keywords.is_empty() || self.keywords.iter().any(|k| keyword_matches(value, k));
        let items_ok = self.items.is_empty()
            || match value {
                CustomValue::SingleList(Some(id)) => self.items.contains(id),
                CustomValue::MultipleList(ids) => ids.iter().any(|id| self.items.contains(id)),
                _ => false,
            };
        let in_range = |bound: Option<Bound>, lower: bool| -> bool {
            let Some(bound) = bound else { return true };
            let ordering = match (value, bound) {
                (CustomValue::Numeric(Some(n)), Bound::Number(b)) => n.partial_cmp(&b),
                (CustomValue::Date(Some(d)), Bound::Date(b)) => Some(d.cmp(&b)),
                _ => None,
            };
            match ordering {
                Some(o) if lower => o.is_ge(),
                Some(o) => o.is_le(),
                None => false,
            }
        };
        keyword_ok && items_ok && in_range(self.min, true) && in_range(self.max, false)
    }
}

fn keyword_matches(value: &CustomValue, keyword: &str) -> bool {
    match value {
        CustomValue::Text(Some(t)) => t.to_lowercase().contains(keyword),
        CustomValue::Numeric(Some(n)) => keyword.parse::<f64>().is_ok_and(|k| k == *n),
        CustomValue::Date(Some(d)) => {
            NaiveDate::parse_from_str(keyword, "%Y-%m-%d").is_ok_and(|k| k == *d)
        }
        CustomValue::SingleList(Some(id)) => keyword.parse::<i64>().is_ok_and(|k| k == *id),
        CustomValue::MultipleList(ids) => keyword.parse::<i64>().is_ok_and(|k| ids.contains(&k)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(raw: &str) -> Vec<(String, String)> {
        crate::query::QueryParams::parse(raw).pairs().to_vec()
    }

    #[test]
    fn keys() {
        assert_eq!(parse_key("customField_5"), Some((5, Suffix::Bare)));
        assert_eq!(parse_key("customField_5[]"), Some((5, Suffix::Brackets)));
        assert_eq!(parse_key("customField_5[12]"), Some((5, Suffix::Index(12))));
        assert_eq!(
            parse_key("customField_5_otherValue"),
            Some((5, Suffix::OtherValue))
        );
        assert_eq!(parse_key("customField_5_max"), Some((5, Suffix::Max)));
        assert_eq!(parse_key("customField_x"), None);
        assert_eq!(parse_key("customField_5[x]"), None);
    }

    #[test]
    fn write_forms() {
        let inputs = write_inputs(&pairs(
            "customField_1=a&customField_2%5B1%5D=9&customField_2[0]=8&customField_1=b&customField_3_otherValue=x",
        ))
        .unwrap();
        assert_eq!(inputs[&1].values, Some(vec!["a".into(), "b".into()]));
        assert_eq!(inputs[&2].values, Some(vec!["8".into(), "9".into()]));
        assert_eq!(inputs[&3].values, None);
        assert_eq!(inputs[&3].other.as_deref(), Some("x"));
        let refused = write_inputs(&pairs("customField_2%5B%5D=1")).unwrap_err();
        assert_eq!((refused.status, refused.code), (400, 7));
        assert!(refused.message.contains("customField_2[]"));
    }
}
