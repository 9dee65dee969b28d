//! `customField_*` parameter names, and the values a write sends.
//!
//! Writes (POST / PATCH `/issues`) accept `customField_N=v`, the bare name repeated for
//! several values (`customField_N=1&customField_N=2`), the indexed form
//! (`customField_N[0]=1&customField_N[1]=2`) and `customField_N_otherValue=text`. The
//! bracket-array form `customField_N[]=v` is refused with 400 / code 7, as the real
//! Backlog does (nulab/backlog-mcp-server #22). An empty value clears the field.
//!
//! Filters (GET `/issues`, `/issues/count`) name fields the same way
//! (`customField_N`, `_min`, `_max`, `[]`, `[0]`); `facade::custom_field_params`
//! reads them by the fields' definitions.

use crate::errors::ApiError;
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
