//! Turning ids-or-names into ids. Numbers pass through untouched (Backlog
//! checks them); names are looked up in the cached metadata of the project
//! (or, for filters without a project, of every joined project).

use super::metadata::Metadata;
use super::names::{Candidate, normalize, pick_all, pick_one};
use crate::app::tooling::{IdOrName, ToolError};
use crate::domain::custom_field::CustomFieldDefinition;
use crate::domain::ids::{
    CategoryId, CustomFieldId, InvalidId, IssueId, IssueTypeId, PriorityId, ProjectId,
    ResolutionId, StatusId, UserId, VersionId,
};
use crate::domain::keys::{IssueKey, ProjectKey};
use crate::domain::project::Project;
use crate::ports::{IssueRef, IssueRepository, ProjectRef, UserRepository};
use futures::future::try_join_all;

/// Resolves names for one tool call.
pub struct Resolver<'a> {
    pub metadata: &'a Metadata,
    pub users: &'a dyn UserRepository,
    pub issues: &'a dyn IssueRepository,
    /// `USER_ID`, which "me" means when set.
    pub configured_user: Option<UserId>,
}

fn id<T>(
    parameter: &str,
    value: i64,
    make: impl Fn(i64) -> Result<T, InvalidId>,
) -> Result<T, ToolError> {
    make(value).map_err(|e| ToolError::argument(parameter, e))
}

impl Resolver<'_> {
    /// A project by id, key or name. Joined projects come from the cache;
    /// others (visible to administrators) are asked for by id or key.
    pub async fn project(&self, parameter: &str, value: &IdOrName) -> Result<Project, ToolError> {
        let projects = self.metadata.projects().await?;
        if let Some(number) = value.as_id() {
            let wanted = id(parameter, number, ProjectId::new)?;
            if let Some(project) = projects.iter().find(|p| p.id == wanted) {
                return Ok(project.clone());
            }
            return Ok(self.metadata.fetch_project(&ProjectRef::Id(wanted)).await?);
        }
        let name = value.as_name().unwrap_or_default();
        let by_key = ProjectKey::parse(name).ok();
        if let Some(key) = &by_key
            && !projects.iter().any(|p| p.key == *key)
            && !projects
                .iter()
                .any(|p| normalize(&p.name) == normalize(name))
        {
            return Ok(self
                .metadata
                .fetch_project(&ProjectRef::Key(key.clone()))
                .await?);
        }
        let candidates: Vec<Candidate<Project>> = projects
            .iter()
            .map(|p| {
                Candidate::new(
                    p.clone(),
                    format!("{} ({})", p.key, p.name),
                    [p.key.to_string(), p.name.clone()],
                )
            })
            .collect();
        pick_one(
            parameter,
            "project",
            "among the projects you have joined",
            name,
            &candidates,
        )
    }

    /// A project's id; numbers pass through without a lookup.
    pub async fn project_id(
        &self,
        parameter: &str,
        value: &IdOrName,
    ) -> Result<ProjectId, ToolError> {
        if let Some(number) = value.as_id() {
            return id(parameter, number, ProjectId::new);
        }
        Ok(self.project(parameter, value).await?.id)
    }

    pub async fn project_ids(
        &self,
        parameter: &str,
        values: &[IdOrName],
    ) -> Result<Vec<ProjectId>, ToolError> {
        try_join_all(values.iter().map(|v| self.project_id(parameter, v))).await
    }

    /// The user the API key belongs to, or `USER_ID` when configured.
    pub async fn me(&self) -> Result<UserId, ToolError> {
        match self.configured_user {
            Some(user) => Ok(user),
            None => Ok(self.metadata.myself().await?.id),
        }
    }

    /// A user by id, login id, name, or "me".
    pub async fn user(&self, parameter: &str, value: &IdOrName) -> Result<UserId, ToolError> {
        if let Some(number) = value.as_id() {
            return id(parameter, number, UserId::new);
        }
        let name = value.as_name().unwrap_or_default();
        if matches!(name.to_lowercase().as_str(), "me" | "myself") {
            return self.me().await;
        }
        let users = self.metadata.users().await?;
        let candidates: Vec<Candidate<UserId>> = users
            .iter()
            .map(|u| {
                let login = u.login_id.clone().unwrap_or_default();
                Candidate::new(
                    u.id,
                    format!("{} ({login}, id {})", u.name, u.id),
                    [u.name.clone(), login],
                )
            })
            .collect();
        pick_one(
            parameter,
            "user",
            "in the space (use a login id or \"me\")",
            name,
            &candidates,
        )
    }

    pub async fn users(
        &self,
        parameter: &str,
        values: &[IdOrName],
    ) -> Result<Vec<UserId>, ToolError> {
        try_join_all(values.iter().map(|v| self.user(parameter, v))).await
    }

    pub async fn priority(
        &self,
        parameter: &str,
        value: &IdOrName,
    ) -> Result<PriorityId, ToolError> {
        if let Some(number) = value.as_id() {
            return id(parameter, number, PriorityId::new);
        }
        let priorities = self.metadata.priorities().await?;
        let candidates: Vec<Candidate<PriorityId>> = priorities
            .iter()
            .map(|p| Candidate::new(p.id, p.name.clone(), [p.name.clone()]))
            .collect();
        pick_one(
            parameter,
            "priority",
            "in the space",
            value.as_name().unwrap_or_default(),
            &candidates,
        )
    }

    pub async fn priorities(
        &self,
        parameter: &str,
        values: &[IdOrName],
    ) -> Result<Vec<PriorityId>, ToolError> {
        try_join_all(values.iter().map(|v| self.priority(parameter, v))).await
    }

    pub async fn resolution(
        &self,
        parameter: &str,
        value: &IdOrName,
    ) -> Result<ResolutionId, ToolError> {
        if let Some(number) = value.as_id() {
            return id(parameter, number, ResolutionId::new);
        }
        let resolutions = self.metadata.resolutions().await?;
        let candidates: Vec<Candidate<ResolutionId>> = resolutions
            .iter()
            .map(|r| Candidate::new(r.id, r.name.clone(), [r.name.clone()]))
            .collect();
        pick_one(
            parameter,
            "resolution",
            "in the space",
            value.as_name().unwrap_or_default(),
            &candidates,
        )
    }

    pub async fn resolutions(
        &self,
        parameter: &str,
        values: &[IdOrName],
    ) -> Result<Vec<ResolutionId>, ToolError> {
        try_join_all(values.iter().map(|v| self.resolution(parameter, v))).await
    }

    /// An issue by numeric id or key (`WEB-42`).
    pub fn issue_ref(&self, parameter: &str, value: &IdOrName) -> Result<IssueRef, ToolError> {
        if let Some(number) = value.as_id() {
            return Ok(IssueRef::Id(id(parameter, number, IssueId::new)?));
        }
        IssueKey::parse(value.as_name().unwrap_or_default())
            .map(IssueRef::Key)
            .map_err(|e| ToolError::argument(parameter, e))
    }

    /// An issue's numeric id, looking the key up when a key is given.
    pub async fn issue_id(&self, parameter: &str, value: &IdOrName) -> Result<IssueId, ToolError> {
        match self.issue_ref(parameter, value)? {
            IssueRef::Id(id) => Ok(id),
            key @ IssueRef::Key(_) => Ok(self.issues.issue(&key).await?.id),
        }
    }

    pub async fn issue_ids(
        &self,
        parameter: &str,
        values: &[IdOrName],
    ) -> Result<Vec<IssueId>, ToolError> {
        try_join_all(values.iter().map(|v| self.issue_id(parameter, v))).await
    }

    /// The projects a filter's names are looked up in: the given ones, or all joined.
    async fn scope(&self, projects: &[ProjectId]) -> Result<Vec<(ProjectId, String)>, ToolError> {
        let all = self.metadata.projects().await?;
        Ok(if projects.is_empty() {
            all.iter().map(|p| (p.id, p.key.to_string())).collect()
        } else {
            projects
                .iter()
                .map(|id| {
                    let key = all
                        .iter()
                        .find(|p| p.id == *id)
                        .map_or_else(|| id.to_string(), |p| p.key.to_string());
                    (*id, key)
                })
                .collect()
        })
    }
}

/// One kind of per-project metadata, resolved by name within projects.
macro_rules! per_project_kind {
    ($one:ident, $many:ident, $id:ty, $what:literal, $load:ident, $label:expr) => {
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
                    .map(|item| Candidate::new(item.id, $label(item), [item.name.clone()]))
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
                                format!("{} ({key})", $label(item)),
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

fn plain<T: HasName>(item: &T) -> String {
    item.name().to_owned()
}

trait HasName {
    fn name(&self) -> &str;
}

impl HasName for crate::domain::project::Status {
    fn name(&self) -> &str {
        &self.name
    }
}
impl HasName for crate::domain::project::IssueType {
    fn name(&self) -> &str {
        &self.name
    }
}
impl HasName for crate::domain::project::Category {
    fn name(&self) -> &str {
        &self.name
    }
}
impl HasName for crate::domain::project::Version {
    fn name(&self) -> &str {
        &self.name
    }
}
impl HasName for CustomFieldDefinition {
    fn name(&self) -> &str {
        &self.name
    }
}

per_project_kind!(status, statuses, StatusId, "status", statuses, plain);
per_project_kind!(
    issue_type,
    issue_types,
    IssueTypeId,
    "issue type",
    issue_types,
    plain
);
per_project_kind!(
    category, categories, CategoryId, "category", categories, plain
);
per_project_kind!(version, versions, VersionId, "version", versions, plain);
per_project_kind!(
    custom_field_id,
    custom_field_ids,
    CustomFieldId,
    "custom field",
    custom_fields,
    plain
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

#[cfg(test)]
mod tests {
    use crate::app::test_support::demo_app;
    use crate::app::tooling::IdOrName;

    fn name(text: &str) -> IdOrName {
        IdOrName::Name(text.to_owned())
    }

    #[tokio::test]
    async fn projects_resolve_by_key_name_or_id() {
        let app = demo_app();
        let resolver = app.resolver();
        assert_eq!(
            resolver
                .project_id("projectId", &name("web"))
                .await
                .unwrap()
                .get(),
            101
        );
        assert_eq!(
            resolver
                .project_id("projectId", &name("社内インフラ運用"))
                .await
                .unwrap()
                .get(),
            103
        );
        assert_eq!(
            resolver
                .project_id("projectId", &IdOrName::Id(102))
                .await
                .unwrap()
                .get(),
            102
        );
        let error = resolver
            .project_id("projectId", &name("Web Renewel"))
            .await
            .unwrap_err()
            .to_string();
        assert!(error.contains("closest: WEB (Web Renewal)"), "{error}");
    }

    #[tokio::test]
    async fn statuses_resolve_per_project_in_any_language() {
        let app = demo_app();
        let resolver = app.resolver();
        let ops = resolver
            .project_id("projectId", &name("OPS"))
            .await
            .unwrap();
        assert_eq!(
            resolver
                .status("statusId", ops, &name("処理中"))
                .await
                .unwrap()
                .get(),
            2
        );
        assert_eq!(
            resolver
                .status("statusId", ops, &name("保留"))
                .await
                .unwrap()
                .get(),
            10002
        );
        let error = resolver
            .status("statusId", ops, &name("In Review"))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("no status named \"In Review\" in project OPS"),
            "{error}"
        );
        assert!(error.contains("未対応"), "lists the valid ones: {error}");
    }

    #[tokio::test]
    async fn filters_take_a_name_from_every_project() {
        let app = demo_app();
        let resolver = app.resolver();
        let everywhere = resolver
            .statuses("statusId", &[], &[name("Open")])
            .await
            .unwrap();
        assert_eq!(
            everywhere.iter().map(|s| s.get()).collect::<Vec<_>>(),
            vec![1]
        );
        let review = resolver
            .statuses("statusId", &[], &[name("in review"), IdOrName::Id(3)])
            .await
            .unwrap();
        assert_eq!(
            review.iter().map(|s| s.get()).collect::<Vec<_>>(),
            vec![3, 10001]
        );
    }

    #[tokio::test]
    async fn users_resolve_by_login_name_or_me() {
        let app = demo_app();
        let resolver = app.resolver();
        assert_eq!(
            resolver
                .user("assigneeId", &name("me"))
                .await
                .unwrap()
                .get(),
            1001
        );
        assert_eq!(
            resolver
                .user("assigneeId", &name("t.sato"))
                .await
                .unwrap()
                .get(),
            1002
        );
        assert_eq!(
            resolver
                .user("assigneeId", &name("山田 健"))
                .await
                .unwrap()
                .get(),
            1005
        );
        assert_eq!(
            resolver
                .user("assigneeId", &name("john smith"))
                .await
                .unwrap()
                .get(),
            1004
        );
        assert_eq!(
            resolver
                .user("assigneeId", &name("Tanaka"))
                .await
                .unwrap()
                .get(),
            1001
        );
        let error = resolver
            .user("assigneeId", &name("Tanako"))
            .await
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("invalid argument `assigneeId`: no user named \"Tanako\""),
            "{error}"
        );
    }

    #[tokio::test]
    async fn milestones_and_categories_resolve_within_the_project() {
        let app = demo_app();
        let resolver = app.resolver();
        let web = resolver
            .project_id("projectId", &name("WEB"))
            .await
            .unwrap();
        assert_eq!(
            resolver
                .version("milestoneId", web, &name("Sprint 42"))
                .await
                .unwrap()
                .get(),
            402
        );
        assert_eq!(
            resolver
                .category("categoryId", web, &name("frontend"))
                .await
                .unwrap()
                .get(),
            301
        );
        assert!(
            resolver
                .category("categoryId", web, &name("iOS"))
                .await
                .is_err()
        );
    }

    #[tokio::test]
    async fn issue_keys_become_ids_by_asking_backlog() {
        let app = demo_app();
        let resolver = app.resolver();
        let id = resolver
            .issue_id("parentIssueId", &name("WEB-1"))
            .await
            .unwrap();
        let by_id = resolver
            .issue_id("parentIssueId", &IdOrName::Id(id.get()))
            .await
            .unwrap();
        assert_eq!(id, by_id);
        let error = resolver
            .issue_id("parentIssueId", &name("WEB-999"))
            .await
            .unwrap_err()
            .to_string();
        assert!(error.contains("issue WEB-999 was not found"), "{error}");
    }
}
