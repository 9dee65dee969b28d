use super::{WireResult, id};
use crate::domain::custom_field::{CustomFieldDefinition, CustomFieldType};
use crate::domain::ids::{CustomFieldId, IssueTypeId};
use crate::domain::issue::Named;
use serde::Deserialize;

/// `GET /projects/:p/customFields` items. Type-specific settings (numeric
/// bounds, date defaults) are not part of the domain and are ignored.
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
}

#[derive(Debug, Deserialize)]
pub struct WireCustomFieldItem {
    pub id: i64,
    #[serde(default)]
    pub name: String,
}

impl WireCustomField {
    /// The definition, or `None` for a field type this server does not know
    /// (a newer Backlog): such a field is skipped rather than failing the list.
    pub fn into_definition(self) -> WireResult<Option<CustomFieldDefinition>> {
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
        Ok(Some(CustomFieldDefinition {
            id: field_id,
            field_type,
            name: self.name,
            description: self.description.unwrap_or_default(),
            required: self.required.unwrap_or_default(),
            applicable_issue_types,
            items,
            allow_input: self.allow_input.unwrap_or_default(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(json: &str) -> Option<CustomFieldDefinition> {
        serde_json::from_str::<WireCustomField>(json)
            .unwrap()
            .into_definition()
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
        assert!(field.required && field.allow_input);
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
    }

    #[test]
    fn an_unknown_type_is_skipped_and_a_zero_id_rejected() {
        assert_eq!(
            convert(r#"{"id": 5, "typeId": 99, "name": "Future"}"#),
            None
        );
        let zero: WireCustomField = serde_json::from_str(r#"{"id": 0, "typeId": 1}"#).unwrap();
        assert!(zero.into_definition().is_err());
    }
}
