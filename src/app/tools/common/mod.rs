//! Argument types and helpers several tools share.

pub mod activity_args;
pub mod custom_field_args;
pub mod fields_args;
pub mod id_window;
pub mod issue_change_args;
pub mod issue_filter_args;
pub mod issue_selector;
pub mod listing;
pub mod notice;
pub mod paging;
pub mod project_selector;
pub mod selectors;
pub mod timezone_arg;
pub mod view_args;
