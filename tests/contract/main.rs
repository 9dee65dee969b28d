//! Contract tests: each port method's behaviour written once, as a scenario over
//! the port traits, and run against the memory adapter (demo mode) and against
//! the HTTP adapter talking to the fake Backlog's façade, which serves the same
//! memory model over Backlog's REST API (on 127.0.0.1). A scenario that passes
//! on one and fails on the other is a place where the wire format is read or
//! written wrong.
//!
//! `contract!` lists every scenario with the port methods it covers; a port
//! method no scenario covers fails `every_port_method_has_a_scenario`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod activities;
mod backends;
mod comments;
mod coverage;
mod custom_fields;
mod filters;
mod issue_writes;
mod issues;
mod lifecycles;
mod projects;
mod refusals;
mod related;
mod space_and_users;
mod support;
mod versions;
mod vocabulary;
mod watchings;

/// For each `module::scenario [methods…]`: a test over the memory adapter, one
/// over HTTP to the façade over the memory model, and the methods in [`COVERED`].
macro_rules! contract {
    ($($module:ident::$scenario:ident [$($method:ident),* $(,)?])*) => {
        mod memory {
            $(
                #[tokio::test]
                async fn $scenario() {
                    crate::$module::$scenario(&crate::backends::memory()).await;
                }
            )*
        }

        mod over_facade {
            $(
                #[tokio::test]
                async fn $scenario() {
                    let backend = crate::backends::over_facade().await;
                    crate::$module::$scenario(&backend.client).await;
                }
            )*
        }

        /// Port methods the scenarios cover.
        pub const COVERED: &[&str] = &[$($(stringify!($method),)*)*];
    };
}

contract! {
    space_and_users::the_space_names_its_key_and_timezone [space]
    space_and_users::priorities_are_high_normal_low [priorities]
    space_and_users::resolutions_start_with_fixed_as_zero [resolutions]
    space_and_users::myself_is_one_of_the_users [myself, users]
    space_and_users::a_users_activities_are_their_own_filtered_by_type [user_activities]
    space_and_users::an_unknown_users_activities_are_not_found [user_activities]
    space_and_users::received_stars_are_counted_within_a_range_of_days [received_star_count]
    activities::space_activities_page_by_id_newest_first [space_activities]
    activities::a_new_issue_is_the_newest_activity_of_its_project_only [space_activities, project_activities]
    activities::an_unknown_projects_activities_are_not_found [project_activities]
    projects::projects_list_the_joined_ones_and_filter_archived [projects]
    projects::a_project_is_the_same_by_key_and_by_id [project]
    projects::a_missing_project_is_not_found [project]
    projects::a_new_project_is_listed_and_its_key_taken [add_project]
    projects::a_project_is_renamed_and_archived [update_project]
    projects::a_projects_members_include_myself [project_users]
    vocabulary::statuses_are_in_display_order_from_open_to_closed [statuses]
    vocabulary::issue_types_belong_to_their_project [issue_types]
    vocabulary::a_new_category_is_listed_last [categories, add_category]
    vocabulary::custom_fields_are_defined_per_project [custom_fields]
    versions::a_new_version_is_listed_with_its_dates [versions, add_version]
    versions::a_version_update_clears_a_date_and_archives [update_version]
    versions::a_deleted_version_is_gone [delete_version]
    issues::an_issue_is_the_same_by_key_and_by_id [issue]
    issues::a_missing_issue_is_not_found_naming_the_key [issue]
    issues::listing_by_status_and_assignee_pages_in_backlogs_order [issues, count_issues]
    issues::a_page_past_the_end_is_empty [issues]
    issues::sorting_by_summary_ascending [issues]
    issues::a_keyword_matches_summary_or_description [issues, count_issues]
    issue_writes::a_new_issue_starts_open_and_is_mine [add_issue]
    issue_writes::a_new_issue_of_an_unknown_type_is_refused [add_issue]
    issue_writes::an_update_records_its_change_log_with_the_comment [update_issue, comments]
    issue_writes::clearing_a_list_field_with_an_empty_array [update_issue]
    issue_writes::clearing_the_assignee_and_a_date [update_issue]
    issue_writes::a_deleted_issue_is_gone [delete_issue]
    comments::a_comment_is_mine_and_listed [add_comment, comments]
    comments::comments_page_by_id_in_either_order [comments]
    comments::a_comment_is_edited_by_its_author [update_comment]
    related::issues_are_linked_and_unlinked [related_issues, add_related_issue, remove_related_issue]
    related::an_attachment_downloads_whole_or_is_too_large [attachment]
    watchings::my_watch_list_is_counted_and_filtered_by_unread [watchings, watching_count]
    watchings::a_new_watching_is_read_noted_and_deleted [add_watching, watching, update_watching, delete_watching]
    watchings::marking_a_watching_as_read [mark_watching_as_read]
    issues::sorting_puts_missing_values_first_ascending [issues]
    issue_writes::every_changed_field_is_in_the_change_log [update_issue, comments]
    activities::updates_and_comments_are_activities_with_their_text [space_activities, update_issue, add_comment]
    refusals::a_new_issue_with_bad_values_is_refused_naming_them [add_issue]
    refusals::a_new_issue_in_an_unknown_project_is_not_found [add_issue]
    refusals::watching_an_issue_twice_or_a_missing_one [add_watching]
    refusals::relating_an_issue_to_itself_twice_or_to_nothing [add_related_issue, remove_related_issue]
    refusals::names_are_unique_within_a_project [add_category, add_version]
    refusals::a_new_project_key_renames_its_issues [update_project, issue]
    watchings::my_watch_list_sorts_by_the_issues_update_and_pages_by_offset [watchings]
    watchings::the_watch_list_is_narrowed_to_issues [watchings]
    watchings::another_users_watchings_are_read_only_to_me [watching, update_watching, delete_watching, mark_watching_as_read]
    lifecycles::issue_numbers_are_never_reused [add_issue, delete_issue]
    lifecycles::a_new_projects_first_issue_is_number_one [add_project, statuses, add_issue]
    lifecycles::a_refused_update_changes_nothing [update_issue]
    lifecycles::a_comment_alone_bumps_the_issue [update_issue, add_comment]
    lifecycles::only_the_author_edits_a_comment [update_comment]
    lifecycles::links_are_symmetric_and_removed_from_either_side [add_related_issue, remove_related_issue, related_issues]
    lifecycles::versions_are_renamed_and_removed_on_their_issues [update_version, delete_version]
    related::the_attachment_filter_and_other_issues_files [issues, attachment]
    activities::activity_bounds_are_exclusive [space_activities]
    filters::parent_and_child_filters [issues, count_issues]
    watchings::an_update_is_unread_for_other_watchers_only [update_issue, watching, watchings]
    comments::an_update_comment_records_whom_it_notified [update_issue, add_comment, comments]
    custom_fields::every_kind_of_custom_field_is_set_found_sorted_and_cleared [add_issue, update_issue, issues, count_issues, custom_fields]
    custom_fields::custom_field_values_are_checked_against_the_definition [add_issue]
    filters::keywords_ignore_case_and_match_whole_phrases [count_issues]
    filters::day_ranges_include_both_ends [count_issues]
    filters::values_of_one_filter_or_and_filters_and [count_issues]
    refusals::an_update_with_bad_values_is_refused_naming_them [update_issue, add_comment]
    activities::space_activities_are_filtered_by_type [space_activities]
    issue_writes::a_new_issue_keeps_every_value_given [add_issue]
    lifecycles::deleting_an_issue_takes_its_links_along [delete_issue, comments, related_issues, watching, space_activities]
    custom_fields::other_text_is_kept_where_the_field_allows_it [add_issue, custom_fields]
    custom_fields::a_type_change_drops_the_fields_the_new_type_lacks [update_issue, comments]
    space_and_users::received_stars_count_both_ends_of_a_range [received_star_count]
}
