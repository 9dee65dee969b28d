//! Statuses, issue types, categories, versions and custom fields: metadata
//! that belongs to one project, resolved by id or by name within projects.

use super::names::{Candidate, pick_all, pick_one};
use super::resolver::{Resolver, id};
use crate::app::tooling::{IdOrName, ToolError};
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::{CategoryId, CustomFieldId, IssueTypeId, ProjectId, StatusId, VersionId};
use futures::future::try_join_all;

/// One kind of per-project metadata, resolved by name within projects.
macro_rules! per_project_kind {
    ($one:ident, $many:ident, $id:ty, $what:literal, $load:ident) => {
        impl Resolver<'_> {
            /// By id or by name within one project.
            pub async fn $one(
                &self,
                parameter: &str,
                project: ProjectId,
                value: &IdOrName,
            ) -> Result<$id, ToolError> {
                if let Some(number) = value.as_id() {
                    return id(parameter, number, <$id>::new);
                }
                let scope = self.scope(&[project]).await?;
                let items = self.metadata.$load(project).await?;
                let candidates: Vec<Candidate<$id>> = items
                    .iter()
                    .map(|item| Candidate::new(item.id, item.name.clone(), [item.name.clone()]))
                    .collect();
                let key = scope.first().map(|(_, k)| k.clone()).unwrap_or_default();
                pick_one(
                    parameter,
                    $what,
                    &format!("in project {key}"),
                    value.as_name().unwrap_or_default(),
                    &candidates,
                )
            }

            /// By ids or names within the projects (every joined project when
            /// none are given); a name may match in several projects.
            pub async fn $many(
                &self,
                parameter: &str,
                projects: &[ProjectId],
                values: &[IdOrName],
            ) -> Result<Vec<$id>, ToolError> {
                let mut ids: Vec<$id> = Vec::new();
                let mut names = Vec::new();
                for value in values {
                    match value.as_id() {
                        Some(number) => ids.push(id(parameter, number, <$id>::new)?),
                        None => names.push(value.as_name().unwrap_or_default()),
                    }
                }
                if names.is_empty() {
                    return Ok(ids);
                }
                let scope = self.scope(projects).await?;
                let loaded = try_join_all(
                    scope
                        .iter()
                        .map(|(project, _)| self.metadata.$load(*project)),
                )
                .await?;
                let candidates: Vec<Candidate<$id>> = scope
                    .iter()
                    .zip(loaded.iter())
                    .flat_map(|((_, key), items)| {
                        items.iter().map(move |item| {
                            Candidate::new(
                                item.id,
                                format!("{} ({key})", item.name),
                                [item.name.clone()],
                            )
                        })
                    })
                    .collect();
                let keys: Vec<&str> = scope.iter().map(|(_, k)| k.as_str()).collect();
                let where_ = format!(
                    "in project{} {}",
                    if keys.len() == 1 { "" } else { "s" },
                    keys.join(", ")
                );
                for name in names {
                    for found in pick_all(parameter, $what, &where_, name, &candidates)? {
                        if !ids.contains(&found) {
                            ids.push(found);
                        }
                    }
                }
                Ok(ids)
            }
        }
    };
}

per_project_kind!(status, statuses, StatusId, "status", statuses);
per_project_kind!(
    issue_type,
    issue_types,
    IssueTypeId,
    "issue type",
    issue_types
);
per_project_kind!(category, categories, CategoryId, "category", categories);
per_project_kind!(version, versions, VersionId, "version", versions);
per_project_kind!(
    custom_field_id,
    custom_field_ids,
    CustomFieldId,
    "custom field",
    custom_fields
);

impl Resolver<'_> {
    /// A custom field's definition by id or name within a project.
    pub async fn custom_field(
        &self,
        parameter: &str,
        project: ProjectId,
        value: &IdOrName,
    ) -> Result<CustomFieldDefinition, ToolError> {
        let wanted = self.custom_field_id(parameter, project, value).await?;
        let fields = self.metadata.custom_fields(project).await?;
        fields
            .iter()
            .find(|f| f.id == wanted)
            .cloned()
            .ok_or_else(|| {
                ToolError::argument(
                    parameter,
                    format!("project has no custom field with id {wanted}"),
                )
            })
    }
}
