//! The parameters the scope sweep has no case for, and why.

use serde_json::{Map, Value};

/// Parameters that name nothing a project owns, or only something inside the
/// project or issue named beside them (a category of `projectKey`'s project, a
/// comment of `issueKey`'s issue), or a condition of a list the server narrows
/// to the allowed projects (checked by the request log all the same). Every
/// other parameter needs a case in the sweep: a tool with a parameter in
/// neither fails it, so a new parameter is classified before it ships.
#[rustfmt::skip]
const NAMES_NOTHING_OUTSIDE: &[&str] = &[
    // what is asked for and how it is shown
    "timezone", "fields", "count", "offset", "order", "sort", "minId", "maxId", "keyword",
    "parentChild", "all", "archived", "format", "maxBytes", "dryRun", "dry_run",
    "resourceAlreadyRead", "alreadyRead", "since", "until", "activityTypeId", "issue_title",
    // dates
    "startDate", "dueDate", "releaseDueDate", "startDateSince", "startDateUntil",
    "dueDateSince", "dueDateUntil", "createdSince", "createdUntil", "updatedSince",
    "updatedUntil", "start_date_since", "start_date_until", "due_date_since",
    "due_date_until", "created_since", "created_until", "updated_since", "updated_until",
    // texts and settings written
    "summary", "description", "content", "comment", "note", "name", "key",
    "estimatedHours", "actualHours", "chartEnabled", "subtaskingEnabled",
    "projectLeaderCanEditProjectLeader", "textFormattingRule",
    // the space's vocabulary, users to notify
    "priorityId", "resolutionId", "notifiedUserId",
    // inside the named project or issue, or conditions of a narrowed search
    "issueTypeId", "categoryId", "versionId", "milestoneId", "statusId", "customFields",
    "status_ids", "milestone_ids", "commentId", "attachmentId",
];

/// Whether a parameter without a sweep case names nothing outside the allowed
/// projects (`properties`: its tool's other parameters).
pub fn names_nothing_outside(parameter: &str, properties: &Map<String, Value>) -> bool {
    NAMES_NOTHING_OUTSIDE.contains(&parameter)
        // A version's `id` is inside the project named beside it.
        || (parameter == "id" && properties.contains_key("projectKey"))
}
