//! Numeric identifiers. Backlog ids are positive 64-bit integers (real spaces use
//! ten-digit ids), so every id is an `i64` that was checked to be `> 0`.

use std::fmt;

/// An id that is not a positive integer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value} is not a valid id: Backlog ids are positive integers")]
pub struct InvalidId {
    pub value: i64,
}

macro_rules! positive_id {
    ($($(#[$doc:meta])* $name:ident;)+) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(i64);

        impl $name {
            /// Accepts only positive values.
            pub fn new(value: i64) -> Result<Self, InvalidId> {
                if value > 0 { Ok(Self(value)) } else { Err(InvalidId { value }) }
            }

            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl TryFrom<i64> for $name {
            type Error = InvalidId;
            fn try_from(value: i64) -> Result<Self, InvalidId> {
                Self::new(value)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }
    )+};
}

positive_id! {
    /// A project's numeric id.
    ProjectId;
    /// An issue's numeric id (not its `KEY-1` key).
    IssueId;
    /// A user's numeric id (not the login id).
    UserId;
    /// A project status id: 1–4 are the defaults every project has, custom statuses get larger ids.
    StatusId;
    IssueTypeId;
    /// Backlog's priorities: 2 High, 3 Normal, 4 Low.
    PriorityId;
    CategoryId;
    /// Versions and milestones are the same Backlog object.
    VersionId;
    CommentId;
    CustomFieldId;
    AttachmentId;
    /// A file of a project's file sharing.
    SharedFileId;
    WatchingId;
    ActivityId;
    NotificationId;
}

impl StatusId {
    /// The default "Closed" (完了) status every project has.
    pub const CLOSED: Self = Self(4);
}

impl PriorityId {
    /// "Normal" (中), the priority Backlog gives an issue unless told otherwise.
    pub const NORMAL: Self = Self(3);
}

/// A resolution id. Unlike other ids, 0 ("Fixed") is valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ResolutionId(i64);

impl ResolutionId {
    pub fn new(value: i64) -> Result<Self, InvalidId> {
        if value >= 0 {
            Ok(Self(value))
        } else {
            Err(InvalidId { value })
        }
    }

    pub fn get(self) -> i64 {
        self.0
    }
}

impl From<ResolutionId> for i64 {
    fn from(id: ResolutionId) -> i64 {
        id.0
    }
}

impl fmt::Display for ResolutionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positive_ids_are_accepted_and_others_rejected() {
        assert_eq!(ProjectId::new(1).map(ProjectId::get), Ok(1));
        assert_eq!(
            ProjectId::new(1_079_313_630).map(ProjectId::get),
            Ok(1_079_313_630)
        );
        assert_eq!(ProjectId::new(0), Err(InvalidId { value: 0 }));
        assert_eq!(UserId::new(-5), Err(InvalidId { value: -5 }));
    }

    #[test]
    fn resolution_zero_is_fixed_and_valid() {
        assert_eq!(ResolutionId::new(0).map(ResolutionId::get), Ok(0));
        assert!(ResolutionId::new(-1).is_err());
    }

    #[test]
    fn error_message_names_the_value_and_the_rule() {
        let message = IssueId::new(0).unwrap_err().to_string();
        assert_eq!(
            message,
            "0 is not a valid id: Backlog ids are positive integers"
        );
    }
}
