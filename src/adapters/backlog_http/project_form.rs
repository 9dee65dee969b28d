//! Projects and versions as Backlog's form bodies.

use super::params::Params;
use crate::domain::changes::{NewProject, NewVersion, ProjectUpdate, VersionUpdate};

/// `POST /projects`. Backlog requires name, key, both flags and the formatting
/// rule; the leader flag is sent only when chosen.
pub fn new_project_form(project: &NewProject) -> Params {
    let mut form = Params::new();
    form.push("name", &project.name)
        .push("key", &project.key)
        .push("chartEnabled", project.chart_enabled)
        .push("subtaskingEnabled", project.subtasking_enabled)
        .push_opt(
            "projectLeaderCanEditProjectLeader",
            project.project_leader_can_edit_project_leader,
        )
        .push("textFormattingRule", project.text_formatting_rule.as_str());
    form
}

/// `PATCH /projects/:projectIdOrKey`: only the fields given.
pub fn project_update_form(update: &ProjectUpdate) -> Params {
    let mut form = Params::new();
    form.push_opt("name", update.name.as_deref())
        .push_opt("key", update.key.as_ref())
        .push_opt("chartEnabled", update.chart_enabled)
        .push_opt("subtaskingEnabled", update.subtasking_enabled)
        .push_opt(
            "projectLeaderCanEditProjectLeader",
            update.project_leader_can_edit_project_leader,
        )
        .push_opt(
            "textFormattingRule",
            update.text_formatting_rule.map(|rule| rule.as_str()),
        )
        .push_opt("archived", update.archived);
    form
}

/// `POST /projects/:projectIdOrKey/versions`.
pub fn new_version_form(version: &NewVersion) -> Params {
    let mut form = Params::new();
    form.push("name", &version.name)
        .push_opt("description", version.description.as_deref())
        .push_date("startDate", version.start_date)
        .push_date("releaseDueDate", version.release_due_date);
    form
}

/// `PATCH /projects/:projectIdOrKey/versions/:id`. Backlog requires `name` on
/// every update; a cleared date is sent as an empty value.
pub fn version_update_form(update: &VersionUpdate) -> Params {
    let mut form = Params::new();
    form.push("name", &update.name)
        .push_opt("description", update.description.as_deref())
        .push_change("startDate", &update.start_date)
        .push_change("releaseDueDate", &update.release_due_date)
        .push_opt("archived", update.archived);
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar_date::CalendarDate;
    use crate::domain::changes::{Change, TextFormattingRule};
    use crate::domain::keys::ProjectKey;

    #[test]
    fn a_new_project_sends_the_required_fields_and_the_leader_flag_only_when_set() {
        let mut project = NewProject {
            name: "Web".into(),
            key: ProjectKey::parse("WEB").unwrap(),
            chart_enabled: true,
            subtasking_enabled: false,
            project_leader_can_edit_project_leader: None,
            text_formatting_rule: TextFormattingRule::Markdown,
        };
        assert_eq!(
            new_project_form(&project).rendered(),
            [
                "name=Web",
                "key=WEB",
                "chartEnabled=true",
                "subtaskingEnabled=false",
                "textFormattingRule=markdown"
            ]
        );
        project.project_leader_can_edit_project_leader = Some(true);
        assert!(
            new_project_form(&project)
                .rendered()
                .contains(&"projectLeaderCanEditProjectLeader=true".to_owned())
        );
    }

    #[test]
    fn a_project_update_sends_only_the_given_fields() {
        let update = ProjectUpdate {
            archived: Some(true),
            text_formatting_rule: Some(TextFormattingRule::Backlog),
            ..ProjectUpdate::default()
        };
        assert_eq!(
            project_update_form(&update).rendered(),
            ["textFormattingRule=backlog", "archived=true"]
        );
    }

    #[test]
    fn a_version_update_always_names_the_version_and_clears_dates_with_empty_values() {
        let update = VersionUpdate {
            name: "Sprint 12".into(),
            description: None,
            start_date: Change::Clear,
            release_due_date: Change::Set(CalendarDate::parse("2026-03-31").unwrap()),
            archived: Some(false),
        };
        assert_eq!(
            version_update_form(&update).rendered(),
            [
                "name=Sprint 12",
                "startDate=",
                "releaseDueDate=2026-03-31",
                "archived=false"
            ]
        );
    }
}
