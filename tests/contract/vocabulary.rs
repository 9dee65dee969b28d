//! A project's vocabulary: statuses, issue types, categories, custom fields.

use crate::backends::Backlog;
use crate::support::{not_found, project, project_ref};

pub async fn statuses_are_in_display_order_from_open_to_closed(b: &dyn Backlog) {
    let statuses = b.statuses(&project_ref("WEB")).await.unwrap();
    assert_eq!(statuses[0].name, "Open");
    assert!(statuses.last().unwrap().is_closed());
    assert!(
        statuses
            .windows(2)
            .all(|w| w[0].display_order <= w[1].display_order)
    );
    not_found(b.statuses(&project_ref("NOPE")).await);
}

pub async fn issue_types_belong_to_their_project(b: &dyn Backlog) {
    let web = project(b, "WEB").await;
    let types = b.issue_types(&project_ref("WEB")).await.unwrap();
    assert!(!types.is_empty());
    assert!(types.iter().all(|t| t.project_id == Some(web.id)));
    not_found(b.issue_types(&project_ref("NOPE")).await);
}

pub async fn a_new_category_is_listed_last(b: &dyn Backlog) {
    let before = b.categories(&project_ref("WEB")).await.unwrap();
    let added = b
        .add_category(&project_ref("WEB"), "Contract tests")
        .await
        .unwrap();
    assert_eq!(added.name, "Contract tests");
    let after = b.categories(&project_ref("WEB")).await.unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert!(after.iter().any(|c| c == &added));
    not_found(b.categories(&project_ref("NOPE")).await);
    not_found(b.add_category(&project_ref("NOPE"), "x").await);
}

pub async fn custom_fields_are_defined_per_project(b: &dyn Backlog) {
    let fields = b.custom_fields(&project_ref("WEB")).await.unwrap();
    assert!(!fields.is_empty());
    assert!(fields.iter().all(|f| !f.name.is_empty()));
    not_found(b.custom_fields(&project_ref("NOPE")).await);
}

crate::contract! {
    statuses_are_in_display_order_from_open_to_closed [statuses]
    issue_types_belong_to_their_project [issue_types]
    a_new_category_is_listed_last [categories, add_category]
    custom_fields_are_defined_per_project [custom_fields]
}
