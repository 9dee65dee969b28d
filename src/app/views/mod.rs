//! Compact answers: the facts a person needs, names rather than nested objects,
//! instants in the requested timezone, nothing Backlog sends only for its UI.
//! List items are [`FieldView`](crate::app::tooling::FieldView)s: a compact
//! default set of fields, widened or narrowed with `fields`.

mod activity_view;
mod comment_view;
mod entity_views;
mod issue_diff;
mod issue_view;
mod parent_keys;
mod watching_view;

pub use activity_view::ActivityView;
pub use comment_view::{ChangeView, CommentView};
pub use entity_views::{
    CustomFieldDefinitionView, IssueTypeView, NamedView, ProjectView, StatusView, UserView,
    VersionView,
};
pub use issue_diff::issue_changes;
pub use issue_view::{
    AttachmentView, CustomFieldValueView, IssueView, ViewContext, custom_field_text, names,
};
pub use parent_keys::{keys_of, missing_parents, own_keys, parent_keys};
pub use watching_view::WatchingView;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tooling::FieldView;
    use schemars::JsonSchema;

    /// `FIELDS` must name exactly what each view serializes, and the defaults
    /// and key fields must be among them.
    fn check<V: FieldView + JsonSchema>() {
        let schema = schemars::schema_for!(V);
        let properties = schema
            .get("properties")
            .and_then(|p| p.as_object())
            .unwrap();
        let mut serialized: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut listed = V::FIELDS.to_vec();
        serialized.sort_unstable();
        listed.sort_unstable();
        assert_eq!(serialized, listed, "{}", V::schema_name());
        assert!(V::DEFAULT_FIELDS.iter().all(|f| V::FIELDS.contains(f)));
        assert!(V::KEY_FIELDS.iter().all(|f| V::DEFAULT_FIELDS.contains(f)));
    }

    #[test]
    fn every_view_lists_its_fields_truly() {
        check::<IssueView>();
        check::<UserView>();
        check::<ProjectView>();
        check::<IssueTypeView>();
        check::<NamedView>();
        check::<VersionView>();
        check::<CustomFieldDefinitionView>();
        check::<CommentView>();
        check::<ActivityView>();
        check::<WatchingView>();
    }
}
