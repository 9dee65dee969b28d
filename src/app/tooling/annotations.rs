//! Honest behaviour hints for each kind of tool.

use crate::ports::ToolAnnotations;

/// Reads from Backlog only.
pub const READS: ToolAnnotations = ToolAnnotations::READ;

/// Creates something new; calling twice creates two.
pub const CREATES: ToolAnnotations = ToolAnnotations {
    read_only: false,
    destructive: false,
    idempotent: false,
    open_world: true,
};

/// Overwrites values; the same call again changes nothing more.
pub const OVERWRITES: ToolAnnotations = ToolAnnotations {
    read_only: false,
    destructive: true,
    idempotent: true,
    open_world: true,
};

/// Overwrites values and may append (a comment); the same call again appends again.
pub const OVERWRITES_AND_APPENDS: ToolAnnotations = ToolAnnotations {
    read_only: false,
    destructive: true,
    idempotent: false,
    open_world: true,
};

/// Deletes or unlinks something.
pub const DELETES: ToolAnnotations = ToolAnnotations {
    read_only: false,
    destructive: true,
    idempotent: true,
    open_world: true,
};

/// Changes only a read/unread marker.
pub const MARKS: ToolAnnotations = ToolAnnotations {
    read_only: false,
    destructive: false,
    idempotent: true,
    open_world: true,
};
