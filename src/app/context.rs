//! What every tool call can rely on: the space (behind the project
//! allow-list, see `app::scope`), the metadata cache, and how answers are shaped.

use super::backlog::Backlog;
use super::issue_scan::ScanLimits;
use super::resolve::{Metadata, Resolver};
use super::spaces::Spaces;
use super::tooling::{ToolError, validate};
use super::views::ViewContext;
use crate::domain::ids::{IssueId, UserId};
use crate::domain::keys::IssueKey;
use crate::domain::zone::DisplayZone;
use crate::ports::Caller;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

pub struct AppContext {
    pub backlog: Backlog,
    pub metadata: Metadata,
    /// `https://space.backlog.com`: issue links are `{web_base_url}/view/KEY`.
    pub web_base_url: String,
    pub default_zone: DisplayZone,
    /// `USER_ID`: whose issues "my issues" are, when set; otherwise the key's owner.
    pub configured_user: Option<UserId>,
    pub scan: ScanLimits,
    /// The spaces calls may name with their own credentials (see `app::spaces`).
    spaces: Spaces,
}

/// What an [`AppContext`] is built from besides the repositories.
pub struct AppSettings {
    pub web_base_url: String,
    pub default_zone: DisplayZone,
    pub configured_user: Option<UserId>,
    pub scan: ScanLimits,
    pub metadata_ttl: Duration,
}

impl AppContext {
    pub fn new(backlog: Backlog, settings: AppSettings) -> Self {
        Self {
            metadata: Metadata::new(backlog.clone(), settings.metadata_ttl),
            backlog,
            web_base_url: settings.web_base_url,
            default_zone: settings.default_zone,
            configured_user: settings.configured_user,
            scan: settings.scan,
            spaces: Spaces::none(),
        }
    }

    /// This space, also serving the spaces calls name with their credentials.
    pub fn serving(mut self, spaces: Spaces) -> Self {
        self.spaces = spaces;
        self
    }

    /// The space a call runs against: the one its caller's credentials name,
    /// or this one.
    pub fn for_call(self: &Arc<Self>, caller: &Caller) -> Result<Arc<Self>, ToolError> {
        self.spaces.for_caller(self, caller)
    }

    /// Resolves names to ids for one call.
    pub fn resolver(&self) -> Resolver<'_> {
        Resolver {
            metadata: &self.metadata,
            users: self.backlog.users.as_ref(),
            issues: self.backlog.issues.as_ref(),
            configured_user: self.configured_user,
        }
    }

    /// The requested timezone, or the server's default.
    pub fn zone(&self, requested: Option<&str>) -> Result<DisplayZone, ToolError> {
        validate::zone(requested, self.default_zone)
    }

    pub fn view<'a>(
        &'a self,
        zone: DisplayZone,
        parent_keys: &'a HashMap<IssueId, IssueKey>,
    ) -> ViewContext<'a> {
        ViewContext {
            zone,
            web_base_url: &self.web_base_url,
            parent_keys,
        }
    }
}
