//! What issues to look for, and how to page through them. Every field holds a
//! validated type (positive ids, real dates, ordered ranges), so a filter that
//! exists is a filter Backlog will accept.

use super::calendar_date::DateRange;
use super::ids::{
    CategoryId, CustomFieldId, IssueId, IssueTypeId, PriorityId, ProjectId, ResolutionId, StatusId,
    UserId, VersionId,
};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct IssueFilter {
    pub project_ids: Vec<ProjectId>,
    pub issue_type_ids: Vec<IssueTypeId>,
    pub category_ids: Vec<CategoryId>,
    pub version_ids: Vec<VersionId>,
    pub milestone_ids: Vec<VersionId>,
    pub status_ids: Vec<StatusId>,
    pub priority_ids: Vec<PriorityId>,
    pub assignee_ids: Vec<UserId>,
    pub created_user_ids: Vec<UserId>,
    pub resolution_ids: Vec<ResolutionId>,
    pub parent_issue_ids: Vec<IssueId>,
    pub issue_ids: Vec<IssueId>,
    pub keyword: Option<String>,
    pub parent_child: Option<ParentChild>,
    pub has_attachment: Option<bool>,
    pub has_shared_file: Option<bool>,
    pub created: DateRange,
    pub updated: DateRange,
    pub start_date: DateRange,
    pub due_date: DateRange,
    pub custom_fields: Vec<CustomFieldCondition>,
}

/// Backlog's `parentChild` filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParentChild {
    All,
    ExcludeChildren,
    ChildrenOnly,
    NeitherParentNorChild,
    ParentsOnly,
}

impl ParentChild {
    pub fn code(self) -> u8 {
        match self {
            Self::All => 0,
            Self::ExcludeChildren => 1,
            Self::ChildrenOnly => 2,
            Self::NeitherParentNorChild => 3,
            Self::ParentsOnly => 4,
        }
    }

    pub fn from_code(code: i64) -> Option<Self> {
        Some(match code {
            0 => Self::All,
            1 => Self::ExcludeChildren,
            2 => Self::ChildrenOnly,
            3 => Self::NeitherParentNorChild,
            4 => Self::ParentsOnly,
            _ => return None,
        })
    }
}

/// A condition on a custom field's value.
#[derive(Debug, Clone, PartialEq)]
pub enum CustomFieldCondition {
    /// The text contains the keyword.
    Text {
        id: CustomFieldId,
        keyword: String,
    },
    Numeric {
        id: CustomFieldId,
        min: Option<f64>,
        max: Option<f64>,
    },
    Date {
        id: CustomFieldId,
        range: DateRange,
    },
    /// One of these list items is chosen.
    Items {
        id: CustomFieldId,
        item_ids: Vec<i64>,
    },
}

/// The issue attribute a list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueSort {
    IssueType,
    Category,
    Version,
    Milestone,
    Summary,
    Status,
    Priority,
    Attachment,
    SharedFile,
    Created,
    CreatedUser,
    Updated,
    UpdatedUser,
    Assignee,
    StartDate,
    DueDate,
    EstimatedHours,
    ActualHours,
    ChildIssue,
    CustomField(CustomFieldId),
}

impl IssueSort {
    /// Every fixed sort key, by its Backlog name.
    pub const NAMED: [(&'static str, IssueSort); 19] = [
        ("issueType", Self::IssueType),
        ("category", Self::Category),
        ("version", Self::Version),
        ("milestone", Self::Milestone),
        ("summary", Self::Summary),
        ("status", Self::Status),
        ("priority", Self::Priority),
        ("attachment", Self::Attachment),
        ("sharedFile", Self::SharedFile),
        ("created", Self::Created),
        ("createdUser", Self::CreatedUser),
        ("updated", Self::Updated),
        ("updatedUser", Self::UpdatedUser),
        ("assignee", Self::Assignee),
        ("startDate", Self::StartDate),
        ("dueDate", Self::DueDate),
        ("estimatedHours", Self::EstimatedHours),
        ("actualHours", Self::ActualHours),
        ("childIssue", Self::ChildIssue),
    ];

    pub fn parse(name: &str) -> Option<Self> {
        if let Some(id) = name.strip_prefix("customField_") {
            return id
                .parse::<i64>()
                .ok()
                .and_then(|id| CustomFieldId::new(id).ok())
                .map(Self::CustomField);
        }
        Self::NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, sort)| *sort)
    }

    pub fn name(self) -> String {
        match self {
            Self::CustomField(id) => format!("customField_{id}"),
            fixed => Self::NAMED
                .iter()
                .find(|(_, sort)| *sort == fixed)
                .map(|(n, _)| (*n).to_owned())
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    Asc,
    #[default]
    Desc,
}

impl SortOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
        }
    }
}

/// How many items one Backlog list request returns: 1 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PageSize(u8);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("count must be between 1 and 100 (got {0})")]
pub struct InvalidPageSize(pub i64);

impl PageSize {
    pub const MAX: Self = Self(100);

    pub fn new(count: i64) -> Result<Self, InvalidPageSize> {
        u8::try_from(count)
            .ok()
            .filter(|c| (1..=100).contains(c))
            .map(Self)
            .ok_or(InvalidPageSize(count))
    }

    pub fn get(self) -> u64 {
        u64::from(self.0)
    }
}

/// One page of a filtered, sorted issue list.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueQuery {
    pub filter: IssueFilter,
    pub sort: Option<IssueSort>,
    pub order: SortOrder,
    pub offset: u64,
    pub count: PageSize,
}

impl IssueQuery {
    pub fn first_page(filter: IssueFilter) -> Self {
        Self {
            filter,
            sort: None,
            order: SortOrder::Desc,
            offset: 0,
            count: PageSize::MAX,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_names_round_trip() {
        for (name, sort) in IssueSort::NAMED {
            assert_eq!(IssueSort::parse(name), Some(sort));
            assert_eq!(sort.name(), name);
        }
        let custom = IssueSort::parse("customField_12").unwrap();
        assert_eq!(custom.name(), "customField_12");
        assert_eq!(IssueSort::parse("customField_0"), None);
        assert_eq!(IssueSort::parse("id"), None);
    }

    #[test]
    fn page_sizes_are_one_to_a_hundred() {
        assert_eq!(PageSize::new(100).map(PageSize::get), Ok(100));
        assert_eq!(PageSize::new(1).map(PageSize::get), Ok(1));
        assert_eq!(PageSize::new(0), Err(InvalidPageSize(0)));
        assert_eq!(PageSize::new(101), Err(InvalidPageSize(101)));
        assert_eq!(PageSize::new(-3), Err(InvalidPageSize(-3)));
    }

    #[test]
    fn parent_child_codes_round_trip() {
        for code in 0..=4 {
            assert_eq!(
                ParentChild::from_code(code).map(|p| i64::from(p.code())),
                Some(code)
            );
        }
        assert_eq!(ParentChild::from_code(5), None);
    }
}
