//! Custom field values as issue add/update form parameters.
//!
//! `customField_{id}=value` for text, numbers, `yyyy-MM-dd` dates and a single
//! item id; several item ids as INDEXED pairs `customField_{id}[0]=1&customField_{id}[1]=2`.
//! Never `customField_{id}[]`: Backlog rejects the bracket-array form for custom
//! fields with HTTP 400 (nulab/backlog-mcp-server issue #22), and backlog-js sends
//! the indexed form for the same reason. The "other" text of check-box and radio
//! fields is `customField_{id}_otherValue=text`.

use super::params::Params;
use crate::domain::custom_field::{CustomFieldInput, CustomFieldSetting};

pub fn push_custom_fields(params: &mut Params, settings: &[CustomFieldSetting]) {
    for setting in settings {
        push_custom_field(params, setting);
    }
}

fn push_custom_field(params: &mut Params, setting: &CustomFieldSetting) {
    let name = format!("customField_{}", setting.id);
    match &setting.value {
        CustomFieldInput::Clear => {
            params.push(name.as_str(), "");
        }
        CustomFieldInput::Text(text) => {
            params.push(name.as_str(), text);
        }
        CustomFieldInput::Number(number) => {
            params.push(name.as_str(), number);
        }
        CustomFieldInput::Date(date) => {
            params.push(name.as_str(), date);
        }
        // No item chosen empties the field, like `Clear`.
        CustomFieldInput::Items(items) if items.is_empty() => {
            params.push(name.as_str(), "");
        }
        CustomFieldInput::Items(items) if items.len() == 1 => {
            params.push_opt(&name, items.first());
        }
        CustomFieldInput::Items(items) => {
            for (index, item) in items.iter().enumerate() {
                params.push(format!("{name}[{index}]"), item);
            }
        }
        CustomFieldInput::Unchanged => {}
    }
    if let Some(other) = &setting.other_value {
        params.push(format!("{name}_otherValue"), other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar_date::CalendarDate;
    use crate::domain::ids::CustomFieldId;

    fn setting(id: i64, value: CustomFieldInput, other: Option<&str>) -> CustomFieldSetting {
        CustomFieldSetting {
            id: CustomFieldId::new(id).unwrap(),
            value,
            other_value: other.map(str::to_owned),
        }
    }

    fn encoded(settings: &[CustomFieldSetting]) -> Vec<String> {
        let mut params = Params::new();
        push_custom_fields(&mut params, settings);
        params.rendered()
    }

    #[test]
    fn scalars_and_a_single_item_use_the_bare_name() {
        let settings = [
            setting(1, CustomFieldInput::Text("Safari 17".into()), None),
            setting(2, CustomFieldInput::Number(1.5), None),
            setting(3, CustomFieldInput::Number(3.0), None),
            setting(
                4,
                CustomFieldInput::Date(CalendarDate::parse("2026-03-01").unwrap()),
                None,
            ),
            setting(5, CustomFieldInput::Items(vec![42]), None),
        ];
        assert_eq!(
            encoded(&settings),
            [
                "customField_1=Safari 17",
                "customField_2=1.5",
                "customField_3=3",
                "customField_4=2026-03-01",
                "customField_5=42",
            ]
        );
    }

    #[test]
    fn several_items_are_indexed_never_bracketed() {
        let pairs = encoded(&[setting(6, CustomFieldInput::Items(vec![1, 2, 3]), None)]);
        assert_eq!(
            pairs,
            [
                "customField_6[0]=1",
                "customField_6[1]=2",
                "customField_6[2]=3"
            ]
        );
        assert!(pairs.iter().all(|p| !p.contains("[]")));
    }

    #[test]
    fn clearing_sends_an_empty_value_and_other_text_its_own_pair() {
        let settings = [
            setting(7, CustomFieldInput::Clear, None),
            setting(8, CustomFieldInput::Items(vec![]), None),
            setting(9, CustomFieldInput::Items(vec![1, 2]), Some("Linux")),
            setting(10, CustomFieldInput::Unchanged, Some("BSD")),
            setting(11, CustomFieldInput::Unchanged, None),
        ];
        assert_eq!(
            encoded(&settings),
            [
                "customField_7=",
                "customField_8=",
                "customField_9[0]=1",
                "customField_9[1]=2",
                "customField_9_otherValue=Linux",
                "customField_10_otherValue=BSD",
            ]
        );
    }
}
