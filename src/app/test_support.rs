//! Building an [`AppContext`] for unit tests.

use super::backlog::Backlog;
use super::context::{AppContext, AppSettings};
use super::issue_scan::ScanLimits;
use crate::adapters::memory::MemoryBacklog;
use crate::domain::zone::DisplayZone;
use std::sync::Arc;
use std::time::Duration;

/// Settings loaded from these environment variables alone (an empty working
/// folder, no profile).
pub fn settings_from_env(env: &[(&str, &str)]) -> crate::app::settings::Settings {
    let dir = tempfile::tempdir().unwrap();
    crate::app::settings::Settings::load(&crate::app::settings::SettingsSources {
        environment: env
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect(),
        working_dir: dir.path().to_path_buf(),
        profile: None,
    })
    .unwrap()
}

pub fn settings() -> AppSettings {
    AppSettings {
        web_base_url: "https://demo.example".to_owned(),
        default_zone: DisplayZone::UTC,
        configured_user: None,
        scan: ScanLimits {
            concurrency: 4,
            ceiling: 10_000,
        },
        metadata_ttl: Duration::from_secs(300),
    }
}

fn context(backlog: Backlog) -> AppContext {
    AppContext::new(backlog, settings())
}

/// The app over the demo space, configured by `adjust`.
pub fn demo_app_with(adjust: impl FnOnce(&mut AppSettings)) -> AppContext {
    let mut settings = settings();
    adjust(&mut settings);
    AppContext::new(
        Backlog::from_adapter(Arc::new(MemoryBacklog::demo())),
        settings,
    )
}

/// The app over the seeded in-memory demo space.
pub fn demo_app() -> AppContext {
    context(Backlog::from_adapter(Arc::new(MemoryBacklog::demo())))
}

pub use super::backlog::MockBacklog;

impl MockBacklog {
    /// The app over these mocks.
    pub fn into_app(self) -> AppContext {
        context(self.into_backlog())
    }
}

/// Every tool over a demo space, called through its handler like a client would.
pub struct DemoTools {
    tools: Vec<crate::app::tooling::AppTool>,
}

impl DemoTools {
    pub fn new() -> Self {
        Self::with(|_| {})
    }

    pub fn with(adjust: impl FnOnce(&mut AppSettings)) -> Self {
        Self::with_budget(adjust, 20_000)
    }

    pub fn with_budget(adjust: impl FnOnce(&mut AppSettings), max_tokens: u64) -> Self {
        Self::over(Arc::new(demo_app_with(adjust)), max_tokens)
    }

    /// Every tool over a demo space behind the allow-list `allowed` (as in
    /// `BACKLOG_ALLOWED_PROJECTS`), and the space itself, to look at it around
    /// the allow-list.
    pub fn scoped(allowed: &str) -> (Self, Arc<MemoryBacklog>) {
        let memory = Arc::new(MemoryBacklog::demo());
        let allowed = crate::app::scope::AllowedProject::parse_list(allowed).unwrap();
        let (backlog, _) =
            crate::app::scope::limit_to(Backlog::from_adapter(memory.clone()), &allowed);
        let app = Arc::new(AppContext::new(backlog, settings()));
        (Self::over(app, 20_000), memory)
    }

    fn over(app: Arc<AppContext>, max_tokens: u64) -> Self {
        let tools = crate::app::tools::all_tools(&app, crate::app::tooling::ToolKit { max_tokens });
        Self { tools }
    }

    /// The structured answer, or the error text.
    pub async fn call(
        &self,
        name: &str,
        arguments: serde_json::Value,
    ) -> Result<serde_json::Value, String> {
        let response = self.response(name, arguments).await;
        if response.is_error {
            Err(response.text())
        } else {
            Ok(response.structured.unwrap_or(serde_json::Value::Null))
        }
    }

    pub async fn response(
        &self,
        name: &str,
        arguments: serde_json::Value,
    ) -> crate::ports::ToolResponse {
        let tool = self
            .tools
            .iter()
            .find(|t| t.entry.descriptor.name == name)
            .unwrap_or_else(|| panic!("no tool {name}"));
        let serde_json::Value::Object(arguments) = arguments else {
            panic!("arguments must be an object");
        };
        tool.entry
            .handler
            .call(arguments, crate::ports::ToolContext::detached())
            .await
    }
}

/// A minimal issue `T-{n}` with id `n`, for tests over mocks.
pub fn sample_issue(n: i64) -> crate::domain::issue::Issue {
    use crate::domain::ids::{IssueId, IssueTypeId, ProjectId, StatusId};
    use crate::domain::issue::{Issue, Named};
    use crate::domain::keys::IssueKey;
    use chrono::{TimeZone, Utc};
    Issue {
        id: IssueId::new(n).unwrap(),
        project_id: ProjectId::new(1).unwrap(),
        key: IssueKey::parse(&format!("T-{n}")).unwrap(),
        issue_type: Named::new(IssueTypeId::new(1).unwrap(), "Task"),
        summary: format!("issue {n}"),
        description: String::new(),
        status: Named::new(StatusId::new(1).unwrap(), "Open"),
        priority: None,
        resolution: None,
        assignee: None,
        categories: vec![],
        versions: vec![],
        milestones: vec![],
        start_date: None,
        due_date: None,
        estimated_hours: None,
        actual_hours: None,
        parent_issue_id: None,
        custom_fields: vec![],
        attachments: vec![],
        shared_files: vec![],
        star_count: 0,
        child_issue_summary: None,
        created_user: None,
        created: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        updated_user: None,
        updated: None,
    }
}

/// The `issueKey`s of an answer's list `list`.
pub fn issue_keys(answer: &serde_json::Value, list: &str) -> Vec<String> {
    answer[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["issueKey"].as_str().unwrap().to_owned())
        .collect()
}
