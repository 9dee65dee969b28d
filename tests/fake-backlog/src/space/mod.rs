//! The in-memory Backlog space: users, projects and their settings, issues and comments.
//!
//! The model stores references by id (an issue keeps `status_id`, `assignee_id`, ...) and
//! [`crate::json`] resolves them when rendering, like the real API embeds full objects.
//! Everything here is plain data: deterministic, cloneable, no clocks.

pub(crate) mod activity;
mod attachments;
pub(crate) mod demo;
mod demo_history;
mod generated;
mod handle;
mod watching;

pub use activity::{Activity, ActivityChange, ActivityContent};
pub use attachments::AttachmentData;
pub use handle::{NewIssue, SpaceHandle};
pub use watching::Watching;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// The API key a [`Space`] accepts unless told otherwise.
pub const DEFAULT_API_KEY: &str = "fake-api-key-0123456789";

/// A space user (`GET /users`).
#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: i64,
    /// Login id; `None` renders as JSON null, as for some accounts of old spaces.
    pub user_id: Option<String>,
    pub name: String,
    pub role_type: i64,
    /// `"ja"`, `"en"` or `None`.
    pub lang: Option<String>,
    pub mail_address: String,
    pub nulab_account: Option<NulabAccount>,
    pub keyword: String,
    pub last_login_time: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NulabAccount {
    pub nulab_id: String,
    pub name: String,
    pub unique_id: String,
}

/// Space-wide settings (`GET /space`).
#[derive(Debug, Clone, PartialEq)]
pub struct SpaceInfo {
    pub space_key: String,
    pub name: String,
    pub owner_id: i64,
    pub lang: String,
    pub timezone: String,
    pub report_send_time: String,
    pub text_formatting_rule: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: i64,
    pub project_key: String,
    pub name: String,
    pub chart_enabled: bool,
    pub subtasking_enabled: bool,
    pub text_formatting_rule: String,
    pub archived: bool,
    pub display_order: i64,
    pub use_wiki: bool,
    pub use_git: bool,
    pub use_resolved_for_chart: bool,
    pub project_leader_can_edit_project_leader: bool,
    pub use_file_sharing: bool,
    pub use_wiki_tree_view: bool,
    pub use_original_image_size_at_wiki: bool,
    pub use_subversion: bool,
    pub use_dev_attributes: bool,
    pub grandchild_issue_enabled: bool,
    pub statuses: Vec<Status>,
    pub issue_types: Vec<IssueType>,
    pub categories: Vec<Category>,
    /// Versions and milestones are the same objects in Backlog.
    pub versions: Vec<Version>,
    pub custom_fields: Vec<CustomField>,
    /// Members (`GET /projects/:p/users`).
    pub user_ids: Vec<i64>,
}

impl Project {
    pub fn status(&self, id: i64) -> Option<&Status> {
        self.statuses.iter().find(|s| s.id == id)
    }

    pub fn issue_type(&self, id: i64) -> Option<&IssueType> {
        self.issue_types.iter().find(|t| t.id == id)
    }

    pub fn category(&self, id: i64) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn version(&self, id: i64) -> Option<&Version> {
        self.versions.iter().find(|v| v.id == id)
    }

    pub fn custom_field(&self, id: i64) -> Option<&CustomField> {
        self.custom_fields.iter().find(|f| f.id == id)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub id: i64,
    pub project_id: i64,
    pub name: String,
    pub color: String,
    pub display_order: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IssueType {
    pub id: i64,
    pub project_id: i64,
    pub name: String,
    pub color: String,
    pub display_order: i64,
    pub template_summary: Option<String>,
    pub template_description: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub id: i64,
    pub project_id: i64,
    pub name: String,
    pub display_order: i64,
}

/// A version or milestone.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub id: i64,
    pub project_id: i64,
    pub name: String,
    pub description: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub release_due_date: Option<NaiveDate>,
    pub archived: bool,
    pub display_order: i64,
}

/// Custom field kinds (`typeId` / `fieldTypeId`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CustomFieldType {
    Text = 1,
    TextArea = 2,
    Numeric = 3,
    Date = 4,
    SingleList = 5,
    MultipleList = 6,
    CheckBox = 7,
    Radio = 8,
}

/// A custom field definition (`GET /projects/:p/customFields`).
#[derive(Debug, Clone, PartialEq)]
pub struct CustomField {
    pub id: i64,
    pub project_id: i64,
    pub type_id: CustomFieldType,
    pub name: String,
    pub description: String,
    pub required: bool,
    /// Empty = applies to every issue type.
    pub applicable_issue_types: Vec<i64>,
    pub display_order: i64,
    /// Numeric fields only.
    pub unit: Option<String>,
    /// Numeric fields: the allowed range and the value a new issue starts with
    /// (`null` in the answer when unset).
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub initial_value: Option<f64>,
    /// Date fields: a new issue starts this many days after its creation
    /// (`initialDate: {"id": 2, "shift": n}`; `null` when unset).
    pub initial_shift: Option<i64>,
    /// List fields only.
    pub items: Vec<ListItem>,
    /// Check-box and radio fields: whether an "other" free text is accepted
    /// (`customField_N_otherValue`).
    pub allow_input: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub id: i64,
    pub name: String,
    pub display_order: i64,
}

/// A custom field's value on an issue; list values hold item ids.
#[derive(Debug, Clone, PartialEq)]
pub enum CustomValue {
    Text(Option<String>),
    Numeric(Option<f64>),
    Date(Option<NaiveDate>),
    SingleList(Option<i64>),
    MultipleList(Vec<i64>),
}

/// A file attached to an issue. Build one with [`Attachment::new`], which sets `size`
/// from the bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub id: i64,
    pub name: String,
    pub size: i64,
    pub created_user_id: i64,
    pub created: DateTime<Utc>,
    /// What `GET /issues/:k/attachments/:id` sends.
    pub data: AttachmentData,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Star {
    pub id: i64,
    pub comment: Option<String>,
    pub url: String,
    pub title: String,
    pub presenter_id: i64,
    pub created: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub id: i64,
    pub project_id: i64,
    pub key_id: i64,
    pub issue_type_id: i64,
    pub summary: String,
    pub description: String,
    pub resolution_id: Option<i64>,
    pub priority_id: i64,
    pub status_id: i64,
    pub assignee_id: Option<i64>,
    pub category_ids: Vec<i64>,
    pub version_ids: Vec<i64>,
    pub milestone_ids: Vec<i64>,
    pub start_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub parent_issue_id: Option<i64>,
    pub created_user_id: i64,
    pub created: DateTime<Utc>,
    pub updated_user_id: i64,
    pub updated: DateTime<Utc>,
    /// `(field id, value)`; the field definition lives on the project.
    pub custom_fields: Vec<(i64, CustomValue)>,
    /// `(field id, text)`: the "other" free text of check-box and radio fields.
    pub custom_field_other_values: Vec<(i64, String)>,
    pub attachments: Vec<Attachment>,
    /// Files of the project's file sharing linked to the issue.
    pub shared_files: Vec<SharedFile>,
    pub stars: Vec<Star>,
    /// Oldest first (ascending id).
    pub comments: Vec<Comment>,
}

/// A file of a project's file sharing (`{id, type, dir, name, size, createdUser,
/// created, updatedUser, updated}`), as linked to an issue.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedFile {
    pub id: i64,
    /// The directory it is in, e.g. `/specs/`.
    pub dir: String,
    pub name: String,
    pub size: i64,
    pub created_user_id: i64,
    pub created: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: i64,
    /// `""` for change-log-only comments.
    pub content: String,
    pub change_log: Vec<ChangeLogEntry>,
    pub created_user_id: i64,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Stars given to this comment (they count for its author's received stars).
    pub stars: Vec<Star>,
    /// Users notified with `notifiedUserId[]` (rendered as `notifications`).
    pub notified_user_ids: Vec<i64>,
}

impl Comment {
    /// A comment without stars or notifications.
    pub fn new(
        id: i64,
        content: impl Into<String>,
        change_log: Vec<ChangeLogEntry>,
        created_user_id: i64,
        created: DateTime<Utc>,
    ) -> Comment {
        Comment {
            id,
            content: content.into(),
            change_log,
            created_user_id,
            created,
            updated: created,
            stars: Vec::new(),
            notified_user_ids: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChangeLogEntry {
    /// Backlog's field names: `summary`, `description`, `status`, `assigner`,
    /// `issueType`, `priority`, `resolution`, `startDate`, `limitDate` (due date),
    /// `estimatedHours`, `actualHours`, `component` (category), `version`,
    /// `milestone`, `parentIssue`, `attachment`, or a custom field's name.
    pub field: String,
    pub new_value: Option<String>,
    pub original_value: Option<String>,
    /// `(attachment id, name)` for `attachment` entries.
    pub attachment_info: Option<(i64, String)>,
    /// `(custom field id, type id)` for custom field entries.
    pub attribute_info: Option<(i64, i64)>,
}

impl ChangeLogEntry {
    pub fn new(field: &str, original: Option<&str>, new: Option<&str>) -> Self {
        Self {
            field: field.to_owned(),
            new_value: new.map(str::to_owned),
            original_value: original.map(str::to_owned),
            attachment_info: None,
            attribute_info: None,
        }
    }
}

/// A whole space: what a [`crate::FakeBacklog`] serves.
///
/// Build one with [`Space::demo`] or [`Space::generated`], adjust it with the `with_*`
/// builders, then hand it to [`crate::FakeBacklog::start`].
#[derive(Debug, Clone)]
pub struct Space {
    /// The one accepted API key. Read when the server starts; changing it on a running
    /// server's space has no effect.
    pub api_key: String,
    /// The user `GET /users/myself` answers with.
    pub myself_id: i64,
    pub info: SpaceInfo,
    pub users: Vec<User>,
    pub projects: Vec<Project>,
    /// In ascending id order (lookups rely on it).
    pub issues: Vec<Issue>,
    /// The fake's clock for issues and comments added at run time: every addition
    /// advances it by one second, so runs stay deterministic.
    pub clock: DateTime<Utc>,
    /// Next ids handed out at run time.
    pub next_issue_id: i64,
    pub next_comment_id: i64,
    /// Next ids of the other things created at run time.
    pub next_ids: NextIds,
    /// Watch-list entries of every user, in ascending id order.
    pub watchings: Vec<Watching>,
    /// Recent updates, in ascending id order (oldest first).
    pub activities: Vec<Activity>,
    /// "Related issue" links between two issue ids. A link is symmetric and stored
    /// once, in the order it was made.
    pub related_issues: Vec<(i64, i64)>,
    /// Uploaded files not attached yet: what `attachmentId[]` may name (see
    /// [`SpaceHandle::stage_attachment`]).
    pub staged_attachments: Vec<Attachment>,
}

/// Id counters for what can be created at run time (besides issues and comments).
/// A counter below an existing id is skipped past, so ids are never reused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextIds {
    pub project: i64,
    pub issue_type: i64,
    pub category: i64,
    pub version: i64,
    pub watching: i64,
    pub activity: i64,
    pub attachment: i64,
    pub star: i64,
    /// The highest issue number handed out per project id: Backlog never gives a
    /// deleted issue's number again.
    pub issue_numbers: std::collections::BTreeMap<i64, i64>,
}

impl Default for NextIds {
    fn default() -> NextIds {
        NextIds {
            project: 1_073_990_001,
            issue_type: 1_074_090_001,
            category: 1_074_190_001,
            version: 1_074_290_001,
            watching: 1_001,
            activity: 39_300_001,
            attachment: 1_076_500_001,
            star: 1_001,
            issue_numbers: std::collections::BTreeMap::new(),
        }
    }
}

impl Space {
    /// A small realistic space; see the module `demo` for its contents.
    pub fn demo() -> Space {
        demo::build()
    }

    /// A large synthetic space: `project_count` projects (keys `GEN1`, `GEN2`, ...) with
    /// `issues_per_project` issues each. Deterministic and cheap to build.
    pub fn generated(project_count: usize, issues_per_project: usize) -> Space {
        generated::build(project_count, issues_per_project)
    }

    /// A space with the demo's users and no projects or issues.
    pub fn empty() -> Space {
        let mut space = demo::build();
        space.projects.clear();
        space.issues.clear();
        space.watchings.clear();
        space.activities.clear();
        space.related_issues.clear();
        space
    }

    pub fn with_api_key(mut self, key: impl Into<String>) -> Space {
        self.api_key = key.into();
        self
    }

    /// Makes the user with this numeric id the authenticated one.
    ///
    /// # Panics
    /// When no such user exists.
    pub fn with_myself(mut self, user_id: i64) -> Space {
        assert!(self.user(user_id).is_some(), "no user with id {user_id}");
        self.myself_id = user_id;
        self
    }

    /// Adds (or replaces, by id) a user.
    pub fn with_user(mut self, user: User) -> Space {
        self.users.retain(|u| u.id != user.id);
        self.users.push(user);
        self
    }

    /// Adds an issue as [`SpaceHandle::add_issue`] would.
    ///
    /// # Panics
    /// When the issue names an unknown project.
    pub fn with_issue(mut self, issue: NewIssue) -> Space {
        self.add_issue(issue).expect("with_issue: unknown project");
        self
    }

    pub fn myself(&self) -> &User {
        self.user(self.myself_id).expect("myself_id names a user")
    }

    pub fn user(&self, id: i64) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    pub fn project(&self, id: i64) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// Resolves a `:projectIdOrKey` path segment: numeric id first, else key
    /// (case-insensitive).
    pub fn project_by_id_or_key(&self, id_or_key: &str) -> Option<&Project> {
        match id_or_key.parse::<i64>() {
            Ok(id) => self.project(id),
            Err(_) => self
                .projects
                .iter()
                .find(|p| p.project_key.eq_ignore_ascii_case(id_or_key)),
        }
    }

    pub fn issue(&self, id: i64) -> Option<&Issue> {
        // `issues` is kept in ascending id order; a test that broke the order with
        // `SpaceHandle::update` still gets an answer from the linear fallback.
        match self.issues.binary_search_by_key(&id, |i| i.id) {
            Ok(index) => self.issues.get(index),
            Err(_) => self.issues.iter().find(|i| i.id == id),
        }
    }

    /// Resolves an `:issueIdOrKey` path segment: numeric id, else `KEY-N`.
    pub fn issue_by_id_or_key(&self, id_or_key: &str) -> Option<&Issue> {
        if let Ok(id) = id_or_key.parse::<i64>() {
            return self.issue(id);
        }
        let (key, number) = id_or_key.rsplit_once('-')?;
        let key_id: i64 = number.parse().ok()?;
        let project = self
            .projects
            .iter()
            .find(|p| p.project_key.eq_ignore_ascii_case(key))?;
        self.issues
            .iter()
            .find(|i| i.project_id == project.id && i.key_id == key_id)
    }

    /// `"{PROJECTKEY}-{keyId}"`.
    pub fn issue_key(&self, issue: &Issue) -> String {
        let key = self
            .project(issue.project_id)
            .map_or("UNKNOWN", |p| p.project_key.as_str());
        format!("{key}-{}", issue.key_id)
    }

    /// Adds an issue, assigning the next id and per-project `keyId`. Returns its id.
    pub fn add_issue(&mut self, new: NewIssue) -> Result<i64, String> {
        handle::insert_issue(self, new)
    }

    /// Advances the deterministic clock by one second and returns the new time.
    pub(crate) fn tick(&mut self) -> DateTime<Utc> {
        self.clock += chrono::Duration::seconds(1);
        self.clock
    }

    pub(crate) fn issue_mut(&mut self, id: i64) -> Option<&mut Issue> {
        match self.issues.binary_search_by_key(&id, |i| i.id) {
            Ok(index) => self.issues.get_mut(index),
            Err(_) => self.issues.iter_mut().find(|i| i.id == id),
        }
    }

    pub(crate) fn project_mut(&mut self, id: i64) -> Option<&mut Project> {
        self.projects.iter_mut().find(|p| p.id == id)
    }

    /// The ids of the issues linked to this one as "related", in link order.
    pub fn related_issue_ids(&self, issue_id: i64) -> Vec<i64> {
        self.related_issues
            .iter()
            .filter_map(|&(a, b)| {
                if a == issue_id {
                    Some(b)
                } else if b == issue_id {
                    Some(a)
                } else {
                    None
                }
            })
            .collect()
    }

    /// The attachment with this id on this issue.
    pub fn attachment(&self, issue_id: i64, attachment_id: i64) -> Option<&Attachment> {
        self.issue(issue_id)?
            .attachments
            .iter()
            .find(|a| a.id == attachment_id)
    }

    pub fn watching(&self, id: i64) -> Option<&Watching> {
        self.watchings.iter().find(|w| w.id == id)
    }

    /// Hands out the next id from `counter`, never at or below `taken` (the largest id
    /// in use).
    pub(crate) fn fresh_id(counter: &mut i64, taken: Option<i64>) -> i64 {
        let id = (*counter).max(taken.map_or(i64::MIN, |t| t + 1));
        *counter = id + 1;
        id
    }
}

/// `yyyy-mm-dd hh:mm:ss` in UTC, for building fixtures.
pub(crate) fn ts(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s)
        .single()
        .expect("valid fixture timestamp")
}

/// A calendar date, for building fixtures.
pub(crate) fn date(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).expect("valid fixture date")
}

/// The four statuses every Backlog project starts with (ids 1–4 in every project).
pub(crate) fn default_statuses(project_id: i64) -> Vec<Status> {
    [
        (1, "Open", "#ed8077", 1000),
        (2, "In Progress", "#4488c5", 2000),
        (3, "Resolved", "#5eb5a6", 3000),
        (4, "Closed", "#b0be3c", 4000),
    ]
    .into_iter()
    .map(|(id, name, color, order)| Status {
        id,
        project_id,
        name: name.to_owned(),
        color: color.to_owned(),
        display_order: order,
    })
    .collect()
}

/// Global priorities: `(id, name)`.
pub const PRIORITIES: [(i64, &str); 3] = [(2, "High"), (3, "Normal"), (4, "Low")];

/// Global resolutions: `(id, name)`; id 0 is valid.
pub const RESOLUTIONS: [(i64, &str); 5] = [
    (0, "Fixed"),
    (1, "Won't Fix"),
    (2, "Invalid"),
    (3, "Duplication"),
    (4, "Cannot Reproduce"),
];

pub(crate) fn priority_name(id: i64) -> &'static str {
    PRIORITIES
        .iter()
        .find(|(p, _)| *p == id)
        .map_or("Normal", |(_, n)| n)
}

pub(crate) fn resolution_name(id: i64) -> &'static str {
    RESOLUTIONS
        .iter()
        .find(|(r, _)| *r == id)
        .map_or("Fixed", |(_, n)| n)
}
