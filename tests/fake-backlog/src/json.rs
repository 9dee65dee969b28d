//! Entity rendering: the JSON shapes of backlog-api.md §9.
//!
//! Views borrow from the [`Space`] and are serialized straight to bytes, which keeps
//! large pages cheap. Unset scalars are rendered as `null` (never omitted) and unset
//! lists as `[]`, like the real API.

mod activity;
mod watching;

pub use activity::{ActivityJson, activity};
pub use watching::{WatchingJson, watching};

use crate::space::{
    Attachment, ChangeLogEntry, Comment, CustomField, CustomFieldType, CustomValue, Issue,
    ListItem, Project, SharedFile, Space, Star, Status, User, Version, priority_name,
    resolution_name,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Serialize, Serializer};
use serde_json::{Value, json};

/// A timestamp: `2024-06-03T10:02:17Z` (UTC, second precision).
#[derive(Clone, Copy)]
pub struct Ts(pub DateTime<Utc>);

impl Serialize for Ts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%Y-%m-%dT%H:%M:%SZ"))
    }
}

/// A date-only field, rendered as midnight UTC: `2024-06-03T00:00:00Z`.
#[derive(Clone, Copy)]
pub struct Day(pub NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.format("%Y-%m-%dT00:00:00Z"))
    }
}

/// A number that is rendered without a fraction when it has none (`3`, `4.5`).
#[derive(Clone, Copy)]
pub struct Number(pub f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else {
            s.serialize_f64(v)
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UserJson<'a> {
    id: i64,
    user_id: Option<&'a str>,
    name: &'a str,
    role_type: i64,
    lang: Option<&'a str>,
    mail_address: &'a str,
    nulab_account: Option<NulabAccountJson<'a>>,
    /// Only on top-level user answers; embedded users have no `keyword`.
    #[serde(skip_serializing_if = "Option::is_none")]
    keyword: Option<&'a str>,
    last_login_time: Option<Ts>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NulabAccountJson<'a> {
    nulab_id: &'a str,
    name: &'a str,
    unique_id: &'a str,
}

/// A user as `GET /users/...` answers it.
pub fn user(u: &User) -> UserJson<'_> {
    UserJson {
        keyword: Some(&u.keyword),
        ..embedded_user(u)
    }
}

/// A user embedded in another entity (`assignee`, `createdUser`, ...).
pub fn embedded_user(u: &User) -> UserJson<'_> {
    UserJson {
        id: u.id,
        user_id: u.user_id.as_deref(),
        name: &u.name,
        role_type: u.role_type,
        lang: u.lang.as_deref(),
        mail_address: &u.mail_address,
        nulab_account: u.nulab_account.as_ref().map(|n| NulabAccountJson {
            nulab_id: &n.nulab_id,
            name: &n.name,
            unique_id: &n.unique_id,
        }),
        keyword: None,
        last_login_time: u.last_login_time.map(Ts),
    }
}

/// A user id that no longer resolves still renders as a user object.
pub fn user_by_id(space: &Space, id: i64) -> UserJson<'_> {
    match space.user(id) {
        Some(u) => embedded_user(u),
        None => UserJson {
            id,
            user_id: None,
            name: "",
            role_type: 2,
            lang: None,
            mail_address: "",
            nulab_account: None,
            keyword: None,
            last_login_time: None,
        },
    }
}

pub fn space_info(space: &Space) -> Value {
    let i = &space.info;
    json!({
        "spaceKey": i.space_key,
        "name": i.name,
        "ownerId": i.owner_id,
        "lang": i.lang,
        "timezone": i.timezone,
        "reportSendTime": i.report_send_time,
        "textFormattingRule": i.text_formatting_rule,
        "created": Ts(i.created),
        "updated": Ts(i.updated),
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectJson<'a> {
    id: i64,
    project_key: &'a str,
    name: &'a str,
    chart_enabled: bool,
    use_resolved_for_chart: bool,
    subtasking_enabled: bool,
    project_leader_can_edit_project_leader: bool,
    use_wiki: bool,
    use_file_sharing: bool,
    use_wiki_tree_view: bool,
    use_original_image_size_at_wiki: bool,
    use_subversion: bool,
    use_git: bool,
    text_formatting_rule: &'a str,
    archived: bool,
    display_order: i64,
    use_dev_attributes: bool,
    grandchild_issue_enabled: bool,
}

pub fn project(p: &Project) -> ProjectJson<'_> {
    ProjectJson {
        id: p.id,
        project_key: &p.project_key,
        name: &p.name,
        chart_enabled: p.chart_enabled,
        use_resolved_for_chart: p.use_resolved_for_chart,
        subtasking_enabled: p.subtasking_enabled,
        project_leader_can_edit_project_leader: p.project_leader_can_edit_project_leader,
        use_wiki: p.use_wiki,
        use_file_sharing: p.use_file_sharing,
        use_wiki_tree_view: p.use_wiki_tree_view,
        use_original_image_size_at_wiki: p.use_original_image_size_at_wiki,
        use_subversion: p.use_subversion,
        use_git: p.use_git,
        text_formatting_rule: &p.text_formatting_rule,
        archived: p.archived,
        display_order: p.display_order,
        use_dev_attributes: p.use_dev_attributes,
        grandchild_issue_enabled: p.grandchild_issue_enabled,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusJson<'a> {
    id: i64,
    project_id: i64,
    name: &'a str,
    color: &'a str,
    display_order: i64,
}

pub fn status(s: &Status) -> StatusJson<'_> {
    StatusJson {
        id: s.id,
        project_id: s.project_id,
        name: &s.name,
        color: &s.color,
        display_order: s.display_order,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IssueTypeJson<'a> {
    id: i64,
    project_id: i64,
    name: &'a str,
    color: &'a str,
    display_order: i64,
    /// Present (possibly null) on `GET /projects/:p/issueTypes`, absent when embedded.
    #[serde(skip_serializing_if = "Option::is_none")]
    template_summary: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    template_description: Option<Option<&'a str>>,
}

pub fn issue_type(t: &crate::space::IssueType) -> IssueTypeJson<'_> {
    IssueTypeJson {
        template_summary: Some(t.template_summary.as_deref()),
        template_description: Some(t.template_description.as_deref()),
        ..embedded_issue_type(t)
    }
}

fn embedded_issue_type(t: &crate::space::IssueType) -> IssueTypeJson<'_> {
    IssueTypeJson {
        id: t.id,
        project_id: t.project_id,
        name: &t.name,
        color: &t.color,
        display_order: t.display_order,
        template_summary: None,
        template_description: None,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryJson<'a> {
    id: i64,
    project_id: i64,
    name: &'a str,
    display_order: i64,
}

pub fn category(c: &crate::space::Category) -> CategoryJson<'_> {
    CategoryJson {
        id: c.id,
        project_id: c.project_id,
        name: &c.name,
        display_order: c.display_order,
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionJson<'a> {
    id: i64,
    project_id: i64,
    name: &'a str,
    description: Option<&'a str>,
    start_date: Option<Day>,
    release_due_date: Option<Day>,
    archived: bool,
    display_order: i64,
}

pub fn version(v: &Version) -> VersionJson<'_> {
    VersionJson {
        id: v.id,
        project_id: v.project_id,
        name: &v.name,
        description: v.description.as_deref(),
        start_date: v.start_date.map(Day),
        release_due_date: v.release_due_date.map(Day),
        archived: v.archived,
        display_order: v.display_order,
    }
}

fn list_item(i: &ListItem) -> Value {
    json!({"id": i.id, "name": i.name, "displayOrder": i.display_order})
}

/// A custom field definition (`GET /projects/:p/customFields`); the members after
/// `displayOrder` depend on the field type.
pub fn custom_field(f: &CustomField) -> Value {
    let mut v = json!({
        "id": f.id,
        "projectId": f.project_id,
        "typeId": f.type_id as i64,
        "name": f.name,
        "description": f.description,
        "required": f.required,
        "useIssueType": !f.applicable_issue_types.is_empty(),
        "applicableIssueTypes": f.applicable_issue_types,
        "displayOrder": f.display_order,
    });
    let extra = match f.type_id {
        CustomFieldType::Numeric => json!({
            "min": f.min.map(Number), "max": f.max.map(Number),
            "initialValue": f.initial_value.map(Number), "unit": f.unit,
        }),
        CustomFieldType::Date => json!({
            "min": null, "max": null,
            "initialDate": f.initial_shift.map(|shift| json!({"id": 2, "shift": shift})),
        }),
        CustomFieldType::SingleList | CustomFieldType::MultipleList => json!({
            "items": f.items.iter().map(list_item).collect::<Vec<_>>(),
            "allowAddItem": false,
        }),
        CustomFieldType::CheckBox | CustomFieldType::Radio => json!({
            "items": f.items.iter().map(list_item).collect::<Vec<_>>(),
            "allowAddItem": false,
            "allowInput": f.allow_input,
        }),
        CustomFieldType::Text | CustomFieldType::TextArea => json!({}),
    };
    if let (Value::Object(target), Value::Object(more)) = (&mut v, extra) {
        target.extend(more);
    }
    v
}

/// The value of one custom field on an issue: `{id, fieldTypeId, name, value}`, plus
/// `otherValue` for check-box and radio fields.
fn custom_value(
    field: Option<&CustomField>,
    field_id: i64,
    value: &CustomValue,
    other: Option<&str>,
) -> Value {
    let name = field.map_or("", |f| f.name.as_str());
    let item = |id: i64| {
        field
            .and_then(|f| f.items.iter().find(|i| i.id == id))
            .map_or_else(
                || json!({"id": id, "name": "", "displayOrder": 0}),
                list_item,
            )
    };
    let (type_id, rendered) = match value {
        CustomValue::Text(t) => (field.map_or(CustomFieldType::Text, |f| f.type_id), json!(t)),
        CustomValue::Numeric(n) => (CustomFieldType::Numeric, json!(n.map(Number))),
        CustomValue::Date(d) => (CustomFieldType::Date, json!(d.map(Day))),
        CustomValue::SingleList(i) => (
            field.map_or(CustomFieldType::SingleList, |f| f.type_id),
            i.map_or(Value::Null, item),
        ),
        CustomValue::MultipleList(ids) => (
            field.map_or(CustomFieldType::MultipleList, |f| f.type_id),
            Value::Array(ids.iter().map(|&i| item(i)).collect()),
        ),
    };
    let mut v =
        json!({"id": field_id, "fieldTypeId": type_id as i64, "name": name, "value": rendered});
    if matches!(type_id, CustomFieldType::CheckBox | CustomFieldType::Radio)
        && let Value::Object(m) = &mut v
    {
        m.insert("otherValue".into(), json!(other));
    }
    v
}

#[derive(Serialize)]
struct IdName<'a> {
    id: i64,
    name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentJson<'a> {
    id: i64,
    name: &'a str,
    size: i64,
    created_user: UserJson<'a>,
    created: Ts,
}

/// `{id, name, size, createdUser, created}` (in an issue, or `GET /issues/:k/attachments`).
pub fn attachment<'a>(space: &'a Space, a: &'a Attachment) -> AttachmentJson<'a> {
    AttachmentJson {
        id: a.id,
        name: &a.name,
        size: a.size,
        created_user: user_by_id(space, a.created_user_id),
        created: Ts(a.created),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SharedFileJson<'a> {
    id: i64,
    #[serde(rename = "type")]
    kind: &'static str,
    dir: &'a str,
    name: &'a str,
    size: i64,
    created_user: UserJson<'a>,
    created: Ts,
    updated_user: Option<UserJson<'a>>,
    updated: Ts,
}

/// `{id, type, dir, name, size, createdUser, created, updatedUser, updated}`.
fn shared_file<'a>(space: &'a Space, f: &'a SharedFile) -> SharedFileJson<'a> {
    SharedFileJson {
        id: f.id,
        kind: "file",
        dir: &f.dir,
        name: &f.name,
        size: f.size,
        created_user: user_by_id(space, f.created_user_id),
        created: Ts(f.created),
        updated_user: None,
        updated: Ts(f.created),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StarJson<'a> {
    id: i64,
    comment: Option<&'a str>,
    url: &'a str,
    title: &'a str,
    presenter: UserJson<'a>,
    created: Ts,
}

fn star<'a>(space: &'a Space, s: &'a Star) -> StarJson<'a> {
    StarJson {
        id: s.id,
        comment: s.comment.as_deref(),
        url: &s.url,
        title: &s.title,
        presenter: user_by_id(space, s.presenter_id),
        created: Ts(s.created),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IssueJson<'a> {
    id: i64,
    project_id: i64,
    issue_key: String,
    key_id: i64,
    issue_type: IssueTypeJson<'a>,
    summary: &'a str,
    description: &'a str,
    resolution: Option<IdName<'static>>,
    priority: IdName<'static>,
    status: StatusJson<'a>,
    assignee: Option<UserJson<'a>>,
    category: Vec<CategoryJson<'a>>,
    versions: Vec<VersionJson<'a>>,
    milestone: Vec<VersionJson<'a>>,
    start_date: Option<Day>,
    due_date: Option<Day>,
    estimated_hours: Option<f64>,
    actual_hours: Option<f64>,
    parent_issue_id: Option<i64>,
    created_user: UserJson<'a>,
    created: Ts,
    updated_user: UserJson<'a>,
    updated: Ts,
    custom_fields: Vec<Value>,
    attachments: Vec<AttachmentJson<'a>>,
    shared_files: Vec<SharedFileJson<'a>>,
    stars: Vec<StarJson<'a>>,
}

pub fn issue<'a>(space: &'a Space, i: &'a Issue) -> IssueJson<'a> {
    let project = space.project(i.project_id);
    let issue_type = project.and_then(|p| p.issue_type(i.issue_type_id)).map_or(
        IssueTypeJson {
            id: i.issue_type_id,
            project_id: i.project_id,
            name: "",
            color: "",
            display_order: 0,
            template_summary: None,
            template_description: None,
        },
        embedded_issue_type,
    );
    let status_json = project.and_then(|p| p.status(i.status_id)).map_or(
        StatusJson {
            id: i.status_id,
            project_id: i.project_id,
            name: "",
            color: "",
            display_order: 0,
        },
        status,
    );
    let versions = |ids: &'a [i64]| -> Vec<VersionJson<'a>> {
        ids.iter()
            .filter_map(|&id| project.and_then(|p| p.version(id)))
            .map(version)
            .collect()
    };
    IssueJson {
        id: i.id,
        project_id: i.project_id,
        issue_key: space.issue_key(i),
        key_id: i.key_id,
        issue_type,
        summary: &i.summary,
        description: &i.description,
        resolution: i.resolution_id.map(|id| IdName {
            id,
            name: resolution_name(id),
        }),
        priority: IdName {
            id: i.priority_id,
            name: priority_name(i.priority_id),
        },
        status: status_json,
        assignee: i.assignee_id.map(|id| user_by_id(space, id)),
        category: i
            .category_ids
            .iter()
            .filter_map(|&id| project.and_then(|p| p.category(id)))
            .map(category)
            .collect(),
        versions: versions(&i.version_ids),
        milestone: versions(&i.milestone_ids),
        start_date: i.start_date.map(Day),
        due_date: i.due_date.map(Day),
        estimated_hours: i.estimated_hours,
        actual_hours: i.actual_hours,
        parent_issue_id: i.parent_issue_id,
        created_user: user_by_id(space, i.created_user_id),
        created: Ts(i.created),
        updated_user: user_by_id(space, i.updated_user_id),
        updated: Ts(i.updated),
        custom_fields: i
            .custom_fields
            .iter()
            .map(|(id, v)| {
                let other = i
                    .custom_field_other_values
                    .iter()
                    .find(|(f, _)| f == id)
                    .map(|(_, text)| text.as_str());
                custom_value(project.and_then(|p| p.custom_field(*id)), *id, v, other)
            })
            .collect(),
        attachments: i.attachments.iter().map(|a| attachment(space, a)).collect(),
        shared_files: i
            .shared_files
            .iter()
            .map(|f| shared_file(space, f))
            .collect(),
        stars: i.stars.iter().map(|s| star(space, s)).collect(),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChangeLogJson<'a> {
    field: &'a str,
    new_value: Option<&'a str>,
    original_value: Option<&'a str>,
    attachment_info: Option<IdName<'a>>,
    attribute_info: Option<AttributeInfoJson>,
    notification_info: Option<()>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AttributeInfoJson {
    id: i64,
    type_id: i64,
}

fn change_log(c: &ChangeLogEntry) -> ChangeLogJson<'_> {
    ChangeLogJson {
        field: &c.field,
        new_value: c.new_value.as_deref(),
        original_value: c.original_value.as_deref(),
        attachment_info: c
            .attachment_info
            .as_ref()
            .map(|(id, name)| IdName { id: *id, name }),
        attribute_info: c
            .attribute_info
            .map(|(id, type_id)| AttributeInfoJson { id, type_id }),
        notification_info: None,
    }
}

/// `{id, alreadyRead, reason, user, resourceAlreadyRead}`
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CommentNotificationJson<'a> {
    id: i64,
    already_read: bool,
    reason: i64,
    user: UserJson<'a>,
    resource_already_read: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommentJson<'a> {
    id: i64,
    project_id: i64,
    issue_id: i64,
    content: &'a str,
    change_log: Vec<ChangeLogJson<'a>>,
    created_user: UserJson<'a>,
    created: Ts,
    updated: Ts,
    stars: Vec<StarJson<'a>>,
    notifications: Vec<CommentNotificationJson<'a>>,
}

/// A comment; `notifications` are the users named in `notifiedUserId[]` (reason 2,
/// unread), with ids derived from the comment id.
pub fn comment<'a>(space: &'a Space, issue: &Issue, c: &'a Comment) -> CommentJson<'a> {
    CommentJson {
        id: c.id,
        project_id: issue.project_id,
        issue_id: issue.id,
        content: &c.content,
        change_log: c.change_log.iter().map(change_log).collect(),
        created_user: user_by_id(space, c.created_user_id),
        created: Ts(c.created),
        updated: Ts(c.updated),
        stars: c.stars.iter().map(|s| star(space, s)).collect(),
        notifications: (0..)
            .zip(&c.notified_user_ids)
            .map(|(n, &user)| CommentNotificationJson {
                id: c.id * 100 + n,
                already_read: false,
                reason: 2,
                user: user_by_id(space, user),
                resource_already_read: false,
            })
            .collect(),
    }
}

/// An issue in `GET /issues/:k/relatedIssues`: the issue plus `"type": "RELATES"`.
#[derive(Serialize)]
pub struct RelatedIssueJson<'a> {
    #[serde(flatten)]
    issue: IssueJson<'a>,
    #[serde(rename = "type")]
    kind: &'static str,
}

pub fn related_issue<'a>(space: &'a Space, i: &'a Issue) -> RelatedIssueJson<'a> {
    RelatedIssueJson {
        issue: issue(space, i),
        kind: "RELATES",
    }
}

/// `[{id, name}]` for `GET /priorities` and `GET /resolutions`.
pub fn id_names(pairs: &[(i64, &str)]) -> Value {
    Value::Array(
        pairs
            .iter()
            .map(|(id, name)| json!({"id": id, "name": name}))
            .collect(),
    )
}
